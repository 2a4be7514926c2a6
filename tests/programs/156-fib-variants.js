// Fibonacci four ways: recursive, iterative, memoised and matrix power.
function fibRec(n) {
  return n < 2 ? n : fibRec(n - 1) + fibRec(n - 2);
}
function fibIter(n) {
  let a = 0, b = 1;
  for (let i = 0; i < n; i++) [a, b] = [b, a + b];
  return a;
}
const memo = new Map();
function fibMemo(n) {
  if (n < 2) return n;
  if (!memo.has(n)) memo.set(n, fibMemo(n - 1) + fibMemo(n - 2));
  return memo.get(n);
}
function fibMat(n) {
  let r = [1, 0, 0, 1], m = [1, 1, 1, 0];
  const mul = (x, y) => [x[0] * y[0] + x[1] * y[2], x[0] * y[1] + x[1] * y[3], x[2] * y[0] + x[3] * y[2], x[2] * y[1] + x[3] * y[3]];
  while (n > 0) {
    if (n & 1) r = mul(r, m);
    m = mul(m, m);
    n >>= 1;
  }
  return r[1];
}
console.log(fibRec(20), fibIter(20), fibMemo(20), fibMat(20));
console.log(fibIter(78), fibMemo(78), fibMat(78), fibIter(100));
