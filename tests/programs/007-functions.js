// Function declarations, expressions and arrows.
function add(a, b) {
  return a + b;
}
const mul = function (a, b) {
  return a * b;
};
const sub = (a, b) => a - b;
const square = x => x * x;
const makePair = (a, b) => {
  return [a, b];
};
console.log(add(2, 3), mul(4, 5), sub(10, 4), square(9));
console.log(makePair(1, 2));
console.log(add(1), add(1, 2, 3));
const named = function fact(n) {
  return n <= 1 ? 1 : n * fact(n - 1);
};
console.log(named(6));
function apply(f, x) {
  return f(x);
}
console.log(apply(square, 7), apply(x => x + 1, 7));
console.log(typeof add, typeof square);
