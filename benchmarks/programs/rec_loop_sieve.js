// Loop-only: sieve of Eratosthenes over an array.
const n = 5000;
const composite = [];
for (let i = 0; i <= n; i++) composite.push(false);
let primes = 0;
for (let i = 2; i <= n; i++) {
  if (composite[i]) continue;
  primes++;
  for (let j = i * i; j <= n; j += i) composite[j] = true;
}
console.log("primes below", n, ":", primes);
