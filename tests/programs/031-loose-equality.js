// The == algorithm: coercions between numbers, strings, booleans, null and undefined.
const pairs = [
  [0, ""], [0, "0"], ["", "0"], [false, "0"], [false, ""], [null, undefined],
  [null, 0], [undefined, 0], [NaN, NaN], [1, true], [2, true], ["1", true],
  [" \t\n", 0], ["1e3", 1000], [[], ""], [[1], 1], [[1, 2], "1,2"], [{}, "[object Object]"],
];
for (const [a, b] of pairs) {
  console.log(JSON.stringify(a), "==", JSON.stringify(b), a == b, a === b, a != b);
}
const o = {};
console.log(o == o, o === o, {} == {}, [] == []);
