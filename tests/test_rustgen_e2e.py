"""End to end: trace with the interpreter → infer → generate → rustc → run; Node is the oracle.

Each program is compiled once (module-scoped); stdout and exit status must equal node's.
"""
import subprocess
import sys
from pathlib import Path

import pytest

from jsrust_core.build import build
from jsrust_core.frontend import parse
from jsrust_core.interp import Realm
from jsrust_core.profile import ProfileRecorder
from jsrust_core.rustgen import generate
from jsrust_core.typeinfer import infer

PROGRAMS = Path(__file__).parent / "programs"

FEATURES = r"""
class Animal {
  constructor(name) { this.name = name; }
  speak() { return `${this.name} makes a sound`; }
  static create(n) { return new Animal(n); }
}
class Dog extends Animal {
  constructor(name) { super(name); this.kind = "dog"; }
  speak() { return super.speak() + " (woof)"; }
}
const d = new Dog("Rex");
console.log(d.speak(), d instanceof Animal, d, Animal.create("x"));
function safeDiv(a, b) {
  try { if (b === 0) throw new RangeError("div by zero"); return a / b; }
  catch (e) { console.log("caught", e.message, e instanceof RangeError, String(e)); return null; }
  finally { console.log("finally"); }
}
console.log(safeDiv(1, 2), safeDiv(1, 0));
function sw(x) { const r = []; switch (x) { case 1: r.push(1); case 2: r.push(2); break; default: r.push("d"); } return r; }
console.log(sw(1), sw(2), sw(9));
const [a, b = 5, ...rest] = [1, undefined, 3, 4];
const {x, y: yy, ...others} = {x: 1, y: 2, z: 3};
console.log(a, b, rest, x, yy, others);
outer: for (let i = 0; i < 3; i++) { for (let j = 0; j < 3; j++) { if (j === 1) continue outer; if (i === 2) break outer; console.log(i, j); } }
const o = {a: 1, ...{b: 2}, ["c" + 1]: 3, f() { return this.a; }};
console.log(o, o.f(), Object.keys(o), JSON.stringify(o), o?.missing?.deep);
const m = new Map([[1, "a"]]); m.set(2, "b");
const s = new Set([1, 2, 2, 3]);
console.log(m, s, m.get(2), s.has(3), [...s]);
const fns = []; for (let i = 0; i < 3; i++) fns.push(() => i);
console.log(fns.map(f => f()), "hello world".split(" "), [3, 1, 2].sort((p, q) => p - q));
let acc = 0; do { acc += 0.1; } while (acc < 1); console.log(acc, -0, [-0], 2 ** 53, 1e21, typeof null);
"""

NUMERIC = """
function collatz(n) { let steps = 0; while (n !== 1) { n = n % 2 === 0 ? n / 2 : 3 * n + 1; steps++; } return steps; }
let best = 0, arg = 0;
for (let i = 1; i < 3000; i++) { const s = collatz(i); if (s > best) { best = s; arg = i; } }
const xs = [];
for (let i = 0; i < 10; i++) xs.push(i * i);
let sum = 0;
for (let i = 0; i < xs.length; i++) sum += xs[i];
console.log(best, arg, sum, xs.length, Math.sqrt(sum).toFixed(3), Math.max(...xs));
"""


def trace(src: str, filename: str = "t.js", argv=()):
    program = parse(src, filename)
    rec = ProfileRecorder()
    realm = Realm(stdout=lambda s: None, stderr=lambda s: None, argv=list(argv))
    try:
        realm.run_program(program, recorder=rec)
    except Exception:  # an uncaught JS error still leaves a profile of what ran
        pass
    return program, rec.profile


def compile_js(src: str, filename: str = "t.js", **kw):
    program, profile = trace(src, filename)
    unit = generate(program, profile, infer(program, profile), **kw)
    return build(unit).binary


def node(path: Path, *args: str):
    return subprocess.run(["node", str(path), *args], capture_output=True, text=True, timeout=60)


def run(binary: Path, *args: str):
    return subprocess.run([str(binary), *args], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("name, src", [("features", FEATURES), ("numeric", NUMERIC)])
def test_inline_programs_match_node(tmp_path, name, src):
    js = tmp_path / f"{name}.js"
    js.write_text(src)
    ours = run(compile_js(src, str(js)))
    theirs = node(js)
    assert ours.stdout == theirs.stdout
    assert ours.returncode == theirs.returncode == 0


@pytest.mark.parametrize("name", ["009-recursion", "008-closures-counter", "025-bubble-sort", "042-switch",
                                  "046-try-catch-finally", "308-try-jumps",
                                  "309-private-members", "310-callback-errors", "311-array-holes-methods",
                                  "312-array-named-properties",
                                  "313-property-attributes-compiled",
                                  "156-fib-variants"])
def test_corpus_programs_match_node(name):
    path = PROGRAMS / f"{name}.js"
    if not path.exists():
        pytest.skip(f"{name} not in the corpus")
    src = path.read_text()
    ours = run(compile_js(src, str(path)))
    theirs = node(path)
    assert (ours.stdout, ours.returncode) == (theirs.stdout, theirs.returncode)


def test_linear_mode_matches_on_its_training_input_and_exits_deeper(tmp_path):
    src = "function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }\nconsole.log(depth(Number(process.argv[2] || '8')));\n"
    js = tmp_path / "depth.js"
    js.write_text(src)
    binary = compile_js(src, str(js), linear=True)
    assert run(binary).stdout == node(js).stdout == "8\n"
    deeper = run(binary, "30")
    assert deeper.returncode == 86
    assert "jsrust: side exit at guard" in deeper.stderr and "recursion depth <= " in deeper.stderr
    rec = compile_js(src, str(js))
    assert run(rec, "30").stdout == "30\n"


def test_unobserved_path_side_exits_instead_of_answering(tmp_path):
    src = "const n = Number(process.argv[2] || '5');\nconsole.log('start');\nif (n > 10) {\n  console.log('big');\n} else {\n  console.log('small');\n}\n"
    js = tmp_path / "branch.js"
    js.write_text(src)
    binary = compile_js(src, str(js))
    assert run(binary).stdout == "start\nsmall\n"
    other = run(binary, "20")
    assert other.returncode == 86
    assert other.stdout == "start\n"
    assert other.stderr.startswith(f"jsrust: side exit at guard ") and f"({js}:3:1): expected false, saw true" in other.stderr


def test_uncaught_error_prints_node_error_line_and_exits_1(tmp_path):
    src = "function get(o) { return o.x; }\nconsole.log(get({x: 1}));\nget(null);\n"
    js = tmp_path / "err.js"
    js.write_text(src)
    ours = run(compile_js(src, str(js)))
    theirs = node(js)
    assert ours.returncode == theirs.returncode == 1
    assert ours.stdout == theirs.stdout == "1\n"
    line = "TypeError: Cannot read properties of null (reading 'x')"
    assert line in theirs.stderr and line in ours.stderr


def test_very_sparse_array_stops_by_name_in_both_engines(tmp_path):
    """Holes are slots in a list/`Vec`; a write 10^8 past the end would need GBs where
    V8 switches to a dictionary. Both engines refuse by name instead of a wrong
    RangeError or an out-of-memory abort, and print nothing wrong before."""
    src = "const a = [1];\nconsole.log('before');\nconst i = Number(process.argv[2] || 5);\na[i] = 2;\nconsole.log(a.length);\n"
    js = tmp_path / "sparse.js"
    js.write_text(src)
    binary = compile_js(src, str(js))
    assert run(binary).stdout == node(js).stdout == "before\n6\n"
    far = run(binary, "1e8")
    assert far.returncode == 86 and far.stdout == "before\n"
    assert "Unsupported: a very sparse array (growing an array by more than 2^24 holes)" in far.stderr
    interp = subprocess.run([sys.executable, "-m", "jsrust_core.cli", "run", str(js), "1e8"],
                            capture_output=True, text=True, timeout=120)
    assert interp.stdout == "before\n" and interp.returncode != 0
    assert f"Unsupported: a very sparse array (growing an array by more than 2^24 holes) at {js}:4:1" in interp.stderr


def test_strict_assignment_to_an_undeclared_name_throws_and_sloppy_is_refused(tmp_path):
    """Strict code: the right side runs, then V8's ReferenceError (catchable). Sloppy code
    would create a global property, which is not modelled: compiling refuses by name."""
    from jsrust_core.errors import Unsupported

    src = ("function f() {\n  'use strict';\n  try { ghost = console.log('rhs ran'); } catch (e) { return e.name + ': ' + e.message; }\n}\n"
           "class K { static g() { try { return (phantom = 2); } catch (e) { return e.message; } } }\n"
           "console.log(f(), K.g());\n")
    js = tmp_path / "strict.js"
    js.write_text(src)
    ours, theirs = run(compile_js(src, str(js))), node(js)
    assert (ours.stdout, ours.returncode) == (theirs.stdout, 0)
    assert "ReferenceError: ghost is not defined" in ours.stdout
    with pytest.raises(Unsupported, match="assignment to undeclared variable ghost"):
        compile_js("ghost = 1;\nconsole.log(ghost);\n", str(tmp_path / "sloppy.js"))


def test_for_of_walks_live_as_js_does(tmp_path):
    """`for (x of coll)` sees what its body (or an alias) adds ahead of the cursor and
    skips what it deletes there; deleting behind the cursor of a Map/Set stops the run
    by name instead of skipping or repeating an entry."""
    src = ("const arr = [1, 2];\nconst alias = arr;\nfor (const x of arr) { if (x < 4) alias.push(x + 2); console.log('a', x); }\n"
           "const m = new Map([['a', 1], ['b', 2], ['c', 3]]);\n"
           "for (const [k, v] of m) { if (k === 'a') m.delete('b'); if (k === 'c') m.set('d', 4); console.log(k, v); }\n"
           "const s = new Set([1, 2]);\nfor (const v of s) { if (v < 3) s.add(v + 10); }\nconsole.log(s, [...arr]);\n"
           "for (const ch of 'h\\u00e9') console.log(ch);\n"
           "const t = new Set([1, 2, 3]);\nfor (const v of t) { if (v === 2) t.delete(1); console.log('t', v); }\n")
    js = tmp_path / "live.js"
    js.write_text(src)
    ours, theirs = run(compile_js(src, str(js))), node(js)
    assert theirs.returncode == 0 and ours.returncode == 86
    assert theirs.stdout.startswith(ours.stdout) and "a 4\n" in ours.stdout and "d 4\n" in ours.stdout
    assert ours.stdout.endswith("t 1\nt 2\n")
    assert "Unsupported: deleting from a Map or Set while an iterator walks it" in ours.stderr


def test_clocks_read_as_numbers_like_node(tmp_path):
    """`Date.now()` (integer ms since the epoch) and `performance.now()` (fractional ms since
    the program started, monotonic) compile to std clocks: a program timing a loop builds and
    runs. The values vary, so the program prints only checks of type, order and range."""
    import time

    src = ("const t0 = Date.now(), p0 = performance.now();\nlet s = 0;\n"
           "for (let i = 0; i < 300000; i++) s += i % 7;\n"
           "const t1 = Date.now(), p1 = performance.now();\n"
           "console.log(s, typeof t0, typeof p0, Number.isInteger(t0), t1 >= t0, p1 >= p0, p0 >= 0, p1 < 60000);\n"
           "const ps = []; for (let i = 0; i < 50; i++) ps.push(performance.now());\n"
           "console.log(ps.every((p, i) => i === 0 || p >= ps[i - 1]), ps.some(p => !Number.isInteger(p)));\n"
           "console.log(Date.now(console.log('argument ran')) >= t1);\n"
           "console.log(t0);\n")
    js = tmp_path / "clock.js"
    js.write_text(src)
    before = time.time() * 1000
    ours = run(compile_js(src, str(js)))
    after = time.time() * 1000
    theirs = node(js)
    assert ours.returncode == theirs.returncode == 0
    assert ours.stdout.splitlines()[:-1] == theirs.stdout.splitlines()[:-1]
    assert "899997 number number true true true true true" in ours.stdout and "argument ran" in ours.stdout
    assert before - 1 <= int(ours.stdout.splitlines()[-1]) <= after + 1
