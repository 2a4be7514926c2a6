// Number.prototype.toLocaleString (en-US): three fraction digits at most, rounded half up
// from the shortest form, grouped thousands, signed zero and the infinities.
const values = [12345.6789, 0, -0, 0.0005, 0.0004999, 999.9996, -1234567.891, 1e21, 1.5e-7, 123, 1000, 0.1,
  2.0005, 1.0045, -0.0001, NaN, Infinity, -Infinity, 5e-324, 1.7976931348623157e308, 99999.9999];
for (const x of values) console.log(x.toLocaleString());
const prices = [1999.5, 25, 1234567];
console.log(prices.map((p) => p.toLocaleString()).join(' | '));
