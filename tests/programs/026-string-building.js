// Building strings in loops: padding, repetition, reversal.
function repeat(s, n) {
  let out = "";
  for (let i = 0; i < n; i++) out += s;
  return out;
}
function reverse(s) {
  let out = "";
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}
function padLeft(s, width) {
  s = String(s);
  while (s.length < width) s = " " + s;
  return s;
}
console.log(repeat("ab", 4), reverse("stressed"), "[" + padLeft(42, 6) + "]");
for (let i = 1; i <= 5; i++) console.log(padLeft(repeat("*", i), 5));
let table = "";
for (let i = 1; i <= 3; i++) table += i + "x" + i + "=" + i * i + "\n";
console.log(table);
console.log("abc"[1], "abc".charAt(2), "abc"[5]);
