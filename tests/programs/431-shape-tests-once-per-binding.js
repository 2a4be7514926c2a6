// Bindings holding objects of several shapes (or no object at all) read field by field:
// each binding's shape is tested once where it is declared, every read after uses that.
function price(item) {
  if (typeof item.price !== 'number' || item.price < 0) return 0;
  return item.price * (item.qty || 1);
}
const items = [
  { price: 2.5, qty: 2, category: 'food' },
  { price: 4 },
  { price: -1 },
  { price: 3, qty: 0, category: 'tools' },
  { get price() { return 6; }, qty: 3, category: 'getter' },
];
let sum = 0;
for (const item of items) {
  sum += price(item);
  const cat = item.category || 'misc';
  const label = item.price < 0 ? 'negative' : String(item.price);
  console.log(cat, label, item.qty, typeof item.price);
}
for (const odd of ['not an object', [1, 2], 7]) {
  console.log(odd.price, odd.length, price(odd));
}
console.log(sum);

// a shape whose field is replaced by another type, and an object with a getter
function describe(params) {
  const list = params.items;
  if (!Array.isArray(params.items)) return 'no items: ' + typeof params.items;
  return list.length + ' items for ' + params.user;
}
console.log(describe({ items: [1, 2, 3], user: 'ann' }));
console.log(describe({ items: 'nope' }));
console.log(describe({ get items() { return [9]; }, user: 'getter' }));
console.log(describe({ items: null, user: 'nobody' }));

// a binding reassigned to another shape keeps testing at every read
let p = { x: 1, y: 2 };
let total = p.x + p.y;
p = { x: 10, z: 5 };
total += p.x + (p.y || 0);
console.log(total);

// reads after the binding's object is mutated through another name
const point = { x: 1, y: 2 };
const alias = point;
alias.x = 7;
console.log(point.x, point.y, point.x * point.y);
