// Sort values and remove duplicates; numbers numerically, strings by code unit order.
exports.main = function (params) {
  const values = params.values || [];
  const numeric = values.every(function (v) { return typeof v === 'number'; });
  const sorted = values.slice().sort(numeric ? function (a, b) { return a - b; } : undefined);
  const unique = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) unique.push(sorted[i]);
  }
  const result = { unique: params.descending ? unique.reverse() : unique,
                   removed: values.length - unique.length };
  return result;
};
