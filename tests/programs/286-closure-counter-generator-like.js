// An iterator-like object built with closures (what generators would do).
function range(start, end) {
  let cur = start;
  return {
    next() {
      return cur < end ? { value: cur++, done: false } : { value: undefined, done: true };
    },
  };
}
const it = range(3, 6);
let step;
while (!(step = it.next()).done) console.log(step.value);
console.log(step);
function take(n, nextFn) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(nextFn());
  return out;
}
let a = 0, b = 1;
console.log(take(12, () => {
  const v = a;
  [a, b] = [b, a + b];
  return v;
}));
