// Quicksort and mergesort on deterministic pseudo-random data.
let seed = 42;
const rand = () => (seed = (seed * 16807) % 2147483647);
const data = [];
for (let i = 0; i < 200; i++) data.push(rand() % 1000);
function quicksort(a) {
  if (a.length < 2) return a;
  const [p, ...rest] = a;
  return [...quicksort(rest.filter(x => x < p)), p, ...quicksort(rest.filter(x => x >= p))];
}
function mergesort(a) {
  if (a.length < 2) return a;
  const mid = a.length >> 1;
  const l = mergesort(a.slice(0, mid)), r = mergesort(a.slice(mid));
  const out = [];
  let i = 0, j = 0;
  while (i < l.length && j < r.length) out.push(l[i] <= r[j] ? l[i++] : r[j++]);
  return out.concat(l.slice(i), r.slice(j));
}
const q = quicksort(data), m = mergesort(data);
console.log(q.slice(0, 10), m.slice(-5));
console.log(q.join() === m.join(), q.join() === [...data].sort((a, b) => a - b).join());
