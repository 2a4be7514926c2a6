// Built-in iterator objects step by step, function lengths, toExponential and
// built-in methods read as values.
const a = [10, 20];
const it = a.values();
console.log(it.next(), it, String(it));
a.push(30);
console.log([...it], it.next(), [...a.entries()].length);
const m = new Map([["x", 1], ["y", 2]]);
const keys = m.keys();
console.log(keys.next().value, typeof keys.next, Object.prototype.toString.call(keys));
m.set("z", 3);
console.log(Array.from(keys), keys.next().done);
const lru = new Map([[1, "one"], [2, "two"], [3, "three"]]);
lru.delete(lru.keys().next().value);
console.log([...lru.values()], new Set("hello").values().next());
function f(a, b, c = 1, ...rest) {}
const g = (x, { y }) => x;
class K {
  constructor(p, q) {}
  static s(one) {}
}
console.log(f.length, g.length, K.length, K.s.length, f.bind(null, 1).length, g.bind(null, 1, 2, 3).length);
for (const x of [0, 1.5, -2.5e-7, 123456789, 1e21, 0.1 + 0.2]) {
  console.log(x.toExponential(), x.toExponential(0), x.toExponential(4));
}
try {
  (1).toExponential(101);
} catch (e) {
  console.log(e.name, e.message);
}
const search = "abc".indexOf;
console.log(typeof search, search.call("xabc", "c"), "s".at === "t".at, typeof Object.groupBy);
