// Unbounded recursion becomes a catchable RangeError.
function down(n) {
  return down(n + 1) + 1;
}
try {
  down(0);
} catch (e) {
  console.log(e instanceof RangeError, e.name, e.message);
}
function depth(n) {
  try {
    return depth(n + 1);
  } catch (e) {
    return n;
  }
}
console.log(depth(0) > 1000);
let calls = 0;
const countdown = n => (calls++, n === 0 ? 0 : countdown(n - 1));
console.log(countdown(5000), calls);
