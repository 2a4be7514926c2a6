// A recursive deep-equality check over JSON-like values.
function deepEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(k => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
}
const cases = [
  [{ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }],
  [{ a: 1 }, { a: 1, b: undefined }],
  [[1, 2], { 0: 1, 1: 2 }],
  [NaN, NaN],
  [{ x: { y: { z: [] } } }, { x: { y: { z: [] } } }],
  [{ x: 1, y: 2 }, { y: 2, x: 1 }],
  [null, {}],
];
for (const [a, b] of cases) console.log(deepEqual(a, b));
