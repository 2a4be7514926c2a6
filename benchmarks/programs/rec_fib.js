// Doubly recursive Fibonacci: non-tail recursion, two recursive calls per frame.
function fib(n) {
  if (n < 2) return n;
  return fib(n - 1) + fib(n - 2);
}
console.log("fib(18) =", fib(18));
