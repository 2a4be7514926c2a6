// Sieve of Eratosthenes over 100000 with a boolean array.
function sieve(n) {
  const composite = new Array(n + 1).fill(false);
  let count = 0;
  let last = 0;
  for (let i = 2; i <= n; i++) {
    if (composite[i]) continue;
    count++;
    last = i;
    for (let j = i * i; j <= n; j += i) composite[j] = true;
  }
  return [count, last];
}
console.log(sieve(100000));
console.log(sieve(10), sieve(2), sieve(1));
