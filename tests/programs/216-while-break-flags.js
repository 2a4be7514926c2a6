// Searching with while loops, sentinels and flags.
const data = [7, 3, 9, 12, 5, 18, 2];
let idx = 0;
while (idx < data.length && data[idx] % 6 !== 0) idx++;
console.log("first multiple of 6 at", idx, data[idx]);
let lo = 0, hi = data.length - 1, swaps = 0;
while (lo < hi) {
  while (lo < hi && data[lo] % 2 === 0) lo++;
  while (lo < hi && data[hi] % 2 === 1) hi--;
  if (lo < hi) {
    [data[lo], data[hi]] = [data[hi], data[lo]];
    swaps++;
  }
}
console.log(data, swaps);
let found = false, attempts = 0;
while (!found) {
  attempts++;
  found = (attempts * 37) % 11 === 1;
}
console.log(attempts);
