// var and function hoisting.
console.log(hoisted);
var hoisted = "now set";
console.log(hoisted);
console.log(declaredLater(3));
function declaredLater(x) {
  return x * 11;
}
function inner() {
  console.log(local);
  if (false) {
    var local = 1;
  }
  return typeof local;
}
console.log(inner());
var counter = 1;
function shadow() {
  console.log(counter);
  var counter = 2;
  return counter;
}
console.log(shadow(), counter);
