// Property attributes on plain objects and class instances: sloppy code ignores a refused
// write, strict code (a "use strict" function, a class body) throws V8's TypeError.
class P {
  constructor(x, y) { this.x = x; this.y = y; }
  move(dx) { try { this.x += dx; } catch (e) { return e.message; } return "moved"; }
}
const p = Object.freeze(new P(1, 2));
const q = new P(3, 4);
p.x = 9;
p.z = 1;
delete p.y;
console.log(p, p.move(1), q.move(1), Object.isFrozen(p), Object.isFrozen(q));
const pts = [{ a: 1, b: 2 }, { a: 3, b: 4 }];
Object.freeze(pts[0]);
pts[0].a = 7;
pts[1].a = 8;
console.log(pts, Object.isSealed(pts[0]), Object.isExtensible(pts[1]));
function strictPart() {
  "use strict";
  const out = [];
  const attempt = (f) => { try { f(); out.push("ok"); } catch (e) { out.push(e.message); } };
  attempt(() => { p.x = 9; });
  attempt(() => { p.z = 1; });
  attempt(() => { delete p.y; });
  const sealed = Object.seal({ n: 1, get g() { return this.n; } });
  attempt(() => { sealed.n = 2; });
  attempt(() => { sealed.m = 3; });
  attempt(() => { sealed.g = 4; });
  attempt(() => { delete sealed.n; });
  const closed = Object.preventExtensions({ k: 1 });
  attempt(() => { delete closed.k; });
  attempt(() => { closed.k = 2; });
  console.log(out.join("\n"), sealed, closed);
}
strictPart();
const cfg = { mode: "fast" };
Object.defineProperty(cfg, "secret", { value: 42 });
Object.defineProperty(cfg, "shown", { value: 1, enumerable: true, writable: true });
Object.defineProperty(cfg, "twice", { get() { return this.shown * 2; }, enumerable: true, configurable: true });
cfg.secret = 0;
cfg.shown = 5;
console.log(cfg, cfg.secret, Object.keys(cfg), JSON.stringify(cfg));
console.log(Object.getOwnPropertyDescriptor(cfg, "secret"), Object.getOwnPropertyDescriptor(cfg, "twice"),
  Object.getOwnPropertyDescriptor(cfg, "missing"));
console.log(delete cfg.secret, delete cfg.twice, cfg);
for (const desc of [{ value: 43 }, { value: 42 }, { enumerable: true }, { get() { return 1; } }, { writable: false }]) {
  try {
    Object.defineProperty(cfg, "secret", desc);
    console.log("redefined", cfg.secret);
  } catch (e) {
    console.log(e.name, e.message);
  }
}
try { Object.assign(Object.freeze({ a: 0 }), { a: 1 }); } catch (e) { console.log(e.name, e.message); }
try { Object.defineProperty(Object.preventExtensions({}), "n", { value: 1 }); } catch (e) { console.log(e.message); }
try { Object.defineProperty({}, "bad", { get() { return 1; }, value: 2 }); } catch (e) { console.log(e.message); }
try { Object.defineProperty(1, "x", { value: 1 }); } catch (e) { console.log(e.message); }
console.log(Object.isFrozen(Object.freeze({})), Object.isFrozen(5), Object.isExtensible(5), Object.freeze("s"));
