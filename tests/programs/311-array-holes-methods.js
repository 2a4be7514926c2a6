// Holes in arrays, method by method: which methods skip them, which see undefined, which keep them.
const a = [1, , 3, , 5];
console.log(a, a.length, 1 in a, 2 in a, Object.keys(a), JSON.stringify(a));
const seen = [];
a.forEach((x, i) => seen.push(i));
console.log("forEach visits", seen);
console.log("map keeps holes", a.map((x) => x * 10));
console.log("filter drops them", a.filter(() => true));
console.log("some/every skip", a.some((x) => x === undefined), a.every((x) => x !== undefined));
console.log("reduce", a.reduce((s, x) => s + x), [, , 7].reduce((s, x) => s + x), a.reduceRight((s, x) => s + "," + x));
console.log("find sees undefined", a.find((x) => x === undefined), a.findIndex((x) => x === undefined), a.findLast((x) => x === undefined));
console.log("indexOf skips, includes sees", a.indexOf(undefined), a.includes(undefined), [, 1].lastIndexOf(undefined));
console.log("join", a.join("-"), String(a), [, , ].join());
console.log("spread and for-of see undefined", [...a], Array.from(a));
for (const x of [1, , 2]) console.log("of", x);
for (const k in a) console.log("in", k);
console.log("entries", [...[, "b"].entries()], Object.entries(a), Object.values(a));
console.log("flat skips", [1, , [2, , 3]].flat(), [[1, , 2], , [3]].flatMap((x) => x));
console.log("sort puts holes last", [3, , 1, undefined, , 2].sort(), [5, , 4].sort((p, q) => p - q));
const r = [1, , 3];
r.reverse();
console.log("reverse", r, [1, , 3].slice(1), [1, , 3].concat([, 4]));
const s = [1, 2, 3, 4];
console.log("splice", s.splice(1, 1, undefined), s, [0, , 2].splice(0, 2));
const g = new Array(4);
console.log("new Array", g, g.length, g.fill(0, 1, 3), new Array(2).fill("x"));
const d = [1, 2, 3];
console.log(delete d[1], d, d[1], 1 in d, d.length, delete d.length, d.length);
const w = [];
w[3] = "w";
w[5] = "z";
console.log("write past end", w, w.length, Object.keys(w));
const L = [1, 2];
L.length = 4;
console.log("length grown", L, L.pop(), L, L.shift(), L);
L.length = 1;
console.log("length shrunk", L);
const u = [undefined, , null];
console.log(u, u.map(String), u.join("|"));
const big = [];
big[120] = 1;
console.log(big);
const nested = { list: [1, , 3], grid: [[, 1], [2, ,]] };
console.log(nested, JSON.stringify(nested));
const [p, , q = "dflt", ...rest] = [10, , , 40, , 60];
console.log(p, q, rest);
try {
  [, ,].reduce((x, y) => x + y);
} catch (e) {
  console.log(e.name + ": " + e.message);
}
try {
  const bad = [];
  bad.length = -1;
} catch (e) {
  console.log(e.name + ": " + e.message);
}
