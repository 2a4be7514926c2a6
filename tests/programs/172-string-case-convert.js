// Converting between camelCase, snake_case, kebab-case and Title Case.
const toWords = s => {
  const words = [];
  let cur = "";
  for (const ch of s) {
    if (ch === "_" || ch === "-" || ch === " ") {
      if (cur) words.push(cur);
      cur = "";
    } else if (ch >= "A" && ch <= "Z" && cur) {
      words.push(cur);
      cur = ch.toLowerCase();
    } else cur += ch.toLowerCase();
  }
  if (cur) words.push(cur);
  return words;
};
const camel = w => w.map((x, i) => (i ? x[0].toUpperCase() + x.slice(1) : x)).join("");
const snake = w => w.join("_");
const kebab = w => w.join("-");
const title = w => w.map(x => x[0].toUpperCase() + x.slice(1)).join(" ");
for (const s of ["helloWorldAgain", "snake_case_name", "kebab-case-name", "Some Title Here"]) {
  const w = toWords(s);
  console.log(s, "->", camel(w), snake(w), kebab(w), title(w));
}
