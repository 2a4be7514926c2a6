// Callbacks receive (value, index, array); map with parseInt is the classic trap.
console.log(["1", "2", "3"].map(parseInt));
console.log(["1", "2", "3"].map(Number), ["1", "2", "3"].map(s => parseInt(s)));
[7, 8].forEach((v, i, arr) => console.log(v, i, arr));
console.log([3, 1, 2].map((v, i, arr) => arr.length - i + v));
console.log(["a", "b"].reduce((acc, v, i, arr) => acc + v + i + arr.length, ""));
