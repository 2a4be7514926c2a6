// Object.keys/values/entries/assign/freeze/fromEntries.
const src = { a: 1, b: "two", c: [3] };
console.log(Object.keys(src), Object.values(src), Object.entries(src));
const target = { a: 0, z: 26 };
const result = Object.assign(target, src, { d: 4 });
console.log(result === target, target);
const frozen = Object.freeze({ k: 1, nested: { n: 1 } });
frozen.k = 2;
frozen.added = true;
frozen.nested.n = 2;
console.log(frozen, Object.isFrozen(frozen), Object.isFrozen(src));
console.log(Object.fromEntries([["x", 1], ["y", 2]]));
console.log(Object.entries({ b: 2, a: 1 }).map(([k, v]) => k + "=" + v).join("&"));
const counts = {};
for (const w of "the cat and the hat and the bat".split(" ")) counts[w] = (counts[w] || 0) + 1;
console.log(counts);
console.log(Object.getOwnPropertyNames({ p: 1, q: 2 }));
