// Integer division and digit manipulation with Math.floor, %, and |0.
function reverseDigits(n) {
  let r = 0;
  while (n > 0) {
    r = r * 10 + (n % 10);
    n = Math.floor(n / 10);
  }
  return r;
}
function digits(n) {
  const out = [];
  do {
    out.unshift(n % 10);
    n = (n / 10) | 0;
  } while (n > 0);
  return out;
}
console.log(reverseDigits(12345), reverseDigits(1200), digits(9075), digits(0));
console.log(7 / 2, Math.floor(7 / 2), (7 / 2) | 0, Math.floor(-7 / 2), (-7 / 2) | 0, Math.trunc(-7 / 2));
function isArmstrong(n) {
  const ds = digits(n);
  return ds.reduce((s, d) => s + d ** ds.length, 0) === n;
}
const found = [];
for (let i = 1; i < 10000; i++) if (isArmstrong(i)) found.push(i);
console.log(found);
