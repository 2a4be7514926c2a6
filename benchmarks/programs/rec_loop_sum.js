// Loop-only: nested loops, no calls. Both tracing modes should give the same tree.
let total = 0;
for (let i = 0; i < 300; i++) {
  for (let j = 0; j < 30; j++) {
    if ((i + j) % 3 === 0) total += i * j;
    else total -= 1;
  }
}
console.log("total:", total);
