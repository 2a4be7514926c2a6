// Array and object destructuring with defaults, rest and nesting.
const [a, b, c = 30, ...rest] = [1, 2, undefined, 4, 5, 6];
console.log(a, b, c, rest);
const { x, y: why, z = "zdef", ...others } = { x: 1, y: 2, p: 3, q: 4 };
console.log(x, why, z, others);
const { inner: { deep, missing = "m" } } = { inner: { deep: "D" } };
console.log(deep, missing);
const [[n1, n2], [n3]] = [[1, 2], [3]];
console.log(n1, n2, n3);
let p = 1, q = 2;
[p, q] = [q, p];
console.log(p, q);
function area({ width = 1, height = 1 } = {}) {
  return width * height;
}
console.log(area({ width: 3, height: 4 }), area({ width: 5 }), area());
function first([head, ...tail]) {
  return [head, tail];
}
console.log(first([9, 8, 7]));
for (const [k, v] of [["a", 1], ["b", 2]]) console.log(k, v);
const [, second, , fourth] = [1, 2, 3, 4];
console.log(second, fourth);
