// Counting for loops, nested loops and loops with empty parts.
let total = 0;
for (let i = 1; i <= 100; i++) total += i;
console.log(total);
for (let i = 1; i <= 4; i++) {
  let row = "";
  for (let j = 1; j <= 4; j++) {
    row += i * j + " ";
  }
  console.log(row);
}
let x = 0;
for (;;) {
  x += 7;
  if (x > 50) break;
}
console.log(x);
for (let a = 0, b = 10; a < b; a += 2, b -= 2) {
  console.log(a, b);
}
let primes = [];
for (let p = 2; p < 50; p++) {
  let isPrime = true;
  for (let d = 2; d * d <= p; d++) {
    if (p % d === 0) {
      isPrime = false;
      break;
    }
  }
  if (isPrime) primes.push(p);
}
console.log(primes);
