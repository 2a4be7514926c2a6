// Greedy word wrapping and justification of a paragraph.
const text = "The quick brown fox jumps over the lazy dog while the five boxing wizards jump quickly and the sphinx of black quartz judges my vow";
function wrap(s, width) {
  const lines = [];
  let line = "";
  for (const word of s.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? line + " " + word : word;
  }
  if (line) lines.push(line);
  return lines;
}
function justify(line, width) {
  const words = line.split(" ");
  if (words.length === 1) return line;
  let gaps = width - words.join("").length;
  let out = "";
  for (let i = 0; i < words.length - 1; i++) {
    const g = Math.ceil(gaps / (words.length - 1 - i));
    out += words[i] + " ".repeat(g);
    gaps -= g;
  }
  return out + words[words.length - 1];
}
for (const l of wrap(text, 30)) console.log("|" + justify(l, 30) + "|");
console.log(wrap(text, 50));
