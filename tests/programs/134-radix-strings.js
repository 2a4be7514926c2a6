// Number.prototype.toString with radixes, including fractions and negatives.
const nums = [0, 1, 10, 255, -255, 3.75, 0.1, 1 / 3, 2 ** 31, 1e21, -0.5];
for (const r of [2, 8, 16, 36]) console.log(r, nums.map(n => n.toString(r)).join(" "));
console.log((123.456).toString(36), (0.000001).toString(2).length);
try {
  (10).toString(1);
} catch (e) {
  console.log(e.name, e.message);
}
