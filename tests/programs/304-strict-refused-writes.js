"use strict";
// Strict mode: every write a frozen, sealed or non-extensible object refuses is a TypeError, and
// assigning an undeclared name is a ReferenceError. Messages are V8's.
const f = Object.freeze({ a: 1, get g() { return 1; } });
const arr = Object.freeze([1, 2]);
class K {}
const k = Object.freeze(new K());
const tests = [() => { f.a = 2; }, () => { f.b = 2; }, () => { f.g = 2; }, () => { delete f.a; }, () => { arr[0] = 5; },
  () => { arr[2] = 5; }, () => { arr.push(3); }, () => { arr.pop(); }, () => { arr.sort(); }, () => { arr.length = 0; },
  () => { k.x = 1; }, () => { "str".x = 1; }, () => { (5).y = 1; }, () => { undeclaredVar = 3; },
  () => { const s = Object.seal({ a: 1 }); s.a = 2; console.log(s.a); delete s.a; },
  () => { const p = Object.preventExtensions([1]); p.push(2); }, () => { const o = {}; Object.defineProperty(o, "r", { value: 1 }); o.r = 2; },
  () => { const o = {}; Object.defineProperty(o, "r", { value: 1 }); delete o.r; },
  () => { const o = {}; Object.defineProperty(o, "r", { value: 1 }); Object.defineProperty(o, "r", { value: 2 }); },
  () => { Object.defineProperty(f, "a", { value: 2 }); }, () => { k.constructor = 1; }, () => { arr.reverse(); }, () => { arr.fill(0); },
  () => { arr.shift(); }, () => { arr.unshift(0); }, () => { arr.splice(0, 1); }, () => { const o = Object.freeze({}); o.toString = 1; },
];
for (const t of tests) {
  try { t(); console.log("ok"); } catch (e) { console.log(e.name + ": " + e.message); }
}
