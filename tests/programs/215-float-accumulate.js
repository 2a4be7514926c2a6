// Floating point accumulation order matters; Kahan summation fixes drift.
const xs = [];
for (let i = 0; i < 1000; i++) xs.push(0.1);
let naive = 0;
for (const x of xs) naive += x;
let sum = 0, comp = 0;
for (const x of xs) {
  const y = x - comp;
  const t = sum + y;
  comp = t - sum - y;
  sum = t;
}
console.log(naive, sum, naive === 100, sum === 100);
console.log([1e16, 1, -1e16].reduce((a, b) => a + b), [1e16, -1e16, 1].reduce((a, b) => a + b));
console.log(0.1 + 0.2 === 0.3, Math.abs(0.1 + 0.2 - 0.3) < Number.EPSILON);
