// Arithmetic over local numbers is traced as one fused run of operator events. The
// operands' types change between calls (numbers, numeric strings, booleans, null), so a
// run is taken, left for the general code and taken again; division by zero and by -0,
// NaN, Infinity and -0 results, comparisons deciding branches, and a run whose result
// is bound to a fresh variable inside a loop.
function f(a, b, c) {
  const x = a / b + c * 2;
  const y = (a - b) / (c - c) - 1;
  const z = -0 * a + b / 4;
  let w = 0;
  if ((a + b) / (b - b) > c * 1) w = 1;
  if (a * b - c <= (b - a) / 2) w += 2;
  const q = a + b + c;
  return [x, y, z, w, q, 1 / (a * 0 - 0), (a * b) / (c + 1)];
}
function show(v) {
  return Object.is(v, -0) ? '-0' : String(v);
}
const rows = [];
for (let i = 0; i < 6; i++) rows.push(f(i, i - 2, i * 0.5));
rows.push(f('1', 2, 3));
rows.push(f(1, '2', 3));
rows.push(f(true, null, 3));
rows.push(f(0, -0, NaN));
rows.push(f(Infinity, -Infinity, 1e308));
rows.push(f(4, 2, 1));
for (const r of rows) console.log(r.map(show).join(' '));

function orbit(cr, ci, limit) {
  let zr = 0, zi = 0, k = 0;
  while (k < limit) {
    const t = zr * zr - zi * zi + cr;
    zi = 2 * zr * zi + ci;
    zr = t;
    if (zr * zr + zi * zi > 4) break;
    k++;
  }
  return k;
}
let line = '';
for (let y = -1; y <= 1; y += 0.25) {
  for (let x = -2; x <= 0.5; x += 0.125) line += orbit(x, y, 30) >= 30 ? '#' : '.';
  line += '\n';
}
console.log(line);
console.log(orbit('0.1', 0.2, 5), orbit(0.1, '0.2', 5), orbit(NaN, 0, 5));

let acc = 0;
for (let i = 1; i <= 2000; i++) {
  const d = (i * 3 - 1) / (i % 7 - 3);
  acc = acc + d * 0.5 - i / 1e3;
}
console.log(acc.toFixed(6), acc > 1e3 - 2 * 500);

// compound assignments of arithmetic: s += a * b, s -= ..., s /= ..., with a non-number
// arriving part-way
function dot(xs, ys) {
  let s = 0, t = 1, u = 0;
  for (let i = 0; i < xs.length; i++) {
    const a = xs[i], b = ys[i];
    s += a * b;
    t *= a - b + 1;
    u -= a / (b - b);
    s /= 1 + a * 0;
  }
  return [s, t, u];
}
console.log(dot([1, 2, 3], [4, 5, 6]).map(show).join(' '));
console.log(dot([1, '2', 3], [4, 5, 6]).map(show).join(' '));
console.log(dot([0, -0], [0, 0]).map(show).join(' '));
