// delete removes own properties; void yields undefined.
const o = { a: 1, b: 2, c: 3 };
console.log(delete o.b, o, "b" in o);
console.log(delete o.missing, o);
const arr = [1, 2, 3, 4];
delete arr[1];
console.log(arr, arr.length, arr[1]);
console.log(void 0, void "x", void (1 + 2));
let count = 0;
void count++;
console.log(count);
const key = "c";
delete o[key];
console.log(o, Object.keys(o));
