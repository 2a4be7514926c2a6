// In a sloppy-mode function with simple parameters, arguments[i] and the i-th
// parameter are one variable (for each parameter an argument was passed for).
function swap(a, b) {
  arguments[0] = 'A';
  b = 'B';
  return [a, arguments[1], arguments.length].join(' ');
}
console.log(swap(1, 2));
console.log(swap(1));

function missing(a, b) {
  b = 'set';
  return [a, b, arguments[1], arguments.length].join(' ');
}
console.log(missing('only'));

function counter(n) {
  arguments[0]++;
  n += 10;
  arguments[0] *= 2;
  return n;
}
console.log(counter(1));

function viaClosure(x) {
  const set = (v) => { arguments[0] = v; };
  const get = () => x;
  set('from arrow');
  const before = get();
  x = 'from param';
  return [before, arguments[0]].join(' / ');
}
console.log(viaClosure(0));

function deleted(a) {
  arguments[0] = 'kept';
  delete arguments[0];
  a = 'after delete';
  return [a, arguments[0], arguments.length].join(' ');
}
console.log(deleted('orig'));

function strictOne(a) {
  'use strict';
  arguments[0] = 'changed';
  a = 'param';
  return [a, arguments[0]].join(' ');
}
console.log(strictOne('orig'));

function withDefault(a = 0) {
  arguments[0] = 'changed';
  return a;
}
console.log(withDefault('orig'));

function withRest(a, ...more) {
  arguments[0] = 'changed';
  return [a, more.length].join(' ');
}
console.log(withRest('orig', 1, 2));

const obj = {
  method(p) { arguments[0] = 'm'; return p; },
};
console.log(obj.method('orig'));

function escaped(a) {
  const args = arguments;
  (function () { args[0] = 'escaped write'; })();
  return a;
}
console.log(escaped('orig'));

function spread(a, b) {
  a = 'x';
  return [...arguments].join(',') + ' ' + Array.prototype.slice.call(arguments).length;
}
console.log(spread(1, 2, 3));

function loop(a, b, c) {
  for (let i = 0; i < arguments.length; i++) arguments[i] = arguments[i] * 10;
  return a + b + c;
}
console.log(loop(1, 2, 3));
