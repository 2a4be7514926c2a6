// One error is caught and logged, the next one escapes.
function risky(n) {
  if (n > 1) throw new Error("n too big: " + n);
  return n;
}
try {
  risky(5);
} catch (e) {
  console.log("handled:", e.message);
}
console.log(risky(1));
risky(2);
