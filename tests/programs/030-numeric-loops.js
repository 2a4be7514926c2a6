// Numeric loops with floating point accumulation.
let x = 0;
for (let i = 0; i < 10; i++) x += 0.1;
console.log(x, x === 1);
let pi = 0;
for (let k = 0; k < 1000; k++) pi += (k % 2 === 0 ? 4 : -4) / (2 * k + 1);
console.log(pi);
let e = 1;
let term = 1;
for (let n = 1; n < 20; n++) {
  term /= n;
  e += term;
}
console.log(e, Math.E, e === Math.E);
let r = 1;
for (let i = 0; i < 30; i++) r = (r + 2 / r) / 2;
console.log(r, Math.SQRT2);
let big = 1;
for (let i = 0; i < 80; i++) big *= 3;
console.log(big);
