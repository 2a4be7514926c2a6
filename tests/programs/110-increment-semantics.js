// Pre/post increment on variables, properties and array elements.
let i = 5;
const a = [i++, i, ++i, i, i--, --i];
console.log(a);
const o = { n: 1 };
console.log(o.n++, o.n, ++o.n, o["n"]--, o.n);
const arr = [10, 20];
let k = 0;
arr[k++] += 5;
console.log(arr, k);
let s = "5";
s++;
console.log(s, typeof s);
let u;
u++;
console.log(u);
let x = 1;
x = x++ + ++x;
console.log(x);
