// Longest Collatz chain under a bound (a loop-heavy numeric benchmark).
function chain(n) {
  let steps = 0;
  while (n !== 1) {
    n = n % 2 === 0 ? n / 2 : 3 * n + 1;
    steps++;
  }
  return steps;
}
let best = 0, arg = 0;
for (let i = 1; i < 20000; i++) {
  const c = chain(i);
  if (c > best) {
    best = c;
    arg = i;
  }
}
console.log(arg, best);
