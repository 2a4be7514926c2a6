// An uncaught RangeError from a built-in, after output.
const sizes = [3, 2, 1, 0];
for (const n of sizes) console.log("array of", n, new Array(n).fill("x").join(""));
console.log(new Array(-5));
