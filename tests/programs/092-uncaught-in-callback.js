// An error thrown inside an array callback propagates out uncaught.
const items = [1, 2, 3, 4];
const doubled = items.map(x => {
  if (x > 3) throw new RangeError("item too large: " + x);
  console.log("mapping", x);
  return x * 2;
});
console.log(doubled);
