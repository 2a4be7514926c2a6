// Building a report string: padding columns, number formatting, joining lines.
const rows = [
  { item: "apples", qty: 12, price: 0.5 },
  { item: "bread", qty: 1, price: 2.25 },
  { item: "cheese (aged)", qty: 3, price: 7.125 },
  { item: "dates", qty: 250, price: 0.02 },
];
function pad(s, n, right) {
  s = String(s);
  return right ? s.padStart(n) : s.padEnd(n);
}
const lines = [];
lines.push(pad("item", 15) + pad("qty", 5, true) + pad("price", 9, true) + pad("total", 10, true));
lines.push("-".repeat(39));
let grand = 0;
for (const r of rows) {
  const total = r.qty * r.price;
  grand += total;
  lines.push(pad(r.item, 15) + pad(r.qty, 5, true) + pad(r.price.toFixed(2), 9, true) + pad(total.toFixed(2), 10, true));
}
lines.push("=".repeat(39));
lines.push(pad("TOTAL", 29) + pad(grand.toFixed(2), 10, true));
console.log(lines.join("\n"));
let csv = "";
for (const r of rows) csv += [r.item, r.qty, r.price].join(",") + "\n";
console.log(csv.trimEnd());
console.log(csv.length, csv.split("\n").length);
