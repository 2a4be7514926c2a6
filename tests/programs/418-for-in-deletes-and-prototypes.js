// for-in over keys deleted or added during the loop, Object.create with descriptors,
// and __proto__ in object literals.
const withHidden = Object.create({ inherited: 1 }, {
  shown: { value: 2, enumerable: true },
  hidden: { value: 3 },
});
console.log(withHidden.shown, withHidden.hidden, withHidden.inherited, Object.keys(withHidden));
const keys = [];
for (const k in withHidden) keys.push(k);
console.log(keys);

const base = { greet() { return 'hi from base'; } };
const child = { __proto__: base, own: 1 };
console.log(child.greet(), Object.keys(child), Object.getPrototypeOf(child) === base);
const plain = { ['__proto__']: 5 };
console.log(Object.keys(plain), plain.__proto__ === 5);

const counts = { a: 1, b: 2, c: 3, d: 4 };
const visited = [];
for (const k in counts) {
  visited.push(k);
  if (k === 'a') delete counts.c;
  if (k === 'b') counts.e = 5;
}
console.log(visited, Object.keys(counts));
