// Math functions as values, the inverse hyperbolics, fround's range and the sign of zero.
console.log(Math.asinh(1), Math.acosh(2), Math.atanh(0.5), Math.asinh(0), Math.atanh(1));
console.log([1, 4, 9, 16].map(Math.sqrt), [1.5, -2.5, 2.5].map(Math.round), [-1, 2, -3].map(Math.abs));
console.log([0.4, 1.6, -0.5].map(Math.floor), [0.4, 1.6].map(Math.ceil), [-7.9].map(Math.trunc));
console.log(Math.fround(1e40), Math.fround(-1e40), Math.fround(5.5), Math.fround(1.1), Math.fround(0.1));
const big = 1e40;
console.log(Math.fround(big), Math.fround(3.4028235e38));
console.log(Object.is(Math.max(-0, 0), 0), Object.is(Math.max(-0), -0), Object.is(Math.min(0, -0), -0));
console.log(Object.is(Math.max(0, -0), 0), Object.is(Math.min(-0), -0), Object.is(Math.min(-0, 0), -0));
const neg = -0;
console.log(Object.is(Math.max(neg), -0), Object.is(Math.max(neg, neg), -0), 1 / Math.min(0, neg));
const unary = [Math.floor, Math.ceil, Math.trunc, Math.sign, Math.abs, Math.sqrt, Math.asinh, Math.fround];
for (const f of unary) console.log(f.name, f(-2.5), f(9));
console.log([3, 1, 2].reduce((a, b) => Math.max(a, b)), Math.max.apply(null, [1, 5, 2]), Math.min(...[4, 2, 8]));
console.log([[1, 2], [3, 4]].map(([a, b]) => Math.hypot(a, b)));
