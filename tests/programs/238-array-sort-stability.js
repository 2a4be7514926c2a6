// Array.prototype.sort is stable; sorting by several keys.
const items = [];
const names = ["kiwi", "fig", "apple", "date", "plum", "pear", "lime", "grape", "melon", "peach", "cherry", "banana"];
names.forEach((n, i) => items.push({ n, len: n.length, order: i }));
items.sort((a, b) => a.len - b.len);
console.log(items.map(x => x.n + "#" + x.order).join(" "));
items.sort((a, b) => (a.n[0] < b.n[0] ? -1 : a.n[0] > b.n[0] ? 1 : 0));
console.log(items.map(x => x.n).join(" "));
const byTwo = [...names].sort((a, b) => b.length - a.length || a.localeCompare(b));
console.log(byTwo);
