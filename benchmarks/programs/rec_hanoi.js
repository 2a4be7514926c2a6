// Towers of Hanoi: recursion with side effects on shared arrays.
function hanoi(n, from, to, via, moves) {
  if (n === 0) return 0;
  let count = hanoi(n - 1, from, via, to, moves);
  moves.push(from + "->" + to);
  count = count + 1;
  return count + hanoi(n - 1, via, to, from, moves);
}
const moves = [];
console.log("moves:", hanoi(10, "A", "C", "B", moves));
console.log("first:", moves[0], moves[1], moves[2], "last:", moves[moves.length - 1]);
