// Rest parameters with spread calls and arguments forwarding.
function variadic(label, ...nums) {
  return `${label}: ${nums.length} -> ${nums.reduce((a, b) => a + b, 0)}`;
}
console.log(variadic("none"), variadic("some", 1, 2, 3), variadic(...["spread", 4, 5]));
function forward(...args) {
  return variadic(...args);
}
console.log(forward("fwd", 10, 20));
const max = (...xs) => (xs.length ? Math.max(...xs) : -Infinity);
console.log(max(), max(3), max(1, 9, 4));
function lengths(a, b, ...c) {
  return [arguments.length, c.length];
}
console.log(lengths(1), lengths(1, 2, 3, 4));
