// String() of booleans, null and undefined is a shared string: appending to one, using it
// as a key or comparing it must not change the next one. parseFloat of short decimals
// (the fast path) and of everything around its edges (signs, points, exponents, 15 and 16
// digits, whitespace, non-ASCII digits and text after the number).
const parts = [];
for (const v of [true, false, null, undefined, true]) {
  let s = String(v);
  parts.push(s + ":" + s.length);
  s += "!";
  parts.push(s);
}
console.log(parts.join(" "), String(true), String(false) + String(null));
const o = {};
o[String(true)] = 1;
o[String(false)] = 2;
o[String(undefined)] = 3;
o["tr" + "ue"] += 10;
console.log(JSON.stringify(o), Object.keys(o).join(","), String(true) === "true", `${false}${null}`);
let acc = String(false);
for (let i = 0; i < 3; i++) acc += String(i % 2 === 0);
console.log(acc, String(false), [true, null, undefined].map(String).join("|"));

const inputs = ["2.5", "-0", "-.5", ".5", "5.", ".", "-", "1.5.3", "123456789012345", "1234567890123456",
  "0.1", "0.30000000000000004", "1e3", "1E-2", "2.5e", "  3.5", "+3.5", "\t-7.25x", "Infinity", "-Infinity",
  "007.50", "1_000", "٣", "3.14abc", "0.000001", "999999999999999.9", "-0.0", "", "12😀", "9007199254740993",
  "0.1234567890123456789", "1.7976931348623157e308", "4.9e-324", "-123.456e+2", "0x10", "１２"];
for (const s of inputs) {
  const x = parseFloat(s);
  console.log(JSON.stringify(s), x, Object.is(x, -0) ? "negative zero" : "", 1 / x);
}
let sum = 0;
for (let i = 0; i < 200; i++) sum += parseFloat((i * 0.37).toFixed(3)) + parseFloat("-" + i + "." + (i % 7));
console.log(sum.toFixed(6));
