// An ASCII Mandelbrot set (float loops and string building).
const rows = [];
for (let y = -1.2; y <= 1.2; y += 0.15) {
  let row = "";
  for (let x = -2.1; x <= 0.6; x += 0.06) {
    let zr = 0, zi = 0, k = 0;
    while (k < 50 && zr * zr + zi * zi < 4) {
      const t = zr * zr - zi * zi + x;
      zi = 2 * zr * zi + y;
      zr = t;
      k++;
    }
    row += k === 50 ? "#" : k > 10 ? "+" : k > 4 ? "." : " ";
  }
  rows.push(row.trimEnd());
}
console.log(rows.join("\n"));
