// In sloppy mode a plain function call gets globalThis as `this`.
function whatIsThis() {
  return this === globalThis;
}
console.log(whatIsThis(), typeof globalThis);
const o = { m: whatIsThis };
console.log(o.m());
globalThis.shared = 5;
console.log(typeof shared, shared);
var topVar = "top";
console.log(globalThis.topVar, this === module.exports);
