// Simple numeric loop functions typical of hot benchmark kernels.
function sumSquares(n) {
  let s = 0;
  for (let i = 1; i <= n; i++) s += i * i;
  return s;
}
function harmonic(n) {
  let h = 0;
  for (let i = 1; i <= n; i++) h += 1 / i;
  return h;
}
function triangle(n) {
  let t = 0, i = 0;
  while (i < n) t += ++i;
  return t;
}
console.log(sumSquares(10), sumSquares(1000), harmonic(10), harmonic(100000), triangle(100));
