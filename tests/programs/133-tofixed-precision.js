// toFixed, toPrecision and toExponential rounding.
const xs = [0.5, 1.5, 2.5, -2.5, 1.005, 1.255, 123.456, 0.000001, 1e-10, 99.995, 1234567.891];
for (const x of xs) console.log(x, x.toFixed(0), x.toFixed(2), x.toPrecision(3), x.toExponential(1));
console.log((0).toPrecision(1), (-0).toFixed(2), (1e21).toPrecision(3), (12345).toPrecision(2));
try {
  (1).toPrecision(0);
} catch (e) {
  console.log(e.name, e.message);
}
