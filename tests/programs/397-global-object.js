// The global object: a CommonJS module's this is its exports, a sloppy function called plainly gets globalThis (strict ones undefined), and what is stored on globalThis reads as a global.
console.log(this, typeof this, typeof globalThis);
function loose() { return typeof this; }
function strict() { "use strict"; return typeof this; }
console.log(loose(), strict(), loose.call({}), strict.call(undefined));
function Counter() { this.count = (this.count || 0) + 1; return this.count; }
console.log(Counter(), Counter(), typeof count, count, globalThis.count);
const plain = { m() { return this === globalThis; } };
const m = plain.m;
console.log(plain.m(), m());
globalThis.flag = "set";
console.log(flag, typeof flag, typeof notThere);
try { console.log(missingName); } catch (e) { console.log(e.name, e.message); }
globalThis.custom = 3;
for (const k of ["custom", "nothing"]) console.log(k, globalThis[k]);
