// N-queens by backtracking: count solutions and show the first board.
function solve(n) {
  const cols = new Set(), d1 = new Set(), d2 = new Set();
  const placed = [];
  let count = 0, first = null;
  function place(r) {
    if (r === n) {
      count++;
      if (!first) first = [...placed];
      return;
    }
    for (let c = 0; c < n; c++) {
      if (cols.has(c) || d1.has(r - c) || d2.has(r + c)) continue;
      cols.add(c), d1.add(r - c), d2.add(r + c), placed.push(c);
      place(r + 1);
      cols.delete(c), d1.delete(r - c), d2.delete(r + c), placed.pop();
    }
  }
  place(0);
  return { count, first };
}
for (let n = 1; n <= 8; n++) console.log(n, solve(n).count);
const { first } = solve(6);
console.log(first.map(c => ".".repeat(c) + "Q" + ".".repeat(5 - c)).join("\n"));
