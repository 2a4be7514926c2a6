"use strict";
// In strict mode assignments to frozen objects and undeclared names throw.
try {
  undeclared = 1;
} catch (e) {
  console.log(e.name, e.message);
}
const f = Object.freeze({ a: 1 });
try {
  f.a = 2;
} catch (e) {
  console.log(e.name, e.message);
}
function whatIsThis() {
  return this;
}
console.log(whatIsThis());
try {
  delete Object.prototype;
} catch (e) {
  console.log(e.name);
}
