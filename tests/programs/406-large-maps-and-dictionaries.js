// Maps, Sets and plain objects with many keys (past the size where lookups use a hash
// index): insertion order, deletes in the middle, re-adds, SameValueZero keys (-0 and 0,
// NaN, object identity) and string keys built at run time.
const words = [];
for (let i = 0; i < 200; i++) words.push("w" + ((i * 37) % 120));
const counts = {};
const m = new Map();
const s = new Set();
for (const w of words) {
  counts[w] = (counts[w] || 0) + 1;
  m.set(w, (m.get(w) || 0) + 1);
  s.add(w);
}
console.log(Object.keys(counts).length, m.size, s.size, counts.w5, m.get("w5"), s.has("w119"), s.has("w120"));
for (let i = 0; i < 120; i += 3) {
  delete counts["w" + i];
  m.delete("w" + i);
  s.delete("w" + i);
}
console.log(Object.keys(counts).length, m.size, s.size, "w3" in counts, m.has("w3"), s.has("w4"), counts.w4, m.get("w4"));
counts.w3 = "back";
m.set("w3", "back");
s.add("w3");
console.log(Object.keys(counts).slice(-3), [...m.keys()].slice(-3), [...s].slice(-2), Object.keys(counts).slice(0, 4));
const mixed = new Map();
const objs = [];
for (let i = 0; i < 40; i++) {
  const o = { i };
  objs.push(o);
  mixed.set(o, i);
  mixed.set(i, "n" + i);
  mixed.set("k" + i, i * 2);
}
mixed.set(-0, "zero");
mixed.set(NaN, "nan");
mixed.set(NaN, "nan again");
console.log(mixed.size, mixed.get(objs[17]), mixed.get({ i: 17 }), mixed.get(0), mixed.get(-0), mixed.get(NaN), mixed.get(39), mixed.get("39"), mixed.get("k39"));
const nums = new Set();
for (let i = 0; i < 100; i++) nums.add(i % 50 === 0 ? -0 : i / 4);
console.log(nums.size, nums.has(0), nums.has(12.25), nums.has(12.3), [...nums].slice(0, 5));
let total = 0;
for (const [k, v] of m) if (typeof v === "number") total += v;
console.log(total, JSON.stringify(counts).length);
