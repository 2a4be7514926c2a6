// A sloppy function with parameters that only reads its arguments object, through the old
// idioms (Array.prototype.slice.call(arguments, 1), map, join, indexOf...): no write can
// tell the object from a copy, so it compiles.
function tail(first) {
  const rest = Array.prototype.slice.call(arguments, 1);
  return first + ':' + rest.join(',');
}
console.log(tail('a', 'b', 'c'), tail('x'));

function describe(kind, n) {
  const doubled = Array.prototype.map.call(arguments, function (v) { return String(v) + String(v); });
  const at = Array.prototype.indexOf.call(arguments, n);
  return [kind, n, arguments.length, doubled.join('|'), at, Array.prototype.join.call(arguments, '-')].join(' ');
}
console.log(describe('num', 3), describe('str', 'q', 'extra'));

function sum(a, b) {
  let total = 0;
  Array.prototype.forEach.call(arguments, function (v) { total += v; });
  return [a, b, total, Array.prototype.some.call(arguments, function (v) { return v > 5; })].join(' ');
}
console.log(sum(1, 2), sum(4, 5, 6));
