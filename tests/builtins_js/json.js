const J = JSON.stringify;
console.log(J({a: 1, b: [1, "two", null, true], c: {d: -0, e: 1e21, f: 0.1}}));
console.log(J({a: undefined, b: () => 1, c: Symbol("s"), d: NaN, e: -Infinity, g: [undefined, function () {}, Symbol("t"), NaN]}));
console.log(J({a: [1, {b: 2}], c: "x"}, null, 2));
console.log(J([1, [2, []], {}], null, "--"));
console.log(J({a: 1, b: [1, 2]}, null, 20));
console.log(J({a: 1}, null, "abcdefghijklmnop"));
console.log(J({a: 1, b: [2]}, null, 0), J({a: 1}, null, ""), J({a: 1}, null, -3));
console.log(J({a: 1, b: 2, c: {a: 3, d: 4}}, ["a", "c"]), J({1: "one", a: 2}, [1]), J({a: 1, b: "x", c: [1, 2]}, (k, v) => typeof v === "number" ? v * 2 : v));
console.log(J({a: 1, b: {c: 2}}, function (k, v) { return k === "c" ? undefined : v }));
console.log(J({toJSON(k) { return "k=" + k }}), J({x: {toJSON(k) { return "k=" + k }}}), J([{toJSON(k) { return "i" + k }}]));
console.log(J(undefined), J(() => 1), J(null), J("s\n\"q\"\u0001\u2028\ud800"), J(3.5), J(true), J([]), J({}), J([[]], null, 2), J({a: {}}, null, 2));
console.log(J(new Map([[1, 2]])), J(new Set([1])), J({m: new Map()}));
console.log(J({"key with \"quote\"": 1, "\n": 2}));
console.log(J({3: "c", 1: "a", b: "b", 2: "x"}));
class Pt { constructor() { this.x = 1; this.y = 2 } get z() { return 3 } }
console.log(J(new Pt()), J({get g() { return 5 }}));
const a = {x: 1}; a.self = a;
try { J(a) } catch (e) { console.log(e.name + ": " + e.message) }
const b = [1]; b.push(b);
try { J(b) } catch (e) { console.log(e.name + ": " + e.message) }
class P { constructor() { this.q = {r: [this]} } }
try { J({p: new P()}) } catch (e) { console.log(e.name + ": " + e.message) }
const c = {a: {b: {c: {d: {e: {}}}}}}; c.a.b.c.d.e.f = c.a;
try { J(c) } catch (e) { console.log(e.name + ": " + e.message) }
const shared = {s: 1}; console.log(J({a: shared, b: shared}));
const p = JSON.parse(' [1, -0, 1e3, 0.5, "\\u00e9\\n", {"a":{"b":[]}}, true, null, "\\ud83d\\ude00", 12345678901234567890] ');
console.log(p.length, Object.is(p[1], -0), p[2], p[4], p[5].a.b.length, p[6], p[7], p[8].length, p[8], p[9]);
const o = JSON.parse('{"b": 1, "a": 2, "1": 3, "b": 4}'); console.log(Object.keys(o).join(","), o.b);
console.log(JSON.parse('"plain"'), JSON.parse("42"), JSON.parse(" true "), JSON.parse("null"));
for (const bad of ["", "{", "[1,]", "{\"a\":1,}", "tru", "01", "{a:1}", "[1 2]", "\"abc", "undefined", "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, x, 14, 15]", "NaN"]) {
  try { JSON.parse(bad); console.log("parsed", bad) } catch (e) { console.log(e.name + ": " + e.message) }
}
try { JSON.parse(undefined) } catch (e) { console.log(e.name + ": " + e.message) }
console.log(J(JSON.parse('{"a":[1,2,{"b":"c"}]}')));
console.log(J(JSON.parse('[1,[2,3]]', (k, v) => Array.isArray(v) ? v : v * 10)));
console.log(J(JSON.parse('{"a":1,"b":2}', (k, v) => k === "a" ? undefined : v)));
const big = []; for (let i = 0; i < 50; i++) big.push({id: i, name: "n" + i, tags: ["x", "y"], score: i / 3});
const text = J(big); const back = JSON.parse(text); console.log(text.length, back.length, back[49].score, J(back) === text);
