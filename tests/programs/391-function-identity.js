// A function declared at the top level is one object wherever it is used as a value:
// identity, Map/Set keys, includes/indexOf, and properties attached to it (memo caches).
function inc(x) { return x + 1; }
function dec(x) { return x - 1; }
const alias = inc;
console.log(inc === inc, alias === inc, inc === dec, [inc, dec].includes(inc), [dec, inc].indexOf(inc));
const handlers = new Map([[inc, "inc"], [dec, "dec"]]);
console.log(handlers.get(alias), handlers.size, new Set([inc, alias, dec, inc]).size);
function fib(n) {
  if (n in fib.cache) return fib.cache[n];
  return (fib.cache[n] = n < 2 ? n : fib(n - 1) + fib(n - 2));
}
fib.cache = {};
fib.calls = 0;
console.log(fib(40), Object.keys(fib.cache).length, fib.calls, typeof fib.cache);
function plain() {}
plain.extra = 1;
plain.nested = { list: [1, 2, 3] };
alias.tag = "via alias";
console.log(plain, [plain], { plain }, inc.tag, JSON.stringify({ plain, n: 1 }));
console.log([3, 1, 2].map(inc), [inc, dec].map((f) => f(10)), inc.name, inc.length);
// a nested function is made anew by each call of its parent, one object within that call
function outer() {
  function inner() {}
  const arrow = (x) => x;
  const seen = new Map([[inner, "inner"]]);
  return [inner === inner, arrow === arrow, seen.get(inner), inner];
}
const [same, sameArrow, found, made] = outer();
console.log(same, sameArrow, found, made === outer()[3], outer()[3] === outer()[3]);
const fresh = [];
for (let i = 0; i < 2; i++) fresh.push(() => i);
console.log(fresh[0] === fresh[1], fresh.map((f) => f()));
