// Fixing the var-in-loop closure bug with an IIFE and with let.
const viaVar = [];
for (var i = 0; i < 3; i++) viaVar.push(function () { return i; });
const viaIife = [];
for (var j = 0; j < 3; j++) viaIife.push((function (k) { return function () { return k; }; })(j));
const viaLet = [];
for (let k = 0; k < 3; k++) viaLet.push(() => k);
console.log(viaVar.map(f => f()), viaIife.map(f => f()), viaLet.map(f => f()));
let fns = [];
for (let x of [1, 2, 3]) {
  x *= 10;
  fns.push(() => x);
}
console.log(fns.map(f => f()));
