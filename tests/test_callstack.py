"""JS call stacks in compiled programs (`runtime/callstack.rs`, `rustgen/stacks.py`):
`e.stack`, printed errors and the report of an uncaught error must show the frames
Node shows — its user frames: Node's internal `node:` frames and the frames of built-ins
(`at Number.toFixed (<anonymous>)`) are what neither jsrust engine reproduces, so they
are dropped from Node's output before comparing — and exactly what the interpreter shows.
(One known difference, shared by both engines: an error an operation raises, such as
`null.x`, points at its statement where Node points at the operation.)"""
import subprocess
import sys
from pathlib import Path

import pytest

from test_records import compile_js, node, run

pytestmark = pytest.mark.compiled


def interpreter(js: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jsrust_core.cli", "run", str(js), *args],
                          capture_output=True, timeout=120)


def user_frames(text: bytes) -> bytes:
    """Node's text without its internal and built-in frames."""
    return b"\n".join(ln for ln in text.split(b"\n")
                      if b"(node:" not in ln and b"at node:" not in ln and not ln.endswith(b"(<anonymous>)"))


def same_everywhere(js: Path, binary: Path, *args: str) -> subprocess.CompletedProcess:
    got, interp, want = run(binary, *args), interpreter(js, *args), node(js, *args)
    assert (got.stdout, got.stderr, got.returncode) == (interp.stdout, interp.stderr, interp.returncode)
    assert (got.stdout, got.stderr, got.returncode) == (user_frames(want.stdout), user_frames(want.stderr),
                                                         want.returncode)
    return got


#: frames through a function, a literal's method, a class's method and constructor, an
#: arrow; an error subclass whose constructor frames V8 leaves out and whose header is
#: written on the first read (after the subclass renamed it); the uncaught one at the end
#: is chosen by the argument (an Error, an engine error, a string, an object)
PROGRAM = """
class Shape {
  constructor(sides) {
    if (sides < 3) throw new RangeError("too few sides: " + sides);
    this.sides = sides;
  }
  grow() { return new Shape(this.sides - 5); }
}
class AppError extends Error {
  constructor(m) { super(m); this.name = "AppError"; }
}
const api = {
  fetch(key) { return helper(key); },
};
function helper(key) {
  if (key === "bad") throw new AppError("no " + key);
  return new Shape(4).grow();
}
const viaArrow = (k) => api.fetch(k);
for (const k of ["bad", "shape"]) {
  try {
    viaArrow(k);
  } catch (e) {
    console.log(e.stack);
    console.log([e.name, e.message]);
  }
}
try {
  (1.5).toFixed(200);
} catch (e) {
  console.log(e);
}
const mode = process.argv[2] || "error";
function fail() {
  if (mode === "error") throw new AppError("uncaught " + mode);
  if (mode === "engine") return null.length;
  if (mode === "string") throw "plain " + mode;
  throw { code: 7, mode: mode };
}
fail();
"""


def test_frames_and_uncaught_reports_match_node_and_the_interpreter(tmp_path: Path) -> None:
    modes = ["error", "engine", "string", "object"]
    js, result = compile_js(tmp_path, "stacks.js", PROGRAM, train=[[m] for m in modes])
    assert "jsrt::callstack::push" in result.rust.source
    got = same_everywhere(js, result.binary, "error")
    assert b"at helper (" in got.stdout and b"at Object.fetch (" in got.stdout and b"at viaArrow (" in got.stdout
    assert b"at new Shape (" in got.stdout and b"at Shape.grow (" in got.stdout
    assert b"new AppError" not in got.stdout  # V8 starts below the constructor of new.target
    assert got.stderr.startswith(str(js).encode() + b":")  # file:line, source line, caret
    assert b"AppError: uncaught error\n    at fail (" in got.stderr
    # an error an operation raises points at that operation (`.length`), caret and frame
    got = same_everywhere(js, result.binary, "engine")
    assert b"TypeError: Cannot read properties of null (reading 'length')\n    at fail (" in got.stderr
    assert b"\nplain string\n(Use `node --trace-uncaught" in same_everywhere(js, result.binary, "string").stderr
    assert b"{ code: 7, mode: 'object' }" in same_everywhere(js, result.binary, "object").stderr


def test_a_program_that_cannot_observe_errors_does_not_track(tmp_path: Path) -> None:
    src = "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\nconsole.log(fib(20));\n"
    js, result = compile_js(tmp_path, "fib.js", src, train=[[]])
    assert "callstack" not in result.rust.source
    same_everywhere(js, result.binary)


def test_a_required_file_shows_its_own_top_level_frame(tmp_path: Path) -> None:
    (tmp_path / "lib.js").write_text("exports.check = function check(x) {\n  if (x < 0) throw new Error('negative');\n"
                                     "  return x;\n};\n")
    src = "const { check } = require('./lib');\ntry { check(-1); } catch (e) { console.log(e.stack); }\n"
    js, result = compile_js(tmp_path, "main.js", src, train=[[]])
    got = same_everywhere(js, result.binary)
    assert b"lib.js:2:" in got.stdout and b"at Object.<anonymous> (" in got.stdout


ENGINE_ERRORS = r"""
function readDeep() { const o = {}; return 1 + o.a.b; }
function readComputed() { const o = {}; const k = "q"; return o.a[k]; }
function callMissing(o) { o.f(1); }
function store(_, u) { u.v = 3; }
function storeComputed(_, u) { u["w"] = 4; }
function callNumber() { const k = 1; k(); }
function newNumber() { const X = 3; return new X(); }
function iterateNumber() { const n = 5; for (const v of n) {} }
function spreadObject() { const o = { a: {} }; return [...o.a]; }
function unbound() { const a = 1; return a + missingName; }
function unboundFirst() { return missingName + 1; }
function constant() { const s = 5; s += 2; }
function patternStore(o) { let a, b; [a, b] = o.pair.list; return a + b; }
const probes = [readDeep, readComputed, callMissing, store, storeComputed, callNumber, newNumber,
                iterateNumber, spreadObject, unbound, unboundFirst, constant, patternStore];
for (const p of probes) {
  try {
    p({}, undefined);
  } catch (e) {
    console.log(e.stack.split("\n").slice(0, 2).join(" | "));
  }
}
const last = {};
console.log("end");
last.deep.er = 1;
"""


def test_engine_errors_point_at_the_failing_operation(tmp_path: Path) -> None:
    """Each kind of error an operation raises shows the operation V8 points at (the key
    read, the `=` of a store, the callee, `new`, the iterated value, the variable) in
    `e.stack` and in the uncaught report's caret, in both engines as in Node."""
    js, result = compile_js(tmp_path, "engine.js", ENGINE_ERRORS, train=[[]])
    got = same_everywhere(js, result.binary)
    assert got.stdout.count(b" | ") == 13
    assert b"\nlast.deep.er = 1;\n             ^\n" in got.stderr  # (at the `=`)


FRAME_LABELS = r"""
const at = (e) => e.stack.split("\n")[1];
function F() { this.s = at(new Error("a")); }
console.log(new F().s);
exports.main = function (p) { return at(new Error("b")); };
console.log(exports.main(1));
class C { static s() { return at(new Error("d")); } }
class D extends C {}
console.log(C.s());
console.log(D.s());
const o = { h: function () { this.seen = true; return at(new Error("e")); } };
console.log(o.h());
"""


def test_frames_are_labelled_as_v8_labels_them(tmp_path: Path) -> None:
    """`new F` for a plain function called by `new`, the member an anonymous function was
    stored into (`exports.main`), the class a static method ran on (`D.s`), the
    receiver's type (`Object.h`); each frame at its `new Error`. (The interpreter alone:
    `F.prototype.m = function ..` runs as `F.m`; the compiled runtime has no `prototype`
    of a plain function.)"""
    js, result = compile_js(tmp_path, "labels.js", FRAME_LABELS, train=[[]])
    got = same_everywhere(js, result.binary)
    labels = [ln.split(b" (")[0].strip() for ln in got.stdout.splitlines()]
    assert labels == [b"at new F", b"at exports.main", b"at C.s", b"at D.s", b"at Object.h"]
    proto = tmp_path / "proto.js"
    proto.write_text('function Shape() {}\nShape.prototype.area = function () { return new Error("c").stack; };\n'
                     'console.log(new Shape().area().split("\\n")[1]);\n')
    want, interp = node(proto), interpreter(proto)
    assert interp.stdout == want.stdout and interp.stdout.strip().startswith(b"at Shape.area (")
