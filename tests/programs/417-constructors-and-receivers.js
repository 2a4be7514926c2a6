// `new` on what cannot construct, `extends null`, instanceof's right side, and array
// methods called on null or undefined: V8's messages.
const attempts = [
  () => { const arrow = () => 1; return new arrow(); },
  () => { const o = { method() {} }; return new o.method(); },
  () => { const o = { get g() { return 1; } }; return new (Object.getOwnPropertyDescriptor(o, 'g').get)(); },
  () => { class Util { static helper() {} } return new Util.helper(); },
  () => new Math.max(),
  () => { class Empty extends null {} return Object.getPrototypeOf(Empty.prototype); },
  () => { class Empty extends null {} return new Empty(); },
  () => 1 instanceof 5,
  () => ({}) instanceof {},
  () => [] instanceof Array,
  () => Array.prototype.map.call(null, (x) => x),
  () => Array.prototype.forEach.call(undefined, (x) => x),
  () => Array.prototype.reduce.call(null, (a, b) => a + b),
  () => Array.prototype.join.call(null),
  () => Array.prototype.slice.call(undefined),
  () => Array.prototype.filter.call({ length: 2, 0: 'a', 1: 'b' }, (x) => x === 'b'),
];
for (const attempt of attempts) {
  try {
    console.log(attempt());
  } catch (e) {
    console.log(`${e.name}: ${e.message}`);
  }
}
