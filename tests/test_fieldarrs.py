"""Array fields of class records stored as typed arrays (`rustgen/fieldarrs.py`): the
fields only the typed form touches (also through a typed local alias) become
`jsrt::NumArr` / `jsrt::RecArr<S>` in the struct (`jsrt::FieldArr<T>`, no `Rc` of its own, when
no binding aliases it), and print as a copy; those stored in
an object, printed through a parameter, or read by a closure stay `JsValue`; the answers
are Node's either way."""
import re
import subprocess
from pathlib import Path

from jsrust_core.pipeline import compile_file

SOURCE = """
class Cell { constructor(v) { this.v = v; } }
class Board {
  constructor(n) {
    this.counts = new Array(n).fill(0);   // typed: index reads, ++, length
    this.cells = [];                      // typed: records pushed and walked
    this.history = [];                    // typed: aliased below by a typed local
    this.passed = [];                     // dynamic: handed to a function that prints it
    this.shown = [1];                     // typed: printed on its own (a copy)
    this.kept = [2];                      // dynamic: stored in an object
    this.late = [];                       // dynamic: read in an arrow
  }
  put(i) {
    this.counts[i % this.counts.length]++;
    this.cells.push(new Cell(i));
    this.history.push(i);
    this.passed.push(i * 2);
    this.late.push(i);
  }
  sum() {
    let s = 0;
    for (const c of this.cells) s += c.v;
    return s;
  }
  lateSum() { return this.late.reduce((a, x) => a + x + this.late.length, 0); }
}
function grow(a) { a.push(-1); console.log(a); return a.length; }
const b = new Board(3);
for (let i = 0; i < 7; i++) b.put(i);
const h = b.history;
h.push(100);
const box = { k: b.kept };
box.k.push(3);
console.log(b.sum(), b.lateSum(), b.counts[0], b.cells[6].v, grow(b.passed), b.passed.length, b.history.length, b.shown);
console.log(b.kept, b.shown.length);
console.log(b);
"""


def test_only_fields_the_typed_form_translates_are_typed_and_match_node(tmp_path: Path):
    js = tmp_path / "board.js"
    js.write_text(SOURCE)
    res = compile_file(str(js), out=str(tmp_path / "board.bin"), train=[[]])
    src = res.rust.source
    struct = re.search(r"struct Class\d+_Board \{(.*?)\n\}", src, re.S).group(1)
    assert re.search(r"counts: jsrt::FieldArr<f64>,", struct) and re.search(r"cells: jsrt::FieldArr<Rc<Class\d+_Cell>>,", struct)
    assert "history: jsrt::NumArr," in struct and re.search(r"let (mut )?h: jsrt::NumArr = b\.history\.clone\(\);", src)
    assert "shown: jsrt::FieldArr<f64>," in struct and "b.shown.snapshot()" in src
    for name in ("passed", "kept", "late"):
        assert f"    {name}: RefCell<JsValue>," in struct, name
    # the struct's static methods use the typed fields in place (the method closures' own
    # bodies only run for a `this` that is no record, and look the names up dynamically)
    assert "this.counts.len()" in src and "this.cells.push(" in src
    got = subprocess.run([str(res.binary)], capture_output=True, timeout=60)
    want = subprocess.run(["node", str(js)], capture_output=True, timeout=60)
    assert (got.stdout, got.returncode) == (want.stdout, want.returncode)


#: a store that makes a hole when argv asks for it, and reads that only look at slot 0
HOLES = """
class Grid {
  constructor() { this.cells = [1, 2, 3]; }
  put(i, v) { this.cells[i] = v; }
  first() { return this.cells[0]; }
}
const g = new Grid();
g.put(1, 5);
g.put(Number(process.argv[2] || 3), 8);
console.log(g.cells.length, g, g.first());
"""


def test_an_untrained_hole_side_exits_and_its_guard_names_the_field(tmp_path: Path):
    js = tmp_path / "holes.js"
    js.write_text(HOLES)
    res = compile_file(str(js), out=str(tmp_path / "holes.bin"), train=[[]])
    assert "cells: jsrt::FieldArr<f64>," in res.rust.source
    # (what `pipeline.compile_file` drops when a training input leaves at one of them)
    assert set(res.rust.field_guards.values()) == {"cells"}
    for args, exits in (([], False), (["6"], True)):
        got = subprocess.run([str(res.binary), *args], capture_output=True, timeout=60)
        want = subprocess.run(["node", str(js), *args], capture_output=True, timeout=60)
        if exits:
            assert got.returncode == 86 and b"a hole" in got.stderr and want.stdout.startswith(got.stdout)
        else:
            assert (got.stdout, got.returncode) == (want.stdout, want.returncode)
