// JSON round trips of numbers, unicode and nested structures.
const values = [0, -0, 1e21, 1e-7, 0.1 + 0.2, 123456789012345680000, "é😀", "\u2028", [1, [2, [3]]], { "": "empty key" }];
for (const v of values) {
  const s = JSON.stringify(v);
  console.log(s, JSON.stringify(JSON.parse(s)) === s);
}
console.log(JSON.parse('"\\u0041\\n"'), JSON.parse("1E3"), JSON.parse("-0"), Object.is(JSON.parse("-0"), -0));
console.log(JSON.stringify({ date: "2020-01-01", arr: [{ a: [{ b: 1 }] }] }, null, "\t"));
