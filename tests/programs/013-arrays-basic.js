// Array literals, indexing, length and push.
let a = [1, 2, 3];
console.log(a, a.length, a[0], a[2], a[5]);
a.push(4);
a.push(5, 6);
console.log(a, a.length);
a[0] = 100;
console.log(a);
let empty = [];
console.log(empty, empty.length);
let squares = [];
for (let i = 0; i < 10; i++) squares.push(i * i);
console.log(squares);
let sum = 0;
for (let i = 0; i < squares.length; i++) sum += squares[i];
console.log(sum);
console.log([1.5, -2, 0.1 + 0.2, NaN, Infinity]);
console.log([[1, 2], [3, 4]]);
console.log(a.push(7));
