// for (x of s.split(sep)) with a literal separator walks the pieces without an array; in
// ASCII text a piece shares the text. Empty pieces (leading, trailing, doubled separators),
// multi-character separators, non-ASCII text, pieces kept as Map keys and compared, and
// appends to the source string after (and while) it is walked.
let text = "";
for (let i = 0; i < 12; i++) text += ["alpha", "beta", "", "gamma"][i % 4] + (i % 5 === 0 ? ", " : ",");
const counts = new Map();
const kept = [];
for (const w of text.split(",")) {
  const t = w.trim();
  counts.set(t, (counts.get(t) || 0) + 1);
  if (t.length > 4) kept.push(w);
  text += "";
}
console.log(JSON.stringify([...counts]), kept.length, kept[0] === " alpha" || kept[0] === "alpha", kept.join("|"));
text += "delta";
console.log(text.length, text.slice(-12), kept.map((k) => k.length).join(" "));
for (const sep of [", ", "a", "ta,", "zz"]) {
  const pieces = [];
  for (const p of text.split(sep)) pieces.push(p);
  console.log(JSON.stringify(sep), pieces.length, JSON.stringify(pieces.slice(0, 4)), JSON.stringify(pieces[pieces.length - 1]));
}
const wide = "é,,ü😀,x,";
const out = [];
for (const p of wide.split(",")) out.push(p + ":" + p.length);
console.log(out.join(" "));
let built = "";
for (const p of ",a,,b,".split(",")) built += "[" + p + "]";
console.log(built, "a-b".split("-").length);
