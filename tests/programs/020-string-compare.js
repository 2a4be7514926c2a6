// Relational comparison of strings vs numbers and mixed operands.
console.log("apple" < "banana", "apple" > "Apple", "a" < "aa");
console.log("2" > "12", 2 > "12", "2" > 12);
console.log("abc" == "abc", "1" == 1, "1" === 1);
console.log(null < 1, undefined < 1, NaN < 1, NaN >= 1);
console.log("" < "a", "Z" < "a", "ä" > "z");
function max(a, b) {
  return a > b ? a : b;
}
console.log(max("pear", "peach"), max(3, 11), max("3", "11"));
const words = ["delta", "alpha", "charlie", "bravo"];
let smallest = words[0];
for (let i = 1; i < words.length; i++) if (words[i] < smallest) smallest = words[i];
console.log(smallest);
