// undefined and null in printing, arithmetic and equality.
let u;
let n = null;
console.log(u, n);
console.log(typeof u, typeof n);
console.log(u == n, u === n, u == 0, n == 0);
console.log(u + 1, n + 1, "x" + u, "x" + n);
console.log([u, n]);
function noReturn() {}
console.log(noReturn());
function early(x) {
  if (x) return;
  return 5;
}
console.log(early(true), early(false));
console.log(void 0);
