// Count words in a text: totals, distinct words and the most frequent ones.
function main(params) {
  const text = String(params.text || '');
  const top = params.top === undefined ? 3 : params.top;
  const words = text.toLowerCase().split(/[^a-z0-9']+/).filter(function (w) { return w.length > 0; });
  const counts = new Map();
  for (const w of words) counts.set(w, (counts.get(w) || 0) + 1);
  const ranked = Array.from(counts.entries()).sort(function (a, b) {
    return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  });
  return { words: words.length, distinct: counts.size,
           top: ranked.slice(0, top).map(function (e) { return { word: e[0], count: e[1] }; }) };
}
