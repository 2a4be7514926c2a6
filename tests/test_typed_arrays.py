"""Arrays of numbers as `jsrt::NumArr` in generated Rust: typed where provably safe, and
still equal to Node byte for byte, or a side exit (status 86) — never a wrong number."""
import subprocess
from pathlib import Path

import pytest

from jsrust_core.frontend import parse
from jsrust_core.pipeline import compile_file, trace_file
from jsrust_core.rustgen.arrays import typed_arrays
from jsrust_core.rustgen.scopes import Scopes
from jsrust_core.typeinfer import infer

SIDE_EXIT = 86

KERNEL = """
function sum(v) { let s = 0; for (let i = 0; i < v.length; i++) s += v[i]; return s; }
function scale(out, k) { for (let i = 0; i < out.length; i++) out[i] = out[i] * k; out.push(k); }
const n = Number(process.argv[2] || 5);
const u = new Array(n).fill(1.5);
const w = [];
for (let i = 0; i < n; i++) w.push(i * 0.5);
w[2] = 7; w[1] += 3; w[0]++; --w[0];
const alias = w;
alias[3] = 42;
scale(u, 2);
const last = u.pop();
console.log(sum(u) + sum(w), w.length, w[3], last, u.length, w.push(1, 2), w[w.length - 1]);
"""

#: `shown` reaches console.log, so it stays a dynamic array — and so does `a`, which
#: is the same array; `b` never escapes and is typed
ALIASES = """
const a = [1, 2, 3];
const shown = a;
shown[0] = 10;
const b = [4, 5, 6];
function bump(xs) { xs[1] = xs[1] + 100; }
bump(b);
console.log(a[0], shown, b[1], b.length);
"""

#: an index from the command line: trained on 1 (in range), untrained 3 appends, 7 makes a hole
INDEXED = """
const k = Number(process.argv[2] || 1);
const a = [1, 2, 3];
a[k] = 10;
let s = 0;
for (let i = 0; i < a.length; i++) s += a[i];
console.log(a[k], a.length, s);
"""


def node(path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["node", str(path), *args], capture_output=True, timeout=60)


def run(binary: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(binary), *args], capture_output=True, timeout=60)


def compile_js(tmp_path: Path, name: str, source: str, train: list) -> tuple[Path, object]:
    js = tmp_path / name
    js.write_text(source)
    res = compile_file(str(js), out=str(tmp_path / (name + ".bin")), train=train)
    return js, res


def typed_names(tmp_path: Path, source: str, argv: list) -> set[str]:
    js = tmp_path / "t.js"
    js.write_text(source)
    traced = trace_file(str(js), argv_runs=[argv])
    types = infer(traced.program, traced.forest.profile, traced.forest)
    scopes = Scopes(traced.program)
    return {scopes.bindings[sid].name for sid in typed_arrays(scopes, types)}


@pytest.mark.parametrize("args", [[], ["9"], ["3"]])
def test_numeric_kernel_uses_numarr_and_matches_node(tmp_path, args):
    js, res = compile_js(tmp_path, "kernel.js", KERNEL, [["5"]])
    src = res.rust.source
    assert "fn f_sum(v: jsrt::NumArr)" in src and "fn f_scale(out: jsrt::NumArr" in src
    assert "let mut w: jsrt::NumArr" in src and "let mut alias: jsrt::NumArr = w.clone()" in src
    assert "index_num" not in src and "set_dyn" not in src
    got, want = run(res.binary, *args), node(js, *args)
    assert (got.stdout, got.returncode) == (want.stdout, want.returncode)


def test_numeric_kernel_side_exits_where_it_would_make_a_hole(tmp_path):
    js, res = compile_js(tmp_path, "kernel.js", KERNEL, [["5"]])
    got = run(res.binary, "1")  # `w[2] = 7` on a one-element array: Node makes a hole
    assert got.returncode == SIDE_EXIT and got.stdout == b"" and b"kernel.js:8:1)" in got.stderr


def test_escaping_alias_keeps_the_whole_group_dynamic(tmp_path):
    assert typed_names(tmp_path, ALIASES, []) == {"b", "xs"}
    js, res = compile_js(tmp_path, "aliases.js", ALIASES, [[]])
    got, want = run(res.binary), node(js)
    assert got.stdout == want.stdout == b"10 [ 10, 2, 3 ] 105 3\n"


def test_element_types_come_from_every_read_write_and_push(tmp_path):
    # at its declaration `xs` is empty: only the push and the read say what it holds
    mixed = "const xs = []; xs.push(1); xs.push('a'); console.log(xs[0]);\n"
    assert typed_names(tmp_path, mixed, []) == set()
    nums = "const xs = []; xs.push(1); xs.push(2.5); console.log(xs[0] + xs[1]);\n"
    assert typed_names(tmp_path, nums, []) == {"xs"}


def test_untrained_hole_or_out_of_range_side_exits(tmp_path):
    js, res = compile_js(tmp_path, "indexed.js", INDEXED, [["1"]])
    assert "jsrt::NumArr::from_vec" in res.rust.source
    for args in (["1"], ["3"]):  # in range, and a write at length that appends
        got, want = run(res.binary, *args), node(js, *args)
        assert (got.stdout, got.returncode) == (want.stdout, 0)
    for args in (["7"], ["1.5"], ["-1"]):  # a hole; named properties: Node prints, we must not guess
        got = run(res.binary, *args)
        assert got.returncode == SIDE_EXIT, args
        assert b"side exit" in got.stderr and got.stdout == b""


def test_trained_hole_keeps_the_array_dynamic_and_stops_honestly(tmp_path):
    """Once a training input makes the hole, the tracer records it at the store and the
    array stays dynamic. The runtime has no holes yet, so that input stops with the
    named feature (status 86) — and regrowth, which cannot help there, is not tried."""
    js, res = compile_js(tmp_path, "indexed.js", INDEXED, [["1"], ["7"]])
    assert res.rounds == 1 and "NumArr" not in res.rust.source
    got, want = run(res.binary, "1"), node(js, "1")
    assert (got.stdout, got.returncode) == (want.stdout, want.returncode)
    stopped = run(res.binary, "7")
    assert stopped.returncode == SIDE_EXIT and stopped.stdout == b""
    assert b"Unsupported: array holes" in stopped.stderr


def test_out_of_range_read_side_exits(tmp_path):
    src = "const a = [1, 2, 3]; const i = Number(process.argv[2] || 0); console.log(a[i] * 2);\n"
    js, res = compile_js(tmp_path, "read.js", src, [["0"], ["2"]])
    assert "NumArr" in res.rust.source
    assert run(res.binary, "2").stdout == node(js, "2").stdout == b"6\n"
    out = run(res.binary, "3")  # Node prints NaN (undefined * 2): the typed read may not make up a number
    assert out.returncode == SIDE_EXIT and out.stdout == b""


def test_shadowed_array_constructor_is_not_an_allocation(tmp_path):
    src = ("function Array(n) { return [n, n]; }\n"
           "const a = Array(3).fill(2); a[0] = 1; console.log(a[0] + a[1], a.length);\n")
    js, res = compile_js(tmp_path, "shadow.js", src, [[]])
    got, want = run(res.binary), node(js)
    assert (got.stdout, got.returncode) == (want.stdout, want.returncode)
    assert "NumArr::filled" not in res.rust.source
