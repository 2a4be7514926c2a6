// Symbols: identity, descriptions, the registry, symbol keys (hidden from keys, JSON and
// for-in), conversions that throw, and Symbol.iterator on the built-in collections.
const a = Symbol("tag"), b = Symbol("tag"), none = Symbol();
console.log(a === b, a === a, typeof a, a.description, none.description, String(none), a.toString());
const seen = new Map([[a, "first"], [b, "second"]]);
console.log(seen.get(a), seen.get(b), seen.size, [a, b].indexOf(b), new Set([a, a, b]).size);
const key = Symbol("secret");
const obj = { visible: 1, [key]: "hidden" };
obj[a] = 42;
const forIn = [];
for (const k in obj) forIn.push(k);
console.log(obj[key], obj[a], obj[b], Object.keys(obj), JSON.stringify(obj), forIn);
console.log(obj, [a, none], { s: a });
console.log(Object.getOwnPropertySymbols(obj).map(String), Object.getOwnPropertySymbols({}).length);
for (const f of [() => a + "", () => `${a}`, () => a * 2, () => Symbol.keyFor("x")]) {
  try { f(); } catch (e) { console.log(e.name, e.message); }
}
const r1 = Symbol.for("shared"), r2 = Symbol.for("shared");
console.log(r1 === r2, Symbol.keyFor(r1), Symbol.keyFor(a), r1 === Symbol("shared"), String(Symbol.iterator));
const m = new Map([["k", 1]]), s = new Set(["v"]);
console.log(m[Symbol.iterator]().next(), s[Symbol.iterator]().next(), [10, 20][Symbol.iterator]().next());
console.log(typeof [][Symbol.iterator], ({})[Symbol.iterator], !!a, a ? "truthy" : "falsy");
// a program's own iterables: for-of asks for one value at a time (an endless one can stop),
// spread, Array.from, new Set and array patterns iterate; array patterns iterate Sets, Maps, strings
const naturals = { [Symbol.iterator]() { let n = 0; return { next: () => ({ value: n++, done: false }) }; } };
const firsts = [];
for (const n of naturals) { if (n > 3) break; firsts.push(n); }
class Countdown {
  constructor(from) { this.from = from; }
  [Symbol.iterator]() { let k = this.from; return { next() { return k > 0 ? { value: k--, done: false } : { value: undefined, done: true }; } }; }
}
const [p, q, ...others] = new Countdown(5);
console.log(firsts, [...new Countdown(3)], Array.from(new Countdown(2), (x) => x * 10), new Set(new Countdown(2)), p, q, others);
const [s1, s2] = new Set(["x", "y"]), [[mk, mv]] = new Map([["key", "val"]]), [c1, c2] = "😀é";
console.log(s1, s2, mk, mv, c1, c2);
