// JSON.parse rejects what JSON does not allow (01, 1., bad escapes, raw control characters), with V8's message
// for the first error; good text with escapes and non-ASCII parses.
for (const bad of ["{bad", "[1,]", "{'a': 1}", "", "undefined", "[1 2]", '{"a" 1}', '{"a":1 "b":2}', '{"a":1,}', "01", "-", "1.", "1e", '"\\x"', '"\\u12"', '"abc', "tru", "[1] x", "NaN", '{"aaaaaaaaaaaaaaaaaaaaaaaaa": bad}', "\"a\tb\""]) {
  try { JSON.parse(bad); console.log("ok", bad); } catch (e) { console.log(e.name, e.message); }
}
console.log(JSON.parse('{"a": "h\u00e9llo \\u00e9 \\"q\\" \\/ \\\\ 😀", "n": [-0, 0.5, 1e3, -1.5E-2, 10]}'));
for (const bad of ["+1", ".5", "[-]", "1e+", '"\\u00zz"', "- 1"]) {
  try { JSON.parse(bad); console.log("ok", bad); } catch (e) { console.log(e.name, e.message); }
}
