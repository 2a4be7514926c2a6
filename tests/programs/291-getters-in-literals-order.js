// Evaluation order: object literal values, call arguments, and member keys left to right.
const log = [];
const v = name => (log.push(name), name);
const o = { [v("k1")]: v("v1"), [v("k2")]: v("v2") };
function f(...args) {
  return args;
}
f(v("a1"), v("a2"), v("a3"));
const arr = [v("e1"), v("e2")];
v("obj")[v("key")];
console.log(log.join(" "), Object.keys(o), arr);
let i = 0;
const pair = [i++, i++, i];
console.log(pair);
