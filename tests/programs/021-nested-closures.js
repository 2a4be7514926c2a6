// Closures over closures: function factories and composition.
function compose(f, g) {
  return x => f(g(x));
}
const inc = x => x + 1;
const dbl = x => x * 2;
console.log(compose(inc, dbl)(5), compose(dbl, inc)(5));
function curry3(f) {
  return a => b => c => f(a, b, c);
}
const vol = curry3((a, b, c) => a * b * c);
console.log(vol(2)(3)(4));
function memoFib() {
  const memo = [0, 1];
  function fib(n) {
    if (n < memo.length) return memo[n];
    const v = fib(n - 1) + fib(n - 2);
    memo.push(v);
    return v;
  }
  return fib;
}
const fib = memoFib();
console.log(fib(50), fib(78));
function once(f) {
  let called = false;
  let result;
  return function (x) {
    if (!called) {
      called = true;
      result = f(x);
    }
    return result;
  };
}
const init = once(x => x * 100);
console.log(init(1), init(2), init(3));
