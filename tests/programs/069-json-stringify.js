// JSON.stringify: nesting, indentation, special values, toJSON and replacers.
const data = { name: "widget", tags: ["a", "b"], dims: { w: 2, h: 3.5 }, ok: true, none: null };
console.log(JSON.stringify(data));
console.log(JSON.stringify(data, null, 2));
console.log(JSON.stringify(data, null, "--"));
console.log(JSON.stringify([1, "two", [3]], null, 4));
console.log(JSON.stringify({ u: undefined, f() {}, n: NaN, i: Infinity, neg: -0 }));
console.log(JSON.stringify([undefined, function () {}, NaN]));
console.log(JSON.stringify("quote\" back\\ nl\n tab\t uni\u0001"));
console.log(JSON.stringify({ toJSON() { return { replaced: true }; } }));
console.log(JSON.stringify(data, ["name", "ok"]));
console.log(JSON.stringify(data, (k, v) => (typeof v === "number" ? v * 10 : v)));
console.log(JSON.stringify({}), JSON.stringify([]), JSON.stringify({ a: [] }, null, 2), JSON.stringify(undefined));
console.log(JSON.stringify(1e21), JSON.stringify("é"), JSON.stringify(new Map([[1, 2]])));
