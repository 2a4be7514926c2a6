// Declarations and block scoping.
var v = 1;
let l = 2;
const c = 3;
{
  var v = 10;
  let l = 20;
  const c = 30;
  console.log(v, l, c);
}
console.log(v, l, c);
function scopes() {
  var a = "outer";
  if (true) {
    var a = "inner-var";
    let b = "inner-let";
    console.log(a, b);
  }
  console.log(a);
}
scopes();
let counter = 0;
for (var k = 0; k < 3; k++) counter += k;
console.log(k, counter);
let x = 1, y = 2, z = x + y;
console.log(x, y, z);
