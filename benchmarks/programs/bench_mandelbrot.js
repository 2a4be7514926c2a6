// bench: train 12, run 300
// Escape-time fractal over a grid; counts points inside and draws a tiny ASCII thumbnail.
function escapes(cr, ci, limit) {
  let zr = 0.0, zi = 0.0;
  for (let k = 0; k < limit; k++) {
    const t = zr * zr - zi * zi + cr;
    zi = 2.0 * zr * zi + ci;
    zr = t;
    if (zr * zr + zi * zi > 4.0) return k;
  }
  return limit;
}
const size = Number(process.argv[2] || 40), limit = 60;
let inside = 0, total = 0;
for (let y = 0; y < size; y++) {
  for (let x = 0; x < size; x++) {
    const k = escapes((2.0 * x) / size - 1.5, (2.0 * y) / size - 1.0, limit);
    if (k === limit) inside++;
    total += k;
  }
}
let art = '';
for (let y = 0; y < 12; y++) {
  let row = '';
  for (let x = 0; x < 32; x++) row += escapes((2.0 * x) / 32 - 1.5, (2.0 * y) / 12 - 1.0, limit) === limit ? '#' : '.';
  art += row + '\n';
}
console.log(inside, total);
console.log(art);
