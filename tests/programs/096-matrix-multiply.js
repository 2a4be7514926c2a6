// Dense matrix multiply and a few matrix utilities over nested arrays.
function matrix(n, m, f) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const row = [];
    for (let j = 0; j < m; j++) row.push(f(i, j));
    rows.push(row);
  }
  return rows;
}
function multiply(a, b) {
  const n = a.length, m = b[0].length, k = b.length;
  const c = matrix(n, m, () => 0);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let t = 0; t < k; t++) s += a[i][t] * b[t][j];
      c[i][j] = s;
    }
  return c;
}
function transpose(a) {
  return matrix(a[0].length, a.length, (i, j) => a[j][i]);
}
const a = matrix(3, 4, (i, j) => i + j);
const b = matrix(4, 2, (i, j) => i * 2 - j);
console.log(multiply(a, b));
console.log(transpose(a));
const id = matrix(4, 4, (i, j) => (i === j ? 1 : 0));
console.log(JSON.stringify(multiply(id, b)) === JSON.stringify(b));
const n = 40;
const big = matrix(n, n, (i, j) => ((i * 31 + j * 17) % 11) / 10);
let p = big;
for (let r = 0; r < 3; r++) p = multiply(p, big);
let trace = 0;
for (let i = 0; i < n; i++) trace += p[i][i];
console.log(trace.toFixed(6));
