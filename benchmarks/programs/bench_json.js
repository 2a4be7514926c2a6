// bench: train 2, run 6
// A recursive-descent JSON-ish parser and serializer of our own, round-tripping a generated document.
function serialize(v) {
  if (v === null) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return '"' + v + '"';
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) { if (i > 0) out += ','; out += serialize(v[i]); }
    return out + ']';
  }
  let out = '{', first = true;
  for (const k of Object.keys(v)) { if (!first) out += ','; first = false; out += '"' + k + '":' + serialize(v[k]); }
  return out + '}';
}
function parse(text) {
  let pos = 0;
  function ws() { while (pos < text.length && text[pos] === ' ') pos++; }
  function value() {
    ws();
    const c = text[pos];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (text.startsWith('null', pos)) { pos += 4; return null; }
    if (text.startsWith('true', pos)) { pos += 4; return true; }
    if (text.startsWith('false', pos)) { pos += 5; return false; }
    return number();
  }
  function string() { const end = text.indexOf('"', pos + 1); const s = text.substring(pos + 1, end); pos = end + 1; return s; }
  function number() {
    const start = pos;
    while (pos < text.length && '-+.0123456789eE'.includes(text[pos])) pos++;
    return parseFloat(text.substring(start, pos));
  }
  function array() {
    pos++; const out = []; ws();
    if (text[pos] === ']') { pos++; return out; }
    while (true) { out.push(value()); ws(); if (text[pos] === ',') { pos++; continue; } pos++; return out; }
  }
  function object() {
    pos++; const out = {}; ws();
    if (text[pos] === '}') { pos++; return out; }
    while (true) {
      ws(); const k = string(); ws(); pos++; out[k] = value(); ws();
      if (text[pos] === ',') { pos++; continue; }
      pos++; return out;
    }
  }
  return value();
}
function makeDoc(depth, seed) {
  if (depth === 0) return seed % 3 === 0 ? 'leaf' + seed : seed % 3 === 1 ? seed * 0.5 : seed % 2 === 0;
  const items = [];
  for (let i = 0; i < 4; i++) items.push(makeDoc(depth - 1, seed * 4 + i));
  return { id: seed, name: 'node' + seed, items: items, extra: null };
}
const doc = makeDoc(Number(process.argv[2] || 3), 1);
let text = serialize(doc), rounds = 0;
for (let r = 0; r < 8; r++) { text = serialize(parse(text)); rounds++; }
console.log(rounds, text.length, text.substring(0, 60));
