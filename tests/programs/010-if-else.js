// if / else if / else chains and the conditional operator.
function classify(n) {
  if (n < 0) {
    return "negative";
  } else if (n === 0) {
    return "zero";
  } else if (n < 10) {
    return "small";
  } else {
    return "large";
  }
}
console.log(classify(-5), classify(0), classify(3), classify(42));
function sign(n) {
  return n > 0 ? 1 : n < 0 ? -1 : 0;
}
console.log(sign(5), sign(-2), sign(0));
let x = 7;
if (x % 2) console.log("odd");
else console.log("even");
if ("") console.log("empty string truthy");
if ("0") console.log("'0' is truthy");
if (NaN) console.log("NaN truthy");
else console.log("NaN falsy");
