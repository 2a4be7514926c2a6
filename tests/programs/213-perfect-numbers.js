// Divisor sums: perfect, abundant and amicable numbers below a bound.
function divisorSum(n) {
  let s = 1;
  for (let d = 2; d * d <= n; d++) {
    if (n % d === 0) {
      s += d;
      if (d * d !== n) s += n / d;
    }
  }
  return n === 1 ? 0 : s;
}
const perfect = [], amicable = [];
let abundant = 0;
for (let n = 2; n < 10000; n++) {
  const s = divisorSum(n);
  if (s === n) perfect.push(n);
  if (s > n) abundant++;
  if (s > n && s < 10000 && divisorSum(s) === n) amicable.push([n, s]);
}
console.log(perfect, abundant, amicable);
