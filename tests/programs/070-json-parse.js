// JSON.parse of valid and invalid text, with a reviver.
const text = '{"a": 1, "b": [true, false, null], "c": {"d": "e\\n"}, "n": -1.5e3}';
const v = JSON.parse(text);
console.log(v, v.c.d.length, v.n);
console.log(JSON.parse("[1, 2, 3]"), JSON.parse('"str"'), JSON.parse("42"), JSON.parse("null"));
const revived = JSON.parse('{"x": 1, "y": {"z": 2}}', (k, val) => (typeof val === "number" ? val + 100 : val));
console.log(revived);
for (const bad of ["{", "[1,]", "{'a': 1}", "", "undefined"]) {
  try {
    JSON.parse(bad);
  } catch (e) {
    console.log(e.name);
  }
}
const round = JSON.parse(JSON.stringify({ list: [1, { deep: [2, 3] }], s: "x" }));
console.log(round.list[1].deep[1], round);
console.log(JSON.parse('{"__proto__": 1, "b": 2}'));
