// A class's static fields and a function's own properties are enumerable (Object.keys, for-in, printing); static methods and accessors are not.
class A { static count = 1; static make() { return new A(); } static get g() { return 2; } }
A.extra = "x";
class B extends A { static own = [1, 2]; }
console.log(A, B, Object.keys(A), Object.keys(B));
for (const k in A) console.log("key", k);
console.log([A], { cls: B });
function F() {}
F.tag = 1;
console.log(F, Object.keys(F));
