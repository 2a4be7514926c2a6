// Array.prototype.sort accepts any comparator: one that is no total order (random, or
// inconsistent with itself) must still finish with every element kept, as in Node. With a
// consistent comparator the order is the stable one, whatever the array's length.
let seed = 7;
function rnd() { seed = (seed * 16807) % 2147483647; return seed / 2147483647; }
function sum(xs) { return xs.reduce((a, b) => a + b, 0); }

const xs = [];
for (let i = 0; i < 300; i++) xs.push((i * 7919) % 211);
const shuffled = xs.slice().sort(() => rnd() - 0.5);
console.log(shuffled.length, sum(shuffled), sum(xs));
const odd = xs.slice().sort((a, b) => (a % 3) - 1);
console.log(odd.length, sum(odd));
const nan = xs.slice(0, 40).sort(() => NaN);
console.log(nan.join(',') === xs.slice(0, 40).join(','));
const strs = xs.slice(0, 30).sort((a, b) => String(a - b));
console.log(strs.length, sum(strs));

// stable: equal keys keep their first order, short and long arrays, sorted and reversed input
for (const n of [5, 12, 13, 40, 257]) {
  const recs = [];
  for (let i = 0; i < n; i++) recs.push({ key: (i * 37) % 5, at: i });
  recs.sort((a, b) => a.key - b.key);
  let stable = true;
  for (let i = 1; i < n; i++) {
    const p = recs[i - 1], q = recs[i];
    if (p.key > q.key || (p.key === q.key && p.at > q.at)) stable = false;
  }
  console.log(n, stable, recs.slice(0, 4).map((r) => r.at).join(' '));
}
const up = [];
for (let i = 0; i < 100; i++) up.push(i);
console.log(up.slice().sort((a, b) => a - b).slice(95), up.slice().sort((a, b) => b - a).slice(0, 5));

// the default order compares strings; an element whose toString changes every call still sorts
let calls = 0;
const fickle = [];
for (let i = 0; i < 50; i++) fickle.push({ toString() { calls++; return String(rnd()); } });
fickle.sort();
console.log(fickle.length, calls > 0);
console.log([10, 9, 1, 100, 25, undefined, 3].sort(), ['b', 'a', 'C', 'é', 'e'].sort());

// the comparator's calls, in V8's order, for arrays shorter than 64
for (const input of [[2, 1], [1, 2], [3, 1, 2], [5, 4, 3, 2, 1], [1, 2, 3, 4], [4, 1, 3, 1, 2, 5, 0], [2, 2, 1, 1]]) {
  const seen = [];
  const out = input.slice().sort((a, b) => { seen.push(a + '' + b); return a - b; });
  console.log(input.join(''), '->', out.join(''), seen.join(' '));
}
const many = [];
for (let i = 0; i < 40; i++) many.push((i * 13) % 17);
let count = 0;
many.sort((a, b) => { count++; return b - a; });
console.log(count, many.join(','));
