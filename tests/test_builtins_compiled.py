"""Built-ins on the compiled path, end to end: each inline program is traced, compiled
and run, and its stdout and exit status must equal node's. Each program also exercises
the feature's error cases (caught and printed, so the message is compared too).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from test_rustgen_e2e import compile_js, node, run

NUMBER_DIGITS = r"""
const xs = [0, -0, 1, -1.5, 0.125, 2.5, 99.995, 5e-324, 1.7976931348623157e308, 1e21, 123456789, NaN, -Infinity];
for (const x of xs) console.log(x.toExponential(), x.toExponential(0), x.toExponential(3), x.toExponential(20));
console.log((1.25).toExponential("1"), (1.25).toExponential(1.9), (1.25).toExponential(NaN), (7).toExponential(undefined));
console.log((NaN).toExponential(500), (Infinity).toPrecision(0), (0.5).toExponential(100));
const bad = [() => (1).toExponential(101), () => (1).toExponential(-1), () => (1).toExponential(Infinity),
             () => (1).toFixed(101), () => (NaN).toFixed(-1), () => (1).toPrecision(0), () => (1).toPrecision(101)];
for (const f of bad) {
  try { console.log(f()); } catch (e) { console.log(e instanceof RangeError, e.name, e.message); }
}
"""

FUNCTION_LENGTH = r"""
function f0() {}
function f3(a, b, c) { return a + b + c; }
function fd(a, b = 2, c) { return a; }
function fr(a, ...rest) { return rest; }
function fp({x}, [y], z) { return x + y + z; }
const arrow = (p, q) => p * q;
const o = { m(a, b) { return a; }, get g() { return 1; }, n: function (x) { return x; } };
class A { constructor(x, y) { this.x = x; } meth(a) { return a; } static st(a, b, c, d) { return a; } }
class B extends A {}
class C {}
class D extends A { constructor(p = 1) { super(p, p); } }
console.log(f0.length, f3.length, fd.length, fr.length, fp.length, arrow.length, o.m.length, o.n.length);
console.log(A.length, B.length, C.length, D.length, new A(1, 2).meth.length, A.st.length);
const b1 = f3.bind(null, 1), b5 = f3.bind(null, 1, 2, 3, 4, 5), bb = b1.bind(null, 2);
console.log(b1.length, b5.length, bb.length, b1.name, bb.name, b1(2, 3), bb(3));
console.log([f0, f3, fd, arrow].map((g) => g.length), typeof f3.length);
"""

# Node 20 (the oracle) has no Object.groupBy / Map.groupBy (Node 21 added them): they read as
# undefined, and a call throws after its arguments ran
ABSENT_STATICS = r"""
const has = Object.groupBy ? "groupBy available" : "no groupBy";
console.log(has, typeof Object.groupBy, typeof Map.groupBy, Object.groupBy === undefined, typeof Array.fromAsync);
let ran = 0;
try { Object.groupBy([1, 2, 3], (x) => { ran++; return x % 2; }); } catch (e) { console.log(e.name, e.message, ran); }
try { Math.sumPrecise([ran++]); } catch (e) { console.log(e.name, e.message, ran); }
console.log(Object.groupBy?.([1], (x) => x), typeof Number.isInteger, typeof JSON.rawJSON);
"""

# live iteration, exhaustion, printing (Node previews what a Map/Set iterator has left)
ITERATORS = r"""
const a = [10, 20, 30];
const ai = a.values();
console.log(ai.next(), ai.next());
a.push(40);
console.log(ai.next(), ai.next(), ai.next(), ai.next());
a.push(50);
console.log(ai.next(), [...ai]);
const ki = a.keys(), ei = a.entries();
console.log(ki.next().value, [...ki], ei.next(), Array.from(ei));
console.log([..."abc"].entries().next(), [...[7, 8].keys()], [...[7, 8].values()]);
const m = new Map([["a", 1], ["b", 2], ["c", 3]]);
const mk = m.keys();
console.log(mk.next().value, m.values().next().value, m.entries().next().value);
m.set("d", 4);
console.log([...mk], mk.next(), typeof mk, typeof mk.next, String(a.values()), String(m.entries()));
const s = new Set([1, 2, 3]);
const si = s.values();
si.next();
s.add(4);
console.log([...si], [...s.entries()], new Set(s.keys()), new Map(m.entries()));
for (const [k, v] of m.entries()) if (v > 2) console.log(k, v);
for (const v of s.values()) if (v % 2) console.log(v);
console.log(a.values(), m.keys(), m.values(), m.entries(), s.values(), s.entries());
const it = m.entries(); it.next(); it.label = "x";
console.log(it, { nested: { deep: { it: m.keys() } } }, [m.values()]);
const done = m.keys(); for (const _ of done) {}
console.log(done, done.next(), JSON.stringify(m.keys()), Object.keys(it));
const big = new Map(); for (let i = 0; i < 30; i++) big.set("key" + i, { i });
console.log(big.entries(), new Set("abcdefghijklmnopqrstuvwxyz".split("")).values());
const step = a.values().next;
console.log(typeof step, step.length);
const lru = new Map([[1, "x"], [2, "y"]]);
lru.delete(lru.keys().next().value);
console.log(lru, m.keys().map === undefined);
"""

# the namespaces and module paths as values; the exit status comes from process.exitCode
GLOBALS = r"""
console.log(typeof Math, typeof JSON, typeof console, typeof process, typeof __filename, typeof __dirname);
console.log(typeof process.exit, typeof process.argv, Array.isArray(process.argv), process.argv.length);
console.log(__filename.endsWith("/gl.js"), __dirname.length > 0, __filename.startsWith(__dirname + "/"));
console.log(process.exitCode);
process.exitCode = 3;
console.log(process.exitCode, (process.exitCode = 7) + 1, process.exitCode);
process.exitCode = undefined;
console.log(process.exitCode);
process.exitCode = 300;
"""

# a built-in prototype's method on a chosen receiver, with V8's receiver errors
PROTO_CALLS = r"""
console.log(Number.prototype.toString.call(255, 16), Number.prototype.toFixed.call(1.005, 2), String.prototype.toUpperCase.call(12));
for (const f of [() => Number.prototype.toString.call("x"), () => Number.prototype.toFixed.call({}, 2), () => Error.prototype.toString.call(5),
                 () => String.prototype.toUpperCase.call(null), () => String.prototype.toString.call(1)]) {
  try { f(); } catch (e) { console.log(e.name + ": " + e.message); }
}
console.log(Error.prototype.toString.call({ name: "", message: "m" }), Error.prototype.toString.call({}), Error.prototype.toString.call([]),
            Error.prototype.toString.call({ name: undefined, message: 5 }), Error.prototype.toString.call({ name: "Fake", message: "not an error" }));
class V extends Error {}
class P {}
const vals = [undefined, null, 1, "s", true, [], {}, () => 1, new Map(), new Set(), /x/, new Error("e"), new TypeError("t"), [].values(), new Map().keys(), new V("x"), new P(), class {}];
console.log(vals.map((v) => Object.prototype.toString.call(v)).join(" "));
console.log(Array.prototype.join.call([1, 2], "-"), Array.prototype.slice.call([1, 2, 3], 1), String.prototype.slice.call("hello", 1, 3));
"""

# built-in methods read as values: functions of their receiver, one per name (identity
# holds); Node 20 has no ES2025 Set methods
METHOD_VALUES = r"""
const s = "the rain in spain";
console.log(s.search ? "search exists" : "", typeof s.slice, s.slice === "x".slice, s.nope);
const up = s.toUpperCase;
console.log(up.call("abc"), s["indexOf"]("rain"), typeof [].map, [].flat ? "flat" : "no flat", [1, 2].map === [3].map);
const push = [].push;
const arr = [1];
push.call(arr, 2, 3);
console.log(arr, typeof (5).toFixed, (5).toFixed.call(2.5, 1), typeof new Map().get, typeof new Set().has, [].values === [].values);
console.log(s.replaceAll ? 1 : 0, "x".toSorted, [].findLast ? "fl" : "", s.slice);
console.log(typeof new Set().union, new Set([1]).difference === undefined, typeof new Map().groupBy);
"""

# Array.prototype methods are generic: any object with a length (holes where an index is
# missing) or a string; the ones that change their receiver write elements and length back
ARRAY_LIKES = r"""
const like = { 0: "a", 2: "c", length: 4, extra: true };
console.log(Array.prototype.map.call(like, (s) => s + "!"), Array.prototype.join.call(like, "+"));
console.log(Array.prototype.indexOf.call(like, "c"), Array.prototype.includes.call(like, undefined));
console.log(Array.prototype.filter.call("hello", (ch) => ch !== "l"), Array.prototype.at.call("xyz", -1));
const stack = { length: 0 };
Array.prototype.push.call(stack, 1, 2, 3);
console.log(stack, Array.prototype.pop.call(stack), stack);
const holes = { 0: 3, 1: 1, 3: 2, length: 5 };
console.log(Array.prototype.sort.call(holes) === holes, holes);
console.log(Array.prototype.reverse.call({ 0: "x", length: 3 }), Array.prototype.slice.call({ length: "2", 1: 9 }));
console.log(Array.prototype.reduce.call({ 0: 1, 1: 2, length: 2 }, (a, b) => a + b, 10));
try { Array.prototype.reduce.call({ length: 0 }, (a, b) => a + b); } catch (e) { console.log(e.name, e.message); }
"""

# a built-in's `prototype` cannot be deleted; strict code's TypeError quotes its source text
DELETE_PROTOTYPE = r"""
"use strict";
for (const F of [Object, Array, Map, Error]) {
  try { delete F.prototype; } catch (e) { console.log(e.name, e.message); }
}
"""

PROGRAMS = {"delete-prototype": DELETE_PROTOTYPE, "array-likes": ARRAY_LIKES, "method-values": METHOD_VALUES, "proto-calls": PROTO_CALLS, "globals": GLOBALS, "iterators": ITERATORS, "absent-statics": ABSENT_STATICS, "number-digits": NUMBER_DIGITS, "function-length": FUNCTION_LENGTH}


@pytest.mark.compiled
@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_compiled_builtins_match_node(tmp_path: Path, name: str) -> None:
    js = tmp_path / f"{name}.js"
    js.write_text(PROGRAMS[name])
    ours = run(compile_js(PROGRAMS[name], str(js)))
    theirs = node(js)
    assert ours.stderr == "" and theirs.stderr == ""
    assert (ours.stdout, ours.returncode) == (theirs.stdout, theirs.returncode)


def test_process_exit_without_code_uses_exit_code(tmp_path: Path) -> None:
    """`process.exit()` leaves with `process.exitCode`; `process.exit(undefined)` with 0."""
    for tail, status in (("process.exit();", 2), ("process.exit(undefined);", 0), ("process.exit(5);", 5)):
        src = f"process.exitCode = 2;\nconsole.log('a');\n{tail}\nconsole.log('b');\n"
        js = tmp_path / "exits.js"
        js.write_text(src)
        ours, theirs = run(compile_js(src, str(js))), node(js)
        assert (ours.stdout, ours.returncode) == (theirs.stdout, theirs.returncode) == ("a\n", status)


def test_deleting_behind_an_iterator_stops_the_run(tmp_path: Path) -> None:
    """A Map entry deleted before an iterator's cursor shifts the entry list under it; the
    runtime cannot follow that, so the run stops (86) instead of printing another entry."""
    src = ("const m = new Map([['a', 1], ['b', 2], ['c', 3]]);\nconst it = m.keys();\n"
           "console.log(it.next().value);\nm.delete('a');\nconsole.log(it.next().value);\n")
    js = tmp_path / "behind.js"
    js.write_text(src)
    assert node(js).stdout == "a\nb\n"
    ours = run(compile_js(src, str(js)))
    assert (ours.stdout, ours.returncode) == ("a\n", 86)
    assert "Unsupported: deleting from a Map or Set while an iterator walks it" in ours.stderr


def test_a_property_list_the_copy_cannot_order_stops_the_run(tmp_path: Path) -> None:
    """A replacer list naming an index key after a name: JSON writes the list's order, but an
    object enumerates index keys first, so the replacer's copy could not keep it: stop (86)."""
    src = "console.log(JSON.stringify({ x: 2, 1: 'a' }, [1, 'x']));\nconsole.log(JSON.stringify({ x: 2, 1: 'a' }, ['x', 1]));\n"
    js = tmp_path / "order.js"
    js.write_text(src)
    assert node(js).stdout == '{"1":"a","x":2}\n{"x":2,"1":"a"}\n'
    ours = run(compile_js(src, str(js)))
    assert (ours.stdout, ours.returncode) == ('{"1":"a","x":2}\n', 86)
    assert "Unsupported: a JSON.stringify property list naming an index key after another key" in ours.stderr
