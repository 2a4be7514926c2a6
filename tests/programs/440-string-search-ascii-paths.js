// indexOf / includes / startsWith / substring on ASCII text take byte paths: a needle with a
// non-ASCII character is never found in ASCII text, short needles are matched by candidates,
// long ones (over 16 bytes) by the general searcher; positions past the end clamp. Records
// read by a computed key (`data[tag]`) find their fields, and a missing key is undefined.
const hay = "<p>{{a}} and {{ b }} {x} {{c}}</p> aab aaab aaaab";
const needles = ["{{", "}}", "{", "aab", "aaab", "</p>", "é", "{{é", "😀", "", "b}}", "p>",
  "no such needle here at all", " and {{ b }} {x} {{c", "aaaab", "aaaaab"];
for (const n of needles) {
  const at = [];
  for (const from of [0, 3, 4, 9, 30, 45, 50, 51, 99, -3, NaN, 2.7]) at.push(hay.indexOf(n, from));
  console.log(JSON.stringify(n), at.join(","), hay.includes(n), hay.includes(n, 40), hay.startsWith(n, 3));
}
// the same searches in text that is not ASCII (positions count UTF-16 units)
const wide = "é{{x}} 😀 {{y}}é";
for (const n of ["{{", "}}", "é", "😀", "y}}é", "", "z"]) {
  console.log(JSON.stringify(n), wide.indexOf(n), wide.indexOf(n, 3), wide.indexOf(n, 11), wide.includes(n, 2));
}
// a scanner over slices of a slice, appending pieces to a string it builds
function fill(template, data) {
  let out = "", pos = 0;
  while (pos < template.length) {
    const open = template.indexOf("{{", pos);
    if (open < 0) { out += template.substring(pos); break; }
    out += template.substring(pos, open);
    const close = template.indexOf("}}", open);
    const tag = template.substring(open + 2, close).trim();
    out += String(data[tag]);
    pos = close + 2;
  }
  return out;
}
const body = hay.substring(3, 31);
for (let i = 0; i < 4; i++) {
  console.log(fill(body, { a: "A" + i, b: i * 1.5, c: "ç" }), fill(body.substring(5), { a: i, b: "B", c: -i }));
}
console.log(fill("{{missing}}-{{a}}", { a: 1, b: 2, c: 3 }), "abc".indexOf("c", 2.5), "abc".substring(2.9, 0.5));
