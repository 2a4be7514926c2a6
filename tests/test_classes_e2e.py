"""Class and function features of the compiled path, each against Node (the oracle):
static inheritance and `super` in statics, static accessors, static blocks, function and
class expressions that name themselves, computed method names, and `this` / `super`
before `super()` in a derived constructor, a call that reads a `let`/`const` before its
declaration — the values, and the errors JS throws (caught, and uncaught: the same error
line on stderr and exit status)."""
from pathlib import Path

import pytest

from test_records import compile_js, node, records_of, run

STATICS = r"""
class Registry {
  static items = [];
  static count = 0;
  static register(x) { this.items.push(x); this.count++; return this; }
  static describe() { return this.name + " has " + this.items.length + "/" + this.count; }
  static make() { return new this(); }
}
class Sub extends Registry {
  static describe() { return "sub: " + super.describe(); }
  static tag = super.describe();
}
class Leaf extends Sub {
  static describe() { const up = () => super.describe(); return "leaf: " + up(); }
}
Registry.register("a").register("b");
Sub.register("c");
console.log(Registry.describe(), "|", Sub.describe(), "|", Leaf.describe(), "|", Sub.tag);
console.log(Sub.items === Registry.items, Registry.count, Sub.count, Leaf.count);
console.log(Leaf.make() instanceof Leaf, Leaf.make().constructor.name, Object.getPrototypeOf(Leaf) === Sub);
try { class Bad extends Registry { static m() { return super.missing(); } } Bad.m(); }
catch (e) { console.log(e.name + ": " + e.message); }
"""

ACCESSORS = r"""
class Model {
  static #store = "models";
  static get kind() { return this.name.toLowerCase(); }
  static get table() { return Model.#store; }
  static set table(v) { Model.#store = v + "!"; }
  static get readOnly() { return 1; }
}
class User extends Model {}
class Admin extends User { static get kind() { return "admin<" + super.kind + ">"; } }
console.log(Model.kind, User.kind, Admin.kind, User.table);
User.table = "users";
Model.readOnly = 5;
User.readOnly = 6;
console.log(Model.table, Admin.table, Model.readOnly, User.readOnly);
"""

BLOCKS = r"""
const log = [];
let n = 0;
class Config {
  static a = ++n;
  static {
    var hidden = 10;
    const b = this.a + hidden;
    this.b = b;
    function helper(x) { return "h" + x; }
    this.h = helper(b);
    log.push("block1 " + b + " " + Config.a);
  }
  static c = Config.b * 2 + this.a;
  static {
    try { throw new RangeError("inside"); } catch (e) { log.push(e.name); }
    for (let i = 0; i < 3; i++) if (i === 1) log.push("loop " + i);
  }
}
class Child extends Config {
  static {
    this.d = super.c + 1;
    const fns = [1, 2].map(k => this.d + k);
    log.push("child " + fns);
  }
}
console.log(log, Config.a, Config.b, Config.c, Config.h, Child.d, Child.a, typeof hidden, typeof helper);
function make(tag) {
  return class { static t = tag + "!"; static { this.u = this.t + "?"; } };
}
const K = make("k");
console.log(K.t, K.u, K.name, make("z").u);
"""

NAMED = r"""
function accumulator(start) {
  return function add(n) { start += n; return add; };
}
const acc = accumulator(10);
acc(1)(2)(3);
console.log(acc(0).name, typeof acc);
function counter() {
  let calls = 0;
  return function tick(depth) {
    calls++;
    const again = () => (depth > 0 ? tick(depth - 1) : calls);
    return again();
  };
}
console.log(counter()(4));
let made = 0;
const Point = function P(x) { made++; if (!(this instanceof P)) return new P(x); this.x = x; };
console.log(Point(3).x, new Point(4).x, made, typeof P);
const Named = class Inner {
  static zero = new Inner(0);
  constructor(v) { this.v = v; }
  plus(k) { return new Inner(this.v + k); }
  static of(v) { return new Inner(v); }
};
console.log(Named.zero.plus(2), Named.of(5).plus(1) instanceof Named, Named.name, typeof Inner);
const Anon = class {};
const holder = { K: class {} };
console.log(Anon.name, holder.K.name);
"""

COMPUTED = r"""
const base = "get";
class Api {
  [base + "User"](id) { return "user " + id; }
  ["x" + 1]() { return "x1"; }
  static [base + "All"]() { return "all"; }
  get [base + "ter"]() { return "getter"; }
  m() { return 0; }
}
const a = new Api();
console.log(a.getUser(3), a.x1(), Api.getAll(), a.getter, a.getUser.name, Api.getAll.name);
console.log(Object.getOwnPropertyNames(Api.prototype), Object.getOwnPropertyNames([7, 8]));
"""

DERIVED = r"""
class Shape {
  constructor(name) { this.name = name; }
  get kind() { return "shape"; }
}
class Circle extends Shape {
  constructor(r) {
    const self = () => this;
    try { self(); } catch (e) { console.log("arrow:", e.name, e.message); }
    try { console.log(super.kind); } catch (e) { console.log("super.kind:", e.name); }
    super("circle");
    this.r = r;
    console.log(self().name, this.r, super.kind);
  }
}
console.log(new Circle(2));
class Twice extends Shape { constructor() { super("a"); super("b"); } }
try { new Twice(); } catch (e) { console.log(e.name + ": " + e.message); }
class Prim extends Shape { constructor() { super("p"); return 5; } }
try { new Prim(); } catch (e) { console.log(e.name + ": " + e.message); }
class Obj extends Shape { constructor() { return { replaced: true }; } }
class Early extends Shape { constructor(n) { super("e"); if (n > 0) return; this.n = n; } }
class Maybe extends Shape { constructor(ok) { if (ok) super("fine"); } }
console.log(new Obj(), new Early(1), new Early(0), new Maybe(true));
for (const ok of [true, false]) {
  try { console.log(new Maybe(ok).name); } catch (e) { console.log(e.name, e.message); }
}
"""

#: the temporal dead zone across calls: a function (or one it calls) reading or writing a
#: top-level `let`/`const`/`class` before its declaration has run
TDZ = r"""
function g() { return value * 2; }
function f() { return g() + 1; }
function setX(v) { x = v; return x; }
function mk() { return new K(); }
const log = [];
try { f(); } catch (e) { log.push(e.name + ": " + e.message); }
try { setX(3); } catch (e) { log.push(e.name + ": " + e.message); }
try { mk(); } catch (e) { log.push(e.message); }
const value = 21;
let x;
class K { constructor() { this.k = value; } }
console.log(log, f(), setX(4), x, mk());
"""

#: uncaught errors from each feature: the stdout before, the error line, exit status 1
UNCAUGHT = {
    "derived": "class A {}\nclass B extends A { constructor() { console.log('in B'); } }\nnew B();\n",
    "block": "class S { static { console.log('first'); } static { null.x; } }\n",
    "tdz": "function late() { return later; }\nconsole.log('before');\nlate();\nlet later = 1;\n",
    "static_super": "class A { static m() { return 1; } }\nclass B extends A { static m() { return super.n(); } }\n"
                    "console.log(B.m === A.m);\nB.m();\n",
}


def _same_as_node(tmp_path: Path, name: str, src: str) -> None:
    js, res = compile_js(tmp_path, name + ".js", src, [[]])
    got, want = run(res.binary), node(js)
    assert (got.stdout.decode(), got.returncode) == (want.stdout.decode(), want.returncode)


@pytest.mark.parametrize("name, src", [("statics", STATICS), ("accessors", ACCESSORS), ("blocks", BLOCKS),
                                       ("named", NAMED), ("computed", COMPUTED), ("derived", DERIVED),
                                       ("tdz", TDZ)])
def test_class_features_match_node(tmp_path, name, src):
    _same_as_node(tmp_path, name, src)


@pytest.mark.parametrize("name", sorted(UNCAUGHT))
def test_uncaught_class_errors_match_node(tmp_path, name):
    js, res = compile_js(tmp_path, name + ".js", UNCAUGHT[name], [[]])
    got, want = run(res.binary), node(js)
    assert (got.stdout, got.returncode) == (want.stdout, want.returncode) and want.returncode == 1
    line = next(ln for ln in want.stderr.decode().splitlines() if "Error: " in ln)
    assert line in got.stderr.decode()


def test_a_derived_constructor_calling_super_first_carries_no_this_checks(tmp_path):
    """The guard costs a flag test per `this`: only constructors that need it get it."""
    plain = "class A { constructor(x) { this.x = x; } }\nclass B extends A { constructor(x) { super(x); this.y = () => this.x; } }\n" \
            "console.log(new B(1).y());\n"
    js, res = compile_js(tmp_path, "plain.js", plain, [[]])
    assert "derived_this" not in res.rust.source and "derived_return" not in res.rust.source
    guarded = plain.replace("super(x); this.y", "const f = () => this; super(x); this.y")
    js, res = compile_js(tmp_path, "guarded.js", guarded, [[]])
    assert "jsrt::ops::derived_this(&this, &_bound" in res.rust.source
    assert run(res.binary).stdout == node(js).stdout == b"1\n"


def test_statics_that_use_this_keep_the_class_dynamic(tmp_path):
    """`new this()` in a static method makes instances the struct's constructor never
    sees, so such a class (and its subclasses) stays dynamic; a static that names the
    class keeps it a record."""
    src = ("class P { constructor(v) { this.v = v; } static make(v) { return new this(v); } }\n"
           "class Q extends P {}\n"
           "class R { constructor(v) { this.v = v; } static make(v) { return new R(v); } }\n"
           "console.log(P.make(1).v, Q.make(2), R.make(3).v, new R(4).v);\n")
    recs = records_of(tmp_path, src, [])
    names = {r.plan.binding.name for r in recs.values() if r.plan is not None}
    assert names == {"R"}
    _same_as_node(tmp_path, "records", src)
