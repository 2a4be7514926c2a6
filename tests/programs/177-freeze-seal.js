// freeze, seal and preventExtensions in sloppy mode (silent failures).
const f = Object.freeze({ a: 1 });
f.a = 2;
f.b = 3;
delete f.a;
console.log(f, Object.isFrozen(f), Object.isSealed(f), Object.isExtensible(f));
const s = Object.seal({ a: 1 });
s.a = 2;
s.b = 3;
delete s.a;
console.log(s, Object.isSealed(s), Object.isFrozen(s));
const p = Object.preventExtensions({ a: 1 });
p.b = 2;
delete p.a;
console.log(p, Object.isExtensible(p));
const arr = Object.freeze([1, 2]);
try {
  arr.push(3);
} catch (e) {
  console.log(e.name, e.message);
}
console.log(arr);
