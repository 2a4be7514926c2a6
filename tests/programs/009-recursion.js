// Classic recursive functions.
function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
function factorial(n) {
  if (n <= 1) return 1;
  return n * factorial(n - 1);
}
function isEven(n) {
  return n === 0 ? true : isOdd(n - 1);
}
function isOdd(n) {
  return n === 0 ? false : isEven(n - 1);
}
function ackermann(m, n) {
  if (m === 0) return n + 1;
  if (n === 0) return ackermann(m - 1, 1);
  return ackermann(m - 1, ackermann(m, n - 1));
}
for (let i = 0; i <= 15; i++) console.log("fib", i, fib(i));
console.log(factorial(10), factorial(20), factorial(25));
console.log(isEven(10), isOdd(7), isEven(7));
console.log(ackermann(2, 3), ackermann(3, 3));
