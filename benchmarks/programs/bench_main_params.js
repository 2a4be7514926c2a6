// bench: train 30, run 40000
// A serverless-style function: validate, transform and summarise a request, called with sample params.
function main(params) {
  if (typeof params.items !== 'object' || !Array.isArray(params.items)) return { error: 'items must be an array' };
  let total = 0, count = 0;
  const byCategory = {};
  for (const item of params.items) {
    if (typeof item.price !== 'number' || item.price < 0) continue;
    const cat = item.category || 'misc';
    byCategory[cat] = (byCategory[cat] || 0) + item.price * (item.qty || 1);
    total += item.price * (item.qty || 1);
    count++;
  }
  const categories = Object.keys(byCategory).sort();
  return { count: count, total: Math.round(total * 100) / 100, categories: categories,
           top: categories.reduce((a, b) => (byCategory[a] >= byCategory[b] ? a : b), categories[0]) };
}
let last = null;
const requests = Number(process.argv[2] || 200);
for (let r = 0; r < requests; r++) {
  const items = [];
  for (let i = 0; i < 6; i++) items.push({ price: ((r + i * 7) % 50) + 0.25, qty: (i % 3) + 1, category: ['food', 'tools', 'books'][i % 3] });
  if (r % 5 === 0) items.push({ price: -1 });
  last = main({ items: items, user: 'u' + r });
}
console.log(JSON.stringify(last));
console.log(JSON.stringify(main({ items: 'nope' })));
