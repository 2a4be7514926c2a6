// every/some/find/reduce on empty arrays, and reduce without an initial value.
console.log([].every(x => false), [].some(x => true), [].find(x => true), [].findIndex(x => true));
console.log([5].reduce((a, b) => a + b), [].reduce((a, b) => a + b, "init"), [1, 2, 3].reduce((a, b) => a * b));
try {
  [].reduce((a, b) => a + b);
} catch (e) {
  console.log(e.name, e.message);
}
console.log([].map(x => x), [].filter(Boolean), [].join(), [[]].flat(), Math.max(...[]));
