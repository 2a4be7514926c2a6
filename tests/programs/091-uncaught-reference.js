// An uncaught ReferenceError from a typo, after some output.
const total = [1, 2, 3].reduce((a, b) => a + b, 0);
console.log("total", total);
console.log(totl);
