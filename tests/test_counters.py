"""Loop counters as `i64` in generated Rust (`rustgen/counters.py`): chosen only where the
program text proves the value is a small integer, and still equal to Node byte for byte."""
import subprocess
from pathlib import Path

import pytest

from jsrust_core.pipeline import compile_file, trace_file
from jsrust_core.rustgen.arrays import typed_arrays
from jsrust_core.rustgen.counters import int_counters
from jsrust_core.rustgen.rtypes import ARR, own
from jsrust_core.rustgen.scopes import Scopes
from jsrust_core.typeinfer import infer

SIDE_EXIT = 86

#: counters in for/while loops, pre/post increments used as values, steps of 2 and -3,
#: an index `i + 1` and `j - 1` on a typed array, a counter passed to a function and
#: printed: every read must be the same number Node has
COUNTERS = """
function rotate(a) {
  const first = a[0];
  for (let i = 0; i < a.length - 1; i++) a[i] = a[i + 1];
  a[a.length - 1] = first;
}
function sumEvens(n) {
  let s = 0;
  for (let k = 0; k <= n; k += 2) s += k;
  return s;
}
function main(n) {
  const xs = [];
  for (let i = 0; i < n; i++) xs.push(i * 1.5);
  rotate(xs);
  let j = 20;
  let steps = 0;
  while (j > n) { j -= 3; steps++; }
  let t = 10;
  const pre = ++t, post = t++, down = t--, again = --t;
  let last = 0;
  for (let m = 1; m < n; m++) last = xs[m - 1] + m;
  console.log(xs[0], xs[n - 1], sumEvens(n), j, steps, pre, post, down, again, t, last, String(steps), [steps]);
}
main(Number(process.argv[2] || 6));
"""

#: writes that do not keep an exact small integer, or uses that need a cell
NOT_COUNTERS = """
function main() {
  let half = 0; half += 0.5;
  let doubled = 1; doubled = doubled * 2;
  let big = 0; big += 1000;
  let captured = 0; const read = () => captured; captured++;
  let reassigned = 0; reassigned = 5;
  let destructured = 0; [destructured] = [3];
  let kept = 0; kept++; kept += 2; kept -= 1; kept--;
  console.log(half, doubled, big, read(), reassigned, destructured, kept);
}
main();
let topLevel = 0; topLevel++;
console.log(topLevel);
"""


def node(path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["node", str(path), *args], capture_output=True, timeout=60)


def run(binary: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(binary), *args], capture_output=True, timeout=60)


def counter_names(tmp_path: Path, source: str) -> set[str]:
    js = tmp_path / "c.js"
    js.write_text(source)
    traced = trace_file(str(js), argv_runs=[[]])
    types = infer(traced.program, traced.forest.profile, traced.forest)
    scopes = Scopes(traced.program)
    owned = frozenset(s for s, ty in typed_arrays(scopes, types).bindings.items() if ty == own(ARR))
    return {scopes.bindings[sid].name for sid in int_counters(scopes, types, owned)}


def test_only_provably_small_integer_bindings_are_counters(tmp_path):
    assert counter_names(tmp_path, NOT_COUNTERS) == {"kept"}  # (a top-level `let` is a global)
    assert {"i", "k", "j", "steps", "t", "m"} <= counter_names(tmp_path, COUNTERS)


@pytest.mark.parametrize("args", [[], ["1"], ["11"]])
def test_counters_are_i64_and_output_matches_node(tmp_path, args):
    js = tmp_path / "counters.js"
    js.write_text(COUNTERS)
    res = compile_file(str(js), out=str(tmp_path / "counters.bin"), train=[["6"]])
    src = res.rust.source
    assert "let mut i: i64 = 0;" in src and "k += 2;" in src and "j -= 3;" in src and "let mut t: i64 = 10;" in src
    assert "a.get((i + 1)," in src and "xs.get((m - 1)," in src  # `i + 1` indexes stay integers
    got, want = run(res.binary, *args), node(js, *args)
    assert (got.stdout, got.returncode) == (want.stdout, want.returncode)


def test_negative_counter_index_side_exits(tmp_path):
    src = ("const a = [1, 2, 3]; const n = Number(process.argv[2] || 0); let s = 0;\n"
           "for (let i = 2; i >= n; i--) s += a[i];\nconsole.log(s);\n")
    js = tmp_path / "down.js"
    js.write_text(src)
    res = compile_file(str(js), out=str(tmp_path / "down.bin"), train=[["0"]])
    assert "let mut i: i64 = 2;" in res.rust.source
    assert run(res.binary, "0").stdout == node(js, "0").stdout == b"6\n"
    got = run(res.binary, "-1")  # a[-1] is undefined in JS (s becomes NaN): never a made-up number
    assert got.returncode == SIDE_EXIT and got.stdout == b"" and b"side exit" in got.stderr


#: `j = i + 1` and `k = j` start from counters (so are counters); `late` starts from one
#: declared after it and `scaled` from a product: not counters. `rows` is a dynamic array
#: (it holds arrays) read at counter indexes, `pts` a typed array of records
DERIVED = """
function pairs(xs, rows, pts) {
  let s = 0, late = 0;
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) { let k = j; k--; s += xs[i] * xs[j] + k + rows[j][0] + pts[j - 1].w; }
  }
  { let scaled = 2 * s; scaled++; late = scaled; }
  return s + late;
}
const n = Number(process.argv[2] || 4);
const xs = [], rows = [], pts = [];
for (let i = 0; i < n; i++) { xs.push(i + 0.5); rows.push([i, 'r']); pts.push({ w: i * 2 }); }
console.log(pairs(xs, rows, pts), pairs([1], [[1]], []));
if (n > 4) console.log(rows[n][0]);
"""


def test_counters_may_start_from_counters(tmp_path):
    assert {"i", "j", "k"} <= counter_names(tmp_path, DERIVED)
    assert not {"late", "scaled"} & counter_names(tmp_path, DERIVED)
    js = tmp_path / "derived.js"
    js.write_text(DERIVED)
    res = compile_file(str(js), out=str(tmp_path / "derived.bin"), train=[["4"]])
    src = res.rust.source
    assert "let mut j: i64 = (i + 1);" in src and "let mut k: i64 = j;" in src
    assert "index2_num(&rows, j, " in src and "pts.get((j - 1)," in src  # reads at `i64` indexes
    for args in ([], ["2"]):
        got, want = run(res.binary, *args), node(js, *args)
        assert (got.stdout, got.returncode) == (want.stdout, want.returncode)
    got, want = run(res.binary, "7"), node(js, "7")  # `rows[7][0]`: Node's TypeError was never traced
    assert got.stdout == want.stdout and want.returncode == 1 and got.returncode == SIDE_EXIT


#: `work` and `perm` are owned arrays that only ever hold small integers (counters,
#: literals, their own elements): `Vec<i64>`s, and `first`, `t` (copies of their
#: elements) and `hi` (an index) are `i64`s. `x` reads `frac`, which holds 1.5; `y` reads
#: `args`, which holds whatever the command line says: both stay `f64`, as do their arrays
FLIPS = """
function flips(n) {
  const perm = [], work = [], frac = [1.5, 2], args = [];
  for (let i = 0; i < n; i++) { perm.push(i); work.push(0); }
  const p0 = perm[0];
  for (let i = 0; i < n - 1; i++) perm[i] = perm[i + 1];
  perm[n - 1] = p0;
  args.push(Number(process.argv[3] || 1));
  let total = 0;
  for (let i = 0; i < n; i++) work[i] = perm[i];
  let first = work[0];
  while (first !== 0) {
    let lo = 0, hi = first;
    while (lo < hi) { const t = work[lo]; work[lo] = work[hi]; work[hi] = t; lo++; hi--; }
    total++;
    first = work[0];
  }
  let x = frac[0], y = args[0];
  return [total, work[n - 1], frac[x - 0.5], work[y]];
}
console.log(flips(Number(process.argv[2] || 5)));
"""


def test_integers_read_from_integer_only_owned_arrays_are_i64_indexes(tmp_path):
    names = counter_names(tmp_path, FLIPS)
    assert {"i", "lo", "hi", "total", "first", "t"} <= names and not {"x", "y"} & names
    js = tmp_path / "flips.js"
    js.write_text(FLIPS)
    res = compile_file(str(js), out=str(tmp_path / "flips.bin"), train=[["5"]])
    src = res.rust.source
    assert "let mut hi: i64 = first;" in src and "while (first != 0)" in src
    assert "let mut work: jsrt::OwnArr<i64>" in src and "let mut perm: jsrt::OwnArr<i64>" in src
    assert "let mut frac: jsrt::OwnArr<f64>" in src and "let mut uargs_: jsrt::OwnArr<f64>" in src
    for args in ([], ["7"], ["9", "2"]):
        got, want = run(res.binary, *args), node(js, *args)
        assert (got.stdout, got.returncode) == (want.stdout, want.returncode)
    got = run(res.binary, "5", "0.5")  # `work[0.5]` is `undefined`: a side exit, never a made-up number
    assert got.returncode == SIDE_EXIT and got.stdout == b""


#: every operation an integer array (`jsrt::OwnArr<i64>`) allows, each used as a value
#: too: a literal and a `fill` allocation, `a[i] += k`, `a[i]++`/`--a[i]` as values, a
#: store used as a value, push and pop, an element as an index, printed and compared.
#: `grid` is read past its end when argv[2] is given: a side exit, never a made-up number
INT_ARRAYS = """
function main(n, extra) {
  const a = [3, 1, 2], c = new Array(4).fill(0), grid = [];
  for (let i = 0; i < n; i++) grid.push(i - 2);
  a[0] += 2; a[1] -= 1;
  const was = c[1]++, now = --c[2], stored = (c[3] = a[2]);
  grid.push(7);
  const popped = grid.pop();
  let k = a[a[1]];
  const same = a[2] === 2 && c[a[1]] !== 1;
  for (let i = 0; i < grid.length; i++) if (grid[i] > 1) k += grid[i];
  console.log(a[0], a[1], a[2], c[0], c[1], c[2], c[3], was, now, stored, popped, k, same, grid.length, grid[n + extra]);
}
main(Number(process.argv[2] || 6), Number(process.argv[3] || -1));
"""


@pytest.mark.parametrize("args", [[], ["1"], ["9", "-10"]])
def test_integer_arrays_are_vec_i64_and_match_node(tmp_path, args):
    js = tmp_path / "ints.js"
    js.write_text(INT_ARRAYS)
    res = compile_file(str(js), out=str(tmp_path / "ints.bin"), train=[["6"]])
    src = res.rust.source
    for name in ("a", "c", "grid"):
        assert f"let mut {name}: jsrt::OwnArr<i64>" in src
    got, want = run(res.binary, *args), node(js, *args)
    if args == ["9", "-10"]:  # grid[-1]: undefined in JS
        assert want.stdout.endswith(b"undefined\n") and got.returncode == SIDE_EXIT and got.stdout == b""
    else:
        assert (got.stdout, got.returncode) == (want.stdout, want.returncode)


#: `r` and `q` are indexes set from a parameter, so no proof says they are integers; the
#: trace saw `r` hold only small integers (an `i64` behind `jsrt::guard_int`), `q` a
#: fraction once (an `f64`, no guard). `h` is set by arithmetic: never guarded
GUARDED = """
function sumTo(a, n, m) {
  let r = n, s = 0;
  while (r > 0) { s += a[r - 1]; r--; }
  let q = m, h = 1;
  h = h * 3 + a[q];
  return [s, a[q + 0.5], h];
}
const a = [1, 2, 3, 4, 5, 6, 7, 8];
console.log(sumTo(a, Number(process.argv[2] || 5), 0.5), sumTo(a, 3, Number(process.argv[3] || 1.5)));
"""


@pytest.mark.parametrize("args", [[], ["8"], ["0"], ["2.5"], ["-0"], ["3e9"], ["4", "3.5"]])
def test_observed_integer_index_is_guarded_i64(tmp_path, args):
    js = tmp_path / "guarded.js"
    js.write_text(GUARDED)
    res = compile_file(str(js), out=str(tmp_path / "guarded.bin"), train=[[]])
    src = res.rust.source
    assert "let mut r: i64 = jsrt::guard_int(n, " in src
    assert "let mut q: f64 = m;" in src and "jsrt::guard_int(m" not in src and "let mut h: f64" in src
    got = run(res.binary, *args)
    if args in (["2.5"], ["-0"], ["3e9"]):  # no int32 integer: the guard stops before any output
        assert got.returncode == SIDE_EXIT and got.stdout == b"" and b"expected an integer" in got.stderr
    else:
        want = node(js, *args)
        assert (got.stdout, got.returncode) == (want.stdout, want.returncode)


def test_profile_names_bindings_set_to_no_small_integer():
    from jsrust_core.profile import Profile

    prof = Profile()
    for sid, value in ((1, 3.0), (1, -7.0), (2, 0.5), (3, -0.0), (4, float("nan")), (5, 2.0 ** 31), (6, -(2.0 ** 31))):
        prof.note_number(sid, value)
    assert prof.fractions == {2, 3, 4, 5}
    assert Profile.from_json(prof.to_json()).fractions == {2, 3, 4, 5}
    saved = prof.to_json()
    del saved["fractions"]  # a profile saved before fractions were recorded: nothing may be guarded
    assert Profile.from_json(saved).fractions is None
