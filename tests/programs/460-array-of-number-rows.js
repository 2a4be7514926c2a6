// A table of number rows (`rows.push(row)`, walked by `for (x of rows[i])`): each row is
// the same array as the binding pushed, so later pushes to the binding show in the table.
function table(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const row = [];
    for (let j = 0; j <= i % 3; j++) row.push(i * 10 + j);
    rows.push(row);
    row.push(-0);           // after the push: the table sees it (one array, two names)
    if (i === 2) row.push(NaN, 0.5);
  }
  return rows.length;
}

function sums(n) {
  const rows = [], empty = [];
  let shared = [1, 2];
  for (let i = 0; i < n; i++) {
    const row = [i, i / 4, -i];
    rows.push(row);
    if (i % 2 === 0) rows.push(shared);   // one row twice in the table
  }
  rows.push(empty);
  let total = 0, negZero = 0, count = 0;
  for (let i = 0; i < rows.length; i++) {
    for (const x of rows[i]) {
      total += x;
      count++;
      if (Object.is(x, -0)) negZero++;
    }
  }
  shared.push(100);
  empty.push(7);
  let again = 0, late = 0;
  for (const x of rows[rows.length - 1]) late += x;  // `empty`, filled after the walk above
  for (const x of rows[1]) again += x;     // rows[1] is `shared`: it has 100 now
  // a walk sees elements pushed while it runs, as JS's array iterator does
  const grow = [1];
  rows.push(grow);
  let seen = 0;
  for (const x of rows[rows.length - 1]) {
    seen++;
    if (grow.length < 5) grow.push(x * 2);
  }
  return [total, count, negZero, again, late, seen, rows.length].join(' ');
}

function preds(n) {
  // the loop finder's shape: back and other predecessors of each node, in two tables
  const back = [], other = [];
  for (let w = 0; w < n; w++) {
    const b = [], o = [];
    for (let v = 0; v < n; v++) {
      if ((v * 7 + w * 3) % 5 === 0) { if (v <= w) b.push(v); else o.push(v); }
    }
    back.push(b); other.push(o);
  }
  let out = '';
  for (let w = n - 1; w >= 0; w--) {
    let s = 0;
    for (const v of back[w]) s += v;
    for (const v of other[w]) s -= v;
    out += s + (w ? ',' : '');
  }
  return out;
}

console.log(table(6));
console.log(sums(5));
console.log(preds(9));
console.log(sums(2), preds(3));

// a table printed is an ordinary array: it and its rows stay dynamic
const shown = [], r0 = [1, -0];
shown.push(r0);
console.log(shown, r0.length);

// a table shared with a function's parameter (not owned by one name)
function fill(t, n) {
  for (let i = 0; i < n; i++) { const r = [i, i * i, -0]; t.push(r); }
  return t.length;
}
function total(t) {
  let s = 0;
  for (let i = 0; i < t.length; i++) for (const x of t[i]) s += x * (i + 1);
  return s;
}
function run() {
  const grid = [];
  for (let i = 0; i < 3; i++) { const r = [i, 0.5]; grid.push(r); }
  const same = grid;                      // two names for one table: shared, not owned
  const r = [7];
  same.push(r);
  r.push(8);
  let s = 0;
  for (let i = 0; i < grid.length; i++) for (const x of grid[i]) s += x;
  return [fill([], 3), total([]), grid.length, s].join(' ');
}
console.log(run());
