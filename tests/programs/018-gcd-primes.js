// Number theory helpers: gcd, lcm, sieve, digit sums.
function gcd(a, b) {
  while (b !== 0) {
    const t = b;
    b = a % b;
    a = t;
  }
  return a;
}
function lcm(a, b) {
  return (a / gcd(a, b)) * b;
}
console.log(gcd(48, 18), gcd(17, 5), lcm(4, 6), lcm(21, 6));
function sieve(n) {
  const isComposite = [];
  for (let i = 0; i <= n; i++) isComposite.push(false);
  const result = [];
  for (let i = 2; i <= n; i++) {
    if (!isComposite[i]) {
      result.push(i);
      for (let j = i * i; j <= n; j += i) isComposite[j] = true;
    }
  }
  return result;
}
console.log(sieve(100));
function digitSum(n) {
  let s = 0;
  while (n > 0) {
    s += n % 10;
    n = Math.floor(n / 10);
  }
  return s;
}
console.log(digitSum(12345), digitSum(99999999));
