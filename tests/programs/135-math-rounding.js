// Rounding helpers built on Math, and their edge cases.
const round2 = x => Math.round(x * 100) / 100;
console.log([1.005, 2.675, 1.455, -1.005, 0.615].map(round2));
console.log([-0.5, 0.5, 1.5, -1.5, 2.5, -2.5].map(Math.round));
console.log([-0.2, 0.2, -1.7].map(Math.trunc), [-0.2, 0.2].map(Math.ceil), [-0.2, 0.2].map(Math.floor));
console.log(Math.round(-0), Math.round(-0.2), Math.ceil(-0.5), Math.sign(-0.0001));
console.log(Math.max(-0, 0), Math.min(0, -0), Math.abs(-0), Math.sqrt(-0), Math.sqrt(-1));
