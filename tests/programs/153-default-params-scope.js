// Default parameters are evaluated at call time, left to right.
let calls = 0;
function next() {
  return ++calls;
}
function f(a = next(), b = a * 10, c = [a, b]) {
  return c;
}
console.log(f(), f(), f(5), f(undefined, 1), f(null));
console.log(calls);
function g(x, y = x) {
  return [x, y];
}
console.log(g(1), g(1, 2));
const h = ({ a = 1, b = 2 } = {}, [c = 3] = []) => a + b + c;
console.log(h(), h({ a: 10 }), h({}, [30]));
