// bench: train 5, run 9
// Pancake-flipping over all permutations of n items (our own take on the classic kernel).
function fannkuch(n) {
  const perm = [], count = [], work = [];
  for (let i = 0; i < n; i++) { perm.push(i); count.push(0); work.push(0); }
  let maxFlips = 0, checksum = 0, sign = 1, r = n;
  while (true) {
    while (r !== 1) { count[r - 1] = r; r--; }
    for (let i = 0; i < n; i++) work[i] = perm[i];
    let flips = 0, first = work[0];
    while (first !== 0) {
      let lo = 0, hi = first;
      while (lo < hi) { const t = work[lo]; work[lo] = work[hi]; work[hi] = t; lo++; hi--; }
      flips++;
      first = work[0];
    }
    if (flips > maxFlips) maxFlips = flips;
    checksum += sign * flips;
    sign = -sign;
    while (true) {
      if (r === n) return [checksum, maxFlips];
      const p0 = perm[0];
      for (let i = 0; i < r; i++) perm[i] = perm[i + 1];
      perm[r] = p0;
      count[r]--;
      if (count[r] > 0) break;
      r++;
    }
  }
}
const res = fannkuch(Number(process.argv[2] || 6));
console.log('checksum', res[0], 'max flips', res[1]);
