// 2-D arrays: the shared-row pitfall, transposes and flood fill.
const bad = new Array(3).fill([]);
bad[0].push("x");
console.log(bad);
const good = Array.from({ length: 3 }, () => []);
good[0].push("x");
console.log(good);
const grid = ["1100", "1001", "0011", "0000"].map(r => r.split("").map(Number));
function islands(g) {
  const seen = g.map(r => r.map(() => false));
  let count = 0;
  const fill = (r, c) => {
    if (r < 0 || c < 0 || r >= g.length || c >= g[0].length || seen[r][c] || !g[r][c]) return;
    seen[r][c] = true;
    fill(r + 1, c);
    fill(r - 1, c);
    fill(r, c + 1);
    fill(r, c - 1);
  };
  for (let r = 0; r < g.length; r++) for (let c = 0; c < g[0].length; c++) if (g[r][c] && !seen[r][c]) (count++, fill(r, c));
  return count;
}
console.log(islands(grid), grid);
