// Map and Set keys and === on strings of one length that differ only inside, only at an
// end, or not at all (a slice equal to a literal, a built string equal to a key), with
// empty and non-ASCII keys: equality compares ends first, then the whole text.
const keys = ["abcde", "abXde", "Xbcde", "abcdX", "abcde".slice(0), "", "é", "e", "aé", "aè", "ab", "ba"];
const m = new Map();
const s = new Set();
for (let i = 0; i < keys.length; i++) {
  m.set(keys[i], (m.get(keys[i]) || 0) + i);
  s.add(keys[i]);
}
console.log([...m.entries()].map(([k, v]) => k + "=" + v).join(" "), s.size);
const text = "xabcdeyabXdez";
for (const [a, b] of [[1, 6], [7, 12], [0, 0], [2, 4]]) {
  const piece = text.slice(a, b);
  let built = "";
  for (const c of piece) built += c;
  console.log(JSON.stringify(piece), m.has(piece), m.get(built), s.has(built), piece === built, piece === "abcde", built === "abXde");
}
const words = [];
for (let i = 0; i < 40; i++) words.push("w" + String(i % 20).padStart(3, "0") + "z");
const counts = new Map();
for (const w of words) counts.set(w, (counts.get(w) || 0) + 1);
console.log(counts.size, counts.get("w007z"), counts.get("w017z"), counts.has("w020z"), counts.has("x007z"));
