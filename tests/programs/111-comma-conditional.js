// The comma operator, nested conditionals and grouping.
let a = (1, 2, 3);
console.log(a);
let i, j;
for (i = 0, j = 10; i < j; i += 3, j -= 3);
console.log(i, j);
const f = n => (n < 0 ? "neg" : n === 0 ? "zero" : n < 10 ? "digit" : "big");
console.log([-1, 0, 5, 50].map(f));
const t = true ? false ? 1 : 2 : 3;
console.log(t);
let count = 0;
const v = (count++, count++, count);
console.log(v, count);
