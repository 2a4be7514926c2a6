// The spectral-norm benchmark at a small size.
function A(i, j) {
  return 1 / (((i + j) * (i + j + 1)) / 2 + i + 1);
}
function Au(u, v) {
  for (let i = 0; i < u.length; i++) {
    let t = 0;
    for (let j = 0; j < u.length; j++) t += A(i, j) * u[j];
    v[i] = t;
  }
}
function Atu(u, v) {
  for (let i = 0; i < u.length; i++) {
    let t = 0;
    for (let j = 0; j < u.length; j++) t += A(j, i) * u[j];
    v[i] = t;
  }
}
function AtAu(u, v, w) {
  Au(u, w);
  Atu(w, v);
}
const n = 60;
const u = new Array(n).fill(1), v = new Array(n).fill(0), w = new Array(n).fill(0);
for (let i = 0; i < 10; i++) {
  AtAu(u, v, w);
  AtAu(v, u, w);
}
let vBv = 0, vv = 0;
for (let i = 0; i < n; i++) {
  vBv += u[i] * v[i];
  vv += v[i] * v[i];
}
console.log(Math.sqrt(vBv / vv).toFixed(9));
