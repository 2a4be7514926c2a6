// Consts captured by closures (a copy of the value where the closure is made after the
// const, a shared cell otherwise) and `o[k] = v` on bindings never reassigned.
function summarise(rows) {
  const totals = {};
  const order = [];
  for (const row of rows) {
    const key = row.kind || 'other';
    if (!(key in totals)) order.push(key);
    totals[key] = (totals[key] || 0) + row.n;
  }
  const best = order.reduce((a, b) => (totals[a] >= totals[b] ? a : b), order[0]);
  const bump = (k) => { totals[k] = (totals[k] || 0) + 100; return totals[k]; };
  return { best, bumped: bump('extra'), totals, order };
}
console.log(summarise([{ kind: 'a', n: 1 }, { kind: 'b', n: 5 }, { n: 2 }, { kind: 'a', n: 7 }]));
console.log(summarise([]));

// a closure declared before the const it reads (hoisted): it must see the later value
function early() {
  function peek() { return typeof limit === 'undefined' ? 'unset' : limit; }
  const limit = 3;
  return peek();
}
console.log(early());

// a closure inside the const's own initialiser reads it later
const selfRef = (() => {
  const fn = (n) => (n <= 0 ? 'done' : fn(n - 1));
  return fn(4);
})();
console.log(selfRef);

// a const in a switch case (shared by every case) read by a closure
function cases(which) {
  let get = () => 'none';
  switch (which) {
    case 1:
      const v = 'one';
      get = () => v + '!';
      break;
    case 2:
      get = () => 'two';
  }
  return get();
}
console.log(cases(1), cases(2), cases(3));

// closures over a const object see its later mutations; copies of numbers and strings
function makers() {
  const box = { n: 1 };
  const label = 'box';
  const scale = 2.5;
  const show = () => `${label}:${box.n * scale}`;
  box.n = 4;
  const inner = () => () => show() + '/' + label;
  return [show(), inner()()];
}
console.log(makers());

// keys that are not strings, and stores whose right side reassigns the object or key
function stores() {
  const d = {};
  const num = 2;
  const sym = Symbol('s');
  const objKey = { toString() { return 'obj'; } };
  d[num] = 'two';
  d[sym] = 'symbol';
  d[objKey] = 'via toString';
  d[num] += '!';
  let target = d;
  let k = 'first';
  target[k] = ((target = { other: true }), (k = 'second'), 'written');
  console.log(d, target, k, d[sym]);
  const arr = [1, 2, 3];
  const i = 1;
  arr[i] = arr[i] * 10;
  console.log(arr);
}
stores();

// a const captured in a loop body: one copy per iteration
const fns = [];
for (let i = 0; i < 3; i++) {
  const sq = i * i;
  const tag = 'i' + i;
  fns.push(() => tag + '=' + sq);
}
console.log(fns.map((f) => f()));
