// let creates a fresh binding per iteration; var shares one.
const withLet = [];
for (let i = 0; i < 3; i++) withLet.push(() => i);
console.log(withLet.map(f => f()));
const withVar = [];
for (var j = 0; j < 3; j++) withVar.push(() => j);
console.log(withVar.map(f => f()));
const fromOf = [];
for (const x of ["a", "b", "c"]) fromOf.push(() => x);
console.log(fromOf.map(f => f()));
const mutated = [];
for (let k = 0; k < 3; k++) {
  mutated.push(() => k);
  k += 0;
}
console.log(mutated.map(f => f()));
const counters = [];
for (let i = 0; i < 2; i++) {
  let count = i * 10;
  counters.push(() => ++count);
}
console.log(counters[0](), counters[0](), counters[1]());
