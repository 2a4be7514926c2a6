"""inspect / format_log against Node on a corpus of values built by JS.

One node process builds every case, prints what ``console.log`` would print for
it (``util.format``, which console.log calls) and a JSON description of the
arguments (objects with ids, so cycles survive). ``build`` turns a description
into ``values.py`` objects the way the interpreter lays them out (prototypes with
hidden ``constructor``, ``class_name`` for instances, hidden ``stack``/``message``
on errors), and we compare our ``format_log`` with Node's text.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from typing import Any

import pytest

from jsrust_core.inspect import format_log, inspect, str_escape
from jsrust_core.values import (
    HOLE,
    NULL,
    UNDEFINED,
    Accessor,
    JSArray,
    JSError,
    JSFunction,
    JSMap,
    JSObject,
    JSSet,
    JSSymbol,
    map_key,
)

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node not on PATH")

#: Each case is a JS function returning the argument list of one console.log call.
CASES_JS = r"""
class Foo { constructor() { this.x = 1; this.y = 'two'; } }
class Empty {}
class Bar extends Foo { constructor() { super(); this.z = [1, 2]; } }
class MyErr extends Error {}
class NamedErr extends Error { constructor(m) { super(m); this.name = 'NamedErr'; } }
const cyc = { name: 'c' }; cyc.self = cyc;
const cyc2 = { a: [] }; cyc2.a.push(cyc2, { back: cyc2 });
const sparse = [1, , 3, , , 6]; sparse.foo = 'bar';
const fprops = function withProps() {}; fprops.a = 1; fprops.b = 'x';
const withAcc = { get g() { return 1; }, set s(v) {}, get gs() { return 1; }, set gs(v) {} };
const hiddenKey = {}; Object.defineProperty(hiddenKey, 'h', { value: 1, enumerable: false }); hiddenKey.v = 2;
const e1 = new Error('boom'); e1.stack = 'Error: boom\n    at f (/x/a.js:1:2)\n    at g (/x/a.js:3:4)';
const e2 = new TypeError('bad type'); e2.stack = 'TypeError: bad type\n    at h (/x/b.js:5:6)'; e2.code = 'E_BAD';
const e3 = new MyErr('mine'); e3.stack = 'Error: mine\n    at k (/x/c.js:7:8)';
const e4 = new Error('nostack'); e4.stack = '';
const e5 = new NamedErr('named'); e5.stack = 'NamedErr: named\n    at q (/x/d.js:1:1)';
const e6 = new RangeError('no frames'); e6.stack = 'RangeError: no frames';
const cause = new Error('root'); cause.stack = 'Error: root\n    at a (/x/e.js:1:1)\n    at b (/x/e.js:2:2)\n    at c (/x/e.js:3:3)\n    at d (/x/e.js:4:4)\n    at e (/x/e.js:5:5)';
const e7 = new Error('wrapped', { cause }); e7.stack = 'Error: wrapped\n    at z (/x/e.js:9:9)\n    at b (/x/e.js:2:2)\n    at c (/x/e.js:3:3)\n    at d (/x/e.js:4:4)\n    at e (/x/e.js:5:5)';
const longArr = Array.from({ length: 120 }, (_, i) => i);
const sym = Symbol('s');
const big = new Map([['alpha', { deep: { deeper: { deepest: 1 } } }], [2, [1, 2, 3]], [{ k: 1 }, 'v']]);
const cases = [
  () => [1, -0, 0, NaN, Infinity, -Infinity, 1e21, 1.5e-7, 123.456, -5],
  () => ['top level string', 'second'],
  () => [['str', "it's", 'q"uote', `it's "both"`, "all ' \" `", 'a\nb\tc\\d\x00\x1b\x7f\x9f', '😀', 'ab${x}\'"']],
  () => [['lone \ud800 surrogates \udc00', '\ud83d\ude00 pair']],
  () => [true, false, undefined, null, [undefined, null, true]],
  () => [{}, [], new Map(), new Set(), Object.create(null), new Empty()],
  () => [{ a: 1, b: 'two', c: [1, 2, 3], d: { e: { f: { g: 1 } } } }],
  () => [{ 'a-b': 1, a$: 2, _ok: 3, '1': 4, '': 5, 'with space': 6, "it's": 7, __proto__x: 8, [sym]: 9, [Symbol()]: 10, [Symbol("q'")]: 11 }],
  () => [new Foo(), new Bar(), [new Foo()], { foo: new Foo() }],
  () => [Object.assign(Object.create(null), { x: 1 }), { inner: Object.create(null) }],
  () => [function f() {}, () => 1, function () {}, class A {}, class B extends Foo {}, class {}, fprops],
  () => [{ fn: function g() {}, arrow: (x) => x, cls: Foo, fprops }],
  () => [withAcc, hiddenKey],
  () => [new Map([['a', 1], ['b', 2]]), new Set([1, 'two', [3]]), new Map([[{ a: 1 }, new Set([1])]]), big],
  () => [cyc, cyc2, [cyc]],
  () => [sparse, new Array(5), [, 1], [1, ,], [, , 1, , ,]],
  () => [longArr, Array.from({ length: 101 }, () => 'x')],
  () => [Array.from({ length: 30 }, (_, i) => i * 1000), Array.from({ length: 8 }, (_, i) => 'x'.repeat(i))],
  () => [Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i).repeat(i % 7 + 1))],
  () => [[1.5, -2, 300, 4e21, -0, 6, 7, 8, 9, 10, 11, 12], [1, 'a', 2, 'b', 3, 'c', 4], [true, false, true, false, true, false, true]],
  () => [Array.from({ length: 12 }, (_, i) => ({ i })), Array.from({ length: 7 }, (_, i) => [i, i * 2])],
  () => [Array.from({ length: 200 }, (_, i) => i % 3 ? i : 'n' + i)],
  () => [{ a: [[[[1]]]], b: { c: { d: [] } }, e: { f: { g: new Map([[1, 2]]) } }, h: { i: { j: new Set([1]) } } }],
  () => [{ a: { b: { c: Object.create(null) } } }, { a: { b: { c: Object.assign(Object.create(null), { x: 1 }) } } }, { a: { b: { c: fprops } } }, { a: { b: { c: new Foo() } } }],
  () => [{ key1: 'value number one', key2: 'value number two', key3: 'value number three', key4: 4 }],
  () => [{ a: 'x'.repeat(70) }, ['y'.repeat(75)], 'z'.repeat(100)],
  () => [['x'.repeat(30) + '\n' + 'y'.repeat(60)], { s: 'line one is long enough\nline two\n' }],
  () => [{ nested: { list: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], obj: { alpha: 'a', beta: 'b', gamma: 'c', delta: 'd', epsilon: 'e' } } }],
  () => [[[1, 2, [3, 4, [5, [6]]]], { x: [{ y: [{ z: 1 }] }] }]],
  () => [e1],
  () => [e2],
  () => [e3, e4, e5, e6],
  () => [{ err: e1, list: [e2] }],
  () => [e7],
  () => [[e4, e6]],
  () => [Symbol('desc'), Symbol(), [Symbol('in array')]],
  () => ['%s is %d years and %i, %f', 'Bob', '42.5', '42.9abc', ' 3.5e2xyz'],
  () => ['%j and %O and %o', { a: [1, 'x'] }, { b: { c: { d: { e: 1 } } } }, [1, [2]]],
  () => ['%c styled %% percent %x unknown', 'color: red'],
  () => ['%s %s', [1, [2, [3]]], { a: { b: 1 } }, 'extra', 5],
  () => ['a%', 1, '%s'],
  () => ['%d %i %f', {}, null, undefined],
  () => ['%s', Symbol('q'), -0, '%d', -0],
  () => ['%s|%s|%s|%s', null, undefined, true, 12345678901234567890],
  () => ['%j', cyc],
  () => ['%s', 'only'],
  () => ['100%'],
  () => [42, 'then string', { o: 1 }],
  () => [{ a: 1 }, '%s', 'x'],
  () => [new Map([[NaN, -0], [undefined, null]]), new Set([NaN, -0])],
  () => [Object.assign([1, 2, 3], { extra: 'prop', [sym]: true })],
  () => [Array.from({ length: 7 }, (_, i) => '日本' + i), ['ab\u0301', '日本語']],
  () => [{ a: 1, b: { c: 2, d: { e: 3, f: { g: 4 } } }, h: [5, 6, { i: 7 }] }],
  () => [{ deep: [{ deeper: [{ deepest: 1 }] }] }],
  () => [[{ a: 1, b: 2 }, { a: 3, b: 4 }], [[1, 2], [3, 4]], { 'x': [[{}]] }],
  () => [new Number(5), new String('ab'), new Boolean(false), Object(Symbol('s')), new Number(-0)],
  () => [Object.assign(new Number(3), { x: 1 }), Object.assign(new String('hi'), { y: 2 }), [new Number(1)]],
  () => [Math, JSON, { [Symbol.toStringTag]: 'Tagged', a: 1 }, { [Symbol.toStringTag]: 'Quiet' }],
  () => [(function () { return arguments; })(1, 'a'), (function () { return arguments; })()],
  () => [Foo.prototype, Bar.prototype, Object.getPrototypeOf(new Map())],
  () => [class Stat { static n = 1; static m() {} }, Object.assign(() => {}, { k: [1, 2] })],
  () => [{ a: [{ b: { c: new Error('deep') } }] }],
  () => [new (class MyArr extends Array {})(), Object.assign(new (class MyMap extends Map {})(), { p: 1 })],
  () => [Object.assign(new Error('msg'), { name: 'Custom', stack: 'Error: msg\n    at x (/a.js:1:1)' })],
  () => [Object.assign(new Error('hidden msg'), { stack: 'Error: other text\n    at y (/a.js:2:2)' })],
  () => [{ [Symbol.iterator]: 1, b: 1, 2: 'two', 1: 'one', a: 0 }],
  () => [[new Map([['k', new Map([['deeper', new Set([[1]])]])]])]],
  () => [Array.from({ length: 7 }, (_, i) => 'a fairly long string number ' + i), Array.from({ length: 7 }, (_, i) => 'x'.repeat(i * 4))],
  () => [{ arr: Array.from({ length: 26 }, (_, i) => i), nested: { arr: Array.from({ length: 9 }, (_, i) => -i * 111) } }],
  () => ['%o', { f: [1, { g: [2] }] }],
];
"""

SERIALIZE_JS = r"""
function ctorName(v) {
  for (let o = v; o !== null; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, 'constructor');
    if (d && typeof d.value === 'function' && d.value.name !== '' && v instanceof d.value) return d.value.name;
  }
  return Object.getPrototypeOf(v) === null ? null : 'Object';
}
function ser(v, st) {
  switch (typeof v) {
    case 'number': return { t: 'num', v: Object.is(v, -0) ? '-0' : String(v) };
    case 'string': return { t: 'str', v };
    case 'boolean': return { t: 'bool', v };
    case 'undefined': return { t: 'undef' };
    case 'symbol': {
      if (!st.syms.has(v)) st.syms.set(v, st.syms.size);
      return { t: 'sym', id: st.syms.get(v), d: v.description ?? '' };
    }
  }
  if (v === null) return { t: 'null' };
  if (st.ids.has(v)) return { t: 'ref', id: st.ids.get(v) };
  const id = st.ids.size; st.ids.set(v, id);
  const proto = Object.getPrototypeOf(v);
  const out = { id, ctor: ctorName(v), props: [] };
  let skip = () => false;
  if (Array.isArray(v)) {
    out.t = 'array';
    out.elems = [];
    for (let i = 0; i < v.length; i++) out.elems.push(i in v ? ser(v[i], st) : { t: 'hole' });
    skip = (k) => k === 'length' || (typeof k === 'string' && /^(0|[1-9][0-9]*)$/.test(k));
  } else if (v instanceof Map) {
    out.t = 'map'; out.entries = [...v].map(([k, x]) => [ser(k, st), ser(x, st)]);
  } else if (v instanceof Set) {
    out.t = 'set'; out.values = [...v].map((x) => ser(x, st));
  } else if (Object.prototype.toString.call(v) === '[object Arguments]') {
    out.t = 'arguments';
    out.elems = [...v].map((x) => ser(x, st));
    skip = (k) => k === 'length' || k === 'callee' || (typeof k === 'string' && /^(0|[1-9][0-9]*)$/.test(k));
  } else if (v instanceof Number || v instanceof String || v instanceof Boolean || v instanceof Symbol) {
    out.t = 'boxed'; out.v = ser(v.valueOf(), st);
    if (v instanceof String) skip = (k) => k === 'length' || /^(0|[1-9][0-9]*)$/.test(k);
  } else if (v instanceof Error) {
    out.t = 'error';
    if (!Object.prototype.hasOwnProperty.call(v, 'name')) out.inherited_name = String(v.name);
  } else if (typeof v === 'function') {
    out.t = 'func'; out.name = v.name;
    out.is_class = Function.prototype.toString.call(v).startsWith('class');
    const sup = Object.getPrototypeOf(v); out.ext = (sup && sup.name) || null;
    skip = (k) => k === 'length' || k === 'name';
  } else {
    out.t = 'obj';
  }
  for (const k of Reflect.ownKeys(v)) {
    if (skip(k)) continue;
    const d = Object.getOwnPropertyDescriptor(v, k);
    const key = typeof k === 'symbol' ? ser(k, st) : { t: 'str', v: k };
    if ('value' in d) out.props.push({ k: key, e: d.enumerable, v: ser(d.value, st) });
    else out.props.push({ k: key, e: d.enumerable, get: !!d.get, set: !!d.set });
  }
  return out;
}
const util = require('util');
const results = cases.map((c) => { const args = c(); return { args: ser(args, { ids: new Map(), syms: new Map() }), out: util.format(...args) }; });
process.stdout.write(JSON.stringify(results));
"""


class Boxed(JSObject):
    """A wrapper object as the interpreter's ``PrimitiveObject`` holds it."""

    __slots__ = ("primitive",)

    def __init__(self, proto: JSObject, primitive: Any) -> None:
        JSObject.__init__(self, proto)
        self.primitive = primitive


class ModelBuilder:
    """Builds ``values.py`` objects from the JSON descriptions, laid out as the
    interpreter lays them out (so inspect sees what it will see in a real run)."""

    def __init__(self) -> None:
        self.object_proto = JSObject(None)
        self.object_proto.set_hidden("constructor", self._ctor("Object", self.object_proto))
        self.protos: dict = {}
        self.to_string_tag = JSSymbol("Symbol.toStringTag")
        self.objs: dict = {}
        self.syms: dict = {}

    def _ctor(self, name: str, proto: JSObject | None) -> JSFunction:
        return JSFunction(proto, name)

    def proto_for(self, ctor: str, inherited_name: str | None = None, kind: str | None = None) -> JSObject:
        """The prototype of objects made by ``ctor``; a subclass of ``Map``/``Set``
        (``kind``) inherits the built-in prototype and its ``Symbol.toStringTag``."""
        key = (ctor, inherited_name)
        if key not in self.protos:
            if kind is not None and ctor != kind:
                parent = self.proto_for(kind, kind=kind)
            else:
                parent = self.object_proto
            p = JSObject(parent)
            if kind is not None and ctor == kind:
                p.set_hidden(self.to_string_tag, kind)
            p.set_hidden("constructor", self._ctor(ctor, self.object_proto))
            if inherited_name is not None:
                p.set_hidden("name", inherited_name)
            self.protos[key] = p
        return self.protos[key]

    def build(self, d: dict) -> Any:
        t = d["t"]
        if t == "num":
            return -0.0 if d["v"] == "-0" else float(d["v"])
        if t == "str":
            return d["v"]
        if t == "bool":
            return d["v"]
        if t == "undef":
            return UNDEFINED
        if t == "null":
            return NULL
        if t == "hole":
            return HOLE
        if t == "sym":
            if d["d"] == "Symbol.toStringTag":
                return self.to_string_tag
            return self.syms.setdefault(d["id"], JSSymbol(d["d"]))
        if t == "ref":
            return self.objs[d["id"]]
        ctor = d["ctor"]
        obj: JSObject
        if t == "array":
            obj = JSArray(self.proto_for("Array") if ctor is not None else None)
        elif t == "map":
            obj = JSMap(self.proto_for(ctor or "Map", kind="Map"))
        elif t == "set":
            obj = JSSet(self.proto_for(ctor or "Set", kind="Set"))
        elif t == "error":
            obj = JSError(self.proto_for(ctor, d.get("inherited_name")))
        elif t == "func":
            obj = JSFunction(self.proto_for("Function"), d["name"])
            obj.is_class = d["is_class"]
            obj.extends_name = d["ext"]
        elif t == "arguments":
            obj = JSArray(self.object_proto)
            obj.class_name = "Arguments"
        elif t == "boxed":
            obj = Boxed(self.proto_for(ctor), self.build(d["v"]))
        elif ctor is None:
            obj = JSObject(None)
        elif ctor == "Object":
            obj = JSObject(self.object_proto)
        else:
            obj = JSObject(self.object_proto, class_name=ctor)
        if t in ("array", "map", "set") and ctor not in (None, "Array", "Map", "Set"):
            obj.class_name = ctor
        self.objs[d["id"]] = obj
        if t in ("array", "arguments"):
            obj.elems = [self.build(e) for e in d["elems"]]
        elif t == "map":
            for kd, vd in d["entries"]:
                k = self.build(kd)
                obj.data[map_key(k)] = (k, self.build(vd))
        elif t == "set":
            for vd in d["values"]:
                v = self.build(vd)
                obj.data[map_key(v)] = v
        for p in d["props"]:
            key = self.build(p["k"])
            if "v" in p:
                value = self.build(p["v"])
            else:
                getter = JSFunction(None, "get") if p["get"] else None
                setter = JSFunction(None, "set") if p["set"] else None
                value = Accessor(getter, setter, p["e"])
            if p["e"] or type(value) is Accessor:
                obj.props[key] = value
            else:
                obj.set_hidden(key, value)
        return obj


@pytest.fixture(scope="module")
def node_cases() -> list:
    proc = subprocess.run(["node", "-e", CASES_JS + SERIALIZE_JS], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def test_format_log_matches_node(node_cases: list) -> None:
    failures = []
    for i, case in enumerate(node_cases):
        args = ModelBuilder().build(case["args"]).elems
        ours = format_log(args)
        if ours != case["out"]:
            failures.append(f"case {i}:\n--- node\n{case['out']}\n--- ours\n{ours}")
    assert not failures, "\n".join(failures)
    assert len(node_cases) > 50


def test_inspect_top_level_strings_are_quoted() -> None:
    assert inspect("it's") == '"it\'s"'
    assert inspect("plain") == "'plain'"
    assert str_escape("a'\"`") == "'a\\'\"`'"


def test_inspect_depth_option() -> None:
    b = ModelBuilder()
    nested = JSObject(b.object_proto)
    inner = JSObject(b.object_proto)
    inner.props["x"] = 1.0
    nested.props["inner"] = inner
    assert inspect(nested, depth=0) == "{ inner: [Object] }"
    assert inspect(nested, depth=None) == "{ inner: { x: 1 } }"


def test_deep_data_with_unlimited_depth_matches_node() -> None:
    b = ModelBuilder()
    root = JSArray(b.proto_for("Array"))
    node = root
    for _ in range(150):
        child = JSArray(b.proto_for("Array"))
        child.elems.append(1.0)
        node.elems.append(child)
        node = child
    js = "let r=[];let n=r;for(let i=0;i<150;i++){const c=[1];n.push(c);n=c;}" \
         "process.stdout.write(require('util').inspect(r,{depth:Infinity}))"
    expected = subprocess.run(["node", "-e", js], capture_output=True, text=True, check=True).stdout
    assert inspect(root, depth=None) == expected


#: console.log through the interpreter (``jsrust_core.interp.Realm``) against node, one program each.
E2E_PROGRAMS = [
    "console.log({ a: { b: { c: { d: 1 } } } }, [1, , 3], new Array(5), { 'a-b': 1, [Symbol('s')]: 2 });",
    "console.log(new Map([[1, 'a'], ['b', { c: 2 }]]), new Set([1, 2]), new Map(), new Set());",
    "console.log(function f() {}, () => 1, Math.max, console.log, Number, Object, Array.prototype.push);",
    "const o = { name: 'o' }; o.self = o; o.list = [o, { o }]; console.log(o);",
    "const fp = function g() {}; fp.prop = 1; console.log(fp, [fp]);",
    "console.log(Object.create(null), Object.assign(Object.create(null), { a: 1 }));",
    "console.log({ get a() { return 1; }, set b(v) {}, get c() { return 1; }, set c(v) {} });",
    "console.log(-0, [-0], 1e21, 0.1 + 0.2, (255).toString(16), (0.5).toString(2), (1.005).toFixed(2));",
    "console.log('%s: %d items, %i, %f, %j %o %O %%', 'list', 42, 3.9, '2.5', { a: 1 }, [1], { b: 2 });",
    "console.log(Array.from({ length: 30 }, (_, i) => i * i), Array.from({ length: 10 }, (_, i) => 'item' + i));",
    "console.log([undefined, null, true, 'str', \"it's\"], 'raw string', 5);",
    "console.log(new Number(5), new String('ab'), new Boolean(false), [new Number(1)]);",
    "console.log(Symbol('x'), Symbol.iterator, [Symbol()]);",
    "console.log([[1, [2, [3, [4]]]]], { x: [{ y: [{ z: 1 }] }] });",
    "console.log('%s', { toString() { return 'viaS'; } }, { toString() { return 'no'; } });",
    "console.log(String(new Error('m')), `${[1, [2, 3]]}`, String({}), [] + []);",
    "const big = {}; for (let i = 0; i < 30; i++) big['key' + i] = i; console.log(big);",
    "console.log(Array.from({ length: 120 }, (_, i) => i % 7 ? i : 'x' + i));",
    "console.log([1.25, -3, 1e-7, 2 ** 53, NaN, -Infinity, 0.1, 100, 7]);",
    "class Foo { constructor() { this.x = 1; } get y() { return 2; } } class Bar extends Foo {}\n"
    "console.log(new Foo(), new Bar(), [new Foo()], Foo, Bar, class {}, Foo.prototype);",
    "class Pt { constructor(x, y) { this.x = x; this.y = y; } }\n"
    "console.log(Array.from({ length: 8 }, (_, i) => new Pt(i, i * i)));",
    "try { null.x; } catch (e) { console.log(e instanceof TypeError, e.message, e.name); }",
    "const e = new RangeError('r'); console.log(e.stack.split('\\n')[0], String(e));",
    "console.log((function () { return arguments; })(1, 'a'), [,'a',,'b',,,].length);",
    "console.log(new Date(0), [new Date(1e12)], new Date(NaN), new Date(-1e15), new Date(8.64e15),"
    " Object.assign(new Date(5), { x: 1 }), { d: new Date(-62198755200000) });",
]


def test_console_log_through_the_interpreter_matches_node() -> None:
    from jsrust_core.frontend import parse
    from jsrust_core.interp import Realm

    # one node process: each program in its own block, outputs split by a marker
    sep = "\u0001--program--\n"
    node_src = "".join(f"process.stdout.write({json.dumps(sep)});\n{{\n{src}\n}}\n" for src in E2E_PROGRAMS)
    expected = subprocess.run(["node", "-e", node_src], capture_output=True, text=True, check=True).stdout
    expected_parts = expected.split(sep)[1:]
    assert len(expected_parts) == len(E2E_PROGRAMS)
    failures = []
    for i, (src, want) in enumerate(zip(E2E_PROGRAMS, expected_parts)):
        out: list[str] = []
        try:
            Realm(stdout=out.append, stderr=out.append).run_program(parse(src, f"e2e{i}.js"))
        except Exception as exc:  # an interpreter gap: report it with the program
            out.append(f"<{type(exc).__name__}: {exc}>")
        if "".join(out) != want:
            failures.append(f"program {i}: {src}\n--- node\n{want}--- interp\n{''.join(out)}")
    assert not failures, "\n".join(failures)


def random_json_values(n: int, seed: int = 7) -> list:
    """JSON-shaped values aimed at the layout thresholds: arrays around the
    6-entry grouping limit and up to past 100 items, strings near 16 and 76
    characters, objects whose one-line form is near 80 columns, nesting past depth 2."""
    import random

    rng = random.Random(seed)
    words = ["a", "bb", "key", "value", "longer_key", "x-y", "with space", "ünï", "日本", "it's", "$d", "_"]

    def number() -> float:
        return rng.choice([rng.randint(-5, 5), rng.randint(-10**6, 10**6), rng.random() * 10 ** rng.randint(-8, 22),
                           round(rng.uniform(-100, 100), rng.randint(0, 3))]) * 1.0

    def string() -> str:
        length = rng.choice([0, 1, 5, 15, 16, 17, 30, 60, 74, 75, 76, 77, 90])
        text = "".join(rng.choice("abcdefghij '\"`\n\t") for _ in range(length))
        return text

    def value(level: int) -> Any:
        r = rng.random()
        if level > 4 or r < 0.45:
            return rng.choice([number, number, string, lambda: rng.choice([True, False, None])])()
        if r < 0.75:
            size = rng.choice([0, 1, 3, 6, 7, 8, 12, 20, 27, 40, 101, 102])
            kind = rng.random()
            if kind < 0.5:  # homogeneous short entries group into columns
                make = rng.choice([number, lambda: rng.choice(words), lambda: rng.randint(0, 999) * 1.0])
                return [make() for _ in range(size)]
            return [value(level + 1) for _ in range(min(size, 8))]
        keys = rng.sample(words, rng.randint(0, 8))
        return {k: value(level + 1) for k in keys}

    return [value(0) for _ in range(n)]


def model_from_json(b: ModelBuilder, v: Any) -> Any:
    if isinstance(v, dict):
        obj = JSObject(b.object_proto)
        for k, x in v.items():
            obj.props[k] = model_from_json(b, x)
        return obj
    if isinstance(v, list):
        return JSArray(b.proto_for("Array"), [model_from_json(b, x) for x in v])
    if v is None:
        return NULL
    return v


def node_inspect_json(values: list) -> list[str]:
    js = ("const util = require('util'); const vals = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
          "process.stdout.write(JSON.stringify(vals.map((v) => util.inspect(v))));")
    proc = subprocess.run(["node", "-e", js], input=json.dumps(values), capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def test_random_data_layout_matches_node() -> None:
    values = random_json_values(400)
    expected = node_inspect_json(values)
    b = ModelBuilder()
    failures = [(i, e, inspect(model_from_json(b, v))) for i, (v, e) in enumerate(zip(values, expected))
                if inspect(model_from_json(b, v)) != e]
    assert not failures, "\n\n".join(f"#{i}\n--- node\n{e}\n--- ours\n{o}" for i, e, o in failures[:3])
