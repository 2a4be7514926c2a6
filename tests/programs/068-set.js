// Set: uniqueness, order, set operations by hand.
const s = new Set([3, 1, 3, 2, 1]);
console.log(s, s.size, s.has(2), s.has("2"));
s.add(4).add(1);
s.delete(3);
console.log([...s]);
const a = new Set([1, 2, 3, 4]);
const b = new Set([3, 4, 5]);
const union = new Set([...a, ...b]);
const inter = new Set([...a].filter(x => b.has(x)));
const diff = new Set([...a].filter(x => !b.has(x)));
console.log(union, inter, diff);
const seen = new Set();
const dups = [];
for (const ch of "mississippi") {
  if (seen.has(ch)) dups.push(ch);
  seen.add(ch);
}
console.log(seen, dups.join(""));
console.log(new Set(["str", { o: 1 }, [1, 2]]));
s.forEach(v => console.log("set item", v));
console.log(new Set(), new Map());
