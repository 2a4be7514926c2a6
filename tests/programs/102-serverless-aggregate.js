// A serverless action computing statistics over a list of numbers.
function main(params) {
  const xs = (params.values || []).filter(v => typeof v === "number" && !Number.isNaN(v));
  if (xs.length === 0) return { error: "no numeric values" };
  const sorted = [...xs].sort((a, b) => a - b);
  const n = sorted.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / n;
  return {
    count: n,
    min: sorted[0],
    max: sorted[n - 1],
    mean: Math.round(mean * 1000) / 1000,
    median,
    stddev: Math.sqrt(variance).toFixed(4),
  };
}
console.log(main({ values: [4, 8, 15, 16, 23, 42] }));
console.log(main({ values: [3, "x", 1, null, 2, NaN] }));
console.log(main({}));
console.log(main({ values: [-1.5, 2.25, 1e3] }));
