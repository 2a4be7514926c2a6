// Merging overlapping intervals and computing coverage.
function merge(intervals) {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}
const ivs = [[1, 3], [2, 6], [8, 10], [15, 18], [17, 20], [9, 9.5], [0, 0]];
const merged = merge(ivs);
console.log(merged, merged.reduce((t, [s, e]) => t + e - s, 0));
console.log(merge([]), merge([[5, 5]]));
