// The same function called with numbers, strings, arrays and mixed operands.
function add(a, b) {
  return a + b;
}
const cases = [[1, 2], ["a", "b"], [1, "2"], ["1", 2], [[1], [2]], [true, 1], [null, 5], [undefined, 1], [1.5, -0.5]];
for (const [a, b] of cases) console.log(add(a, b));
let acc = 0;
for (let i = 0; i < 100; i++) acc = add(acc, i % 3 === 0 ? i : -i);
console.log(acc);
