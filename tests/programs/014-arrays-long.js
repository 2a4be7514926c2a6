// Printing long arrays: Node groups numeric arrays with more than 6 entries into columns.
let seven = [1, 2, 3, 4, 5, 6, 7];
console.log(seven);
let big = [];
for (let i = 0; i < 30; i++) big.push(i * 37);
console.log(big);
let hundred = [];
for (let i = 0; i < 100; i++) hundred.push(i);
console.log(hundred);
let many = [];
for (let i = 0; i < 120; i++) many.push(i);
console.log(many);
let floats = [];
for (let i = 0; i < 10; i++) floats.push(i / 7);
console.log(floats);
let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota"];
console.log(words);
let negs = [-1, 200, -3000, 40000, -5, 6, 77, -888];
console.log(negs);
