// Property attributes in sloppy mode: defineProperty defaults, redefinition rules,
// descriptors, isFrozen/isSealed, and built-ins that throw even in sloppy code.
const o = {};
Object.defineProperty(o, "fixed", { value: 1 });
o.fixed = 2;
delete o.fixed;
console.log(o.fixed, Object.keys(o), Object.getOwnPropertyDescriptor(o, "fixed"));
Object.defineProperty(o, "open", { value: 1, writable: true, enumerable: true, configurable: true });
o.open = 5;
console.log(o, Object.getOwnPropertyDescriptor(o, "open"));
Object.defineProperty(o, "open", { writable: false });
o.open = 6;
console.log(o.open, Object.getOwnPropertyDescriptor(o, "open"));
const w = {};
Object.defineProperty(w, "v", { value: 1, writable: true });
Object.defineProperty(w, "v", { value: 2 });
console.log(w.v);
for (const bad of [{ value: 3, writable: false }, { enumerable: true }, { get() { return 1; } }]) {
  const t = {};
  Object.defineProperty(t, "k", { value: 1 });
  try {
    Object.defineProperty(t, "k", bad);
    console.log("redefined", t.k);
  } catch (e) {
    console.log(e.name, e.message);
  }
}
const same = {};
Object.defineProperty(same, "k", { value: NaN });
Object.defineProperty(same, "k", { value: NaN });
console.log("same value ok", same.k);
const frozen = Object.freeze({ a: 1, nested: { b: 2 } });
frozen.a = 9;
frozen.nested.b = 3;
console.log(frozen, Object.isFrozen(frozen), Object.isFrozen(frozen.nested));
try {
  Object.assign(frozen, { a: 2 });
} catch (e) {
  console.log(e.name, e.message);
}
const sealed = Object.seal({ x: 1 });
sealed.x = 2;
sealed.y = 3;
delete sealed.x;
console.log(sealed, Object.isSealed(sealed), Object.isFrozen(sealed), Object.getOwnPropertyDescriptor(sealed, "x"));
console.log(Object.isFrozen({}), Object.isFrozen(Object.preventExtensions({})), Object.isSealed(Object.preventExtensions({ a: 1 })));
console.log(Object.isFrozen(1), Object.isSealed("s"), Object.isExtensible(1));
const arr = Object.seal([3, 1, 2]);
arr.sort();
arr[0] = 10;
arr[5] = 1;
console.log(arr, arr.length);
for (const op of [(a) => a.push(1), (a) => a.pop(), (a) => a.splice(0, 1, 7), (a) => a.splice(1, 0, 9)]) {
  try {
    console.log(op(arr), arr);
  } catch (e) {
    console.log(e.name, e.message);
  }
}
const ne = Object.preventExtensions([1, 2]);
ne.pop();
ne[0] = 5;
console.log(ne, Object.isExtensible(ne));
const ro = {};
Object.defineProperty(ro, "c", { value: 1, writable: false, configurable: true });
const child = Object.create(ro);
child.c = 2;
console.log(child.c, Object.keys(child), ro.c);
Object.defineProperty(ro, "c", { value: 4 });
console.log(ro.c, child.c);
class Point {
  constructor(x) {
    this.x = x;
    Object.freeze(this);
  }
  move() {
    try {
      this.x = 1;
    } catch (e) {
      return e.message;
    }
    return "moved";
  }
}
console.log(new Point(3).move(), String(Point).length, String(class {}), String(class Named {}));
