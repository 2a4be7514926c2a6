// A recursive-descent JSON parser: parseValue, parseArray and parseObject are
// mutually recursive.
function Parser(text) {
  this.text = text;
  this.pos = 0;
}
function skip(p) {
  while (p.pos < p.text.length && p.text[p.pos] === " ") p.pos++;
}
function parseValue(p) {
  skip(p);
  const ch = p.text[p.pos];
  if (ch === "[") return parseArray(p);
  if (ch === "{") return parseObject(p);
  if (ch === '"') return parseString(p);
  return parseNumber(p);
}
function parseArray(p) {
  p.pos++;
  const out = [];
  skip(p);
  if (p.text[p.pos] === "]") { p.pos++; return out; }
  while (true) {
    out.push(parseValue(p));
    skip(p);
    if (p.text[p.pos] === ",") { p.pos++; continue; }
    p.pos++;
    return out;
  }
}
function parseObject(p) {
  p.pos++;
  const out = {};
  skip(p);
  if (p.text[p.pos] === "}") { p.pos++; return out; }
  while (true) {
    skip(p);
    const key = parseString(p);
    skip(p);
    p.pos++;
    out[key] = parseValue(p);
    skip(p);
    if (p.text[p.pos] === ",") { p.pos++; continue; }
    p.pos++;
    return out;
  }
}
function parseString(p) {
  p.pos++;
  let s = "";
  while (p.text[p.pos] !== '"') { s += p.text[p.pos]; p.pos++; }
  p.pos++;
  return s;
}
function parseNumber(p) {
  let n = 0;
  while (p.pos < p.text.length && p.text[p.pos] >= "0" && p.text[p.pos] <= "9") {
    n = n * 10 + (p.text.charCodeAt(p.pos) - 48);
    p.pos++;
  }
  return n;
}
function count(v) {
  if (typeof v === "number" || typeof v === "string") return 1;
  let c = 1;
  if (Array.isArray(v)) { for (let i = 0; i < v.length; i++) c += count(v[i]); return c; }
  for (const k in v) c += count(v[k]);
  return c;
}
let text = '{"a": [1, 2, {"b": "x"}], "c": {"d": [3, [4, [5, [6]]]]}, "e": "end"}';
for (let i = 0; i < 3; i++) text = '{"k": ' + text + ', "l": [' + text + ', 7]}';
const v = parseValue(new Parser(text));
console.log("values:", count(v), "a:", v.k.k.k.a, "e:", v.l[1]);
