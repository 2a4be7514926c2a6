// Objects without Object.prototype: Object.create(null), its heirs, what they lack (toString, hasOwnProperty) and how they print.
const d = Object.create(null);
d.b = 2; d.a = 1;
console.log(d, [d], { inner: d }, Object.keys(d), "toString" in d, "a" in d, d.toString, Object.getPrototypeOf(d));
const e = Object.create(null);
console.log(e, JSON.stringify(d));
try { d.hasOwnProperty("a"); } catch (err) { console.log(err.name, err.message); }
try { String(d); } catch (err) { console.log(err.name, err.message); }
const child = Object.create(d);
child.c = 3;
console.log(child.a, "toString" in child, child);
for (const k in child) console.log(k);
const grand = Object.create(child);
grand.g = 4;
console.log(grand, [grand]);
