// A sloppy function with parameters that only reads its arguments object, through the old
// idioms (Array.prototype.slice.call(arguments, 1), join, indexOf...): no write can tell
// the object from a copy, so it compiles. (A method taking a callback, such as map, hands
// the callback the object, which could write it: that one is refused.)
function tail(first) {
  const rest = Array.prototype.slice.call(arguments, 1);
  return first + ':' + rest.join(',');
}
console.log(tail('a', 'b', 'c'), tail('x'));

function describe(kind, n) {
  const at = Array.prototype.indexOf.call(arguments, n);
  const has = Array.prototype.includes.call(arguments, 'extra');
  const all = Array.prototype.concat.call([], Array.prototype.slice.call(arguments));
  return [kind, n, arguments.length, at, has, all.length, Array.prototype.join.call(arguments, '-'),
          Array.prototype.at.call(arguments, -1), typeof arguments].join(' ');
}
console.log(describe('num', 3), describe('str', 'q', 'extra'));

function listed(a, b) {
  const seen = [];
  for (const v of Array.prototype.values.call(arguments)) seen.push(v);
  return [a, b, seen.join('+'), Array.prototype.lastIndexOf.call(arguments, a)].join(' ');
}
console.log(listed(1, 2), listed(4, 5, 4));
