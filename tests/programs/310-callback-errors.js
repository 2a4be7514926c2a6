// Non-function callbacks and comparators: V8's TypeErrors name the value (a primitive as text, an object by class).
class Foo {}
const bad = [5, "str", true, null, undefined, {}, new Foo(), [1, 2], new Map(), new Set(), /a/g];
for (const v of bad) {
  try {
    [1].map(v);
  } catch (e) {
    console.log("map:", e.name + ": " + e.message);
  }
}
for (const cmp of [5, "x", null, {}, undefined]) {
  try {
    console.log("sort:", [3, 1, 2].sort(cmp));
  } catch (e) {
    console.log("sort:", e.name + ": " + e.message);
  }
}
const o = { k: "v" };
try { o.k(); } catch (e) { console.log(e.message); }
