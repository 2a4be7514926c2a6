// Flattening by hand vs flat(), and counting leaves in nested arrays.
const nested = [1, [2, [3, [4, [5, [6]]]]], [], [[7, 8], 9]];
function flatten(xs) {
  const out = [];
  for (const x of xs) Array.isArray(x) ? out.push(...flatten(x)) : out.push(x);
  return out;
}
console.log(flatten(nested), nested.flat(Infinity), nested.flat(), nested.flat(2));
const depth = x => (Array.isArray(x) ? 1 + Math.max(0, ...x.map(depth)) : 0);
console.log(depth(nested), depth([]), depth(5));
console.log(nested);
