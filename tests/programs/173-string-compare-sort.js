// Sorting strings: code unit order, case-insensitive, by length then alpha.
const names = ["bob", "Alice", "carol", "alice", "Bob", "dave", "Éve", "eve", "Zed"];
console.log([...names].sort());
console.log([...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)));
console.log([...names].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)));
console.log(["10", "9", "100", "1"].sort(), ["10", "9", "100", "1"].sort((a, b) => a - b));
