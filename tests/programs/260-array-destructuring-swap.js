// Swaps, rotations and nested destructuring in loops.
let a = 1, b = 2, c = 3;
[a, b, c] = [c, a, b];
console.log(a, b, c);
const arr = [1, 2, 3, 4, 5];
for (let i = 0, j = arr.length - 1; i < j; i++, j--) [arr[i], arr[j]] = [arr[j], arr[i]];
console.log(arr);
const pairs = [[1, { v: "one" }], [2, { v: "two" }]];
for (const [n, { v }] of pairs) console.log(n, v);
const { length, 0: first, [arr.length - 1]: last } = arr;
console.log(length, first, last);
