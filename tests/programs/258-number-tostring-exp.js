// The boundary between fixed and exponential notation in Number → String.
const ps = [];
for (let e = -8; e <= 22; e += 2) ps.push(1.5 * 10 ** e);
console.log(ps.map(String).join(" "));
console.log(123e-20, 1.23e-5, 0.00001, 1e-6, 1.1e-6, 999999999999999900000, 1e21 - 65536);
console.log(2 ** 70, 2 ** -20, 1 / 3e10, 4.35 * 100, 1.1 * 1.1);
