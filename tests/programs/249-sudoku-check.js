// Validating sudoku rows, columns and boxes with Sets.
const board = [
  "534678912", "672195348", "198342567", "859761423", "426853791",
  "713924856", "961537284", "287419635", "345286179",
].map(r => r.split("").map(Number));
function valid(b) {
  for (let i = 0; i < 9; i++) {
    const row = new Set(), col = new Set(), box = new Set();
    for (let j = 0; j < 9; j++) {
      row.add(b[i][j]);
      col.add(b[j][i]);
      box.add(b[3 * Math.floor(i / 3) + Math.floor(j / 3)][3 * (i % 3) + (j % 3)]);
    }
    if (row.size < 9 || col.size < 9 || box.size < 9) return `invalid at ${i}`;
  }
  return "valid";
}
console.log(valid(board));
board[0][0] = 3;
console.log(valid(board));
