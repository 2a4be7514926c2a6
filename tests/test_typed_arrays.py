"""Arrays of numbers as `jsrt::NumArr` and arrays of one record shape as `jsrt::RecArr`
in generated Rust: typed where provably safe, and still equal to Node byte for byte, or a
side exit (status 86) — never a wrong value."""
import re
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
    return {scopes.bindings[sid].name for sid in typed_arrays(scopes, types).bindings}


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
    # (`a` has one name: an owned `Vec`, of integers when every store is one — `counters.int_plan`)
    assert re.search(r"jsrt::OwnArr::<(f64|i64)>::from_vec", res.rust.source)
    for args in (["1"], ["3"]):  # in range, and a write at length that appends
        got, want = run(res.binary, *args), node(js, *args)
        assert (got.stdout, got.returncode) == (want.stdout, 0)
    for args in (["7"], ["1.5"], ["-1"]):  # a hole; named properties: Node prints, we must not guess
        got = run(res.binary, *args)
        assert got.returncode == SIDE_EXIT, args
        assert b"side exit" in got.stderr and got.stdout == b""


def test_trained_hole_keeps_the_array_dynamic_and_matches_node(tmp_path):
    """Once a training input makes the hole, the tracer records it at the store and the
    array stays dynamic, where the runtime keeps holes (`JsValue::Hole`): the holes read
    as undefined (the sum is NaN, the length 8) as in Node, in one round, no regrowth."""
    js, res = compile_js(tmp_path, "indexed.js", INDEXED, [["1"], ["7"]])
    assert res.rounds == 1 and "NumArr" not in res.rust.source and "OwnArr" not in res.rust.source
    for args in (["1"], ["7"]):
        got, want = run(res.binary, *args), node(js, *args)
        assert (got.stdout, got.returncode) == (want.stdout, want.returncode), args


def test_out_of_range_read_side_exits(tmp_path):
    src = "const a = [1, 2, 3]; const i = Number(process.argv[2] || 0); console.log(a[i] * 2);\n"
    js, res = compile_js(tmp_path, "read.js", src, [["0"], ["2"]])
    assert re.search(r"OwnArr<(f64|i64)>", res.rust.source)
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


#: an array of records made by a function (its return value joins the group), filled
#: by push, index store and `fill`, read in a kernel, popped; argv: the body count and
#: an index whose store is in range for the trained input (1)
BODIES = """
function make(n) {
  const bodies = [];
  for (let i = 0; i < n; i++) bodies.push({ x: i, v: 0.5 * i });
  return bodies;
}
function step(bodies, dt) {
  for (let i = 0; i < bodies.length; i++) {
    const b = bodies[i];
    for (let j = i + 1; j < bodies.length; j++) { const c = bodies[j]; b.v += (c.x - b.x) * dt; c.v -= (c.x - b.x) * dt; }
  }
  for (let i = 0; i < bodies.length; i++) { const b = bodies[i]; b.x += b.v * dt; }
}
const n = Number(process.argv[2] || 4), k = Number(process.argv[3] || 1);
const bodies = make(n);
bodies[k] = { x: 10, v: -1 };
const same = new Array(2).fill({ x: 1, v: 1 });
same[0].x = 5;
for (let s = 0; s < 100; s++) step(bodies, 0.01);
const last = bodies.pop();
let e = 0;
for (let i = 0; i < bodies.length; i++) e += bodies[i].x * bodies[i].v;
console.log(e.toFixed(9), last.x.toFixed(9), bodies.length, same[1].x, bodies.push(last), bodies[n - 1] === last);
"""

#: the same shape stored in a dynamic way: `shown` is printed, so its group stays dynamic
RECORD_ALIASES = """
const a = [{ p: 1 }, { p: 2 }];
const shown = a;
const b = [{ p: 3 }];
b.push({ p: 4 });
console.log(shown, b[0].p + b[1].p);
"""


@pytest.mark.parametrize("args", [[], ["6", "2"], ["2", "1"]])
def test_record_arrays_use_recarr_and_match_node(tmp_path, args):
    js, res = compile_js(tmp_path, "bodies.js", BODIES, [["4", "1"]])
    src = res.rust.source
    assert "fn f_make(n: f64) -> jsrt::RecArr<Obj" in src and "fn f_step(bodies: jsrt::RecArr<Obj" in src
    assert "let mut same: jsrt::OwnArr<Rc<Obj" in src and "index_rec" not in src and "guard_rec" not in src
    got, want = run(res.binary, *args), node(js, *args)
    assert (got.stdout, got.returncode) == (want.stdout, want.returncode)


def test_record_arrays_side_exit_instead_of_a_hole_or_a_missing_element(tmp_path):
    js, res = compile_js(tmp_path, "bodies.js", BODIES, [["4", "1"]])
    # a hole at 6 (Node then throws reading `undefined.x`); `bodies[n - 1]` with no bodies
    # (n = 0) is `bodies[-1]`, `undefined` (Node prints `false`): no typed element to give
    for args in (["4", "6"], ["0", "0"]):
        got = run(res.binary, *args)
        assert got.returncode == SIDE_EXIT and got.stdout == b"" and b"side exit" in got.stderr, args


def test_a_record_of_another_shape_side_exits(tmp_path):
    src = ("const a = [{ x: 1 }, { x: 2 }]; const other = process.argv[2] === 'y';\n"
           "a[1] = other ? { y: 1 } : { x: 3 };\n"
           "let s = 0; for (let i = 0; i < a.length; i++) s += a[i].x;\nconsole.log(s);\n")
    js, res = compile_js(tmp_path, "shapes.js", src, [["n"]])
    assert "jsrt::OwnArr<Rc<Obj" in res.rust.source
    assert run(res.binary, "n").stdout == node(js, "n").stdout == b"4\n"
    got = run(res.binary, "y")  # Node prints NaN: the typed array cannot hold a `{y}`
    assert got.returncode == SIDE_EXIT and got.stdout == b""


def test_escaping_record_array_keeps_its_group_dynamic(tmp_path):
    assert typed_names(tmp_path, RECORD_ALIASES, []) == {"b"}
    js, res = compile_js(tmp_path, "raliases.js", RECORD_ALIASES, [[]])
    got, want = run(res.binary), node(js)
    assert (got.stdout, got.returncode) == (want.stdout, want.returncode)


#: arrays named by one local only are owned `Vec`s; the calls whose arguments use the same
#: array (`a.push(a.pop())`, `a[a.pop()]`) must still evaluate the argument first
OWNED = """
function flips(n) {
  const perm = [], work = [];
  for (let i = 0; i < n; i++) { perm.push(n - 1 - i); work.push(0); }
  let total = 0;
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < n; i++) work[i] = perm[i];
    let first = work[0];
    while (first !== 0) {
      let lo = 0, hi = first;
      while (lo < hi) { const t = work[lo]; work[lo] = work[hi]; work[hi] = t; lo++; hi--; }
      total++;
      first = work[0];
    }
    perm.push(perm.pop());
    work[0] += 0;
  }
  const stack = [1, 0, 2];
  stack.push(stack.pop());
  const top = stack[stack.pop() - 2];
  stack.push(stack.length, top);
  return total * 1000 + stack[2] * 10 + stack[3] + perm[n - 1] / 100;
}
console.log(flips(Number(process.argv[2] || 5)));
"""


def test_single_name_arrays_are_owned_vecs_and_match_node(tmp_path):
    assert typed_names(tmp_path, OWNED, []) == {"perm", "work", "stack"}
    js, res = compile_js(tmp_path, "owned.js", OWNED, [["5"]])
    src = res.rust.source
    assert "let mut perm: jsrt::OwnArr<f64>" in src and "let mut stack: jsrt::OwnArr<f64>" in src
    for args in ([], ["7"], ["1"]):
        got, want = run(res.binary, *args), node(js, *args)
        assert (got.stdout, got.returncode) == (want.stdout, want.returncode)
    got = run(res.binary, "0")  # `perm[-1]` is `undefined` (Node prints NaN): a side exit, not a number
    assert got.returncode == SIDE_EXIT and got.stdout == b""


#: `for (x of a)` and `b = a.slice()` keep arrays typed: the walk is live (the pushes
#: made while walking `items` are visited), `continue` and `break` and a non-declaring
#: left side work, record elements are bound as records, and an integer array's copy
#: is an array of floats; `ys` is reassigned inside its own walk (JS walks the old array)
#: and `shown` (a copy) is printed, so both stay dynamic, and so does `kept`, its source
FOR_OF = """
function total(xs) { let s = 0; for (const x of xs) s += x; return s; }
const n = Number(process.argv[2] || 4);
const items = [];
for (let i = 0; i < n; i++) items.push(i * 1.5);
const copy = items.slice();
copy.push(100);
let seen = 0;
for (const x of items) { if (items.length < 2 * n) items.push(x + 1); seen += x; }
const pts = [{ x: 1 }, { x: 2 }];
for (const p of pts) p.x *= 2;
let last = -1;
for (last of copy) { if (last > 50) break; }
const ints = [3, 1, 2];
const floats = ints.slice();
floats[0] = 0.5;
for (const k of ints) { if (k === 1) continue; seen += k; }
let ys = [1, 2, 3];
for (const y of ys) { ys = [9]; seen += y; }
const kept = [7, 8];
const shown = kept.slice();
kept.push(9);
console.log(seen, total(copy), items.length, copy.length, pts[0].x + pts[1].x, last, floats[0] + floats[2], shown);
"""


def test_for_of_and_slice_keep_arrays_typed(tmp_path):
    assert typed_names(tmp_path, FOR_OF, []) == {"xs", "items", "copy", "pts", "ints", "floats"}
    js, res = compile_js(tmp_path, "forof.js", FOR_OF, [["4"]])
    src = res.rust.source
    assert "iterators::for_of(&xs" not in src and ".at(" in src and "from_vec(items.to_vec())" in src
    for args in ([], ["0"], ["9"]):
        got, want = run(res.binary, *args), node(js, *args)
        assert (got.stdout, got.returncode) == (want.stdout, want.returncode), args
