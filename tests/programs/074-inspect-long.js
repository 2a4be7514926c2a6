// When Node breaks objects and arrays across lines (72/80 columns, 6+ items).
console.log({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10, k: 11, l: 12, m: 13 });
console.log({ name: "a fairly long string value", other: "another long string value!" });
console.log({ name: "a fairly long string value", other: "another long string value!!!!!!" });
console.log(["aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc", "dddddddddd", "eeeeeeeeee", "ffffffffff"]);
console.log(["short", "list"]);
const rows = [];
for (let i = 0; i < 4; i++) rows.push({ id: i, label: "row" + i, values: [i, i * 2, i * 3] });
console.log(rows);
console.log({ matrix: [[1, 2, 3], [4, 5, 6], [7, 8, 9]] });
const strs = [];
for (let i = 0; i < 26; i++) strs.push(String.fromCharCode(97 + i).repeat(i % 5 + 1));
console.log(strs);
const mixed = [1, "two", 3, "four", 5, "six", 7, "eight"];
console.log(mixed);
console.log([1.25, 100.5, -3, 4000, 0.001, 6, 7]);
