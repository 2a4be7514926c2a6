// Mutual recursion and recursion over arrays.
function even(n) {
  if (n === 0) return true;
  return odd(n - 1);
}
function odd(n) {
  if (n === 0) return false;
  return even(n - 1);
}
const results = [];
for (let i = 0; i < 10; i++) results.push(even(i));
console.log(results);
function sumArray(arr, i) {
  if (i >= arr.length) return 0;
  return arr[i] + sumArray(arr, i + 1);
}
console.log(sumArray([5, 10, 15, 20], 0));
function power(base, exp) {
  if (exp === 0) return 1;
  const half = power(base, Math.floor(exp / 2));
  return exp % 2 === 0 ? half * half : half * half * base;
}
console.log(power(2, 10), power(3, 13), power(1.5, 7));
function hanoi(n, from, to, via, moves) {
  if (n === 0) return moves;
  hanoi(n - 1, from, via, to, moves);
  moves.push(from + "->" + to);
  hanoi(n - 1, via, to, from, moves);
  return moves;
}
console.log(hanoi(3, "A", "C", "B", []));
