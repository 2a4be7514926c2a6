// Sparse arrays: runs of holes collapse into "<n empty items>".
const a = new Array(10);
a[2] = "two";
a[7] = "seven";
console.log(a);
const b = [];
b[100] = 1;
console.log(b);
const c = [1, 2, 3];
c.length = 6;
console.log(c);
console.log(new Array(1), new Array(2), [, ,]);
