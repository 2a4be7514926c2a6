// exec loops with lastIndex, a small tokenizer, match with and without g, printing regexes.
function tokenize(src) {
  const re = /\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_]\w*)|(\*\*|[-+*\/()^=]))/g;
  const tokens = [];
  let m;
  let last = 0;
  while ((m = re.exec(src)) !== null) {
    if (m.index !== last) break;
    last = re.lastIndex;
    if (m[1] !== undefined) tokens.push({ num: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ id: m[2] });
    else tokens.push({ op: m[3] });
  }
  return { tokens: tokens, rest: src.slice(last) };
}

console.log(tokenize("x = 3.5 * (y + 42) ** 2"));
console.log(tokenize("a + $b"));

const words = /\b(\w)(\w*)\b/g;
const text = "the quick brown fox";
let found;
while ((found = words.exec(text)) !== null) {
  console.log(found.index, words.lastIndex, found[0], found[1].toUpperCase() + found[2]);
}
console.log("after loop", words.lastIndex);

const once = /o/;
console.log(once.exec("foo boo").index, once.lastIndex, once.test("xyz"), once.lastIndex);
const many = /o+/g;
console.log(many.test("foo boo"), many.lastIndex, many.test("foo boo"), many.lastIndex, many.test("foo boo"), many.lastIndex);

console.log("a1b22c333".match(/\d+/g), "abc".match(/\d/g), "abc".match(/b/));
console.log("x=1, y=22".match(/(\w)=(\d+)/));
const m = "key: value".match(/^(\w+):\s*(.*)$/);
console.log(m.length, m[1], m[2], m.index, m.input);
console.log("aaa".match(/a*?/g), "abc".match(/(?:)/g), "banana".match(/an(?=a)/g));
console.log("The Cat".search(/cat/i), "dog".search(/cat/), "a\nb".search(/^b/m));

console.log(/a+/g, [/x\/y/i, /(?:)/], { pattern: /^\s*$/m }, String(/[a-z]+/gi));
const r = /ab+c/gi;
console.log(r.source, r.flags, r.global, r.ignoreCase, r.multiline, typeof r, r instanceof Object);
