// Number formatting at the edges of exponential notation.
const values = [
  1e21, 9.99e20, 1.2345e21, 123e-20, 1e-7, 1.5e-7, 0.0000001, 0.000001,
  12345678901234567890, 0.1, 0.7, 1.0, 100.5, 4.35, 2.675, 1.005,
];
for (let i = 0; i < values.length; i++) console.log(values[i]);
console.log(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER);
console.log(Number.EPSILON, Number.MAX_VALUE, Number.MIN_VALUE);
console.log(0.1 + 0.7, 3 * 0.1, 1 - 0.9);
console.log(2 ** 64, 2 ** -10, 2 ** 70);
console.log(String(1e21), String(0.000001), String(1e-7), "" + 123.456);
