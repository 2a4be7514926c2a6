// An LRU cache built on Map's insertion order.
class LRU {
  constructor(capacity) {
    this.capacity = capacity;
    this.map = new Map();
    this.hits = 0;
    this.misses = 0;
  }
  get(k) {
    if (!this.map.has(k)) {
      this.misses++;
      return undefined;
    }
    const v = this.map.get(k);
    this.map.delete(k);
    this.map.set(k, v);
    this.hits++;
    return v;
  }
  set(k, v) {
    this.map.delete(k);
    this.map.set(k, v);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value);
  }
}
const cache = new LRU(3);
for (const k of ["a", "b", "c", "a", "d", "b", "e", "a", "c"]) {
  if (cache.get(k) === undefined) cache.set(k, k.toUpperCase());
}
console.log([...cache.map.keys()], cache.hits, cache.misses);
console.log(cache);
