// Math functions and constants.
console.log(Math.PI, Math.E, Math.LN2, Math.LN10, Math.LOG2E, Math.SQRT1_2);
console.log(Math.floor(-2.5), Math.ceil(-2.5), Math.round(-2.5), Math.round(2.5), Math.round(-0.4), Math.trunc(-2.7));
console.log(Math.abs(-3), Math.sign(-3), Math.sign(0), Math.sign(-0), Math.sqrt(2), Math.cbrt(27));
console.log(Math.pow(2, 10), Math.hypot(3, 4), Math.max(1, NaN), Math.min(-0, 0));
console.log(Math.sin(0), Math.cos(Math.PI), Math.atan2(1, 1), Math.exp(1), Math.log(Math.E), Math.log2(8), Math.log10(1000));
console.log(Math.fround(5.5), Math.fround(5.05), Math.clz32(1), Math.imul(3, 4), Math.imul(0xffffffff, 5));
console.log(Math.floor(1e21), Math.round(0.49999999999999994), Math.max(), Math.min());
const angles = [0, 30, 45, 60, 90];
console.log(angles.map(d => Math.sin((d * Math.PI) / 180).toFixed(4)));
