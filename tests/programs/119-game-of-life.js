// Conway's game of life on a small torus, printed as text.
const W = 10, H = 8;
let grid = Array.from({ length: H }, () => new Array(W).fill(0));
for (const [r, c] of [[1, 2], [2, 3], [3, 1], [3, 2], [3, 3]]) grid[r][c] = 1;
function step(g) {
  return g.map((row, r) =>
    row.map((cell, c) => {
      let n = 0;
      for (let dr = -1; dr <= 1; dr++)
        for (let dc = -1; dc <= 1; dc++) if (dr || dc) n += g[(r + dr + H) % H][(c + dc + W) % W];
      return n === 3 || (cell && n === 2) ? 1 : 0;
    })
  );
}
for (let gen = 0; gen < 4; gen++) {
  console.log("gen " + gen);
  console.log(grid.map(row => row.map(x => (x ? "#" : ".")).join("")).join("\n"));
  grid = step(grid);
}
console.log(grid.flat().reduce((a, b) => a + b));
