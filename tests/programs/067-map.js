// Map: insertion order, key identity, size, iteration.
const m = new Map();
m.set("a", 1).set(2, "two").set(NaN, "not a number");
const keyObj = { id: 1 };
m.set(keyObj, "object key");
console.log(m.size, m.get("a"), m.get(2), m.get("2"), m.get(NaN), m.get(keyObj), m.get({ id: 1 }));
console.log(m.has(2), m.delete(2), m.has(2), m.size);
m.set(0, "zero");
console.log(m.get(-0));
console.log(m);
console.log([...m.keys()], [...m.values()]);
m.forEach((v, k) => console.log("entry", k, v));
const wordCount = new Map();
for (const w of "a b a c b a".split(" ")) wordCount.set(w, (wordCount.get(w) || 0) + 1);
console.log(wordCount, [...wordCount.entries()]);
console.log(new Map([[1, { nested: [1, 2] }]]));
m.clear();
console.log(m, m.size);
