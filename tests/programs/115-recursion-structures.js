// Recursion over trees: depth, sum, flatten, permutations, power set.
const tree = { v: 1, kids: [{ v: 2, kids: [{ v: 4, kids: [] }] }, { v: 3, kids: [{ v: 5, kids: [] }, { v: 6, kids: [] }] }] };
const sum = t => t.v + t.kids.reduce((a, k) => a + sum(k), 0);
const depth = t => 1 + Math.max(0, ...t.kids.map(depth));
const flatten = t => [t.v, ...t.kids.flatMap(flatten)];
console.log(sum(tree), depth(tree), flatten(tree));
function permutations(xs) {
  if (xs.length <= 1) return [xs];
  const out = [];
  xs.forEach((x, i) => {
    for (const p of permutations([...xs.slice(0, i), ...xs.slice(i + 1)])) out.push([x, ...p]);
  });
  return out;
}
console.log(permutations([1, 2, 3]).map(p => p.join("")).join(" "));
const powerset = xs => (xs.length === 0 ? [[]] : powerset(xs.slice(1)).flatMap(s => [s, [xs[0], ...s]]));
console.log(powerset(["a", "b", "c"]));
