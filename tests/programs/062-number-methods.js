// Number.prototype.toFixed / toString(radix) / toPrecision and Number statics.
const xs = [0, 1, -1.5, 3.14159, 1234.5678, 0.000123, 1e21, 123456789];
for (const x of xs) {
  console.log(x.toFixed(2), x.toString(), x.toPrecision(4), x.toString(16), x.toExponential(2));
}
console.log((0.1).toFixed(20), (1.005).toFixed(2), (1.45).toFixed(1), (-1.45).toFixed(1));
console.log((255).toString(36), (0.5).toString(2), (-7.25).toString(8), (2 ** 40).toString(32));
console.log(Number.isInteger(1e21), Number.isSafeInteger(2 ** 53), Number.isSafeInteger(2 ** 53 - 1));
console.log(Number.parseFloat("1.5e3"), Number.parseInt("ff", 16), Number.parseInt("0x1A"), parseInt("101", 2));
console.log(parseInt("z", 36), parseInt("12", 3), parseInt(""), parseInt("-0"), parseInt("9".repeat(25)));
console.log((25).toString(10), Number("1e1000"), Number("-0"), 1 / Number("-0"));
