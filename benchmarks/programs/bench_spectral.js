// bench: train 10, run 300
// Power iteration for the largest singular value of an implicitly defined matrix.
function entry(i, j) { return 1.0 / (((i + j) * (i + j + 1)) / 2 + i + 1); }
function timesVec(v, out) {
  const n = v.length;
  for (let i = 0; i < n; i++) {
    let s = 0.0;
    for (let j = 0; j < n; j++) s += entry(i, j) * v[j];
    out[i] = s;
  }
}
function timesTransposed(v, out) {
  const n = v.length;
  for (let i = 0; i < n; i++) {
    let s = 0.0;
    for (let j = 0; j < n; j++) s += entry(j, i) * v[j];
    out[i] = s;
  }
}
function normalOp(v, out, tmp) { timesVec(v, tmp); timesTransposed(tmp, out); }
const n = Number(process.argv[2] || 40);
const u = new Array(n).fill(1.0), v = new Array(n).fill(0.0), tmp = new Array(n).fill(0.0);
for (let k = 0; k < 10; k++) { normalOp(u, v, tmp); normalOp(v, u, tmp); }
let uv = 0.0, vv = 0.0;
for (let i = 0; i < n; i++) { uv += u[i] * v[i]; vv += v[i] * v[i]; }
console.log(Math.sqrt(uv / vv).toFixed(9));
