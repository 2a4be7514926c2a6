// Arrays closed by Object.freeze / seal / preventExtensions: what each refuses, silently in
// sloppy code and as V8's TypeErrors in strict code, and what the mutating built-ins throw.
function attempt(label, f) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, e.name + ": " + e.message);
  }
}
const frozen = Object.freeze([3, 1, 2]);
frozen[0] = 9;
frozen[3] = 9;
frozen.length = 1;
delete frozen[1];
frozen.extra = 1;
console.log(frozen, frozen.length, frozen.extra, Object.isFrozen(frozen), Object.isSealed(frozen), Object.isExtensible(frozen));
for (const m of ["push", "pop", "shift", "unshift", "reverse", "sort", "fill", "copyWithin"]) {
  attempt(m, () => frozen[m](0));
}
attempt("splice", () => frozen.splice(0, 0));
const sealed = Object.seal([5, 4, 6]);
sealed[0] = 1;
sealed[3] = 7;
delete sealed[2];
sealed.length = 1;
console.log(sealed, Object.isSealed(sealed), Object.isFrozen(sealed));
attempt("sort", () => sealed.sort());
attempt("reverse", () => sealed.reverse());
attempt("fill", () => sealed.fill(0, 2));
attempt("splice same length", () => sealed.splice(0, 1, 8));
attempt("splice grow", () => sealed.splice(0, 0, 8));
attempt("pop", () => sealed.pop());
const closed = Object.preventExtensions([1, 2, 3]);
closed[5] = 1;
attempt("pop", () => closed.pop());
attempt("push", () => closed.push(4));
delete closed[0];
closed.length = 1;
console.log(closed, Object.isExtensible(closed), Object.isSealed(closed), Object.isSealed(Object.preventExtensions([])));
(function strict() {
  "use strict";
  attempt("store", () => { frozen[0] = 1; });
  attempt("append", () => { frozen[3] = 1; });
  attempt("length", () => { frozen.length = 0; });
  attempt("delete", () => delete sealed[0]);
  attempt("shrink sealed", () => { sealed.length = 0; });
  attempt("append closed", () => { closed[1] = 2; });
  attempt("write sealed", () => { sealed[0] = 42; return sealed[0]; });
})();
const copy = frozen.slice();
copy.push(4);
console.log(copy, frozen.map((x) => x * 2), Object.isFrozen(copy));
