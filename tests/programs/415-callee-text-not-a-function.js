// How V8 quotes the callee in "... is not a function".
const o = { a: { b: 1 }, list: [1], name: 'x' };
const key = 'missing';
let i = 0;
function make() { return 1; }
const attempts = [
  () => o.a.b(),
  () => o[key](),
  () => o.a[key](),
  () => o[key + 1](),
  () => o[i](),
  () => o[i++](),
  () => o['two words'](),
  () => o['a'].b(),
  () => o[1.5](),
  () => o[-1](),
  () => o[true](),
  () => o[null](),
  () => o.list[0](),
  () => o.list[0].x(),
  () => o.list[i](),
  () => ({}).x(),
  () => [].x(),
  () => [1, 2].x(),
  () => 'text'.x(),
  () => `t`.x(),
  () => (1).x(),
  () => true.x(),
  () => o?.a.b(),
  () => o?.a?.b(),
  () => o.a?.b(),
  () => o?.[key](),
  () => (0, o.a)(),
  () => make()(),
  () => make().x(),
  () => JSON.parse('{}').f(),
  () => new Map().nope(),
  () => o.name(),
  () => { const n = 5; n(); },
];
for (const attempt of attempts) {
  try {
    attempt();
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
}
o.a.b();
