// The arguments object of ordinary functions.
function countArgs() {
  return arguments.length;
}
console.log(countArgs(), countArgs(1, 2, 3), countArgs(undefined));
function sumAll() {
  let s = 0;
  for (let i = 0; i < arguments.length; i++) s += arguments[i];
  return s;
}
console.log(sumAll(1, 2, 3, 4));
function toArray() {
  return Array.from(arguments);
}
console.log(toArray("a", "b"));
function rest(first, ...others) {
  return [first, others, others.length];
}
console.log(rest(1), rest(1, 2, 3));
function defaults(a, b = a * 2, c = a + b) {
  return [a, b, c];
}
console.log(defaults(1), defaults(1, 5), defaults(1, undefined, 0));
console.log(sumAll.length, rest.length, defaults.length);
