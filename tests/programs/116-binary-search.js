// Binary search, lower bound and a search over a monotone function.
function binarySearch(arr, target) {
  let lo = 0, hi = arr.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] === target) return mid;
    if (arr[mid] < target) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
const sorted = [];
for (let i = 0; i < 100; i++) sorted.push(i * 3);
console.log(binarySearch(sorted, 27), binarySearch(sorted, 28), binarySearch(sorted, 297), binarySearch([], 1));
function isqrt(n) {
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (mid * mid <= n) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
console.log([0, 1, 15, 16, 17, 1000000, 999999].map(isqrt));
