// Function.prototype.apply with an array-like: its length read as ToLength (NaN and negatives
// are 0, fractions truncate), missing indices passed as undefined, a primitive refused.
function f() { return arguments.length + ":" + Array.prototype.join.call(arguments, "|"); }
console.log(f.apply(null, { length: NaN }), f.apply(null, { length: -3 }), f.apply(null, { length: "2", 0: "a", 1: "b" }));
console.log(f.apply(null, { length: 2.7, 0: 1 }), f.apply(null, { 0: "x" }), f.apply(null, [1, , 3]), f.apply(null));
for (const list of [{ length: Infinity }, { length: 2 ** 32 }, { length: 1e6 }, 5, "ab"]) {
  try {
    console.log(f.apply(null, list));
  } catch (e) {
    console.log(e.name, e.message);
  }
}
