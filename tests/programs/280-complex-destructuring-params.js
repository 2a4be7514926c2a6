// Destructuring in function parameters with nested defaults.
function render({ title = "Untitled", size: { w = 100, h = 50 } = {}, tags: [firstTag = "none", ...moreTags] = [] } = {}) {
  return `${title} ${w}x${h} ${firstTag} +${moreTags.length}`;
}
console.log(render());
console.log(render({ title: "Card" }));
console.log(render({ size: { w: 3 }, tags: ["a", "b", "c"] }));
console.log(render({ size: {}, tags: [] }));
const pick = ({ a, c }) => ({ a, c });
console.log(pick({ a: 1, b: 2, c: 3 }));
const entries = Object.entries({ x: 1, y: 2 }).map(([key, value]) => `${key}=${value}`);
console.log(entries);
