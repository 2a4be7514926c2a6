// Memoised recursion with plain objects: grid paths and partitions.
const memo = {};
function paths(r, c) {
  if (r === 0 || c === 0) return 1;
  const key = r + "," + c;
  if (key in memo) return memo[key];
  return (memo[key] = paths(r - 1, c) + paths(r, c - 1));
}
console.log(paths(2, 2), paths(10, 10), paths(16, 16), Object.keys(memo).length);
const pmemo = new Map();
function partitions(n, max = n) {
  if (n === 0) return 1;
  if (n < 0 || max === 0) return 0;
  const key = n * 1000 + max;
  if (!pmemo.has(key)) pmemo.set(key, partitions(n - max, max) + partitions(n, max - 1));
  return pmemo.get(key);
}
console.log([1, 5, 10, 50, 100].map(n => partitions(n)));
