// How V8 quotes the callee of a failed call or `new` in its TypeError: operators in
// parentheses, chains of one operator as one, assignments as their target, number
// literal arithmetic folded, conditionals as three intermediate values.
let a = 0, b = 1, i = 0;
const o = { a: {}, n: 5, s: 'str', arr: [1] };
const k = 'a';
const tries = [
  () => new o.a(),
  () => new o[k](),
  () => new (0, o.a)(),
  () => new o.arr[0](),
  () => new (a || b)(),
  () => new (class A {}).x(),
  () => (a || b)(),
  () => (a && b)(),
  () => (a ?? b)(),
  () => (o.a || o.n)(),
  () => (a || b || o.n)(),
  () => (a || (b && a))(),
  () => (a + b)(),
  () => (a * b - 1)(),
  () => (a + b + 1)(),
  () => (a + (b + 1))(),
  () => ('s' + a)(),
  () => (a >>> 1)(),
  () => (a < b)(),
  () => (a === b)(),
  () => (a == b || o.a)(),
  () => (a instanceof Object)(),
  () => (k in o)(),
  () => (!a)(),
  () => (+a)(),
  () => (-a)(),
  () => (typeof a)(),
  () => (void 0)(),
  () => (delete o.q)(),
  () => (i++)(),
  () => (--i)(),
  () => (a = 7)(),
  () => (o.n += 1)(),
  () => (a ? b : 2)(),
  () => (a ? b : 2).x(),
  () => (1 + 2)(),
  () => (-1)(),
  () => (~1)(),
  () => (!true)(),
  () => (a, b || a)(),
  () => o[a || 'n'](),
  () => o[i++](),
  () => o[a + b](),
  () => (a || b).x(),
  () => (o.n + o.n).toFixed.x(),
];
for (const t of tries) {
  try {
    t();
    console.log('no error');
  } catch (e) {
    console.log(e.constructor.name + ': ' + e.message);
  }
}
