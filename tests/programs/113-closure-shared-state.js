// Closures sharing one environment, and closures outliving their loop.
function makeStack() {
  const items = [];
  return {
    push: x => items.push(x),
    pop: () => items.pop(),
    peek: () => items[items.length - 1],
    size: () => items.length,
  };
}
const s = makeStack();
s.push(1);
s.push(2);
s.push(3);
console.log(s.pop(), s.peek(), s.size());
function memoize(f) {
  const cache = new Map();
  let hits = 0;
  const g = x => {
    if (cache.has(x)) {
      hits++;
      return cache.get(x);
    }
    const v = f(x);
    cache.set(x, v);
    return v;
  };
  g.stats = () => ({ hits, size: cache.size });
  return g;
}
const slowSquare = memoize(x => x * x);
[1, 2, 1, 3, 2, 1].forEach(x => slowSquare(x));
console.log(slowSquare.stats());
