// Aggregations over arrays with loops: max, min, average, counts.
const data = [12, 45, 7, 23, 56, 89, 34, 2, 67, 90, 11];
let max = -Infinity;
let min = Infinity;
let sum = 0;
let evens = 0;
for (let i = 0; i < data.length; i++) {
  const v = data[i];
  if (v > max) max = v;
  if (v < min) min = v;
  sum += v;
  if (v % 2 === 0) evens++;
}
console.log("max", max, "min", min, "sum", sum, "avg", sum / data.length, "evens", evens);
console.log(Math.max(1, 5, 3), Math.min(4, -2, 8), Math.max(), Math.min());
