// for-of over arrays, strings, Maps, Sets and entries().
for (const x of [3, 1, 4]) console.log(x);
for (const ch of "héllo") console.log(ch);
const m = new Map([["a", 1], ["b", 2]]);
for (const [k, v] of m) console.log(k, v);
for (const v of new Set(["p", "q", "p"])) console.log(v);
for (const [i, v] of ["zero", "one"].entries()) console.log(i, v);
let total = 0;
for (const n of [1, 2, 3, 4, 5]) {
  if (n === 2) continue;
  if (n === 5) break;
  total += n;
}
console.log(total);
