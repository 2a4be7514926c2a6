// Word frequencies of a text, top-k sorted by count then alphabetically.
const text = `It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity`;
const counts = new Map();
for (const raw of text.toLowerCase().split(/* whitespace */ " ").join("\n").split("\n")) {
  let w = "";
  for (const ch of raw) if (ch >= "a" && ch <= "z") w += ch;
  if (w) counts.set(w, (counts.get(w) || 0) + 1);
}
const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 8);
for (const [w, c] of top) console.log(w.padEnd(12, "."), c);
console.log(counts.size);
