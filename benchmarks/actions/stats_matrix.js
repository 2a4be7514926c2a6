// Descriptive statistics of a sample and a matrix product / transpose.
function mean(xs) {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return xs.length ? s / xs.length : 0;
}

function multiply(a, b) {
  const n = a.length;
  const m = b[0].length;
  const k = b.length;
  const out = [];
  for (let i = 0; i < n; i++) {
    const row = [];
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let t = 0; t < k; t++) s += a[i][t] * b[t][j];
      row.push(s);
    }
    out.push(row);
  }
  return out;
}

function main(params) {
  const xs = params.sample || [];
  const mu = mean(xs);
  let v = 0;
  for (const x of xs) v += (x - mu) * (x - mu);
  const sorted = xs.slice().sort(function (a, b) { return a - b; });
  const mid = sorted.length >> 1;
  const median = sorted.length === 0 ? null : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const result = { n: xs.length, mean: mu, variance: xs.length > 1 ? v / (xs.length - 1) : 0,
                   median: median, min: sorted.length ? sorted[0] : null,
                   max: sorted.length ? sorted[sorted.length - 1] : null };
  if (params.a && params.b) {
    if (params.a[0].length !== params.b.length) return { error: 'matrix shapes do not match' };
    result.product = multiply(params.a, params.b);
  }
  return result;
}
