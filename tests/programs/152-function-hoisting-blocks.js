// Function declarations are hoisted to the top of their scope.
console.log(early());
function early() {
  return "early " + helper();
}
function helper() {
  return "helper";
}
function outer() {
  return inner();
  function inner() {
    return "inner after return";
  }
}
console.log(outer());
const fnExpr = typeof notYet;
var notYet = function () {};
console.log(fnExpr, typeof notYet);
