// Heavier recursion: Takeuchi function and small Ackermann values.
function tak(x, y, z) {
  if (y >= x) return z;
  return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y));
}
console.log(tak(18, 12, 6));
function ack(m, n) {
  return m === 0 ? n + 1 : n === 0 ? ack(m - 1, 1) : ack(m - 1, ack(m, n - 1));
}
for (let m = 0; m <= 2; m++) {
  const row = [];
  for (let n = 0; n <= 5; n++) row.push(ack(m, n));
  console.log(row);
}
function countChange(amount, coins, k) {
  if (amount === 0) return 1;
  if (amount < 0 || k === coins.length) return 0;
  return countChange(amount - coins[k], coins, k) + countChange(amount, coins, k + 1);
}
console.log(countChange(100, [50, 25, 10, 5, 1], 0));
