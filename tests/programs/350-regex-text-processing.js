// Text processing with regular expressions: slugs, case conversion, templates, word counts.
function slugify(title) {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

function camelToKebab(s) {
  return s.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

function kebabToCamel(s) {
  return s.replace(/-([a-z])/g, function (m, c) { return c.toUpperCase(); });
}

function fill(template, data) {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, function (m, key) {
    return key in data ? String(data[key]) : m;
  });
}

function wordCounts(text) {
  const counts = {};
  for (const w of text.toLowerCase().split(/[^a-z']+/)) {
    if (w) counts[w] = (counts[w] || 0) + 1;
  }
  return counts;
}

const titles = ["Hello, World!", "  Regular Expressions: 101  ", "C++ & Rust -- a tale", "---"];
for (const t of titles) console.log(JSON.stringify(t), "->", slugify(t));

for (const name of ["backgroundColor", "innerHTML", "x", "getElementById2Fast"]) {
  const kebab = camelToKebab(name);
  console.log(name, kebab, kebabToCamel(kebab));
}

console.log(fill("Dear {{ name }}, your order #{{id}} ships {{when}}.", { name: "Ada", id: 42 }));
console.log(wordCounts("The cat and the hat. The cat's hat, isn't it?"));

// templates with $ patterns
const date = "2024-03-09";
console.log(date.replace(/(\d+)-(\d+)-(\d+)/, "$3/$2/$1"), date.replace(/-/g, "$$"), date.replace(/\d+/, "[$&]"));
console.log("a-b-c".replace(/-/g, "$`|"), "a-b-c".replace(/-/, "$'"), "x".replace(/(x)/, "$2$1$0"));

// whitespace normalisation and trimming
const messy = "  lots   of\t\tspace \n and\r\nlines  ";
console.log(JSON.stringify(messy.replace(/\s+/g, " ").replace(/^ | $/g, "")));
console.log(messy.split(/\s+/).filter(function (w) { return w.length > 0; }));
console.log("one, two;three ,four".split(/\s*[,;]\s*/), "a1b22c333".split(/\d+/), "abc".split(/(b)/));
console.log("a,b,c,d".split(/,/, 2), "".split(/,/), "no-separators".split(/;/));
