// expect: Unsupported: regular expression at 3:27
const text = "a1b22c333";
const digits = text.match(/\d+/g);
console.log(digits);
