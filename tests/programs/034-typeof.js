// typeof for every kind of value, including undeclared names.
console.log(typeof 1, typeof NaN, typeof "s", typeof true, typeof undefined, typeof null);
console.log(typeof {}, typeof [], typeof function () {}, typeof (() => 1), typeof class {});
console.log(typeof notDeclaredAnywhere, typeof Math, typeof JSON, typeof console.log);
console.log(typeof typeof 1, typeof new Map(), typeof Symbol());
function kind(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}
console.log([1, "a", null, [], {}, undefined, kind].map(kind));
