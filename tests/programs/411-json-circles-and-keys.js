// JSON.stringify: toJSON receives the key it was reached by, and a circle is reported with
// V8's path (starting object, the keys round, the closing key), with and without a replacer.
// Built-in functions keep their identity (Math.max === Math.max, Number.parseFloat === parseFloat).
function attempt(label, f) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, "threw", e.name);
    console.log(e.message);
  }
}
attempt("key in object", () => JSON.stringify({a: {toJSON(k) { return "key:" + k; }}}));
attempt("key in array", () => JSON.stringify([{toJSON(k) { return "idx:" + k + ":" + typeof k; }}]));
attempt("key at top", () => JSON.stringify({toJSON(k) { return "top:[" + k + "]"; }}));
attempt("key with replacer", () => JSON.stringify({a: {toJSON(k) { return k + "!"; }}}, (k, v) => v));
attempt("self", () => { const o = {}; o.self = o; return JSON.stringify(o); });
attempt("via array", () => { const a = [1]; a.push({x: a}); return JSON.stringify(a); });
attempt("long path", () => {
  const o = {a: {b: {c: {d: {e: {}}}}}};
  o.a.b.c.d.e.back = o.a;
  return JSON.stringify(o);
});
attempt("indented", () => { const o = {list: [1, 2]}; o.list.push(o); return JSON.stringify(o, null, 2); });
attempt("replacer", () => { const o = {}; o.x = {y: o}; return JSON.stringify(o, (k, v) => v); });
attempt("replacer array", () => { const a = []; a[0] = [a]; return JSON.stringify(a, (k, v) => v); });
class Node2 {
  constructor() { this.kids = [{up: null}]; this.kids[0].up = this; }
}
attempt("class", () => JSON.stringify({root: new Node2()}));
class Me {
  constructor() { this.me = this; }
}
attempt("class self", () => JSON.stringify(new Me()));
console.log([parseFloat === parseFloat, Number.parseFloat === parseFloat, Number.parseInt === parseInt,
  Math.max === Math.max, Object.keys === Object.keys, String === String, Number.isNaN === isNaN]);
const max = Math.max;
max.tag = "kept";
console.log(Math.max.tag, [1, 5, 3].reduce((m, x) => Math.max(m, x)));
