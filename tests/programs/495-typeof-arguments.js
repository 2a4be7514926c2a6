// typeof arguments: the arguments object inside a function (and inside an arrow, which sees
// its enclosing function's), whether or not the function reads it otherwise.
function plain() { return typeof arguments; }
function counted(a, b) { return [typeof arguments, arguments.length, a, b].join(' '); }
function outer() {
  const inner = () => typeof arguments + ' ' + arguments.length;
  return inner(9, 9, 9);
}
function strict() { 'use strict'; return typeof arguments === 'object' ? 'object' : 'other'; }
console.log(plain(), counted(1), outer('x', 'y'), strict());
const m = { method() { return typeof arguments; } };
class K { static s() { return typeof arguments; } }
console.log(m.method(), K.s());
console.log(typeof arguments, (() => typeof arguments)()); // the CommonJS module wrapper's
