// Relational operators on mixed types and NaN.
const xs = [1, "1", "01", "a", null, undefined, NaN, true, [2], "10"];
for (const a of xs) {
  const row = [];
  for (const b of xs) row.push(a < b ? "<" : a > b ? ">" : a == b ? "=" : "?");
  console.log(String(a).padEnd(9), row.join(" "));
}
