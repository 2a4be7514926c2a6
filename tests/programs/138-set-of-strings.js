// Sets for deduplication and membership over strings and numbers.
const words = "red green blue red yellow green red".split(" ");
const unique = [...new Set(words)];
console.log(unique, unique.length);
const allowed = new Set(["red", "blue"]);
console.log(words.filter(w => allowed.has(w)).length, words.map(w => (allowed.has(w) ? w.toUpperCase() : w)).join(" "));
const numbers = new Set();
for (let i = 0; i < 20; i++) numbers.add((i * i) % 7);
console.log(numbers, [...numbers].sort());
const s = new Set([1, 2, 3]);
for (const v of s) if (v < 3) s.add(v + 10);
console.log(s);
