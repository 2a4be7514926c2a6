// String methods on a string held in a captured variable, with number arguments computed
// from captured counters (`text.startsWith('x', pos)`, `text.substring(pos + 1, end)`):
// the text may be reassigned between calls, be empty or non-ASCII, and the positions may
// run past its end or below zero (astral characters are read whole: a lone surrogate is
// not a compiled string).
function reader(text) {
  let pos = 0;
  function at(word) { return text.startsWith(word, pos); }
  function until(ch) { const end = text.indexOf(ch, pos + 1); const s = text.substring(pos + 1, end < 0 ? text.length : end); pos = end < 0 ? text.length : end + 1; return s; }
  function tail(n) { return text.slice(pos - n, pos + n) + "|" + text.substring(pos * 2, -1) + "|" + text.indexOf("é", pos - 100); }
  function grow(more) { text = text + more; return text.length; }
  const out = [];
  out.push(at("ab"), at(""), until('"'), tail(2), grow("€zé\"q\""), until('"'), at("q"), until('"'), tail(1));
  pos = 1000;
  out.push(at(""), at("a"), until("x"), tail(3), text.endsWith("q\"", pos), text.includes("é", pos - 1001));
  return out;
}
console.log(JSON.stringify(reader('ab"cd"ef')));
console.log(JSON.stringify(reader("")));
console.log(JSON.stringify(reader('"ünï"€"x"')));
function counterText() {
  let text = "0123456789";
  let i = 0;
  function next() { const c = text.substring(i, i + 2); i += 3; if (i > 6) text = "abc"; return c + text.charAt(i % 4) + text.lastIndexOf("b", i - 1); }
  return [next(), next(), next(), next(), next()].join(",");
}
console.log(counterText());
function astral(text) {
  let pos = 0;
  function until(ch) { const end = text.indexOf(ch, pos + 1); const s = text.substring(pos + 1, end); pos = end + 1; return s; }
  const first = [until('"'), text.startsWith("😀", pos), text.startsWith('"', pos + 2)];
  pos += 2;
  return first.concat([until('"'), text.indexOf("😀", pos - 3), pos]);
}
console.log(JSON.stringify(astral('"😀a"😀"b😀"')));
