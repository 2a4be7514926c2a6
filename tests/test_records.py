"""Objects of a proven shape as generated Rust structs ("records", `rustgen/records.py`):
typed field access in the Rust, the same answers as Node, aliasing kept across the
dynamic boundary, and a side exit (status 86) — never a wrong answer — for what a
struct cannot hold; retraining with that input keeps the shape dynamic."""
import re
import subprocess
from pathlib import Path

import pytest

from jsrust_core.pipeline import compile_file, trace_file
from jsrust_core.typeinfer import infer

SIDE_EXIT = 86

NBODY = """
function makeBodies(n) {
  const bodies = [];
  for (let i = 0; i < n; i++) bodies.push({ x: i, y: 2 * i, vx: 0.5, vy: -0.25, m: 1 + i, live: i % 2 === 0 });
  return bodies;
}
function step(bodies, dt) {
  for (let i = 0; i < bodies.length; i++) {
    const b = bodies[i];
    for (let j = i + 1; j < bodies.length; j++) {
      const c = bodies[j];
      const dx = b.x - c.x, dy = b.y - c.y;
      const f = dt / (dx * dx + dy * dy + 0.01);
      b.vx -= dx * c.m * f; b.vy -= dy * c.m * f;
      c.vx += dx * b.m * f; c.vy += dy * b.m * f;
    }
  }
  for (const b of bodies) { b.x += dt * b.vx; b.y += dt * b.vy; if (b.live) b.m++; }
}
const bodies = makeBodies(4);
for (let s = 0; s < Number(process.argv[2] || 10); s++) step(bodies, 0.01);
console.log(bodies[0].x.toFixed(6), bodies[3].vy.toFixed(6), bodies[2].m);
"""

#: a record seen through a dynamic array, console.log, JSON, Object.keys, `in` and `===`
ALIASING = """
function mk(i) { return { x: i, y: i * 2, name: 'p' + i, on: i % 2 === 0 }; }
const ps = [];
for (let i = 0; i < 3; i++) ps.push(mk(i));
const alias = ps[1];
alias.x = 42;
ps[1].y += 1;
const bag = { item: alias };
bag.item.name = 'renamed';
console.log(ps[1].x, alias.y, ps, bag);
console.log(JSON.stringify(ps[1]), Object.keys(alias), Object.entries(ps[0]), 'x' in alias, 'z' in alias);
console.log(ps[1] === alias, ps[0] === alias, String(alias), `${alias.name}`, typeof alias);
"""

#: an untrained call stores through a computed key into a record: a new key, or a string
#: into a number field
STORES = """
function setIt(o, k, v) { o[k] = v; }
const pts = [{ x: 1, y: 2 }, { x: 3, y: 4 }];
function norm(p) { return p.x * p.x + p.y * p.y; }
const targets = [{ a: 0 }, pts[0]];
setIt(targets[Number(process.argv[2] || 0)], process.argv[3] || 'a', process.argv[4] || 7);
let s = 0;
for (const p of pts) s += norm(p);
console.log(s, pts, targets[0]);
"""


def node(path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["node", str(path), *args], capture_output=True, timeout=60)


def run(binary: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(binary), *args], capture_output=True, timeout=60)


def compile_js(tmp_path: Path, name: str, source: str, train: list):
    js = tmp_path / name
    js.write_text(source)
    return js, compile_file(str(js), out=str(tmp_path / (name + ".bin")), train=train)


def records_of(tmp_path: Path, source: str, argv: list) -> dict:
    js = tmp_path / "t.js"
    js.write_text(source)
    traced = trace_file(str(js), argv_runs=[argv])
    return infer(traced.program, traced.forest.profile, traced.forest).records


@pytest.mark.parametrize("args", [[], ["25"]])
def test_nbody_like_kernel_reads_struct_fields_and_matches_node(tmp_path, args):
    js, res = compile_js(tmp_path, "nbody.js", NBODY, [["3"]])
    src = res.rust.source
    assert "struct Obj0_x_y_vx_vy_m_live {" in src and "    live: Cell<bool>," in src and "    x: Cell<f64>," in src
    # (`bodies` is walked by for-of too, which keeps it a typed `RecArr`: its reads are then `bodies.get`)
    assert re.search(r"let mut b: Rc<Obj0_x_y_vx_vy_m_live> = "
                     r"(jsrt::value::index_rec::<Obj0_x_y_vx_vy_m_live, _>\(|bodies\.get\()", src)
    assert "(b.x.get() - c.x.get())" in src and "get_lit" not in src and "set_lit" not in src
    got, want = run(res.binary, *args), node(js, *args)
    assert (got.stdout, got.returncode) == (want.stdout, want.returncode)


def test_records_alias_through_dynamic_values_and_print_as_objects(tmp_path):
    js, res = compile_js(tmp_path, "alias.js", ALIASING, [[]])
    assert "struct Obj1_x_y_name_on {" in res.rust.source and "JsValue::Rec(" in res.rust.source
    got, want = run(res.binary), node(js)
    assert (got.stdout, got.returncode) == (want.stdout, 0)
    assert b"x: 42, y: 3, name: 'renamed', on: false" in got.stdout


@pytest.mark.parametrize("args, report", [
    (["1", "z"], b"a struct-typed object {x,y} got a new key `z`"),
    (["1", "x", "text"], b"a struct-typed object {x,y} got a string stored into field `x`"),
])
def test_untrained_store_side_exits_then_regrowth_agrees(tmp_path, args, report):
    # the second training input makes `v` a string sometimes, so the store reaches the record
    js, res = compile_js(tmp_path, "stores.js", STORES, [[], ["0", "a", "word"]])
    assert "struct Obj0_x_y {" in res.rust.source
    assert run(res.binary, "1", "y", "5").stdout == b""  # a number-typed field refuses '5' too
    stopped = run(res.binary, *args)
    assert stopped.returncode == SIDE_EXIT and stopped.stdout == b"" and report in stopped.stderr
    js, grown = compile_js(tmp_path, "stores.js", STORES, [[], ["0", "a", "word"], args])
    assert "struct Obj0_x_y" not in grown.rust.source  # the store site saw {x,y}: it stays dynamic
    got, want = run(grown.binary, *args), node(js, *args)
    assert (got.stdout, got.returncode) == (want.stdout, 0)


@pytest.mark.parametrize("source, shapes", [
    ("const p = { x: 1, y: 2 }; p.x += 1; console.log(p.x);", {"{x,y}"}),
    # keys added later, or one by one: a struct cannot grow
    ("const p = { x: 1 }; p.y = 2; console.log(p);", set()),
    ("const p = { x: 1, y: 2 }; delete p.y; console.log(p);", set()),
    ("const p = { x: 1, y: 2 }; const k = 'x'; p[k] = 3; console.log(p);", set()),
    ("const q = { x: 1 }; const p = { x: 1, y: 2 }; q.y = 3; console.log(p.x, q.x);", set()),
    ("const q = { x: 1 }; const p = { x: 1, y: 2 }; const k = 'y'; q[k] = 3; console.log(p.x, q.x);", set()),
    ("const q = { x: 1 }; const p = { x: 1, y: 2 }; const o = {}; [o.y] = [1]; console.log(p.x, q.x);", set()),
    # two literals, one a prefix of the other, and nothing stores the key between them
    ("const q = { x: 1 }; const p = { x: 1, y: 2 }; console.log(p.x, q.x);", {"{x}", "{x,y}"}),
    # a local dictionary (`d[k]` only) cannot reach a struct-typed place
    ("const p = { x: 1, y: 2 }; const d = {}; for (const k of ['x', 'y']) d[k] = 1; "
     "console.log(p.x, Object.keys(d), 'x' in d, d['y']);", {"{x,y}"}),
    # ... unless it escapes (passed on, read by name, called through)
    ("const p = { x: 1, y: 2 }; const d = {}; for (const k of ['x', 'y']) d[k] = 1; console.log(p.x, d.y);", set()),
    ("const p = { x: 1, y: 2 }; const d = {}; d['x'] = 1; d['y'] = 2; const e = d; console.log(p.x, e.y);", set()),
    ("const p = { x: 1, y: 2 }; const d = {}; d['f'] = () => 1; console.log(p.x, d['f']());", set()),
    # objects of the same shape can come from elsewhere: no struct at all
    ("const p = { x: 1, y: 2 }; const q = {}; for (const k of ['x', 'y']) q[k] = p[k]; console.log(q.y);", set()),
    ("const p = { x: 1, y: 2 }; const q = JSON.parse('{\"x\":1,\"y\":2}'); console.log(p.x, q.y);", set()),
    ("const p = { x: 1, y: 2 }; const q = { ...p }; console.log(q.x);", set()),
    # inherited names, index-like keys and accessors are not struct fields
    ("const p = { toString() { return 'p'; } }; console.log(`${p}`);", set()),
    ("const p = { 1: 'a', x: 2 }; console.log(p);", set()),
    ("const p = { get x() { return 1; } }; console.log(p.x);", set()),
    # a method of the literal that adds a key through `this` (a store into the shape itself)
    ("const o = { n: 1, push(v) { this.got = v; return this.n; } }; console.log(o.push(5), o);", set()),
    ("const o = { n: 1, bump() { this.n += 1; return this.n; } }; console.log(o.bump(), o);", {"{n,bump}"}),
])
def test_record_shapes_are_only_those_that_never_change(tmp_path, source, shapes):
    assert set(records_of(tmp_path, source, [])) == shapes


def test_types_table_names_the_struct(tmp_path):
    js = tmp_path / "t.js"
    js.write_text("const p = { x: 1, label: 'a' }; p.x *= 2; console.log(p.x, p.label);\n")
    traced = trace_file(str(js), argv_runs=[[]])
    text = infer(traced.program, traced.forest.profile, traced.forest).format()
    assert "object<{x,label}>  Rc<Obj0_x_label>" in text
    assert "Obj0_x_label {x,label}: x: f64 as Cell<f64>, label: string as RefCell<JsValue>" in text


CLASSES = """
class Task {
  constructor(id, priority) { this.id = id; this.priority = priority; this.runs = 0; }
  step(state) { this.runs++; return this.work(state); }
  work(state) { return 0; }
  get label() { return 'task' + this.id; }
  toString() { return `Task#${this.id}`; }
}
class Counter extends Task {
  work(state) { state.counter += this.priority; return 1; }
}
class Mover extends Task {
  constructor(id, priority, delta) { super(id + 100, priority); this.delta = delta; }
  work(state) { state.position += this.delta; return 3; }
}
class Vec {
  constructor(x, y) { this.x = x; this.y = y; }
  add(o) { return new Vec(this.x + o.x, this.y + o.y); }
  scale(k) { this.x *= k; this.y *= k; return this; }
}
const state = { counter: 0, position: 0 };
const ts = [new Counter(1, 2), new Mover(2, 3, -1), new Counter(3, 1)];
let w = 0;
for (let r = 0; r < Number(process.argv[2] || 3); r++) for (const t of ts) w += t.step(state);
let v = new Vec(1, 2);
for (let i = 0; i < 4; i++) v = v.add(new Vec(i, 1)).scale(0.5);
const m = ts[1];
m.label2 = process.argv[3] || 'none';
console.log(w, state, ts, v, m.label, `${m}`, m instanceof Task, m instanceof Counter, m.constructor.name);
console.log(JSON.stringify(ts), Object.keys(m), 'label' in m, 'runs' in m, String(ts[2]));
"""


def test_class_instances_are_structs_with_static_methods_and_match_node(tmp_path):
    js, res = compile_js(tmp_path, "classes.js", CLASSES.replace("m.label2 = process.argv[3] || 'none';\n", ""), [[]])
    src = res.rust.source
    assert "struct Class3_Vec {" in src and "    _proto: Rc<RefCell<jsrt::JsObject>>," in src
    # Mover's struct has Task's fields first, built by one generated constructor
    assert "fn new_Class2_Mover(_proto: Rc<RefCell<jsrt::JsObject>>, id: f64, priority: f64, delta: f64)" in src
    assert "fn Class3_Vec_add_" in src and "(this: Rc<Class3_Vec>, o: Rc<Class3_Vec>) -> Rc<Class3_Vec>" in src
    # `t` is a Counter or a Mover: each struct calls its own `step` (and, inside, `work`)
    assert "if let Some(_r) = jsrt::value::as_rec_rc::<Class1_Counter>(_u" in src and "Class2_Mover_work_" in src
    for args in ([], ["7"]):
        got, want = run(res.binary, *args), node(js, *args)
        assert (got.stdout, got.returncode) == (want.stdout, 0)


def test_a_key_added_to_a_class_instance_keeps_the_class_dynamic(tmp_path):
    assert "Mover" not in records_of(tmp_path, CLASSES, [])
    js, res = compile_js(tmp_path, "classes.js", CLASSES, [[]])
    got, want = run(res.binary, "3", "yes"), node(js, "3", "yes")
    assert (got.stdout, got.returncode) == (want.stdout, 0)


NULLABLE = """
class Node { constructor(v) { this.v = v; this.next = null; this.mark = false; } }
function walk(h) { let s = 0; while (h !== null) { s += h.v; h.mark = !h.mark; h = h.next; } return s; }
let head = null;
for (let i = 0; i < 5; i++) { const n = new Node(i); n.next = head; head = n; }
function setV(h, x) { h.v = x; return h.v; }
console.log(walk(head), head, setV(head.next, Number(process.argv[2] || 3)));
"""


@pytest.mark.parametrize("args", [[], ["8.5"]])
def test_a_struct_or_null_reads_and_writes_fields_after_one_test(tmp_path, args):
    js, res = compile_js(tmp_path, "nullable.js", NULLABLE, [[]])
    src = res.rust.source
    # `h` is `null` or a Node: an `Option<Rc<..>>`, its fields read and written after one null test
    assert "fn f_walk(mut h: Option<Rc<Class0_Node>>)" in src and 'jsrt::value::nn(&h, "v")).v.get()' in src
    assert 'jsrt::value::nn_set(_o14, "mark")).mark.set(' in src
    got, want = run(res.binary, *args), node(js, *args)
    assert (got.stdout, got.returncode) == (want.stdout, 0)


#: constructors with more than `this.k = e`: a local (`n`) between the fields, then a
#: tail that runs on the finished struct (a loop pushing into a field, a method call);
#: `Grown` adds a key in its tail and `Sub` extends a class with a tail: both stay dynamic;
#: `Hooked`'s tail captures `this` in an arrow: no record either
TAILS = """
class UnionFind {
  constructor(size) {
    this.size = size;
    const n = size * 2;
    this.parent = [];
    this.n = n;
    for (let i = 0; i < n; i++) this.parent.push(i);
    this.touch();
  }
  touch() { this.size += 1; }
  find(x) { let r = x; while (this.parent[r] !== r) r = this.parent[r]; return r; }
  union(a, b) { this.parent[this.find(a)] = this.find(b); }
}
class Grown { constructor(v) { this.v = v; if (v > 1) this.extra = v; } }
class Sub extends UnionFind { constructor() { super(2); this.tag = 'sub'; } }
class Hooked { constructor(v) { this.v = v; this.get = () => this.v; } }
const k = Number(process.argv[2] || 3);
const uf = new UnionFind(k);
for (let i = 1; i < 2 * k; i += 2) uf.union(i, i - 1);
const g = new Grown(k), s = new Sub(), h = new Hooked(k);
console.log(uf.find(2 * k - 1), uf.size, uf.n, uf.parent.length, uf, g, s.find(3), s.tag, h.get());
"""


@pytest.mark.parametrize("args", [[], ["6"]])
def test_constructor_locals_and_tail_keep_a_class_a_record(tmp_path, args):
    assert set(records_of(tmp_path, TAILS, [])) == {"UnionFind"}
    js, res = compile_js(tmp_path, "tails.js", TAILS, [["3"]])
    src = res.rust.source
    ctor = src[src.index("fn new_Class"):]
    ctor = ctor[:ctor.index("\n}\n")]
    assert "let mut n: f64 =" in ctor and "let this: Rc<Class" in ctor and "_touch_" in ctor
    assert "fn Class0_UnionFind_find_" in src
    got, want = run(res.binary, *args), node(js, *args)
    assert (got.stdout, got.returncode) == (want.stdout, want.returncode)


ESCAPING_THIS = """
class Item {
  constructor(sku, price) {
    this.sku = sku;
    Object.assign(this, { price, tags: [] });
  }
}
class Tagged {
  constructor(t) { this.t = t; register(this); }
}
const seen = [];
function register(o) { o.registered = seen.push(o); }
const a = new Item("A1", 2.5), b = new Tagged("x");
console.log(a, a.price * 2, b, b.registered);
"""


def test_a_constructor_that_hands_this_on_keeps_the_class_dynamic(tmp_path):
    """`Object.assign(this, ..)` or `register(this)` after the last `this.k = e` may add
    keys: the instance must stay a plain object, not a struct that would side-exit."""
    recs = records_of(tmp_path, ESCAPING_THIS, [])
    assert "Item" not in recs and "Tagged" not in recs
    js, res = compile_js(tmp_path, "escaping.js", ESCAPING_THIS, [[]])
    got, want = run(res.binary), node(js)
    assert (got.stdout, got.returncode) == (want.stdout, 0) and res.rounds == 1


#: items of two literal shapes, one a prefix of the other, summed into a local dictionary;
#: another argument adds an item built key by key (a plain object, not a struct)
ITEMS = """
function main(params) {
  let total = 0;
  const byCat = {};
  for (const item of params.items) {
    if (item.price < 0) continue;
    const cat = item.category || 'misc';
    byCat[cat] = (byCat[cat] || 0) + item.price * (item.qty || 1);
    total += item.price * (item.qty || 1);
  }
  const cats = Object.keys(byCat).sort();
  return { total: total, cats: cats, top: cats.reduce((a, b) => (byCat[a] >= byCat[b] ? a : b), cats[0]) };
}
let last = null;
for (let r = 0; r < 20; r++) {
  const items = [];
  for (let i = 0; i < 4; i++) items.push({ price: r + i, qty: i % 3, category: ['food', 'tools'][i % 2] });
  if (r % 5 === 0) items.push({ price: -1 });
  if (process.argv[2] === 'plain') { const o = {}; o.price = 2; items.push(o); }
  last = main({ items: items, user: 'u' + r });
}
console.log(JSON.stringify(last), last.top, last.cats);
"""


@pytest.mark.parametrize("train", [[[]], [[], ["plain"]]])
def test_prefix_shaped_literals_beside_a_dictionary_are_structs_and_match_node(tmp_path, train):
    js, res = compile_js(tmp_path, "items.js", ITEMS, train)
    src = res.rust.source
    assert "_price_qty_category {" in src and "_items_user {" in src
    # `o.price = 2` builds a `{price}` key by key: that shape stays a plain object then
    assert ("_price {" in src) == (len(train) == 1)
    assert "as_rec::<Obj" in src
    for args in train:
        got, want = run(res.binary, *args), node(js, *args)
        assert (got.stdout, got.returncode) == (want.stdout, 0)
    if len(train) == 1:  # the key-by-key item was never seen: its branch side-exits
        assert run(res.binary, "plain").returncode == SIDE_EXIT


#: a binary tree whose `left`/`right` are `null` or a node: fields, parameters, locals and
#: returns typed `Option<Rc<..>>`. argv[3], when given, is JSON stored into `root.left`
#: (trained: `null`; `5` is a value the field never held); argv[4] `cut` empties the tree,
#: so the reads through `null` throw V8's TypeError
TREE = """
class T { constructor(k) { this.k = k; this.left = null; this.right = null; } }
function ins(h, k) { if (h === null) return new T(k); if (k < h.k) h.left = ins(h.left, k); else h.right = ins(h.right, k); return h; }
function depth(h) { return h === null ? 0 : 1 + Math.max(depth(h.left), depth(h.right)); }
function leftmost(h) { while (h.left !== null) h = h.left; return h.k; }
let root = null;
for (let i = 0; i < Number(process.argv[2] || 50); i++) root = ins(root, (i * 37) % 101);
const store = process.argv[3], cut = process.argv[4] === 'cut';
if (store !== undefined) root.left = JSON.parse(store);
if (cut) root = null;
try {
  console.log(depth(root), root.left === root.right, root.right === root.right.right, leftmost(root), root === null, root);
} catch (e) {
  console.log(e.constructor.name, e.message);
}
"""


def test_a_nullable_struct_is_an_option_and_side_exits_on_anything_else(tmp_path):
    js, res = compile_js(tmp_path, "tree.js", TREE, [[], ["50", "null", "cut"]])
    src = res.rust.source
    assert "left: RefCell<Option<Rc<Class0_T>>>," in src and "fn f_depth(h: Option<Rc<Class0_T>>) -> f64" in src
    assert "if h.is_none()" in src or "(if h.is_none()" in src  # `h === null`: a tag test
    assert 'jsrt::value::load_opt(&(jsrt::value::nn(&h, "left")).left)' in src  # no JsValue on the way
    for args in ([], ["80"], ["60", "null"], ["60", "null", "cut"]):
        got, want = run(res.binary, *args), node(js, *args)
        assert (got.stdout, got.returncode) == (want.stdout, 0), args
    stopped = run(res.binary, "50", "5")  # a number stored into the field: never trained
    assert stopped.returncode == SIDE_EXIT and stopped.stdout == b""
    assert b"expected null or an object of the traced shape, saw number" in stopped.stderr
    js, grown = compile_js(tmp_path, "tree.js", TREE, [[], ["50", "null", "cut"], ["50", "5"]])
    assert "left: RefCell<JsValue>," in grown.rust.source  # retrained: the field is dynamic again
    for args in (["50", "5"], ["70"]):
        got, want = run(grown.binary, *args), node(js, *args)
        assert (got.stdout, got.returncode) == (want.stdout, 0), args


#: methods called on a value that is `null` or a node (statically, after one null test;
#: on `null`, V8's TypeError), a choice of `null` or a node kept typed, and `++` on such a
#: variable, which the trace never ran (argv[2] > 1000): an honest side exit
LIST = """
class Node {
  constructor(v, next) { this.v = v; this.next = next; }
  sum() { return this.v + (this.next === null ? 0 : this.next.sum()); }
  last() { let n = this; while (n.next !== null) n = n.next; return n; }
}
let head = null;
const n = Number(process.argv[2] || 10);
for (let i = 0; i < n; i++) head = new Node(i, head);
let cur = null; if (n > 1) cur = n > 5 ? head.next : null;
console.log(head.sum(), head.last().v, cur === null ? 'none' : cur.sum(), cur === head.next, cur != undefined);
const none = n > 100 ? head : null;
try { console.log(none.sum()); } catch (e) { console.log(e.message); }
const k = n > 1000 && cur++;
console.log(k);
"""


def test_methods_on_a_nullable_struct_are_direct_calls(tmp_path):
    js, res = compile_js(tmp_path, "list.js", LIST, [[], ["3"]])
    src = res.rust.source
    assert 'jsrt::value::nn(&cur, "sum").clone())' in src  # a direct call of the method's Rust fn
    assert '(if (n > 5.0) { jsrt::value::load_opt(&(jsrt::value::nn(&head, "next")).next) } else { None })' in src
    for args in ([], ["3"], ["30"]):
        got, want = run(res.binary, *args), node(js, *args)
        assert (got.stdout, got.returncode) == (want.stdout, 0), args
    stopped = run(res.binary, "2000")  # (what it printed before stopping is what Node prints)
    assert stopped.returncode == SIDE_EXIT and node(js, "2000").stdout.startswith(stopped.stdout)


#: a field that only ever held a `Graph` is an `Rc<Graph>`: `this.g.n` reads it with no
#: downcast; argv[3] `b` stores a number there instead (a value the trace never stored)
OWNER = """
class Graph { constructor(n) { this.n = n; } }
class Solver {
  constructor(g) { this.g = g; this.count = 0; }
  run() { for (let v = 0; v < this.g.n; v++) this.count += v; return this.count; }
}
const s = new Solver(new Graph(Number(process.argv[2] || 5)));
const first = s.run();
const pick = new Map([['a', new Graph(3)], ['b', 7]]);
s.g = pick.get(process.argv[3] || 'a');
console.log(first, s.run(), s, s.g === pick.get('a'));
"""


def test_a_field_holding_one_struct_is_an_rc_and_side_exits_on_anything_else(tmp_path):
    js, res = compile_js(tmp_path, "owner.js", OWNER, [[]])
    src = res.rust.source
    assert "g: RefCell<Rc<Class0_Graph>>," in src and "jsrt::value::load_rec::<Class0_Graph>(&this.g)).n.get()" in src
    for args in ([], ["9"], ["9", "a"]):
        got, want = run(res.binary, *args), node(js, *args)
        assert (got.stdout, got.returncode) == (want.stdout, 0), args
    stopped = run(res.binary, "5", "b")
    assert stopped.returncode == SIDE_EXIT and stopped.stdout == b""
    js, grown = compile_js(tmp_path, "owner.js", OWNER, [[], ["5", "b"]])
    assert "g: RefCell<JsValue>," in grown.rust.source
    got, want = run(grown.binary, "5", "b"), node(js, "5", "b")
    assert (got.stdout, got.returncode) == (want.stdout, 0)
