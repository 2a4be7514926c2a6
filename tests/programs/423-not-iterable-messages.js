// V8 names the expression that is not iterable in for..of and spreads (`o.a is not
// iterable`), a call by its callee, and words spreads into calls its own way.
function first() { return 3; }
const o = { a: {}, m() { return 1; } };
const n = 5;
let u;
const tries = [
  function loopName() { for (const v of n) console.log(v); },
  function loopMember() { for (const v of o.a) console.log(v); },
  function loopCall() { for (const v of first()) console.log(v); },
  function loopMethod() { for (const v of o.m()) console.log(v); },
  function loopLiteral() { for (const v of null) console.log(v); },
  function loopSum() { for (const v of 1 + 2) console.log(v); },
  function spreadMember() { return [...o.a]; },
  function spreadName() { return [0, ...n]; },
  function spreadIntoCall() { return Math.max(...n); },
  function spreadNullIntoCall() { return Math.max(...u); },
  function spreadObjectLiteral() { return [...{}]; },
];
for (const t of tries) {
  try {
    t();
    console.log(t.name, "ran");
  } catch (e) {
    console.log(t.name, e instanceof TypeError, e.message);
  }
}
for (const ok of [[1, 2], "ab", new Set([3])]) console.log([...ok].length);
for (const x of o.a) console.log(x);
