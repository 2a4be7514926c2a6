// Iterating a Map while deleting and adding entries; Map from Object.entries and back.
const m = new Map([["a", 1], ["b", 2], ["c", 3]]);
for (const [k, v] of m) {
  if (k === "a") m.delete("b");
  if (k === "c") m.set("d", 4);
  console.log(k, v);
}
console.log([...m]);
const obj = { x: 1, y: 2 };
const asMap = new Map(Object.entries(obj));
asMap.set("z", 3);
console.log(Object.fromEntries(asMap));
console.log(new Map([...asMap].map(([k, v]) => [k.toUpperCase(), v * 10])));
