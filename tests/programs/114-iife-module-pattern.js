// Immediately invoked function expressions and the revealing module pattern.
const counterModule = (function () {
  let value = 0;
  function change(by) {
    value += by;
  }
  return {
    inc: () => change(1),
    dec: () => change(-1),
    value: () => value,
  };
})();
counterModule.inc();
counterModule.inc();
counterModule.dec();
console.log(counterModule.value());
const result = ((a, b) => a * b)(6, 7);
console.log(result);
(function named() {
  console.log("named IIFE", typeof named);
})();
console.log(typeof named);
