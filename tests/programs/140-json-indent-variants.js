// JSON.stringify indentation arguments: numbers, strings, clamping to 10.
const v = { a: [1, { b: 2 }], c: "d" };
console.log(JSON.stringify(v, null, 0));
console.log(JSON.stringify(v, null, 1));
console.log(JSON.stringify(v, null, 12));
console.log(JSON.stringify(v, null, "abcdefghijkl"));
console.log(JSON.stringify(v, null, ""));
console.log(JSON.stringify([[]], null, 2), JSON.stringify([{}], null, 2));
