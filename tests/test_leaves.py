"""Number-only leaf functions skip the frame count (`rustgen/leaves.py`): only those that
cannot run other JS code, and the compiled program still equals Node byte for byte."""
import subprocess
from pathlib import Path

from jsrust_core.pipeline import compile_file, trace_file
from jsrust_core.rustgen.leaves import frameless
from jsrust_core.rustgen.scopes import Scopes
from jsrust_core.typeinfer import infer

#: `entry`, `clamp` and `valueOf` are leaves; the others call, read a property, take an object (whose
#: `valueOf` an operator would call), use `this`, or recurse
LEAVES = """
function entry(i, j) { return 1.0 / (((i + j) * (i + j + 1)) / 2 + i + 1); }
function clamp(x, lo, hi) {
  let y = x;
  outer: for (let k = 0; k < 3; k++) { if (y < lo) { y = lo; break outer; } else if (y > hi) { y = hi; continue; } }
  return y > hi ? hi : y;
}
function root(x) { return Math.sqrt(x); }
function len(a) { return a.length; }
function twice(o) { return o * 2; }
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
const money = { valueOf() { return 7; } };
let s = 0;
for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) s += entry(i, j);
console.log(s, clamp(5, 0, 3), clamp(-1, 0, 3), root(16), len([1, 2]), twice(money), depth(Number(process.argv[2] || 5)));
"""


def names(tmp_path: Path, source: str) -> set[str]:
    js = tmp_path / "leaves.js"
    js.write_text(source)
    traced = trace_file(str(js), argv_runs=[[]])
    types = infer(traced.program, traced.forest.profile, traced.forest)
    scopes = Scopes(traced.program)
    return {f.name for f in scopes.functions.values() if frameless(scopes, types, f)}


def test_only_number_leaves_are_frameless(tmp_path):
    assert names(tmp_path, LEAVES) == {"entry", "clamp", "valueOf"}


def test_frameless_program_matches_node_and_recursion_still_throws(tmp_path):
    js = tmp_path / "leaves.js"
    js.write_text(LEAVES)
    res = compile_file(str(js), out=str(tmp_path / "leaves.bin"), train=[["5"]])
    src = res.rust.source
    head = src[src.index("fn f_entry("):]
    assert "jsrt::enter()" not in head[:head.index("\n}\n")]
    for args in ([], ["9"], ["100000"]):  # the last overflows the stack in both: a RangeError
        got = subprocess.run([str(res.binary), *args], capture_output=True, timeout=60)
        want = subprocess.run(["node", str(js), *args], capture_output=True, timeout=60)
        assert (got.stdout, got.returncode) == (want.stdout, want.returncode)
        if args == ["100000"]:
            assert b"RangeError: Maximum call stack size exceeded" in got.stderr
