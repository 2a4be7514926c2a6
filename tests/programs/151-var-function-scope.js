// var is function scoped: visible across blocks and loops, shadowed per function.
function f() {
  for (var i = 0; i < 3; i++) {
    var inside = i * 2;
  }
  return [i, inside];
}
console.log(f());
var g = "global";
function shadow() {
  var g = "local";
  return g;
}
console.log(shadow(), g);
function twice() {
  var x = 1;
  var x = 2;
  return x;
}
console.log(twice());
if (true) {
  var fromBlock = "visible";
}
console.log(fromBlock);
