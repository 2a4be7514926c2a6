// Arrays holding several element types: sum numbers, join strings, count types.
const mixed = [1, "two", 3, null, [4], { five: 5 }, 6.5, "7", undefined, true];
const byType = {};
for (const v of mixed) {
  const t = v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
  byType[t] = (byType[t] || 0) + 1;
}
console.log(byType);
console.log(mixed.filter(v => typeof v === "number").reduce((a, b) => a + b, 0));
console.log(mixed.map(String));
console.log(mixed.join("/"));
