// Recursion a few thousand frames deep is fine.
function sumTo(n) {
  return n === 0 ? 0 : n + sumTo(n - 1);
}
console.log(sumTo(3000));
function countNodes(depth) {
  return depth === 0 ? 1 : 1 + countNodes(depth - 1);
}
console.log(countNodes(2500));
const list = [];
for (let i = 0; i < 2000; i++) list.push(i);
function sumList(xs, i = 0) {
  return i >= xs.length ? 0 : xs[i] + sumList(xs, i + 1);
}
console.log(sumList(list));
