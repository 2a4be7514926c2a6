// Closures created in while loops capture block bindings per iteration.
const fs = [];
let n = 0;
while (n < 3) {
  const captured = n;
  let mutable = n * 10;
  fs.push(() => [captured, ++mutable]);
  n++;
}
console.log(fs.map(f => f()), fs.map(f => f()));
