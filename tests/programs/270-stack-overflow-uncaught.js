// Unbounded recursion that nobody catches.
function forever(n) {
  return forever(n + 1) + 1;
}
console.log("start");
forever(0);
