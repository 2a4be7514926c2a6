// A loop-heavy numeric kernel: prefix sums, sliding windows, running max.
const n = 5000;
const a = new Array(n);
for (let i = 0; i < n; i++) a[i] = ((i * 7919) % 1000) - 500;
const prefix = [0];
for (let i = 0; i < n; i++) prefix.push(prefix[i] + a[i]);
let bestSum = -Infinity, bestAt = -1;
const w = 50;
for (let i = 0; i + w <= n; i++) {
  const s = prefix[i + w] - prefix[i];
  if (s > bestSum) {
    bestSum = s;
    bestAt = i;
  }
}
let runMax = -Infinity, increases = 0;
for (const v of a) if (v > runMax) (runMax = v), increases++;
console.log(prefix[n], bestSum, bestAt, runMax, increases);
let kadane = 0, best = -Infinity;
for (const v of a) {
  kadane = Math.max(v, kadane + v);
  best = Math.max(best, kadane);
}
console.log(best);
