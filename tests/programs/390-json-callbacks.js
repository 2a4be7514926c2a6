// JSON.stringify replacers (functions and property lists) and JSON.parse revivers: the call
// order, `this` as the holder, deletions, toJSON with its key, and cycles found through a replacer.
const calls = [];
const data = { a: 1, b: [1, { c: "x" }, undefined], d: { e: null, f: () => 1 } };
const text = JSON.stringify(data, function (k, v) {
  calls.push(k === "" ? "<root>" : k + ":" + (Array.isArray(this) ? "array" : typeof this));
  return typeof v === "number" ? v + 0.5 : v;
});
console.log(text);
console.log(calls.join(" "));
console.log(JSON.stringify(data, ["d", "a", "e", "d"], 2));
console.log(JSON.stringify({ 1: "one", 2: "two", x: 3 }, [1, "x"]));
console.log(JSON.stringify([{ a: 1, b: 2 }, [{ a: 3, b: 4 }]], ["b"]));
console.log(JSON.stringify({ a: 1 }, () => undefined), JSON.stringify(5, (k, v) => v * 2));
console.log(JSON.stringify({ a: 1 }, { not: "a replacer" }), JSON.stringify({ a: [1] }, "nor this", 1));
console.log(JSON.stringify({ when: { toJSON(key) { return "key=" + key; } } }, (k, v) => v));
console.log(JSON.stringify({ x: 1 }, (k, v) => (k === "" ? { wrapped: v, n: 2 } : v)));
console.log(JSON.stringify({ list: [1, 2, 3] }, (k, v) => (Array.isArray(v) ? v.filter((n) => n !== 2) : v), "\t"));
const cyclic = { name: "loop" };
try {
  JSON.stringify(cyclic, (k, v) => (k === "name" ? cyclic : v));
} catch (e) {
  console.log(e.name, e.message.split("\n")[0]);
}
const order = [];
const revived = JSON.parse('{"a": [1, 2, {"b": 3}], "c": {"d": "e"}, "drop": true}', function (k, v) {
  order.push(k === "" ? "<root>" : k);
  if (k === "drop") return undefined;
  if (k === "1") return undefined;
  if (typeof v === "number") return v * 10;
  if (k === "d") return this.d.toUpperCase();
  return v;
});
console.log(revived, order.join(","));
console.log(revived.a.length, 1 in revived.a, Object.keys(revived));
console.log(JSON.parse("[1, 2]", 42), JSON.parse('"s"', (k, v) => typeof v + ":" + v));
console.log(JSON.parse('{"n": {"m": 1}}', (k, v) => (k === "m" ? undefined : v)));
