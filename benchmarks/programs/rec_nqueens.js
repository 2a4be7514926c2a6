// N-Queens: backtracking recursion inside a loop.
function safe(cols, row, col) {
  for (let r = 0; r < row; r++) {
    const c = cols[r];
    if (c === col || c - col === r - row || c - col === row - r) return false;
  }
  return true;
}
function solve(n, row, cols) {
  if (row === n) return 1;
  let count = 0;
  for (let col = 0; col < n; col++) {
    if (safe(cols, row, col)) {
      cols[row] = col;
      count += solve(n, row + 1, cols);
    }
  }
  return count;
}
console.log("queens(6) =", solve(6, 0, [0, 0, 0, 0, 0, 0]));
