// Math.max/min with spreads, NaN and -0, over computed arrays.
const xs = Array.from({ length: 20 }, (_, i) => ((i * 37) % 23) - 11);
console.log(Math.max(...xs), Math.min(...xs), xs.indexOf(Math.max(...xs)));
console.log(Math.max(1, "5", null), Math.min(undefined, 1), Math.max([3]), Math.max([1, 2]));
console.log(Object.is(Math.max(-0, 0), 0), Object.is(Math.min(-0, 0), -0));
