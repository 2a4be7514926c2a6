// An action multiplying matrices given as parameters, with validation.
function main({ a, b }) {
  if (!Array.isArray(a) || !Array.isArray(b)) return { error: "a and b must be arrays" };
  if (a[0].length !== b.length) return { error: `shape mismatch: ${a.length}x${a[0].length} * ${b.length}x${b[0].length}` };
  const out = a.map(row => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));
  return { rows: out.length, cols: out[0].length, result: out };
}
console.log(main({ a: [[1, 2], [3, 4]], b: [[5, 6], [7, 8]] }));
console.log(main({ a: [[1, 2, 3]], b: [[1], [2], [3]] }));
console.log(main({ a: [[1, 2]], b: [[1, 2]] }));
console.log(main({ a: "nope" }));
