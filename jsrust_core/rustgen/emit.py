"""Statement and expression emission: one JS program → one Rust source file.

Structure follows the JS program (functions → Rust functions, loops → loops,
recursion → recursive calls); the profile decides types and which paths exist:

* a function that only captures top-level bindings (``scopes.FnInfo.static``) is a
  Rust ``fn`` with typed parameters and return (``f64``/``bool`` where every observed
  value agreed, ``JsValue`` otherwise) and is called directly when its binding is
  never reassigned; other functions are ``JsValue::func`` closures whose captured
  variables live in ``Rc<RefCell<T>>`` cells (``Rc<Cell<T>>`` for a number or a boolean);
* top-level variables used inside functions are thread-local globals;
* a branch direction never observed, a function never called, or a dynamic value of
  a type never observed where a static one is expected, is a side exit (``jsrsite``);
* exceptions unwind (``jsrt::throw``) and ``try`` is ``jsrt::try_catch``.

Expressions come back as ``rtypes.E(code, ty)``; statements append lines tagged with
their JS line so ``RustUnit.line_map`` can point rustc errors and views at JS.
"""
from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field
from typing import Any, Optional

from ..calleetext import callee_text, iterable_text, pattern_source
from ..errors import Unsupported
from ..frontend import Program, array_prototype_call, child_nodes, has_use_strict, strict_functions
from ..interp.regex import compile_literal
from ..interp.nodeglobals import NODE_GLOBAL_NAMES, NODE_GLOBAL_TYPES
from ..typeinfer import TypeTable, value_type
from . import regexes
from . import rtypes as R
from .arrays import fill_parts, slice_copy, typed_arrays
from .fieldarrs import FieldEscape, field_arrays
from .counters import MAX_STEP, int_plan, typed_length
from .privates import PrivateName, private_names
from .leaves import frameless, runs_nothing
from .rtypes import BOOL, DYN, F64, NEVER, E, arr_elem, arr_path, is_arr, is_opt, is_own, is_rec, is_ref, struct_of
from .cycles import Cycles
from .records import field_arr_type, field_name
from .stacks import frame_labels
from .scopes import Binding, FnInfo, Scopes, by_value_captures

RUST_KEYWORDS = {
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in",
    "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super",
    "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn", "abstract", "become", "box",
    "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "union", "this",
    "args", "main", "thrown", "Some", "None", "Ok", "Err", "Rc", "RefCell", "Cell", "JsValue", "jsrt", "std", "String", "Vec",
}

MATH_UNARY = {
    "abs": "f64::abs({0})", "floor": "f64::floor({0})", "ceil": "f64::ceil({0})", "sqrt": "f64::sqrt({0})", "sin": "f64::sin({0})",
    "cos": "f64::cos({0})", "tan": "f64::tan({0})", "atan": "f64::atan({0})", "asin": "f64::asin({0})", "acos": "f64::acos({0})",
    "exp": "f64::exp({0})", "log": "f64::ln({0})", "log2": "f64::log2({0})", "log10": "f64::log10({0})", "trunc": "f64::trunc({0})",
    "cbrt": "f64::cbrt({0})", "round": "jsrt::builtins::math_round({0})", "sign": "jsrt::builtins::math_sign({0})",
    "sinh": "f64::sinh({0})", "cosh": "f64::cosh({0})", "tanh": "f64::tanh({0})", "log1p": "f64::ln_1p({0})", "expm1": "f64::exp_m1({0})",
    "asinh": "f64::asinh({0})", "acosh": "f64::acosh({0})", "atanh": "f64::atanh({0})",
    # (through a binding: rustc refuses a literal cast that overflows, `1e40 as f32`, which is ∞ here as in JS)
    "fround": "{{ let x: f64 = {0}; x as f32 as f64 }}",
}
MATH_CONST = {"PI": "std::f64::consts::PI", "E": "std::f64::consts::E", "LN2": "std::f64::consts::LN_2",
              "LN10": "std::f64::consts::LN_10", "SQRT2": "std::f64::consts::SQRT_2", "LOG2E": "std::f64::consts::LOG2_E",
              "LOG10E": "std::f64::consts::LOG10_E", "SQRT1_2": "std::f64::consts::FRAC_1_SQRT_2"}
NUMBER_CONST = {"MAX_SAFE_INTEGER": "9007199254740991.0", "MIN_SAFE_INTEGER": "-9007199254740991.0",
                "EPSILON": "f64::EPSILON", "MAX_VALUE": "f64::MAX", "MIN_VALUE": "5e-324",
                "POSITIVE_INFINITY": "f64::INFINITY", "NEGATIVE_INFINITY": "f64::NEG_INFINITY", "NaN": "f64::NAN"}
#: String.prototype methods with their own runtime entry (`jsrt::strmeth`, `Emitter.string_call`):
#: JS name -> (Rust name, how many arguments it reads, what a string receiver gives: F64, BOOL,
#: "string" or DYN)
STRING_FAST = {
    "trim": ("trim", 0, "string"), "trimStart": ("trim_start", 0, "string"), "trimEnd": ("trim_end", 0, "string"),
    "toUpperCase": ("to_upper_case", 0, "string"), "toLowerCase": ("to_lower_case", 0, "string"),
    "charAt": ("char_at", 1, "string"), "charCodeAt": ("char_code_at", 1, F64), "at": ("at", 1, DYN),
    "repeat": ("repeat", 1, "string"), "slice": ("slice", 2, "string"), "substring": ("substring", 2, "string"),
    "substr": ("substr", 2, "string"), "indexOf": ("index_of", 2, F64), "includes": ("includes", 2, BOOL),
    "startsWith": ("starts_with", 2, BOOL), "endsWith": ("ends_with", 2, BOOL), "padStart": ("pad_start", 2, "string"),
    "padEnd": ("pad_end", 2, "string"), "split": ("split", 2, DYN),
}
#: bytes a `+` chain's buffer reserves per operand that is not a literal (`string_chain`)
CHAIN_ROOM = 16
#: `typeof x === '<text>'` as the JsValue variants that answer it (mirrors `JsValue::type_of`;
#: "object" takes the remaining variants, so it stays a `type_is` call)
TYPEOF_VARIANTS = {"number": "JsValue::Num(_)", "string": "JsValue::Str(_)",
                   "boolean": "JsValue::Bool(_)", "function": "JsValue::Func(_)",
                   "symbol": "JsValue::Sym(_)",
                   "undefined": "JsValue::Undefined | JsValue::Hole"}
#: Array methods called directly at a site that saw an array receiver (`jsrt::arrmeth`,
#: `Emitter.array_call`): name -> the entry (`sort`; `iterate` for the callback methods;
#: `method` for the others, which take the name)
ARRAY_FAST = {"sort": "sort",
              **{m: "iterate" for m in ("forEach", "map", "filter", "some", "every", "find", "findIndex", "findLast",
                                        "findLastIndex", "flatMap", "reduce", "reduceRight")},
              **{m: "method" for m in ("join", "indexOf", "lastIndexOf", "includes", "slice", "concat", "reverse",
                                       "at", "fill", "shift", "unshift", "splice", "flat")}}
#: Map methods with their own runtime entry (`jsrt::mapmeth`, `Emitter.map_call`): name -> arguments
MAP_FAST = {"get": 1, "set": 2, "has": 1}
#: Set methods with their own runtime entry where the trace saw a Set (`jsrt::mapmeth`)
SET_FAST = {"has": 1, "add": 1}
#: global objects whose members are built-in functions
NAMESPACES = ("console", "Math", "JSON", "Object", "Array", "Number", "String", "process", "Symbol")
#: the names each namespace has in Node 20 (own, then inherited from Object.prototype and,
#: for the constructors, Function.prototype): a member outside it is `undefined` there
#: (`Object.groupBy` arrived in Node 21), so a read answers that rather than stopping
_OBJECT_PROTO = ("constructor __defineGetter__ __defineSetter__ hasOwnProperty __lookupGetter__ __lookupSetter__ "
                 "isPrototypeOf propertyIsEnumerable toString valueOf __proto__ toLocaleString")
_FUNCTION_PROTO = "length name arguments caller constructor apply bind call toString prototype " + _OBJECT_PROTO
NODE_STATICS = {ns: frozenset(names.split()) for ns, names in {
    "Object": "assign getOwnPropertyDescriptor getOwnPropertyDescriptors getOwnPropertyNames getOwnPropertySymbols "
              "hasOwn is preventExtensions seal create defineProperties defineProperty freeze getPrototypeOf "
              "setPrototypeOf isExtensible isFrozen isSealed keys entries fromEntries values " + _FUNCTION_PROTO,
    "Math": "abs acos acosh asin asinh atan atanh atan2 ceil cbrt expm1 clz32 cos cosh exp floor fround hypot imul "
            "log log1p log2 log10 max min pow random round sign sin sinh sqrt tan tanh trunc E LN10 LN2 LOG10E "
            "LOG2E PI SQRT1_2 SQRT2 " + _OBJECT_PROTO,
    "JSON": "parse stringify " + _OBJECT_PROTO,
    "Number": "isFinite isInteger isNaN isSafeInteger parseFloat parseInt MAX_VALUE MIN_VALUE NaN NEGATIVE_INFINITY "
              "POSITIVE_INFINITY MAX_SAFE_INTEGER MIN_SAFE_INTEGER EPSILON " + _FUNCTION_PROTO,
    "String": "fromCharCode fromCodePoint raw " + _FUNCTION_PROTO,
    "Array": "isArray from of " + _FUNCTION_PROTO,
}.items()}


def absent_static(ns: str, name: str) -> bool:
    """Whether `ns.name` is `undefined` in Node 20 (only for the namespaces listed)."""
    return ns in NODE_STATICS and name not in NODE_STATICS[ns]


#: the clocks a compiled program may read (`Date`, `performance` are otherwise refused as values)
CLOCKS = {("Date", "now"): "jsrt::clock::date_now()", ("performance", "now"): "jsrt::clock::performance_now()"}
#: the classes whose prototype methods `C.prototype.m.call(..)` reaches (`proto_call`)
BUILTIN_PROTOTYPES = ("Number", "String", "Array", "Object", "Error")
#: the namespaces that are plain objects, not functions (`typeof Math` is "object")
OBJECT_NAMESPACES = ("console", "Math", "JSON", "process")
#: the module-scoped paths of a CommonJS main module, fixed when the program is compiled
MODULE_PATHS = ("__filename", "__dirname")
#: global functions usable as values (`arr.map(Number)`)
NATIVE_GLOBALS = ("String", "Number", "Boolean", "parseInt", "parseFloat", "isNaN", "isFinite", "Object", "Array",
                  "Map", "Set")
ERROR_CLASSES = ("Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError")
#: globals Node really defines that the emitter has no value for: reading one must be
#: refused, since the fallback (`ReferenceError: x is not defined`, right for a misspelt
#: name) would be a wrong answer for them
NODE_GLOBALS = frozenset((
    "globalThis", "global", "process", "__filename", "__dirname", "module", "exports", "require", "Symbol",
    "Reflect", "Proxy", "Promise", "WeakMap", "WeakSet", "WeakRef", "FinalizationRegistry", "BigInt", "Date",
    "RegExp", "Intl", "Buffer", "setTimeout", "setInterval", "setImmediate", "clearTimeout", "clearInterval",
    "queueMicrotask", "structuredClone", "ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics", "eval",
    "Function", "encodeURIComponent", "decodeURIComponent", "encodeURI", "decodeURI", "escape", "unescape",
    "AggregateError", "TextEncoder", "TextDecoder", "URL", "URLSearchParams", "console", "Math", "JSON",
    "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
    "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array", "performance", "fetch", "crypto",
))


#: `typeof` of the CommonJS module's own names (`require` is a function)
MODULE_SCOPE_TYPES = {"module": "object", "exports": "object", "require": "function"}


#: names the global object has as properties: assigning one in strict code is no
#: ReferenceError (it writes the property), so such an assignment stays refused
GLOBAL_VALUE_NAMES = NODE_GLOBALS | frozenset(NAMESPACES + NATIVE_GLOBALS + ERROR_CLASSES + MODULE_PATHS) \
    | frozenset(("undefined", "NaN", "Infinity"))


def rust_str(s: str) -> str:
    """A Rust string literal for a JS string (lone surrogates become U+FFFD)."""
    s = s.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return '"' + "".join(_RUST_ESCAPES.get(c) or (f"\\u{{{ord(c):x}}}" if ord(c) < 0x20 or ord(c) == 0x7F else c)
                         for c in s) + '"'


#: Rust's own short escapes; every other control character is written `\u{..}` (Rust has
#: no `\f` or `\b`, and a JSON-style `\u00XX` is not Rust syntax either)
_RUST_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\0": "\\0"}


def num_lit(x: float) -> str:
    if math.isnan(x):
        return "f64::NAN"
    if math.isinf(x):
        return "f64::INFINITY" if x > 0 else "f64::NEG_INFINITY"
    r = repr(float(x))
    return r if ("." in r or "e" in r) else r + ".0"


@dataclass
class LoopCtx:
    label: str  # Rust label of the loop (or the switch block)
    cont: Optional[str]  # Rust label of the block `continue` leaves (None: `continue 'label`)
    js_labels: list = field(default_factory=list)
    is_switch: bool = False
    try_depth: int = 0


@dataclass
class TryCtx:
    """A try statement a `break`/`continue` may leave from inside its protected closure:
    the closure cannot `break` its caller's loop, so it stores a code in ``var`` and
    returns; after the try (and its finally), ``var`` selects the jump. ``jumps`` maps
    the Rust statement to run at the target to (code, the target's try depth)."""

    var: str
    jumps: dict = field(default_factory=dict)


@dataclass
class FnCtx:
    info: Optional[FnInfo]  # None for the top level (`main`)
    ret: str  # representation of the return value
    try_depth: int = 0
    loops: list = field(default_factory=list)
    #: try depth of a protected closure's body -> the try statement it belongs to
    tries: dict = field(default_factory=dict)
    #: representation of `this`: a record when emitting a statically dispatched method
    this_ty: str = DYN
    #: in a derived constructor that may touch `this` before `super(..)` (and in its
    #: arrows): the Rust name of its `Rc<Cell<bool>>`, set once `super(..)` returns
    this_guard: Optional[str] = None
    #: this is that derived constructor itself (its returns are checked), not an arrow in it
    derived: bool = False
    #: `super.x` means the parent class itself (a static method, static block or static
    #: initialiser), not its prototype
    super_static: bool = False
    #: a number-only leaf (``leaves``): no frame, and with stack tracking no statements
    #: announced either (nothing in it can take a stack)
    untracked: bool = False
    #: `this` is never a record here (a constructor's dynamic form, or a method closure
    #: past its downcasts to the structs): `this.k` reads no typed array field (``fieldarrs``)
    this_plain: bool = False


#: statements that run nothing themselves (hoisted, empty, a block's statements announce
#: themselves), so stack tracking does not announce them
_UNANNOUNCED = ("FunctionDeclaration", "EmptyStatement", "BlockStatement")


class Emitter:
    def __init__(self, program: Program, profile: Any, types: TypeTable, *, linear: bool = False,
                 recursive_fns: Optional[set] = None, dropped_fields: frozenset = frozenset()) -> None:
        self.p = program
        self.profile = profile
        self.types = types
        self.linear = linear
        self.recursive_fns = recursive_fns
        self.scopes = Scopes(program)
        #: function nodes (ids) whose code is strict mode, where refused deletes throw
        self.strict_fns = strict_functions(program.ast)
        self.strict_program = has_use_strict(program.ast.body)
        #: stack tracking (``stacks``): on for programs that can observe an error value;
        #: the statements announced, for the site table
        self.stacks = False
        self.stack_sids: set[int] = set()
        self.labels = frame_labels(program)
        self.item_lines: list[list[tuple[str, int]]] = []  # top-level Rust items, lines tagged by JS line
        self.emitted: set[int] = set()  # static fns already emitted
        self.fn_value_cells: set[str] = set()  # `once_per_run` cells of static fns used as values
        #: bindings already introduced at the start of their scope (cells, `var`s)
        self.hoisted: set[int] = set()
        #: per-iteration loop variables: storage while emitting a loop's head vs its body
        self.storage_override: dict[int, str] = {}
        #: labels of the enclosing optional chains (`a?.b` leaves the innermost one)
        self.chains: list[str] = []
        #: linear mode: the unrolled level of the function being emitted (0: not unrolled)
        self.depth = 0
        self.cycles = Cycles(self.scopes, profile)
        self.globals: dict[int, str] = {}  # binding sid -> Rust static name
        self.fn_names: dict[int, str] = {}  # fn sid -> Rust fn name
        self.local_names: dict[int, str] = {}
        self.guards: dict[int, str] = {}
        #: fn sid -> the Rust signature it was emitted with (for the type views)
        self.fn_sigs: dict[int, str] = {}
        self.counter = 0
        self.fn: FnCtx = FnCtx(None, DYN)
        self.lines: list[tuple[str, int]] = []
        self.indent = 1
        self.cur_line = 1
        self._name_fns()
        #: array bindings (and fn return values) stored as `jsrt::NumArr` / `jsrt::RecArr` (see `arrays`)
        #: class record fields stored as typed arrays (see `fieldarrs`; ``dropped_fields``: the
        #: names an earlier attempt found escaping), decided with the typed bindings they are
        #: stored into: a field whose alias is not typed the same way is dynamic after all
        dropped = set(dropped_fields)
        while True:
            fields = field_arrays(self.scopes, types, frozenset(dropped))
            by_name = fields.by_name()
            typed = typed_arrays(self.scopes, types, by_name)
            lost = {n for n, sid in fields.aliases if typed.bindings.get(sid) != by_name[n]}
            if not lost:
                break
            dropped |= lost
        self.typed: dict[int, str] = typed.bindings
        self.typed_returns: dict[int, str] = typed.returns
        #: number bindings stored as `i64` loop counters, and owned number arrays of small
        #: integers stored as `jsrt::OwnArr<i64>` (see `counters`)
        owned_numbers = frozenset(s for s, ty in self.typed.items() if is_own(ty) and arr_elem(ty) == F64)
        ints = int_plan(self.scopes, types, owned_numbers, frozenset(self.typed), getattr(profile, "fractions", None))
        self.counters: set[int] = ints.counters
        #: values stored into an `i64` binding behind `jsrt::guard_int` (observed, not proven, integers)
        self.guarded: set[int] = ints.guarded
        self.typed.update((s, R.own(R.INTARR)) for s in ints.arrays)
        #: object shapes stored as generated structs (see `records`), by struct name too
        self.records: dict = types.records
        self.rec_named: dict = {r.name: r for r in types.records.values()}
        for r in types.records.values():
            for key in [k for k, v in r.struct_reps.items() if is_arr(v)]:
                del r.struct_reps[key]  # (left by an earlier emission of these types)
            r.struct_reps.update(fields.reps.get(r.name, {}))
        self.arr_fields: frozenset = frozenset(by_name)
        #: typed array fields no binding aliases: stored in the struct itself (``jsrt::FieldArr``)
        self.inline_fields: frozenset = frozenset(by_name) - {n for n, _ in fields.aliases}
        for r in types.records.values():
            r.inline_arrs = {k for k in fields.reps.get(r.name, {}) if k in self.inline_fields}
        #: `x.prototype` written anywhere: class methods may be replaced, so never dispatched statically
        self.prototype_named = any(n.type == "MemberExpression" and not n.computed and n.property.name == "prototype"
                                   for n in program.nodes)
        #: class binding sid -> its record, for `new C(..)`
        self.class_records: dict = {r.plan.binding.sid: r for r in types.records.values() if r.plan is not None}
        self.uninit: set[int] = _declared_without_value(program)
        #: every `#name` resolved to its declaration (see `privates`)
        self.privates: dict[int, PrivateName] = private_names(program)
        #: the fname/class bindings read somewhere other than their declaration (`named_itself`)
        self._self_refs: Optional[set[int]] = None
        #: top-level `let`/`const`/`class` globals that a function called before their
        #: declaration reads: each has a flag set when it is initialised (`early_read_globals`)
        self.tdz: set[int] = self.early_read_globals()
        #: the program's string literals, by text, numbered in the order first emitted (`lit`)
        self.lits: dict[str, int] = {}
        #: binding sid -> struct name -> the local holding that shape's downcast (`declare_rec_views`)
        self.rec_views: dict[int, dict[str, str]] = {}
        self._field_reads: Optional[dict[int, int]] = None
        #: captured consts held as plain locals, each closure taking a copy (`by_value_captures`);
        #: typed arrays keep their cells (an owned array is never copied)
        self.by_value: frozenset[int] = frozenset(s for s in by_value_captures(self.scopes) if s not in self.typed)

    # -- naming and storage ------------------------------------------------------------
    def tmp(self, stem: str = "t") -> str:
        """A fresh Rust temporary; the leading underscore keeps it apart from JS names."""
        self.counter += 1
        return f"_{stem}{self.counter}"

    def _name_fns(self) -> None:
        used: set[str] = set()
        for sid, f in sorted(self.scopes.functions.items()):
            if not f.static:
                continue
            base = f.name or (f.declared.name if f.declared else "")
            if not base:
                for b_sid, target in self.scopes.const_fn.items():
                    if target is f:
                        base = self.scopes.bindings[b_sid].name
            # a name may come from any property key (`"GET /items": () => ...`)
            base = "f_" + (re.sub(r"[^0-9A-Za-z_]", "_", base) or "anon")
            name = base
            while name in used:
                name = f"{base}_{sid}"
            used.add(name)
            self.fn_names[sid] = name

    def local(self, b: Binding) -> str:
        name = self.local_names.get(b.sid)
        if name is None:
            name = b.name if b.name not in RUST_KEYWORDS and not b.name.startswith("_") else "u" + b.name + "_"
            name = name.replace("$", "_S")
            self.local_names[b.sid] = name
        return name

    def storage(self, b: Binding) -> str:
        """local | cell | global | fn (a fixed Rust fn: no storage)."""
        if b.sid in self.storage_override:
            return self.storage_override[b.sid]
        target = self.scopes.fn_of_binding(b)
        if target is not None and target.static and b.kind in ("function", "fname"):
            return "fn"
        if b.captured and b.sid not in self.by_value:
            return "global" if b.is_global else "cell"
        return "local"

    def binding_rust(self, b: Binding) -> str:
        """How binding ``b`` is held in the generated Rust, as a reader of the type table
        wants to see it: its value's type, wrapped by its storage."""
        st = self.storage(b)
        if st == "fn":
            f = self.scopes.fn_of_binding(b)
            return f"fn {self.fn_names.get(f.sid, '?')}"
        ty = R.rust(self.vty(b))
        if st == "cell":
            return _cell_type(self.vty(b))
        if st == "global":
            return f"static Cell<{ty}>" if self.vty(b) != DYN else f"static RefCell<{ty}>"
        return ty

    def vty(self, b: Binding) -> str:
        if b.maybe_unset:
            return DYN
        if b.sid in self.typed:
            return self.typed[b.sid]
        if b.sid in self.counters and self.storage(b) == "local":
            return R.I64
        ty = R.of_jstype(self.types.binding(b.sid), self.records)
        if is_ref(ty) and (b.captured or b.kind not in ("let", "const", "param") or b.sid in self.uninit):
            # a struct has no default value: only locals that always hold one are typed
            return DYN
        return ty

    def where(self, sid: int) -> str:
        return self.p.where(sid)

    def side_exit(self, sid: int, expected: str, saw: str) -> str:
        self.guards[sid] = f"expected {expected}, saw {saw}"
        return f"jsrt::side_exit({sid}, {rust_str(self.where(sid))}, {rust_str(expected)}, {rust_str(saw)})"

    def is_strict(self) -> bool:
        """Whether the code being emitted is strict mode ("use strict", class bodies)."""
        info = self.fn.info
        return id(info.node) in self.strict_fns if info is not None else self.strict_program

    def mode(self) -> str:
        """The suffix of the runtime's property-write functions for the code being
        emitted: `_strict` where a refused write must throw."""
        return "_strict" if self.is_strict() else ""

    def unsupported(self, node: Any, what: str) -> Unsupported:
        s = self.p.site(self.p.sid(node))
        return Unsupported(what, self.p.filename, s.line, s.col + 1)

    # -- line output -------------------------------------------------------------------
    def out(self, text: str) -> None:
        pad = "    " * self.indent
        for ln in text.split("\n"):
            self.lines.append((pad + ln, self.cur_line))

    def block_lines(self, fn) -> list[tuple[str, int]]:
        """Run ``fn`` with a fresh line buffer one level deeper; return its lines."""
        saved = self.lines
        self.lines = []
        self.indent += 1
        try:
            fn()
            return self.lines
        finally:
            self.indent -= 1
            self.lines = saved

    # -- conversions -------------------------------------------------------------------
    def coerce(self, e: E, ty: str, sid: int) -> str:
        """Store ``e`` where representation ``ty`` is expected (a guard when narrowing)."""
        if e.ty == ty or e.ty == NEVER:
            return e.code
        if ty == R.I64:
            # a counter's only stores: its integer-literal initialiser and `i op= k` (`counters`)
            if e.ty != F64:
                return self.coerce(E(self.coerce(e, F64, sid), F64), ty, sid)
            literal = _float_literal(e.code)
            return str(int(literal)) if literal is not None and literal.is_integer() else f"(({e.code}) as i64)"
        if is_arr(e.ty) or is_arr(ty):
            raise AssertionError(f"a typed array converts to nothing else: {e.code} as {ty}")
        if ty == DYN:
            return R.to_dyn(e)
        if is_opt(ty):
            opt = self.coerce_opt(e, ty, sid)
            if opt is not None:
                return opt
        if is_rec(ty) and is_opt(e.ty) and struct_of(ty) == struct_of(e.ty):
            self.guards[sid] = f"expected an object {self.rec_named[struct_of(ty)].shape}"
            return f"jsrt::value::some_rec({e.code}, {sid}, {rust_str(self.where(sid))})"
        if is_rec(ty) and e.ty == DYN:
            shape = self.rec_named[ty[len(R.REC):]].shape
            self.guards[sid] = f"expected an object {shape}"
            cell = _cell_of("&" + e.code)
            if cell is not None:  # a record's dynamic field (`this.g.n`): downcast in place, no clone of the `JsValue`
                return f"jsrt::value::rec_in::<{ty[len(R.REC):]}>({cell}, {sid}, {rust_str(self.where(sid))})"
            return f"jsrt::value::guard_rec::<{ty[len(R.REC):]}>({e.code}, {sid}, {rust_str(self.where(sid))})"
        if is_ref(ty) or is_ref(e.ty):
            want, have = _rep_name(ty, self.rec_named), _rep_name(e.ty, self.rec_named)
            return "{ let _ = " + e.code + "; " + self.side_exit(sid, want, have) + " }"
        if e.ty == DYN:
            fn = "guard_num" if ty == F64 else "guard_bool"
            self.guards[sid] = f"expected {'number' if ty == F64 else 'boolean'}"
            return f"jsrt::{fn}({e.code}, {sid}, {rust_str(self.where(sid))})"
        want = "number" if ty == F64 else "boolean"
        have = "number" if e.ty == F64 else "boolean"
        return "{ let _ = " + e.code + "; " + self.side_exit(sid, want, have) + " }"

    def coerce_opt(self, e: E, ty: str, sid: int) -> Optional[str]:
        """``e`` as a nullable record ``ty`` (`Option<Rc<S>>`): `null` is `None`, the record
        `Some`, a dynamic value a guard; None where ``coerce``'s mismatch applies."""
        name = struct_of(ty)
        if e.ty == DYN:
            if e.code == "JsValue::Null":
                return "None"
            self.guards[sid] = f"expected null or an object {self.rec_named[name].shape}"
            cell = _cell_of("&" + e.code)
            if cell is not None:
                return f"jsrt::value::opt_in::<{name}>({cell}, {sid}, {rust_str(self.where(sid))})"
            return f"jsrt::value::guard_opt::<{name}>({e.code}, {sid}, {rust_str(self.where(sid))})"
        if is_rec(e.ty) and struct_of(e.ty) == name:
            return f"Some({e.code})"
        return None

    def observed(self, sid: int) -> str:
        t = self.types.expr.get(sid)
        return R.of_jstype(t, self.records) if t is not None else DYN

    def narrow(self, node: Any, e: E) -> E:
        """A dynamic result whose every observed value had one scalar type becomes typed."""
        if e.ty != DYN:
            return e
        sid = self.p.sid(node)
        ty = self.observed(sid)
        if ty == DYN or is_ref(ty):
            return e  # a record is taken in where it is used typed (`member_base`, bindings)
        return E(self.coerce(e, ty, sid), ty)

    def ret_ty(self, f: FnInfo) -> str:
        if f.sid in self.typed_returns:
            return self.typed_returns[f.sid]
        sig = self.types.functions.get(f.sid)
        if sig is None or sig.ret.kind == "never":
            return DYN
        return R.of_jstype(sig.ret, self.records)

    def param_ty(self, b: Optional[Binding]) -> str:
        return DYN if b is None else self.vty(b)

    # -- variables ---------------------------------------------------------------------
    def read(self, b: Binding, node: Any) -> E:
        st = self.storage(b)
        ty = self.vty(b)
        if st == "fn":
            f = self.scopes.fn_of_binding(b)
            return E(self.fn_value(f), DYN)
        if st == "global":
            g = self.global_name(b)
            code = f"{g}.get()" if ty != DYN else f"{g}.with_borrow(|v| v.clone())"
            if self.tdz_flag(b) is not None:
                code = f"{{ {self.tdz_check(b)} {code} }}"
            return E(code, ty)
        name = self.local(b)
        if st == "cell":
            if _copy_cell(ty):
                return E(f"{name}.get()", ty)
            return E(f"(*{name}.borrow())" if ty != DYN else f"{name}.borrow().clone()", ty)
        if ty == R.I64:
            return E(f"({name} as f64)", F64)  # exact: a counter stays far below 2^53
        if is_own(ty):  # (`arrays` lets an owned array be named only by `a[i]`, `a.length`, push, pop)
            raise AssertionError(f"an owned array read as a value: {b.name}")
        return E(name if ty != DYN and not is_arr(ty) and not is_ref(ty) else f"{name}.clone()", ty)

    def write(self, b: Binding, value: str) -> str:
        """A Rust statement storing an already-coerced value."""
        st = self.storage(b)
        if st == "global":
            check = self.tdz_check(b) + " " if self.tdz_flag(b) is not None else ""
            return f"{check}{self.global_name(b)}.set({value});"
        if st == "fn":
            raise AssertionError("a fixed function binding is never written")
        name = self.local(b)
        if st == "cell":
            if _copy_cell(self.vty(b)):
                return f"{name}.set({value});"
            t = self.tmp("v")
            return f"let {t} = {value}; *{name}.borrow_mut() = {t};"
        return f"{name} = {value};"

    def global_name(self, b: Binding) -> str:
        g = self.globals.get(b.sid)
        if g is None:
            g = f"G_{b.name.upper()}_{b.sid}" if any(x.name == b.name for x in self.scopes.bindings.values() if x is not b) else f"G_{b.name.upper()}"
            g = g.replace("$", "_S")
            self.globals[b.sid] = g
        return g

    def early_read_globals(self) -> set[int]:
        """The temporal dead zone across a call: `f()` placed before `const v` that `f`
        reads (in the same function) throws in JS if it runs first. Such a `v` that is a
        global gets a flag its reads and writes test (`tdz_flag`); any other is refused
        at the call (`refuse_early_call`). The callee is the function a fixed binding
        names; a call through anything else is not seen (a limit of this syntactic check)."""
        from .scopes import FUNCTION_TYPES, _parents

        parents = _parents(self.scopes)
        out: set[int] = set()
        for node in self.p.nodes:
            if node.type != "CallExpression" or node.callee.type != "Identifier":
                continue
            b = self.scopes.binding_of(node.callee)
            f = self.scopes.fn_of_binding(b) if b is not None else None
            if f is None:
                continue
            up = parents.get(self.p.sid(node))
            while up is not None and up.type not in FUNCTION_TYPES:
                up = parents.get(self.p.sid(up))
            owner = self.p.sid(up) if up is not None else None
            at = self.p.site(self.p.sid(node)).start
            for v in self.reachable_free(f):
                if (v.kind in ("let", "const", "class") and v.owner == owner and v.is_global
                        and at < self.p.site(v.sid).start):
                    out.add(v.sid)
        return out

    def reachable_free(self, f: FnInfo) -> set:
        """The bindings ``f`` captures, and those the functions it names by a fixed binding
        capture, transitively (`f` calls `g` that reads `v`)."""
        seen, todo, out = {f.sid}, [f], set()
        while todo:
            for v in todo.pop().free:
                out.add(v)
                g = self.scopes.fn_of_binding(v)
                if g is not None and g.sid not in seen:
                    seen.add(g.sid)
                    todo.append(g)
        return out

    def tdz_flag(self, b: Binding) -> Optional[str]:
        """The flag of a global in `tdz` (None for any other binding)."""
        return self.global_name(b) + "_SET" if b.sid in self.tdz and self.storage(b) == "global" else None

    def tdz_check(self, b: Binding) -> str:
        """A statement throwing JS's ReferenceError when ``b`` is read before initialised."""
        msg = rust_str(f"Cannot access '{b.name}' before initialization")
        return f"if !{self.tdz_flag(b)}.get() {{ jsrt::throw_engine_error(\"ReferenceError\", {msg}); }}"

    def init_write(self, b: Binding, value: str) -> str:
        """`write` for the declaration of a hoisted binding: a `tdz` global's flag is set."""
        flag = self.tdz_flag(b)
        if flag is None:
            return self.write(b, value)
        return f"{self.global_name(b)}.set({value}); {flag}.set(true);"

    def default_value(self, ty: str) -> str:
        if is_ref(ty):
            raise AssertionError(f"a struct-typed binding ({ty}) is never declared without a value")
        if is_arr(ty):
            return f"{arr_path(ty)}::default()"
        return {F64: "f64::NAN", BOOL: "false", DYN: "JsValue::Undefined", R.I64: "0"}[ty]

    def declare(self, b: Binding, init: Optional[str]) -> str:
        """The Rust statement introducing ``b`` (``init`` already coerced)."""
        st = self.storage(b)
        ty = self.vty(b)
        value = init if init is not None else self.default_value(ty)
        if st == "global":
            return f"{self.global_name(b)}.set({value});"
        if st == "fn":
            return ""
        name = self.local(b)
        if st == "cell":
            return f"let {name}: {_cell_type(ty)} = {_new_cell(ty, value)};"
        return f"let mut {name}: {R.rust(ty)} = {value};"

    # -- functions ---------------------------------------------------------------------
    def fn_value(self, f: FnInfo) -> str:
        """A static fn as a JS value (passed to `map`, stored in a variable).  A function JS
        creates once per run (declared at the top level, outside blocks) gets one value per run
        (`exit::once_per_run`), so every use of it as a value is the same object; one JS
        creates afresh per evaluation (nested, in a loop) gets a fresh value per use."""
        name = self.ensure_static(f, 1 if self.linear and f.sid in self.cycles.scc else 0)
        if not self.made_once_per_run(f):
            return self.fn_value_new(f, name)
        cell = f"FV_{name}"
        if cell not in self.fn_value_cells:
            self.fn_value_cells.add(cell)
            self.item_lines.append([(f"thread_local! {{ static {cell}: RefCell<Option<(u32, JsValue)>> = "
                                     f"const {{ RefCell::new(None) }}; }}", self.p.site(f.sid).line)])
        return f"jsrt::exit::once_per_run(&{cell}, || {self.fn_value_new(f, name)})"

    def made_once_per_run(self, f: FnInfo) -> bool:
        """Whether JS evaluates `f`'s definition once per run: a declaration, or a `const`'s
        function, at the top level and outside any block or loop."""
        b = self.scopes.defining_binding(f)
        return b is not None and b.is_global

    def fn_value_new(self, f: FnInfo, name: str, bare: bool = False) -> Optional[str]:
        """The expression that makes static fn `name`'s value (``bare``: only the Rust
        closure that value boxes, see `inline_callback`; None where the value only stops)."""
        js_name = f.name or (f.declared.name if f.declared else "")
        length = _declared_length(f.node.params)
        if is_arr(self.ret_ty(f)) or any(is_arr(self.param_ty(p)) for p in f.params):
            if bare:
                return None
            # only direct calls reach a fn that takes or returns a typed array (rustgen/arrays.py):
            # this value form just fills the binding (`const mul = (x, y) => [..]`) and never
            # runs; if it did, it stops instead of converting arrays
            stop = self.side_exit(f.sid, "a direct call", "a call through the function value")
            return (f"JsValue::func({rust_str(js_name)}, |_this: JsValue, _args: &[JsValue]| -> JsValue {{ {stop} }})"
                    f".with_length({length}).with_source({rust_str(self.p.text(f.sid))})")
        args = []
        for i, p in enumerate(f.params):
            ty = self.param_ty(p)
            a = E(f"args.get({i}).cloned().unwrap_or(JsValue::Undefined)", DYN)
            args.append(self.coerce(a, ty, p.sid if p is not None else f.sid))
        call = E(f"{name}({', '.join(args)})", self.ret_ty(f))
        if bare:
            return f"|_this: JsValue, args: &[JsValue]| -> JsValue {{ {R.to_dyn(call)} }}"
        return (f"JsValue::func({rust_str(js_name)}, |_this: JsValue, args: &[JsValue]| {R.to_dyn(call)})"
                f".with_length({length}).with_source({rust_str(self.p.text(f.sid))})")

    def emit_static_fn(self, f: FnInfo, name: str, depth: int) -> None:
        params = ", ".join(f"{'mut ' if p.writes else ''}{self.local(p)}: {R.rust(self.param_ty(p))}" for p in f.params)
        ret = self.ret_ty(f)
        saved_fn, saved_indent, saved_line, saved_depth = self.fn, self.indent, self.cur_line, self.depth
        self.fn = FnCtx(f, ret)
        self.depth = depth
        self.indent = 0
        self.cur_line = self.p.site(f.sid).line
        header = f"fn {name}({params}) -> {R.rust(ret)} {{"
        self.fn_sigs[f.sid] = f"fn({', '.join(R.rust(self.param_ty(p)) for p in f.params)}) -> {R.rust(ret)}"
        def body() -> None:
            for p in f.params:
                if p is not None and self.storage(p) == "cell":
                    name = self.local(p)
                    self.out(f"let {name}: {_cell_type(self.vty(p))} = {_new_cell(self.vty(p), name)};")
            self.fn_body(f)

        try:  # (restored on a refusal too: a caller's loop context must still be there)
            body = self.block_lines(body)
            self.item_lines.append([(header, self.cur_line)] + body + [("}", self.cur_line)])
        finally:
            self.fn, self.indent, self.cur_line, self.depth = saved_fn, saved_indent, saved_line, saved_depth

    def fn_body(self, f: FnInfo, this_value: str = "&JsValue::Undefined", owner: Optional[str] = None) -> None:
        """Parameters already bound; emit hoisted declarations, statements and the fall-off.

        A body first counts its frame (`jsrt::enter`), so runaway recursion throws the
        catchable `RangeError` Node throws instead of overflowing the Rust stack; a
        number-only leaf, which cannot recurse, skips it (`leaves`). With stack tracking
        it also enters its labelled frame (a method's label names its receiver's class:
        ``owner`` where the emitter knows it, else read from ``this_value``) — except a
        number-only leaf, which can neither call nor throw, so no stack is ever taken
        while it runs.

        The record views of bindings (`declare_rec_views`) are put back as they were
        afterwards: a body may be emitted while another is (a static fn first met in a
        call), even another copy of the same function (linear mode's unrolled levels),
        whose views are other Rust locals.
        """
        saved_views = dict(self.rec_views)
        try:
            self._fn_body(f, this_value, owner)
        finally:
            self.rec_views = saved_views

    def _fn_body(self, f: FnInfo, this_value: str, owner: Optional[str]) -> None:
        leaf = frameless(self.scopes, self.types, f)
        self.fn.untracked = leaf
        if self.stacks and not leaf:
            plain = f.name or (f.declared.name if f.declared else "")
            kind, name = self.labels.get(id(f.node), ("FUNC" if plain and f.node.type != "ArrowFunctionExpression"
                                                      else "PLAIN", plain))
            if owner is not None and kind == "METHOD":
                self.out(f"let _frame = jsrt::callstack::push_owned(jsrt::callstack::METHOD, {rust_str(name)}, "
                         f"{rust_str(owner)});")
            else:
                self.out(self.frame_entry(kind, name, this_value))
            if f.node.body.type != "BlockStatement":
                self.announce(self.p.sid(f.node.body))
        elif not leaf:
            self.out(self.frame_entry("PLAIN", ""))
        if f.sid not in self.profile.executed:
            self.out(self.side_exit(f.sid, "no call", "a call") + ";")
            return
        for p in f.params:
            if p is not None:
                self.declare_rec_views(p)
        body = f.node.body
        if body.type != "BlockStatement":
            e = self.arr_value(body, self.fn.ret) if is_arr(self.fn.ret) else self.expr(body)
            self.out(self.coerce(e, self.fn.ret, self.p.sid(body)))
            return
        self.hoist(f.node, body.body)
        for st in body.body:
            self.stmt(st)
        if not _ends_in_return(body.body):
            if self.fn.ret == DYN:
                self.out("JsValue::Undefined")
            else:
                self.out(self.side_exit(f.sid, "a return value", "undefined"))

    def closure(self, f: FnInfo, name_code: Optional[str] = None, bare: bool = False) -> E:
        """A non-static function as a `JsValue::func` closure over cloned cells.
        ``name_code``: a Rust `&str` expression naming it (a computed method key);
        ``bare`` (an arrow only): the Rust closure alone, not boxed into a value
        (`inline_callback`)."""
        node = f.node
        caps = sorted(self.captures(f), key=lambda b: b.sid)
        lines = [f"let {self.local(b)} = {self.local(b)}.clone();" for b in caps]
        is_arrow = node.type == "ArrowFunctionExpression"
        outer = self.fn
        uses_super = _uses_super(node)
        if is_arrow and f.uses_this:
            lines.append("let this = this.clone();")
        if uses_super:
            lines.append("let parent_class = parent_class.clone();")
        guard = outer.this_guard if is_arrow else None  # an arrow sees its constructor's `this`
        if guard is not None and (f.uses_this or uses_super):
            lines.append(f"let {guard} = {guard}.clone();")
        this_param = "_this" if is_arrow else "this"
        self.fn = FnCtx(f, DYN, this_guard=guard, super_static=outer.super_static if is_arrow else self.method_static(f))
        js_name = rust_str(f.name or (f.declared.name if f.declared else "")) if name_code is None else name_code
        me = f.declared if f.declared is not None and f.declared.kind == "fname" and self.named_itself(f.declared) else None

        structs = self.method_structs(f) if not is_arrow else None

        def body() -> None:
            if structs:
                self.delegate_to_structs(f, structs)
            if me is not None:
                self.out(self.declare(me, self.coerce(E("_me", DYN), self.vty(me), me.sid)))
            if f.uses_arguments and not is_arrow:
                if id(node) not in self.strict_fns and not self.strict_program and f.simple_params and f.params:
                    at = _arguments_aliasing(self.scopes, f)
                    if at is not None:
                        raise self.unsupported(at, "a sloppy-mode `arguments` object aliasing its function's "
                                                   "parameters (written, or passed on)")
                self.out("let arguments = JsValue::array(args.to_vec());")
            if f.uses_this and not is_arrow and id(node) not in self.strict_fns:
                self.out("let this = jsrt::ops::sloppy_this(this);")  # (called plainly: the global object)
            for i, p in enumerate(node.params):
                self.bind_param(i, p, f)
            self.fn_body(f, "&" + this_param)

        try:
            body_lines = self.block_lines(body)
        finally:
            self.fn = outer
        pad = "    " * (self.indent + 1)
        text = "{\n" + "".join(pad + ln + "\n" for ln in lines)
        ctor = not is_arrow and f.uses_this and not self.is_method(f)
        if me is not None:
            text += (f"{pad}JsValue::named_func({js_name}, {'true' if ctor else 'false'}, "
                     f"move |_me: JsValue, {this_param}: JsValue, args: &[JsValue]| -> JsValue {{\n")
        elif bare:
            assert is_arrow, "only an arrow's closure is taken bare"
            text += f"{pad}move |{this_param}: JsValue, args: &[JsValue]| -> JsValue {{\n"
        else:
            # a computed key names the function at run time (`func_named`); others are literals
            maker = "ctor_fn" if ctor else "func" if name_code is None else "func_named"
            text += f"{pad}JsValue::{maker}({js_name}, move |{this_param}: JsValue, args: &[JsValue]| -> JsValue {{\n"
        text += "".join("    " + ln + "\n" for ln, _ in body_lines)
        end = "}" if bare else f"}}).with_length({_declared_length(node.params)}).with_source({rust_str(self.p.text(f.sid))})"
        text += pad + end + "\n" + "    " * self.indent + "}"
        return E(text, DYN)

    def method_structs(self, f: FnInfo) -> Optional[list]:
        """For a method of a class whose instances (of it or of subclasses) are records with
        typed array fields (``fieldarrs``): those records, when each runs ``f`` as a static
        Rust fn (``static_method``) whose signature converts from ``JsValue``; else None.
        Why: the method's closure (called on a dynamic receiver) then calls that fn for each
        struct, and its own body only ever sees a `this` that is no record, whose `this.k`
        is no typed field."""
        from .scopes import _parents

        m = _parents(self.scopes).get(f.sid)
        if (not self.arr_fields or m is None or m.type != "MethodDefinition" or m.static or m.computed
                or m.kind != "method" or m.key.type != "Identifier"):
            return None
        cls = _parents(self.scopes).get(self.p.sid(m))
        cls = _parents(self.scopes).get(self.p.sid(cls)) if cls is not None else None  # (ClassBody -> class)
        recs = []
        for r in sorted(self.records.values(), key=lambda r: r.name):
            plan = r.plan
            while plan is not None and plan.node is not cls:
                plan = plan.parent
            if plan is not None:
                recs.append(r)
        if not any(is_arr(r.rep(k)) for r in recs for k in r.fields):
            return None
        for r in recs:
            g = self.static_method(r, m.key.name)
            if (g is not f or is_arr(self.ret_ty(f)) or any(is_arr(self.param_ty(p)) for p in f.params)):
                return None
        return recs

    def delegate_to_structs(self, f: FnInfo, recs: list) -> None:
        """The start of method ``f``'s closure (``method_structs``): a `this` of one of the
        structs calls its static fn; any other record side-exits (a method borrowed onto an
        object it was not written for, `m.call(other)`); the rest runs the dynamic body."""
        for r in recs:
            name = self.ensure_method(r, f)
            args = [self.coerce(E(f"args.get({i}).cloned().unwrap_or(JsValue::Undefined)", DYN), self.param_ty(p), p.sid)
                    for i, p in enumerate(f.params)]
            call = E(f"{name}(_r{''.join(', ' + a for a in args)})", self.ret_ty(f))
            self.out(f"if let Some(_r) = jsrt::value::as_rec_rc::<{r.name}>(&this) {{ return {R.to_dyn(call)}; }}")
        exit_ = self.side_exit(f.sid, "a class instance this method was compiled for", "another record")
        self.out(f"if let JsValue::Rec(_) = &this {{ {exit_}; }}")
        self.fn.this_plain = True

    def captures(self, f: FnInfo) -> set:
        """The bindings of enclosing functions a closure of ``f`` takes a clone of: its cells
        (a shared handle) and its by-value consts (a copy of the value)."""
        return {b for b in f.free if self.storage(b) == "cell" or b.sid in self.by_value}

    def is_method(self, f: FnInfo) -> bool:
        from .scopes import _parents

        parent = _parents(self.scopes).get(f.sid)
        return parent is not None and parent.type == "MethodDefinition"

    def method_static(self, f: FnInfo) -> bool:
        """Whether ``f`` is a static method: its `super` is the parent class itself."""
        from .scopes import _parents

        parent = _parents(self.scopes).get(f.sid)
        return parent is not None and parent.type == "MethodDefinition" and bool(parent.static)

    def named_itself(self, b: Binding) -> bool:
        """Whether the name a function or class expression gives itself is read anywhere
        (then the value must be able to reach itself: `named_func`, or the class cell)."""
        refs = self._self_refs
        if refs is None:
            refs = self._self_refs = {b.sid for sid, b in self.scopes.ref.items()
                                      if sid != b.sid and b.kind in ("fname", "class")}
        return b.sid in refs

    def bind_param(self, i: int, p: Any, f: FnInfo) -> None:
        if p.type == "RestElement":
            self.bind_pattern(p.argument, E(f"JsValue::array(args.get({i}..).unwrap_or(&[]).to_vec())", DYN), True)
            return
        arg = E(f"args.get({i}).cloned().unwrap_or(JsValue::Undefined)", DYN)
        self.bind_pattern(p, arg, True, ("", None))

    def bind_pattern(self, pat: Any, value: E, declaring: bool, src: Optional[tuple] = None) -> None:
        """Destructure ``value`` into a pattern (declaration or assignment)."""
        t = pat.type
        if t == "Identifier":
            b = self.scopes.binding_of(pat)
            if b is None:
                raise self.unsupported(pat, f"assignment to undeclared variable {pat.name}")
            v = self.coerce(value, self.vty(b), b.sid)
            fresh = declaring and b.sid not in self.hoisted and self.storage(b) != "global"
            self.out(self.declare(b, v) if fresh else self.init_write(b, v) if declaring else self.write(b, v))
            if fresh and b.kind != "param":  # (parameters: `fn_body`, once all are bound)
                self.declare_rec_views(b)
            return
        if t == "AssignmentPattern":
            tv = self.tmp()
            self.out(f"let {tv} = {R.to_dyn(value)};")
            d = self.expr(pat.right)
            self.bind_pattern(pat.left, E(f"if let JsValue::Undefined = {tv} {{ {R.to_dyn(d)} }} else {{ {tv} }}", DYN), declaring, src)
            return
        if t == "MemberExpression" and not declaring:
            obj = R.to_dyn(self.expr(pat.object))
            key = self.member_key(pat)
            self.out(f"jsrt::ops::set_dyn{self.mode()}(&{obj}, &{key}, {R.to_dyn(value)});")
            return
        tv = self.tmp()
        # (``src`` names the value in V8's TypeError when it cannot be destructured: see
        # `calleetext.pattern_source`; "" describes the value, None is a nested pattern)
        if t == "ArrayPattern":  # (it iterates: a string by code point, a Map, a Set, a program's iterable)
            self.out(f"let {tv} = jsrt::builtins::iterated_as({R.to_dyn(value)}, {_rust_opt(src[1] if src else None)});")
        elif t == "ObjectPattern":
            first = pat.properties[0] if pat.properties else None
            key = None
            if first is not None and first.type != "RestElement" and not first.computed:
                key = first.key.name if first.key.type == "Identifier" else (
                    first.key.value if isinstance(first.key.value, str) else _num_key(first.key.value))
            label = None if src is None or (first is not None and first.type != "RestElement"
                                            and first.value.type == "AssignmentPattern") else src[0]
            self.out(f"let {tv} = jsrt::builtins::destructurable({R.to_dyn(value)}, {_rust_opt(key)}, {_rust_opt(label)});")
        else:
            self.out(f"let {tv} = {R.to_dyn(value)};")
        if t == "ArrayPattern":
            for i, el in enumerate(pat.elements):
                if el is None:
                    continue
                if el.type == "RestElement":
                    self.bind_pattern(el.argument, E(f"jsrt::builtins::rest_of(&{tv}, {i})", DYN), declaring)
                else:
                    self.bind_pattern(el, E(f"jsrt::ops::get_index(&{tv}, {i}.0)", DYN), declaring)
            return
        if t == "ObjectPattern":
            taken = []
            for prop in pat.properties:
                if prop.type == "RestElement":
                    keys = ", ".join(taken)
                    self.bind_pattern(prop.argument, E(f"jsrt::builtins::object_rest(&{tv}, &[{keys}])", DYN), declaring)
                    continue
                if prop.computed:
                    # the key is computed once, read, and also left out of a `...rest`
                    kt = self.tmp("k")
                    self.out(f"let {kt}: JsValue = {R.to_dyn(self.expr(prop.key))};")
                    taken.append(f"&*{kt}.to_js_string()")
                    self.bind_pattern(prop.value, E(f"jsrt::ops::get_dyn(&{tv}, &{kt})", DYN), declaring)
                    continue
                key = prop.key.name if prop.key.type == "Identifier" else str(prop.key.value)
                taken.append(rust_str(key))
                self.bind_pattern(prop.value, E(f"jsrt::ops::get_lit(&{tv}, {rust_str(key)})", DYN), declaring)
            return
        raise self.unsupported(pat, f"{t} as a binding pattern")

    def hoist(self, scope_node: Any, stmts: list) -> None:
        """At the start of a function or block: cells for captured bindings declared here
        (so closures hoisted above their declaration can capture them), then the
        function declarations of this block (JS hoists them)."""
        for b in self.scopes.declared_in.get(self.p.sid(scope_node), []):
            # (a function expression's own name is bound by `closure`, to the function)
            if (self.storage(b) == "cell" and b.kind not in ("param", "fname")) or (b.kind == "var" and self.storage(b) == "local"):
                self.out(self.declare(b, None))
                self.hoisted.add(b.sid)
        for st in stmts:
            if st.type == "FunctionDeclaration":
                f = self.scopes.functions[self.p.sid(st)]
                b = f.declared
                if f.static:
                    continue
                c = self.closure(f)
                if self.storage(b) in ("cell", "global"):
                    self.out(self.write(b, c.code))
                else:
                    self.out(self.declare(b, c.code))

    # -- statements --------------------------------------------------------------------
    def frame_entry(self, kind: str, name: str, this_value: str = "&JsValue::Undefined") -> str:
        """Count a JS frame (`jsrt::enter`: runaway recursion throws Node's RangeError); with
        stack tracking, enter it labelled on the tracked stack instead, which counts it too
        (`callstack::push`)."""
        if not self.stacks:
            return "let _frame = jsrt::enter();"
        return f"let _frame = jsrt::callstack::push(jsrt::callstack::{kind}, {rust_str(name)}, {this_value});"

    def announce(self, sid: int) -> None:
        """The statement ``sid`` is about to run (stack tracking: frames stopped here
        show its position)."""
        self.stack_sids.add(sid)
        self.out(f"jsrt::callstack::at({sid});")

    def may_stop(self, node: Any) -> bool:
        """Can the statement's own evaluation (a compound statement's test, not its body,
        whose statements announce themselves) call or throw, so that a stack may be taken
        while it runs? Number-only code cannot (``leaves.runs_nothing``), unless it reads a
        binding before its initialisation (a ReferenceError)."""
        t = node.type
        if t in ("IfStatement", "WhileStatement", "DoWhileStatement"):
            parts = [node.test]
        elif t == "ForStatement":
            parts = [x for x in (node.init, node.test, node.update) if x is not None]
        elif t in ("ReturnStatement", "ExpressionStatement", "VariableDeclaration", "BreakStatement",
                   "ContinueStatement"):
            parts = [node]
        else:
            return True
        stack = []
        for part in parts:
            if not runs_nothing(self.scopes, self.types, part):
                return True
            stack.append(part)
        while stack:
            n = stack.pop()
            b = self.scopes.binding_of(n) if n.type == "Identifier" else None
            if b is not None and self.tdz_flag(b) is not None:
                return True
            stack.extend(child_nodes(n))
        return False

    def stmt(self, node: Any) -> None:
        self.cur_line = node.loc.start.line
        t = node.type
        if self.stacks and t not in _UNANNOUNCED and not self.fn.untracked and self.may_stop(node):
            self.announce(self.p.sid(node))
        m = getattr(self, "s_" + t, None)
        if m is None:
            raise self.unsupported(node, t)
        m(node)

    def s_EmptyStatement(self, node: Any) -> None:
        pass

    def s_FunctionDeclaration(self, node: Any) -> None:
        pass  # hoisted

    def s_ExpressionStatement(self, node: Any) -> None:
        e = node.expression
        if e.type == "AssignmentExpression" and e.operator == "=":
            self.assign(e, as_stmt=True)
            return
        if e.type == "UpdateExpression":
            self.out(self.update(e, as_stmt=True))
            return
        if e.type == "AssignmentExpression":
            self.assign(e, as_stmt=True)
            return
        ex = self.expr(e)
        self.out(f"{ex.code};" if ex.ty != DYN or not ex.code.endswith(".clone()") else f"let _ = {ex.code};")

    def s_VariableDeclaration(self, node: Any) -> None:
        for d in node.declarations:
            if d.id.type == "Identifier":
                b = self.scopes.binding_of(d.id)
                if d.init is None:
                    if self.tdz_flag(b) is not None:
                        self.out(f"{self.tdz_flag(b)}.set(true);")  # (holding its default `undefined`)
                    if node.kind == "var" or self.storage(b) in ("cell", "global"):
                        continue  # already hoisted/declared
                    self.out(self.declare(b, None if self.vty(b) != DYN else "JsValue::Undefined"))
                    continue
                start = self.int_store(d.init) if self.vty(b) == R.I64 else None
                if start is not None:  # `let j = i + 1`, `const n = a.length` (`counters`): no f64 round trip
                    v = start
                else:
                    ty = self.vty(b)
                    init = self.arr_value(d.init, ty) if is_arr(ty) else self.fn_expr_or_expr(d.init, b)
                    v = self.coerce(init, self.vty(b), b.sid)
                st = self.storage(b)
                if st == "fn":
                    continue
                hoisted = node.kind == "var" or st in ("cell", "global")
                self.out(self.init_write(b, v) if hoisted else self.declare(b, v))
            else:
                if d.init is None:
                    raise self.unsupported(d, "destructuring declaration without initialiser")
                self.bind_pattern(d.id, self.expr(d.init), True, pattern_source(d.init, self.p.source))

    def fn_expr_or_expr(self, init: Any, b: Binding) -> E:
        if init.type in ("ArrowFunctionExpression", "FunctionExpression"):
            f = self.scopes.functions[self.p.sid(init)]
            if f.static and self.scopes.fn_of_binding(b) is f:
                return E(self.fn_value(f), DYN)
        return self.expr(init)

    def s_ReturnStatement(self, node: Any) -> None:
        if self.fn.info is None:
            raise self.unsupported(node, "return outside a function")
        if node.argument is None:
            e = E("JsValue::Undefined", DYN)
        elif is_arr(self.fn.ret):  # a typed array the caller keeps typed (`arrays`)
            e = self.arr_value(node.argument, self.fn.ret)
        else:
            grown = self.return_grown(node.argument)
            e = grown if grown is not None else self.expr(node.argument)
        sid = self.p.sid(node.argument if node.argument is not None else node)
        v = self.coerce(e, self.fn.ret, sid)
        if self.fn.derived:
            v = f"jsrt::ops::derived_return({v}, &{self.fn.this_guard})"
        self.out(f"return Some({v});" if self.fn.try_depth else f"return {v};")

    def return_grown(self, arg: Any) -> Optional[E]:
        """`return x + e` where `x` is a plain local and `e` never mentions it: `x` is dead
        after the return, so `e` is appended onto `x` in place (`append`) and `x` itself is
        returned: a serializer's `return out + '}'` no longer copies all of `out`. Not
        inside a `try` (a `finally` could still read `x`). None: not this form."""
        if self.fn.try_depth or arg.type != "BinaryExpression" or arg.operator != "+":
            return None
        leaves = self.string_chain_start(arg)
        if leaves is not None and not _is_str_literal(leaves[1]):
            return None  # (a template second may run code before `x` is converted)
        head = leaves[0] if leaves is not None else arg.left
        rest = leaves[1:] if leaves is not None else [arg.right]
        b = self.scopes.binding_of(head) if head.type == "Identifier" else None
        if b is None or self.vty(b) != DYN or self.storage(b) != "local" or b.kind not in ("let", "var"):
            return None  # (a parameter or a `const` is no `mut` Rust local)
        from ..frontend import child_nodes

        stack = list(rest)
        while stack:
            n = stack.pop()
            if n.type == "Identifier" and n.name == b.name:
                return None
            stack.extend(child_nodes(n))
        name = self.local(b)
        code = self.append_chain(name, rest, "first") if leaves is not None else self.append(name, arg.right)
        self.out("{ " + code + " }")
        return E(name, DYN)

    def s_BlockStatement(self, node: Any) -> None:
        self.out("{")
        lines = self.block_lines(lambda: self._block_body(node, node.body))
        self.lines.extend(lines)
        self.out("}")

    def _block_body(self, scope_node: Any, stmts: list) -> None:
        self.hoist(scope_node, stmts)
        for st in stmts:
            self.stmt(st)

    def branch_outcomes(self, node: Any) -> set:
        o = self.profile.outcomes.get(self.p.sid(node))
        if not o and getattr(node, "test", None) is not None:
            o = self.profile.outcomes.get(self.p.sid(node.test))
        return set(o or ())

    def s_IfStatement(self, node: Any) -> None:
        sid = self.p.sid(node)
        outs = self.branch_outcomes(node)
        cond = R.truthy(self.expr(node.test))
        if outs == {True} and node.alternate is None:
            self.out(f"if !{_paren(cond)} {{ {self.side_exit(sid, 'true', 'false')}; }}")
            self.stmt_as_block(node.consequent, open_line=None)
            return
        if outs == {False}:
            self.out(f"if {cond} {{ {self.side_exit(sid, 'false', 'true')}; }}")
            if node.alternate is not None:
                self.stmt_as_block(node.alternate, open_line=None)
            return
        self.out(f"if {cond} {{")
        self.lines.extend(self.block_lines(lambda: self._inline(node.consequent)))
        if node.alternate is None:
            self.out("}")
            return
        if outs == {True}:
            self.out("} else {")
            self.lines.extend(self.block_lines(lambda: self.out(self.side_exit(sid, "true", "false") + ";")))
            self.out("}")
            return
        self.out("} else {")
        self.lines.extend(self.block_lines(lambda: self._inline(node.alternate)))
        self.out("}")

    def stmt_as_block(self, node: Any, open_line: Optional[str]) -> None:
        self.out("{")
        self.lines.extend(self.block_lines(lambda: self._inline(node)))
        self.out("}")

    def _inline(self, node: Any) -> None:
        """A statement as the body of a Rust block (a JS block's braces are not doubled)."""
        if node.type == "BlockStatement":
            self._block_body(node, node.body)
        else:
            self.stmt(node)

    # loops
    def _loop(self, node: Any, js_labels: list, head: str, body_fn, tail: list[str], cont_block: bool,
              pre: Optional[list[str]] = None, post: Optional[list[str]] = None) -> None:
        """`'lN: head { pre; 'cN: { body } post; tail }`; `continue` leaves the `'cN`
        block so that `post` and `tail` (a for-loop's update) still run."""
        n = self.tmp("")
        cont_block = cont_block or bool(post)
        ctx = LoopCtx(f"'l{n}", f"'c{n}" if cont_block else None, js_labels, try_depth=self.fn.try_depth)
        self.fn.loops.append(ctx)
        try:
            self.out(f"{ctx.label}: {head} {{")
            if cont_block:
                inner = self.block_lines(body_fn)
                used = any(ctx.cont in ln for ln, _ in inner)

                def wrapped() -> None:
                    for ln in pre or []:
                        self.out(ln)
                    if used:
                        self.out(f"{ctx.cont}: {{")
                        self.lines.extend(inner)
                        self.out("}")
                    else:
                        self.lines.extend((ln[4:], js) for ln, js in inner)
                    for ln in (post or []) + tail:
                        self.out(ln)

                self.lines.extend(self.block_lines(wrapped))
            else:
                self.lines.extend(self.block_lines(body_fn))
                if tail:
                    self.lines.extend(self.block_lines(lambda: [self.out(t) for t in tail]))
            self.out("}")
        finally:
            self.fn.loops.pop()

    def s_WhileStatement(self, node: Any, js_labels: Optional[list] = None) -> None:
        cond = R.truthy(self.expr(node.test))
        self._loop(node, js_labels or [], f"while {cond}", lambda: self._inline(node.body), [], False)

    def s_DoWhileStatement(self, node: Any, js_labels: Optional[list] = None) -> None:
        cond = R.truthy(self.expr(node.test))
        self._loop(node, js_labels or [], "loop", lambda: self._inline(node.body), [f"if !{_paren(cond)} {{ break; }}"], True)

    def s_ForStatement(self, node: Any, js_labels: Optional[list] = None) -> None:
        """A `for (let i ...)` variable captured by a closure is a fresh cell per
        iteration (JS copies the binding each time round): the test and update use a
        plain local, the body a cell made from it, copied back after the body."""
        self.out("{")
        per_iter = [b for b in self.scopes.declared_in.get(self.p.sid(node), []) if b.captured]

        def whole() -> None:
            if node.init is not None:
                if node.init.type == "VariableDeclaration":
                    for b in per_iter:
                        self.storage_override[b.sid] = "local"
                    self.s_VariableDeclaration(node.init)
                else:
                    self.out(self.expr_stmt(node.init))
            cond = R.truthy(self.expr(node.test)) if node.test is not None else None
            tail = [self.expr_stmt(node.update)] if node.update is not None else []
            pre, post = [], []
            for b in per_iter:
                local, cell = self.local(b), self.local(b) + "_cell"
                ty = self.vty(b)
                pre.append(f"let {cell}: {_cell_type(ty)} = {_new_cell(ty, local + ('.clone()' if R.rust(ty) == 'JsValue' else ''))};")
                post.append(f"{local} = {cell}.get();" if _copy_cell(ty) else f"{local} = {cell}.borrow().clone();")

            def body() -> None:
                saved = {b.sid: self.local_names.get(b.sid) for b in per_iter}
                for b in per_iter:
                    self.local_names[b.sid] = self.local(b) + "_cell"
                    self.storage_override[b.sid] = "cell"
                self._inline(node.body)
                for b in per_iter:
                    self.local_names[b.sid] = saved[b.sid]
                    self.storage_override[b.sid] = "local"

            head = f"while {cond}" if cond is not None else "loop"
            self._loop(node, js_labels or [], head, body, tail, bool(tail), pre, post)
            for b in per_iter:
                del self.storage_override[b.sid]

        self.lines.extend(self.block_lines(whole))
        self.out("}")

    def expr_stmt(self, node: Any) -> str:
        """An expression evaluated for effect, as one Rust statement."""
        if node.type == "UpdateExpression":
            return self.update(node, as_stmt=True)
        if node.type == "AssignmentExpression":
            saved = self.lines
            self.lines = []
            ind = self.indent
            self.indent = 0
            self.assign(node, as_stmt=True)
            text = " ".join(ln.strip() for ln, _ in self.lines)
            self.lines, self.indent = saved, ind
            return text
        if node.type == "SequenceExpression":
            return " ".join(self.expr_stmt(e) for e in node.expressions)
        e = self.expr(node)
        return f"let _ = {e.code};"

    def s_ForOfStatement(self, node: Any, js_labels: Optional[list] = None) -> None:
        # live, as JS iterates: a body may push to the array or change the Map/Set it walks
        right = node.right
        if (self.string_method(right) is not None and right.callee.property.name == "split"
                and len(right.arguments) == 1 and _is_str_literal(right.arguments[0]) and right.arguments[0].value):
            # `for (x of s.split(',')`: the pieces one at a time (`strmeth::for_of_split`)
            callee = right.callee
            obj = callee.object
            text = f"{obj.name}.split" if obj.type == "Identifier" else "this.split" if obj.type == "ThisExpression" else ""
            walk = (f"jsrt::strmeth::for_of_split({self.operand_ref(obj)}, {rust_str(right.arguments[0].value)}, "
                    f"{rust_str(text)})")
            self._for_each(node, "", js_labels, walk)
            return
        a = self.typed_array(right)
        if a is not None:
            self._for_of_typed(node, a, self.typed_elem(right), js_labels)
            return
        if right.type == "MemberExpression" and right.computed and self.typed_array(right.object) is not None:
            row = self.expr(right)  # `for (x of rows[i])` over an array of arrays (`arrays`)
            self._for_of_typed(node, row.code, R.arr_elem(row.ty), js_labels)
            return
        text = rust_str(iterable_text(node.right, self.p.source))
        self._for_each(node, "", js_labels, f"jsrt::iterators::for_of(&{R.to_dyn(self.expr(node.right))}, {text})")

    def _for_of_typed(self, node: Any, a: str, elem: str, js_labels: Optional[list]) -> None:
        """`for (x of a)` over a typed array of ``elem``s (``arrays`` let it through: ``a``
        is never reassigned, or is a row `rows[i]`): by index, reading the length at every
        step as JS's array walk does (elements the body pushes are visited), each element
        bound with its own type — no iterator, no ``JsValue`` per element and no guard to
        take it back out of one."""
        i, item = self.tmp("i"), self.tmp("item")
        value = E(f"({item} as f64)", F64) if elem == R.I64 else E(item, elem)
        left = node.left

        def body() -> None:
            self.out(f"{i} += 1;")
            if left.type == "VariableDeclaration":
                self.bind_pattern(left.declarations[0].id, value, left.kind != "var", (".for", ".for"))
            else:
                self.bind_pattern(left, value, False, (".for", ".for"))
            self._inline(node.body)

        def walk() -> None:
            src = a
            if node.right.type != "Identifier":  # a field or a row: evaluated once, as JS does
                src = self.tmp("fa")
                place = self.field_place(node.right) if node.right.type == "MemberExpression" else None
                if place is not None:  # the record, whose field never changes (an inline one has no `Rc`)
                    self.out(f"let {src} = {place[0]}.clone();")
                    src = f"{src}.{place[1]}"
                else:
                    self.out(f"let {src} = {a}.clone();")
            self.out(f"let mut {i}: usize = 0;")
            self._loop(node, js_labels or [], f"while let Some({item}) = {src}.at({i})", body, [], False)

        self.out("{")
        self.lines.extend(self.block_lines(walk))
        self.out("}")

    def s_ForInStatement(self, node: Any, js_labels: Optional[list] = None) -> None:
        obj = self.tmp("o")
        self.out(f"let {obj} = {R.to_dyn(self.expr(node.right))};")
        # (each key is checked when its turn comes: one the body deleted is not visited)
        walk = f"jsrt::builtins::for_in_keys(&{obj}).into_iter().filter(|k| jsrt::builtins::for_in_present(&{obj}, k))"
        self._for_each(node, "jsrt::builtins::for_in_keys", js_labels, walk)

    def _for_each(self, node: Any, source: str, js_labels: Optional[list], walk: Optional[str] = None) -> None:
        """A `for..of`/`for..in` loop over `source(&value)` (``source`` a runtime walk), or
        over ``walk``, an iterator expression made already (`strmeth::for_of_split`)."""
        item = self.tmp("item")
        left = node.left

        def body() -> None:
            if left.type == "VariableDeclaration":
                pat = left.declarations[0].id
                self.bind_pattern(pat, E(item, DYN), left.kind != "var", (".for", ".for"))
            else:
                self.bind_pattern(left, E(item, DYN), False, (".for", ".for"))
            self._inline(node.body)

        if walk is None:
            walk = f"{source}(&{R.to_dyn(self.expr(node.right))})"
        self._loop(node, js_labels or [], f"for {item} in {walk}", body, [], False)

    def s_LabeledStatement(self, node: Any) -> None:
        labels = [node.label.name]
        body = node.body
        while body.type == "LabeledStatement":
            labels.append(body.label.name)
            body = body.body
        if body.type in ("ForStatement", "WhileStatement", "DoWhileStatement", "ForOfStatement", "ForInStatement"):
            getattr(self, "s_" + body.type)(body, js_labels=labels)
            return
        n = self.tmp("")
        ctx = LoopCtx(f"'b{n}", None, labels, is_switch=True, try_depth=self.fn.try_depth)
        self.fn.loops.append(ctx)
        self.out(f"{ctx.label}: {{")
        self.lines.extend(self.block_lines(lambda: self._inline(body)))
        self.out("}")
        self.fn.loops.pop()

    def _target(self, node: Any, is_continue: bool) -> LoopCtx:
        label = node.label.name if node.label is not None else None
        for ctx in reversed(self.fn.loops):
            if label is not None and label not in ctx.js_labels:
                continue
            if label is None and ctx.is_switch and (is_continue or ctx.js_labels):
                continue
            if is_continue and ctx.is_switch:
                continue
            return ctx
        raise self.unsupported(node, "break/continue target")

    def s_BreakStatement(self, node: Any) -> None:
        ctx = self._target(node, False)
        self.out(self.leave_tries(ctx.try_depth, f"break {ctx.label};"))

    def s_ContinueStatement(self, node: Any) -> None:
        ctx = self._target(node, True)
        self.out(self.leave_tries(ctx.try_depth, f"break {ctx.cont};" if ctx.cont else f"continue {ctx.label};"))

    def leave_tries(self, target_depth: int, jump: str) -> str:
        """``jump`` (a Rust break/continue valid at try depth ``target_depth``) from the
        current depth: as is at that depth, else through the innermost try's jump code."""
        if self.fn.try_depth == target_depth:
            return jump
        t = self.fn.tries[self.fn.try_depth]
        code, _ = t.jumps.setdefault(jump, (len(t.jumps) + 1, target_depth))
        return f"{{ {t.var} = {code}; return None; }}"

    def s_SwitchStatement(self, node: Any) -> None:
        crossing = self.cross_case_lexical(node)
        if crossing is not None:
            raise self.unsupported(crossing, f"`{crossing.name}`, declared by let/const/class in another case of "
                                             "this switch (its temporal dead zone there is not modelled)")
        disc = self.expr(node.discriminant)
        n = self.tmp("")
        d = f"d{n}"
        k = f"k{n}"
        self.out(f"'s{n}: {{")
        ctx = LoopCtx(f"'s{n}", None, [], is_switch=True, try_depth=self.fn.try_depth)

        def body() -> None:
            self.out(f"let {d} = {R.to_dyn(disc)};")
            default_idx = len(node.cases)
            conds = []
            for i, c in enumerate(node.cases):
                if c.test is None:
                    default_idx = i
                    continue
                conds.append((i, self.expr(c.test)))
            chain = " else ".join(f"if jsrt::ops::strict_eq(&{d}, &{R.to_dyn(e)}) {{ {i} }}" for i, e in conds)
            self.out(f"let {k}: usize = {chain + ' else ' if chain else ''}{{ {default_idx} }};")
            self.hoist(node, [s for c in node.cases for s in c.consequent])
            self.fn.loops.append(ctx)
            try:
                for i, c in enumerate(node.cases):
                    if not c.consequent:
                        continue
                    self.out(f"if {k} <= {i} {{")
                    self.lines.extend(self.block_lines(lambda: [self.stmt(s) for s in c.consequent]))
                    self.out("}")
            finally:
                self.fn.loops.pop()

        self.lines.extend(self.block_lines(body))
        self.out("}")

    def cross_case_lexical(self, node: Any) -> Optional[Any]:
        """A use, in one case of switch ``node`` (nested functions included), of a
        let/const/class declared directly in another case; None when there is none.
        Why: entering the switch at a case skips the declarations of the cases before it,
        so such a use may read the binding in its temporal dead zone (a ReferenceError),
        which the emitted Rust does not track: a refusal rather than a wrong answer."""
        declared: dict[int, int] = {}  # binding sid -> index of the declaring case
        for i, c in enumerate(node.cases):
            for st in c.consequent:
                ids = [st.id] if st.type == "ClassDeclaration" and st.id is not None else \
                    [d.id for d in st.declarations if d.id.type == "Identifier"] \
                    if st.type == "VariableDeclaration" and st.kind in ("let", "const") else []
                for ident in ids:
                    b = self.scopes.binding_of(ident)
                    if b is not None:
                        declared[b.sid] = i
        if not declared:
            return None
        for j, c in enumerate(node.cases):
            stack = list(c.consequent)
            while stack:
                n = stack.pop()
                if n.type == "Identifier":
                    b = self.scopes.binding_of(n)
                    if b is not None and declared.get(b.sid, j) != j:
                        return n
                stack.extend(child_nodes(n))
        return None

    def s_ThrowStatement(self, node: Any) -> None:
        e = self.expr(node.argument)
        self.out(f"jsrt::throw({R.to_dyn(e)});")

    def s_TryStatement(self, node: Any) -> None:
        """The protected block runs in a closure under `jsrt::try_catch`; it returns
        `Some(v)` for a JS `return v` inside it, `None` when it completes. The catch
        block runs inline (or, when a `finally` follows, in a closure of its own), then
        the finally block, then the pending completion resumes — including a `break` or
        `continue` that left a closure (``TryCtx``), after the finally block as in JS."""
        t = TryCtx(self.tmp("j"))
        start = len(self.lines)
        # the key and the context are taken now: an `Unsupported` raised inside leaves
        # `try_depth` (and `self.fn`, from a nested function) unrestored
        fn, depth = self.fn, self.fn.try_depth + 1
        fn.tries[depth] = t
        try:
            self._try_statement(node)
        finally:
            fn.tries.pop(depth, None)
        if t.jumps:  # a break/continue left the protected code: declare its slot, then jump
            self.lines.insert(start, ("    " * self.indent + f"let mut {t.var}: u8 = 0;", self.cur_line))
            for jump, (code, target_depth) in t.jumps.items():
                self.out(f"if {t.var} == {code} {{ {self.leave_tries(target_depth, jump)} }}")

    def _try_statement(self, node: Any) -> None:
        r = self.tmp("r")
        ret = R.rust(self.fn.ret) if self.fn.info is not None else "()"
        self.protected(r, ret, lambda: self._block_body(node.block, node.block.body))
        if self.fn.info is None:
            done = "Ok(Some(_)) => {}"
        else:
            done = "Ok(Some(v)) => return Some(v)," if self.fn.try_depth else "Ok(Some(v)) => return v,"
        h = node.handler

        def catch_body() -> None:
            if h.param is not None:
                self.bind_pattern(h.param, E("thrown", DYN), True)
            self._block_body(h.body, h.body.body)

        if node.finalizer is None:
            self.out(f"match {r} {{")
            self.out(f"    {done}")
            self.out("    Ok(None) => {}")
            self.out("    Err(thrown) => {")
            self.indent += 1
            self.lines.extend(self.block_lines(catch_body))
            self.indent -= 1
            self.out("    }")
            self.out("}")
            return
        if h is not None:
            self.out(f"let {r} = match {r} {{")
            self.out("    Err(thrown) => {")
            self.indent += 1
            self.lines.extend(self.block_lines(lambda: self.protected(None, ret, catch_body)))
            self.indent -= 1
            self.out("    }")
            self.out("    other => other,")
            self.out("};")
        self._block_body(node.finalizer, node.finalizer.body)
        self.out(f"match {r} {{ {done} Ok(None) => {{}} Err(thrown) => jsrt::throw(thrown), }}")

    def protected(self, r: Optional[str], ret: str, body) -> None:
        """`let r = jsrt::try_catch(|| -> Option<ret> { body; None });` (no `let` if r is None)."""
        self.fn.try_depth += 1
        self.out((f"let {r} = " if r else "") + f"jsrt::try_catch(|| -> Option<{ret}> {{")
        self.lines.extend(self.block_lines(lambda: (body(), self.out("None"))))
        self.out("})" + (";" if r else ""))
        self.fn.try_depth -= 1

    def s_ClassDeclaration(self, node: Any) -> None:
        b = self.scopes.binding_of(node.id)
        own = b if any(n.type == "Identifier" and self.scopes.binding_of(n) is b for n in _descendants(node.body)) else None
        c = self.class_value(node, own)
        st = self.storage(b)
        if st == "local" and own is not None:
            self.out(self.declare(b, None))  # (a static initialiser reads it while the class is built)
            st = "cell"
        self.out(self.init_write(b, c.code) if st in ("cell", "global") else self.declare(b, c.code))

    # -- expressions -------------------------------------------------------------------
    def expr(self, node: Any) -> E:
        m = getattr(self, "e_" + node.type, None)
        if m is None:
            raise self.unsupported(node, node.type)
        return m(node)

    def e_Literal(self, node: Any) -> E:
        v = node.value
        if getattr(node, "regex", None) is not None:
            return E(regexes.literal(compile_literal(node, self.p.filename)), DYN)
        if v is None:
            return E("JsValue::Null", DYN)
        if isinstance(v, bool):
            return E("true" if v else "false", BOOL)
        if isinstance(v, (int, float)):
            return E(num_lit(float(v)), F64)
        if isinstance(v, str):
            if _has_lone_surrogate(v):
                raise self.unsupported(node, "a string with a lone surrogate (half a UTF-16 pair)")
            return E(self.lit(v), DYN)
        raise self.unsupported(node, f"literal {node.raw}")

    def e_Identifier(self, node: Any) -> E:
        b = self.scopes.binding_of(node)
        if b is not None:
            if self.refers_to_itself(b):
                raise self.unsupported(node, f"assignment to `{b.name}`, the name a function or class expression gives itself")
            if self.in_tdz(b, node):
                return _diverge(f"jsrt::throw_engine_error(\"ReferenceError\", {rust_str(f'Cannot access {chr(39)}{b.name}{chr(39)} before initialization')})", self.vty(b))
            return self.read(b, node)
        name = node.name
        if name == "undefined":
            return E("JsValue::Undefined", DYN)
        if name == "NaN":
            return E("f64::NAN", F64)
        if name == "Infinity":
            return E("f64::INFINITY", F64)
        if name in ERROR_CLASSES:
            return E(f"jsrt::builtins::error_class({rust_str(name)})", DYN)
        if name == "arguments" and self.fn.info is not None:
            return E("arguments.clone()", DYN)
        if name in NATIVE_GLOBALS:
            return E(f"jsrt::builtins::native({rust_str(name)})", DYN)
        if name in MODULE_PATHS:  # the program's own path, as `trace_file` resolved it
            path = self.p.filename if name == "__filename" else os.path.dirname(self.p.filename)
            return E(self.lit(path), DYN)
        if name in ("globalThis", "global"):
            return E("jsrt::builtins::global_this()", DYN)
        if name in NODE_GLOBALS:
            raise self.unsupported(node, f"the global `{name}` as a value")
        # (`ReferenceError` unless the program stored it on the global object)
        return E(f"jsrt::builtins::global_read({rust_str(name)})", DYN)

    def refers_to_itself(self, b: Binding) -> bool:
        """The name of a function/class *expression*, read inside it, that is also assigned
        to: its binding is immutable in JS (the write is ignored, or throws in strict code),
        which the emitted variable does not model. (An unwritten one is bound by `closure`
        or `class_value`.)"""
        return b.kind in ("fname", "class") and b.writes > 0 and (
            b.kind == "fname" or (b.node is not None and b.node.type == "ClassExpression"))

    def in_tdz(self, b: Binding, node: Any) -> bool:
        """A `let`/`const`/`class` read earlier in the source than its declaration, in the
        same function: JS throws (the temporal dead zone); Rust has no such variable yet."""
        if b.kind not in ("let", "const", "class") or self.storage(b) != "local":
            return False
        here = self.fn.info.sid if self.fn.info is not None else None
        return b.owner == here and self.p.site(self.p.sid(node)).start < self.p.site(b.sid).start

    def e_ThisExpression(self, node: Any) -> E:
        return E(self.this_code(), self.fn.this_ty)

    def this_code(self) -> str:
        """`this` as a value: checked where a derived constructor may not have bound it yet."""
        if self.fn.this_guard is not None:
            return f"jsrt::ops::derived_this(&this, &{self.fn.this_guard})"
        return "this.clone()"

    def super_member(self, name: str, args: Optional[list]) -> str:
        """`super.name` (``args`` None) or `super.name(args..)`: on the parent's prototype
        in an instance context, on the parent class itself in a static one."""
        key = rust_str(name)
        if self.fn.super_static:
            if args is None:
                return f"jsrt::builtins::super_static(&parent_class, {key}, &this)"
            return f"jsrt::builtins::call_super_static(&parent_class, {key}, this.clone(), {self.args_dyn(args)})"
        if args is None:
            return f"jsrt::builtins::get_super(&parent_class, {key}, {self.this_code()})"
        return f"jsrt::builtins::call_super(&parent_class, {key}, {self.this_code()}, {self.args_dyn(args)})"

    def e_TemplateLiteral(self, node: Any) -> E:
        s = self.tmp("s")
        parts = [f"let mut {s} = String::new();"]
        for i, q in enumerate(node.quasis):
            text = q.value.cooked
            if text:
                parts.append(f"{s}.push_str({rust_str(text)});")
            if i < len(node.expressions):
                e = self.expr(node.expressions[i])
                parts.append(f"{s}.push_str(&{R.to_str(e)});")
        return E("{ " + " ".join(parts) + f" JsValue::string({s}) }}", DYN)

    def e_ArrayExpression(self, node: Any) -> E:
        # an elision is a hole (`JsValue::Hole`); typed arrays never see one (arrays.py)
        if not any(el is not None and el.type == "SpreadElement" for el in node.elements):
            items = [R.to_dyn(self.expr(el)) if el is not None else "JsValue::Hole" for el in node.elements]
            return E(f"JsValue::array(vec![{', '.join(items)}])", DYN)
        v = self.tmp("a")
        parts = [f"let mut {v}: Vec<JsValue> = Vec::new();"]
        for el in node.elements:
            if el is not None and el.type == "SpreadElement":
                text = rust_str(iterable_text(el.argument, self.p.source))
                parts.append(f"{v}.extend(jsrt::builtins::spread(&{R.to_dyn(self.expr(el.argument))}, {text}, false));")
            else:
                parts.append(f"{v}.push({R.to_dyn(self.expr(el)) if el is not None else 'JsValue::Hole'});")
        return E("{ " + " ".join(parts) + f" JsValue::array({v}) }}", DYN)

    def e_ObjectExpression(self, node: Any) -> E:
        from ..typeinfer import literal_shape

        rec = self.records.get(literal_shape(node))
        if rec is not None:
            # a record: the struct, its fields in JS evaluation order (Rust evaluates a
            # struct expression's fields in the order written)
            fields = []
            for i, prop in enumerate(node.properties):
                key = prop.key.name if prop.key.type == "Identifier" else prop.key.value
                rep = rec.rep(key)
                v = self.coerce(self.expr(prop.value), rep, self.p.sid(prop.value))
                fields.append(f"{field_name(key, i)}: {'Cell' if rep in (F64, BOOL) else 'RefCell'}::new({v})")
            return E(f"Rc::new({rec.name} {{ {', '.join(fields)} }})", R.rec(rec.name))
        plain = self.plain_literal_keys(node)
        if plain:
            vals = [R.to_dyn(self.expr(prop.value)) for prop in node.properties]
            keys = ", ".join(rust_str(k) for k in plain)
            return E(f"JsValue::object_lit(&[{keys}], [{', '.join(vals)}])", DYN)
        o = self.tmp("o")
        parts = [f"let {o} = JsValue::object(vec![]);"]
        for prop in node.properties:
            if prop.type == "SpreadElement":
                parts.append(f"jsrt::builtins::assign(&{o}, &{R.to_dyn(self.expr(prop.argument))});")
                continue
            if prop.kind in ("get", "set"):
                key = prop.key.name if prop.key.type == "Identifier" else str(prop.key.value)
                fn = self.closure(self.scopes.functions[self.p.sid(prop.value)]).code
                g, st = (f"Some({fn})", "None") if prop.kind == "get" else ("None", f"Some({fn})")
                parts.append(f"jsrt::ops::define_accessor(&{o}, {rust_str(key)}, {g}, {st}, false);")
                continue
            if prop.computed:
                k = R.to_dyn(self.expr(prop.key))
                f = self.scopes.functions.get(self.p.sid(prop.value))
                if f is not None and not f.name and prop.value.type != "ClassExpression" and \
                        getattr(prop.value, "id", None) is None:
                    # an anonymous function is named after its key, known only at run time
                    kv, local = self.tmp("kv"), self.tmp("k")
                    parts.append(f"let {kv} = {k}; let {local} = jsrt::symbols::key_name(&{kv});")
                    parts.append(f"jsrt::ops::set_dyn(&{o}, &{kv}, {self.closure(f, f'&{local}').code});")
                    continue
                parts.append(f"jsrt::ops::set_dyn(&{o}, &{k}, {R.to_dyn(self.expr(prop.value))});")
                continue
            key = prop.key.name if prop.key.type == "Identifier" else (
                prop.key.value if isinstance(prop.key.value, str) else _num_key(prop.key.value))
            if key == "__proto__" and not prop.shorthand and not prop.method:  # (sets the prototype, no key)
                parts.append(f"jsrt::ops::literal_proto(&{o}, {R.to_dyn(self.expr(prop.value))});")
                continue
            parts.append(f"jsrt::ops::set_lit(&{o}, {rust_str(key)}, {R.to_dyn(self.expr(prop.value))});")
        return E("{ " + " ".join(parts) + f" {o} }}", DYN)

    @staticmethod
    def plain_literal_keys(node: Any) -> Optional[list[str]]:
        """The keys of an object literal made only of distinct plain `key: value` entries
        (no spread, accessor, computed key or `__proto__`), which `JsValue::object_lit`
        builds in one go; None (or empty) for any other literal."""
        keys = []
        for prop in node.properties:
            if prop.type != "Property" or prop.kind != "init" or prop.computed:
                return None
            key = prop.key.name if prop.key.type == "Identifier" else (
                prop.key.value if isinstance(prop.key.value, str) else _num_key(prop.key.value))
            if key == "__proto__" or key in keys:
                return None
            keys.append(key)
        return keys

    def e_FunctionExpression(self, node: Any) -> E:
        f = self.scopes.functions[self.p.sid(node)]
        if f.static:
            return E(self.fn_value(f), DYN)
        return self.closure(f)

    e_ArrowFunctionExpression = e_FunctionExpression

    def ensure_static(self, f: FnInfo, depth: int = 0) -> str:
        """Static functions are emitted once (per unrolled depth in linear mode), as
        top-level items, when first met; returns the Rust name to call."""
        name = self.fn_names[f.sid] + (f"_d{depth}" if depth else "")
        if (f.sid, depth) not in self.emitted:
            self.emitted.add((f.sid, depth))
            self.emit_static_fn(f, name, depth)
        return name

    def call_depth(self, target: FnInfo) -> int:
        """Linear mode: which unrolled copy a direct call goes to (0: not unrolled).
        A call inside a recursion cycle goes one level deeper than the caller; a call
        from outside the cycle enters at level 1."""
        if not self.linear or target.sid not in self.cycles.scc:
            return 0
        here = self.fn.info
        if here is not None and self.cycles.scc.get(here.sid) == self.cycles.scc[target.sid] and self.depth:
            return self.depth + 1
        return 1

    def e_ClassExpression(self, node: Any) -> E:
        return self.class_value(node)

    def e_SequenceExpression(self, node: Any) -> E:
        parts = [self.expr_stmt(e) for e in node.expressions[:-1]]
        last = self.expr(node.expressions[-1])
        return E("{ " + " ".join(parts) + f" {last.code} }}", last.ty)

    def e_ConditionalExpression(self, node: Any) -> E:
        sid = self.p.sid(node)
        outs = self.branch_outcomes(node)
        cond = R.truthy(self.expr(node.test))
        if outs == {True}:
            a = self.expr(node.consequent)
            return E(f"{{ if !{_paren(cond)} {{ {self.side_exit(sid, 'true', 'false')} }} {a.code} }}", a.ty)
        if outs == {False}:
            b = self.expr(node.alternate)
            return E(f"{{ if {cond} {{ {self.side_exit(sid, 'false', 'true')} }} {b.code} }}", b.ty)
        a, b = self.expr(node.consequent), self.expr(node.alternate)
        ty = a.ty if a.ty == b.ty else _nullable_join(a, b) or DYN
        ca = self.coerce(a, ty, sid)
        cb = self.coerce(b, ty, sid)
        return E(f"(if {cond} {{ {ca} }} else {{ {cb} }})", ty)

    def e_LogicalExpression(self, node: Any) -> E:
        return self.logical(node.operator, self.expr(node.left), self.expr(node.right))

    def logical(self, op: str, a: E, b: E) -> E:
        """`a && b`, `a || b`, `a ?? b`: the result is one of the operands."""
        if op in ("&&", "||") and a.ty == BOOL and b.ty == BOOL:
            return E(f"({a.code} {op} {b.code})", BOOL)
        ty = a.ty if a.ty == b.ty else DYN
        ca = a.code if ty == a.ty else R.to_dyn(a)
        cb = b.code if ty == b.ty else R.to_dyn(b)
        t = self.tmp()
        te = E(t, ty)
        if op == "&&":
            test = R.truthy(te)
        elif op == "||":
            test = "!" + _paren(R.truthy(te))
        else:
            test = f"!{t}.is_nullish()" if ty == DYN else "true"
            return E(f"{{ let {t} = {ca}; if {test} {{ {t} }} else {{ {cb} }} }}", ty)
        return E(f"{{ let {t} = {ca}; if {test} {{ {cb} }} else {{ {t} }} }}", ty)

    def e_UnaryExpression(self, node: Any) -> E:
        op = node.operator
        if op == "typeof":
            if node.argument.type == "Identifier" and self.scopes.binding_of(node.argument) is None and node.argument.name not in ("undefined",):
                if node.argument.name == "arguments":
                    # a function's arguments object, or at the top level the one of the
                    # function Node wraps a CommonJS module in: an object either way
                    return E(self.lit("object"), DYN)
                if node.argument.name in OBJECT_NAMESPACES:
                    return E(self.lit("object"), DYN)
                if node.argument.name in MODULE_PATHS:
                    return E(self.lit("string"), DYN)
                if node.argument.name in ("globalThis", "global"):
                    return E(self.lit("object"), DYN)
                if node.argument.name in NODE_GLOBALS or node.argument.name in NODE_GLOBAL_NAMES:
                    # (typeof needs no value: the type of each Node global is fixed)
                    kind = MODULE_SCOPE_TYPES.get(node.argument.name) or \
                        NODE_GLOBAL_TYPES.get(node.argument.name, "function")
                    return E(self.lit(kind), DYN)
                if node.argument.name in ("NaN", "Infinity"):
                    return E(self.lit("number"), DYN)
                if node.argument.name in NATIVE_GLOBALS or node.argument.name in ERROR_CLASSES:
                    return E(self.lit("function"), DYN)
                return E(f"jsrt::builtins::global_typeof({rust_str(node.argument.name)})", DYN)
            a = self.expr(node.argument)
            if a.ty == F64:
                return E(self.lit("number"), DYN)
            if a.ty == BOOL:
                return E(self.lit("boolean"), DYN)
            return E(f"jsrt::ops::type_of(&{R.to_dyn(a)})", DYN)
        if op == "delete":
            arg = node.argument
            if arg.type != "MemberExpression":
                return E("true", BOOL)
            obj = R.to_dyn(self.expr(arg.object))
            key = self.member_key(arg)
            return E(f"jsrt::ops::delete(&{obj}, &{key}, {'true' if self.is_strict() else 'false'})", BOOL)
        a = self.expr(node.argument)
        if op == "!":
            return E(f"!{_paren(R.truthy(a))}", BOOL)
        if op == "-":
            return E(f"(-{_paren(R.to_number(a))})", F64)
        if op == "+":
            return E(R.to_number(a), F64)
        if op == "~":
            return E(f"((!jsrt::ops::to_int32({R.to_number(a)})) as f64)", F64)
        if op == "void":
            return E(f"{{ let _ = {a.code}; JsValue::Undefined }}", DYN)
        raise self.unsupported(node, f"unary {op}")

    def e_BinaryExpression(self, node: Any) -> E:
        op = node.operator
        if op == "in" and node.left.type == "PrivateIdentifier":  # `#x in o`: a brand check
            pn = self.privates[self.p.sid(node.left)]
            return E(f"jsrt::privates::has(&{R.to_dyn(self.expr(node.right))}, {pn.id}, {rust_str(pn.name)})", BOOL)
        if op in ("===", "!==", "==", "!="):
            fast = self.compare_to_string_literal(node)
            if fast is not None:
                return fast
        if op == "+":
            chain = self.string_chain(node)
            if chain is not None:
                return chain
        if op in _INT_COMPARE:
            ints = self.int_compare(node)
            if ints is not None:
                return ints
        a, b = self.expr(node.left), self.expr(node.right)
        return self.binop(op, a, b, node)

    def int_compare(self, node: Any) -> Optional[E]:
        """`lo < hi`, `i === j + 1`, `i >= 0`, `j < n` between `i64` counters, small integer
        literals and typed arrays' lengths, compared as integers: both sides are exact
        integers, so the order is the numbers' order, with no conversion to `f64` and no
        NaN test per loop test (fannkuch's flip loop). None: not this form."""
        if node.left.type == "Literal" and node.right.type == "Literal":
            return None
        a, b = self.int_operand(node.left), self.int_operand(node.right)
        if a is None or b is None:
            return None
        return E(f"({a} {_INT_COMPARE[node.operator]} {b})", BOOL)

    def int_operand(self, n: Any) -> Optional[str]:
        """``n`` as an exact ``i64`` expression when it is one for free: an integer literal
        (below 2^53), a counter (± k) or ``a.length`` of a typed array; else None."""
        if n.type == "Literal" and type(n.value) in (int, float) and float(n.value).is_integer() \
                and abs(n.value) < 2 ** 53:
            return str(int(n.value))  # (typed `i64` by the other side)
        if typed_length(self.scopes, n, frozenset(self.typed)) and not self.in_tdz(self.scopes.binding_of(n.object), n.object):
            return f"{self.local(self.scopes.binding_of(n.object))}.ilen()"
        return self.counter_index(n) or self.int_element(n)

    def int_element(self, n: Any) -> Optional[str]:
        """``a[k]`` on an integer array (``own:intarr``) as the ``i64`` it holds, else None."""
        if n.type != "MemberExpression" or not n.computed or getattr(n, "optional", False):
            return None
        a = self.typed_array(n.object)
        if a is None or self.typed_elem(n.object) != R.I64:
            return None
        sid = self.p.sid(n)
        self.guards[sid] = "expected number"
        k = self.tmp("k")  # the key first: it may pop from the same owned `Vec`
        return f"{{ let {k} = {self.index_key(n)}; {a}.get({k}, {sid}, {rust_str(self.where(sid))}) }}"

    def int_store(self, node: Any) -> Optional[str]:
        """A value stored into an ``i64`` binding as an exact ``i64``: for free
        (``int_operand``), through ``jsrt::guard_int`` when it is only observed to be a
        small integer (``counters``: a side exit on any other number), else None."""
        if self.p.sid(node) not in self.guarded:
            return self.int_operand(node)
        sid = self.p.sid(node)
        self.guards[sid] = "expected an integer in the int32 range"
        x = self.coerce(self.expr(node), F64, sid)
        return f"jsrt::guard_int({x}, {sid}, {rust_str(self.where(sid))})"

    def int_value(self, node: Any) -> str:
        """A value ``counters`` proved a small integer, as an ``i64`` (exact either way)."""
        return self.int_operand(node) or self.coerce(self.expr(node), R.I64, self.p.sid(node))

    def string_chain(self, node: Any) -> Optional[E]:
        """`a + b + c ...` where `a` or `b` is a string literal or template: from the first
        `+` on every step is a string concatenation, so the whole chain is built in one
        buffer (JS order kept: each operand is evaluated, then converted as `+` converts
        it, before the next one is evaluated). None when the chain may add numbers."""
        leaves = self.string_chain_start(node)
        if leaves is None:
            return None
        buf = self.tmp("s")
        # room for the literals and a short value per other operand: `'item' + n` is then
        # one allocation, not one per doubling
        room = sum(len(x.value.encode("utf-8", "surrogatepass")) if _is_str_literal(x) else CHAIN_ROOM for x in leaves)
        parts = [f"let mut {buf} = String::with_capacity({room});"]
        parts += self.chain_pushes(leaves, f"{buf}.push_str({{}});", f"jsrt::push_num(&mut {buf}, {{}});",
                                   f"jsrt::ops::push_plus(&mut {buf}, {{}});")
        return E("{ " + " ".join(parts) + f" JsValue::string({buf}) }}", DYN)

    @staticmethod
    def string_chain_start(node: Any) -> Optional[list]:
        """The operands of a `+` chain that is a string from its first step (`string_chain`),
        in JS order; None when the chain may add numbers."""
        leaves = []
        n = node
        while n.type == "BinaryExpression" and n.operator == "+":
            leaves.append(n.right)
            n = n.left
        leaves.append(n)
        leaves.reverse()
        if not any(x.type == "TemplateLiteral" or _is_str_literal(x) for x in leaves[:2]):
            return None
        return leaves

    def compare_to_string_literal(self, node: Any) -> Optional[E]:
        """`x === 'lit'` and `typeof x === 'lit'` (either side; `==` too for `typeof`,
        which is always a string): the value is compared with the literal's text in
        place, with no string value made for either side. None: not this form."""
        if _is_str_literal(node.right):
            lit, other = node.right, node.left
        elif _is_str_literal(node.left):
            lit, other = node.left, node.right
        else:
            return None
        neg = "!" if node.operator.startswith("!") else ""
        text = rust_str(lit.value)
        if other.type == "UnaryExpression" and other.operator == "typeof" and not (
                other.argument.type == "Identifier" and self.scopes.binding_of(other.argument) is None):
            a = self.expr(other.argument)
            known = {F64: "number", BOOL: "boolean"}.get(a.ty, "object" if is_ref(a.ty) else None)
            if known is not None:
                return E(f"{{ let _ = {a.code}; {'true' if (known == lit.value) != bool(neg) else 'false'} }}", BOOL)
            variants = TYPEOF_VARIANTS.get(lit.value)
            if variants is not None:  # one tag test, not `type_of` and a string compare
                return E(f"{neg}matches!({_borrowed(R.to_dyn(a))}, {variants})", BOOL)
            return E(f"{neg}jsrt::ops::type_is({_borrowed(R.to_dyn(a))}, {text})", BOOL)
        if len(node.operator) != 3:
            return None
        a = self.expr(other)
        if a.ty != DYN:
            return E(f"{{ let _ = {a.code}; {'true' if neg else 'false'} }}", BOOL)
        for read, compare in (("jsrt::ops::get_index_in", "jsrt::ops::index_is_in"), ("jsrt::ops::get_index", "jsrt::ops::index_is")):
            args = _single_call(a.code, read)
            if args is not None:
                # `text[i] === 'c'`: the character compared where it is, no string made for it
                return E(f"{neg}{compare}({args}, {text})", BOOL)
        return E(f"{neg}jsrt::ops::eq_str({_borrowed(a.code)}, {text})", BOOL)

    def binop(self, op: str, a: E, b: E, node: Any) -> E:
        num = a.ty == F64 and b.ty == F64
        if op == "+":
            if num:
                return E(f"({a.code} + {b.code})", F64)
            if (a.ty in (F64, BOOL) and b.ty in (F64, BOOL)):
                return E(f"({R.to_number(a)} + {R.to_number(b)})", F64)
            return self.narrow(node, E(f"jsrt::ops::add(&{R.to_dyn(a)}, &{R.to_dyn(b)})", DYN))
        if op in ("-", "*", "/"):
            return E(f"({R.to_number(a)} {op} {R.to_number(b)})", F64)
        if op == "%":
            return E(f"jsrt::ops::rem({R.to_number(a)}, {R.to_number(b)})", F64)
        if op == "**":
            return E(f"jsrt::builtins::math_pow({R.to_number(a)}, {R.to_number(b)})", F64)
        if op in ("<", ">", "<=", ">="):
            if num:
                return E(f"({a.code} {op} {b.code})", BOOL)
            fn = {"<": "lt", ">": "gt", "<=": "le", ">=": "ge"}[op]
            return E(f"jsrt::ops::{fn}(&{R.to_dyn(a)}, &{R.to_dyn(b)})", BOOL)
        if op in ("===", "!==", "==", "!="):
            neg = op.startswith("!")
            strict = len(op) == 3
            if a.ty == b.ty and a.ty in (F64, BOOL):
                return E(f"({a.code} {'!=' if neg else '=='} {b.code})", BOOL)
            if a.ty == b.ty and is_rec(a.ty):
                return E(f"({'!' if neg else ''}Rc::ptr_eq(&{a.code}, &{b.code}))", BOOL)
            opt = self.opt_compare(a, b, strict, neg)
            if opt is not None:
                return opt
            nullish = ("JsValue::Null", "JsValue::Undefined")
            if (a.code in nullish and b.ty == DYN) or (b.code in nullish and a.ty == DYN):
                # `x === null`, `x == undefined`...: a tag test, no value built for the literal
                lit, other = (a, b) if a.code in nullish else (b, a)
                test = "JsValue::Null" if lit.code == "JsValue::Null" else "JsValue::Undefined"
                if not strict:
                    test = "JsValue::Null | JsValue::Undefined"
                return E(f"{'!' if neg else ''}matches!({_borrowed(other.code)[1:]}, {test})", BOOL)
            if strict and {a.ty, b.ty} == {F64, BOOL}:
                return E(f"{{ let _ = ({a.code}, {b.code}); {'true' if neg else 'false'} }}", BOOL)
            fn = "strict_eq" if strict else "loose_eq"
            code = f"jsrt::ops::{fn}(&{R.to_dyn(a)}, &{R.to_dyn(b)})"
            return E(f"!{code}" if neg else code, BOOL)
        if op in ("&", "|", "^"):
            return E(f"((jsrt::ops::to_int32({R.to_number(a)}) {op} jsrt::ops::to_int32({R.to_number(b)})) as f64)", F64)
        if op == "<<":
            return E(f"(jsrt::ops::to_int32({R.to_number(a)}).wrapping_shl(jsrt::ops::to_uint32({R.to_number(b)})) as f64)", F64)
        if op == ">>":
            return E(f"(jsrt::ops::to_int32({R.to_number(a)}).wrapping_shr(jsrt::ops::to_uint32({R.to_number(b)})) as f64)", F64)
        if op == ">>>":
            return E(f"(jsrt::ops::to_uint32({R.to_number(a)}).wrapping_shr(jsrt::ops::to_uint32({R.to_number(b)})) as f64)", F64)
        if op == "in":
            return E(f"jsrt::ops::has(&{R.to_dyn(b)}, &{R.to_dyn(a)})", BOOL)
        if op == "instanceof" and node.right.type == "Identifier" and node.right.name in ("Object", "Array", "Function", "Map", "Set") \
                and self.scopes.binding_of(node.right) is None:
            return E(f"jsrt::builtins::is_instance_of_builtin(&{R.to_dyn(a)}, {rust_str(node.right.name)})", BOOL)
        if op == "instanceof":
            return E(f"jsrt::ops::instance_of(&{R.to_dyn(a)}, &{R.to_dyn(b)})", BOOL)
        raise self.unsupported(node, f"operator {op}")

    @staticmethod
    def opt_compare(a: E, b: E, strict: bool, neg: bool) -> Optional[E]:
        """`x === null` (`== null`, `== undefined` too) and `x === y` where a side is a
        nullable record (`Option<Rc<S>>`): a tag test or an identity test. None: not this form."""
        if not (is_opt(a.ty) or is_opt(b.ty)):
            return None
        lit, other = (a, b) if a.code in ("JsValue::Null", "JsValue::Undefined") else (b, a)
        if is_opt(other.ty) and lit.ty == DYN and lit.code in ("JsValue::Null", "JsValue::Undefined"):
            if strict and lit.code == "JsValue::Undefined":
                return E(f"{{ let _ = {other.code}; {'true' if neg else 'false'} }}", BOOL)
            code = other.code[:-len(".clone()")] if re.fullmatch(r"[A-Za-z_]\w*\.clone\(\)", other.code) else other.code
            return E(f"{_paren(code)}.{'is_some' if neg else 'is_none'}()", BOOL)
        if is_ref(a.ty) and is_ref(b.ty) and struct_of(a.ty) == struct_of(b.ty):
            wrap = lambda e: e.code if is_opt(e.ty) else f"Some({e.code})"  # noqa: E731
            return E(f"{'!' if neg else ''}jsrt::value::opt_same(&{wrap(a)}, &{wrap(b)})", BOOL)
        return None

    # assignment
    def assign(self, node: Any, as_stmt: bool) -> Optional[E]:
        """``x = e``, ``x op= e``, ``o.k = e``, ``a[i] = e``, destructuring; as a statement
        or as an expression whose value is the assigned value."""
        left, op = node.left, node.operator
        if left.type in ("ArrayPattern", "ObjectPattern"):
            v = self.expr(node.right)
            t = self.tmp()
            self.out(f"let {t} = {R.to_dyn(v)};")
            self.bind_pattern(left, E(f"{t}.clone()", DYN), False, (callee_text(node.right, self.p.source), None))
            return None if as_stmt else E(t, DYN)
        if left.type == "Identifier":
            b = self.scopes.binding_of(left)
            if b is None:
                if not (self.is_strict() and node.operator == "=" and left.name not in GLOBAL_VALUE_NAMES):
                    # sloppy code would create a global property: not modelled
                    raise self.unsupported(left, f"assignment to undeclared variable {left.name}")
                # strict code: the value is computed, then the name is found nowhere
                rhs = self.expr(node.right)
                throw = f"jsrt::throw_engine_error(\"ReferenceError\", {rust_str(left.name + ' is not defined')})"
                if as_stmt:
                    self.out(f"let _ = {rhs.code}; {throw};")
                    return None
                return _diverge(f"{{ let _ = {rhs.code}; {throw} }}", rhs.ty)
            ty = self.vty(b)
            if b.kind == "const":
                rhs = self.expr(node.right)
                throw = "jsrt::throw_engine_error(\"TypeError\", \"Assignment to constant variable.\")"
                if as_stmt:
                    self.out(f"let _ = {rhs.code}; {throw};")
                    return None
                return _diverge(f"{{ let _ = {rhs.code}; {throw} }}", ty)
            tail = self.append_tail(node, b) if ty == DYN and self.storage(b) == "local" else None
            if tail is not None:
                # `s += e` / `s = s + e`: the string grows in place (no copy of `s` per step)
                name = self.local(b)
                code = self.append(name, tail)
                if as_stmt:
                    self.out("{ " + code + " }")
                    return None
                return E(f"{{ {code} {name}.clone() }}", DYN)
            if ty == R.I64 and op == "=":  # a value `counters` proved a small integer: exact
                name, t = self.local(b), self.tmp()
                v = self.int_store(node.right) or self.coerce(self.expr(node.right), ty, b.sid)
                if as_stmt:
                    self.out(f"{name} = {v};")
                    return None
                return E(f"{{ let {t}: i64 = {v}; {name} = {t}; ({t} as f64) }}", F64)
            if ty == R.I64:  # `i += k` / `i -= k` with a small integer literal (`counters`)
                name = self.local(b)
                step = int(float(node.right.value))
                code = f"{name} {op} {step};"
                if as_stmt:
                    self.out(code)
                    return None
                return E(f"{{ {code} ({name} as f64) }}", F64)
            if op == "=":
                rhs = self.arr_value(node.right, ty) if is_arr(ty) else self.expr(node.right)
            elif op in ("&&=", "||=", "??="):
                rhs = self.logical(op[:-1], self.read(b, left), self.expr(node.right))
            else:
                rhs = self.binop(op[:-1], self.read(b, left), self.expr(node.right), node)
            v = self.coerce(rhs, ty, b.sid)
            if as_stmt:
                self.out(self.write(b, v))
                return None
            t = self.tmp()
            val = t if ty != DYN and not is_arr(ty) and not is_ref(ty) else f"{t}.clone()"
            return E(f"{{ let {t} = {v}; {self.write(b, val)} {t} }}", ty)
        if left.type == "MemberExpression" and self.typed_array(left.object) is not None:
            return self.assign_element(node, as_stmt)
        if (left.type == "MemberExpression" and left.object.type == "Identifier" and left.object.name == "process"
                and not left.computed and left.property.name == "exitCode" and self.scopes.binding_of(left.object) is None):
            if op != "=":
                raise self.unsupported(left, f"`{op}` on process.exitCode")
            t = self.tmp()
            code = f"let {t} = {R.to_dyn(self.expr(node.right))}; jsrt::exit::set_exit_code({t}.clone());"
            if as_stmt:
                self.out("{ " + code + " }")
                return None
            return E("{ " + code + f" {t} }}", DYN)
        if left.type == "MemberExpression":
            if not left.computed and left.property.name == "__proto__":
                # an object's prototype is fixed when it is made; replacing it is not modelled
                raise self.unsupported(left, "assignment to `.__proto__`")
            base, rec = self.rec_member(left)
            if rec is not None:
                return self.assign_field(node, base, rec, as_stmt)
            maybe = self.maybe_rec(left.object, left.property.name) \
                if not left.computed and op == "=" and self.private(left) is None else None
            if maybe is not None and (base is None or base.ty == DYN):
                return self.assign_maybe_field(node, base, maybe, as_stmt)
            o, k = self.tmp("o"), self.tmp("k")
            fixed = self.fixed_local(left.object) if base is None else None
            obj = f"&{fixed}" if fixed is not None else R.to_dyn(_owned(base) if base is not None else self.expr(left.object))
            pre, get, put = self.member_access(left, o, k)
            pre = f"let {o} = {obj}; {pre}"
            if op == "=":
                rhs = self.expr(node.right)
            elif op in ("&&=", "||=", "??="):
                rhs = self.logical(op[:-1], E(get, DYN), self.expr(node.right))
            else:
                cur = self.narrow(left, E(get, DYN))
                rhs = self.binop(op[:-1], cur, self.expr(node.right), node)
            t = self.tmp()
            val = f"{t}.clone()" if not as_stmt else t
            code = f"{pre} let {t} = {R.to_dyn(rhs)}; {put(val)}"
            if as_stmt:
                self.out("{ " + code + " }")
                return None
            return E("{ " + code + f" {t} }}", DYN)
        raise self.unsupported(node, f"assignment to {left.type}")

    def append(self, name: str, tail: Any) -> str:
        """The statement appending JS `tail` to the local `name` (`append_tail`): a piece of
        a string (`s.substring(a, b)`, `slice`, `substr`) is copied from `s` onto the end
        in place, and `String(x)` formats `x` there, neither made a string of its own."""
        if tail.type == "CallExpression":
            callee = tail.callee
            entry = self.string_method(tail)
            if entry is not None and entry[0] in ("substring", "slice", "substr"):
                obj = callee.object
                recv = self.operand_ref(obj)
                parts = [f"&mut {name}", recv]
                for a in tail.arguments:
                    e = self.expr(a)
                    parts.append(e.code if e.ty == F64 else R.to_dyn(e))
                parts += ["jsrt::strmeth::Absent"] * (2 - len(tail.arguments))
                text = callee_text(callee, self.p.source)  # (as V8 quotes it in "... is not a function")
                parts.append(rust_str(text))
                return f"jsrt::strmeth::append_{entry[0]}({', '.join(parts)});"
            if (callee.type == "Identifier" and callee.name == "String" and self.scopes.binding_of(callee) is None
                    and len(tail.arguments) == 1 and tail.arguments[0].type != "SpreadElement"):
                t = self.tmp()
                return f"let {t} = {R.to_dyn(self.expr(tail.arguments[0]))}; jsrt::ops::append_string(&mut {name}, &{t});"
        if _is_str_literal(tail):
            return f"jsrt::ops::append_lit(&mut {name}, {rust_str(tail.value)});"
        leaves = self.string_chain_start(tail) if tail.type == "BinaryExpression" and tail.operator == "+" else None
        if leaves is not None:
            # `x += '"' + k + '":' + v`: each piece appended onto `x` as it is evaluated
            return self.append_chain(name, leaves, "new")
        if (tail.type == "BinaryExpression" and tail.operator == "+"
                and not (tail.left.type == "BinaryExpression" and tail.left.operator == "+")):
            # `x += a + b`: both pieces appended in place when `a + b` joins strings (checked at run time)
            a, b = self.tmp(), self.tmp()
            return (f"let {a} = {R.to_dyn(self.expr(tail.left))}; let {b} = {R.to_dyn(self.expr(tail.right))}; "
                    f"jsrt::ops::append_sum(&mut {name}, &{a}, &{b});")
        t = self.tmp()
        return f"let {t} = {R.to_dyn(self.expr(tail))}; jsrt::ops::add_assign(&mut {name}, &{t});"

    def append_chain(self, name: str, leaves: list, start: str) -> str:
        """The statements appending the string chain `leaves` onto the local `name` in
        place (`ops::StrAppend`, which puts `name` back if a piece throws); `start`: its
        constructor, `new` for `x += chain`, `first` for a chain `x` itself starts."""
        g = self.tmp("g")
        parts = [f"let mut {g} = jsrt::ops::StrAppend::{start}(&mut {name});"]
        parts += self.chain_pushes(leaves, f"{g}.push_str({{}});", f"{g}.push_num({{}});", f"{g}.push_plus({{}});")
        return " ".join(parts + [f"{g}.done();"])

    def chain_pushes(self, leaves: list, push_str: str, push_num: str, push_plus: str) -> list[str]:
        """The statements pushing each piece of a string chain onto its target, through the
        target's three pushes (each with `{}` for the piece): a literal's text, a number, a
        boolean's word; anything else through `push_plus`, where a user `valueOf`/`toString`
        may run, so only a plain local is borrowed in place."""
        parts = []
        for leaf in leaves:
            if _is_str_literal(leaf):
                if leaf.value:
                    parts.append(push_str.format(rust_str(leaf.value)))
                continue
            e = self.expr(leaf)
            if e.ty == F64:
                parts.append(push_num.format(e.code))
            elif e.ty == BOOL:
                parts.append(push_str.format(f'if {e.code} {{ "true" }} else {{ "false" }}'))
            else:
                parts.append(push_plus.format(_borrowed(R.to_dyn(e), cells=False)))
        return parts

    def append_tail(self, node: Any, b: Binding) -> Optional[Any]:
        """The `e` of `x += e` or `x = x + e` when `e` never mentions `x`: appending the
        evaluated `e` to `x` in place is then exactly JS `x + e` (x is read first in JS,
        and nothing in `e` can change it)."""
        if node.operator == "+=":
            tail = node.right
        elif (node.operator == "=" and node.right.type == "BinaryExpression" and node.right.operator == "+"
              and node.right.left.type == "Identifier" and self.scopes.binding_of(node.right.left) is b):
            tail = node.right.right
        else:
            return None
        from ..frontend import child_nodes

        stack = [tail]
        while stack:
            n = stack.pop()
            if n.type == "Identifier" and n.name == b.name:
                return None
            stack.extend(child_nodes(n))
        return tail

    def e_AssignmentExpression(self, node: Any) -> E:
        return self.assign(node, as_stmt=False)

    def update(self, node: Any, as_stmt: bool) -> str:
        arg = node.argument
        delta = "1.0" if node.operator == "++" else "-1.0"
        if arg.type == "Identifier":
            b = self.scopes.binding_of(arg)
            if b is None:
                raise self.unsupported(arg, f"update of undeclared variable {arg.name}")
            ty = self.vty(b)
            if is_opt(ty):  # (never run by the trace, or `x` would have held a number)
                exit = self.side_exit(self.p.sid(node), "an update the trace ran", "an update of null or an object")
                return f"{exit};" if as_stmt else _diverge(exit, F64).code
            if is_rec(ty):
                raise self.unsupported(node, f"`{node.operator}` on `{b.name}`, which holds an object")
            if ty == R.I64:
                name, step = self.local(b), 1 if node.operator == "++" else -1
                if as_stmt:
                    return f"{name} += {step};"
                value = name if node.prefix else f"({name} - {step})"
                return f"{{ {name} += {step}; ({value} as f64) }}"
            cur = self.read(b, arg)
            old = self.tmp()
            if ty == F64:
                new = f"{old} + {delta}"
            else:
                new = f"JsValue::Num({old} + {delta})"
            num = R.to_number(cur)
            if as_stmt:
                if self.storage(b) == "local" and ty == F64:
                    return f"{self.local(b)} += {delta};"
                return f"let {old} = {num}; {self.write(b, new)}"
            result = old if node.prefix is False else f"{old} + {delta}"
            return f"{{ let {old} = {num}; {self.write(b, new)} {result} }}"
        if arg.type == "MemberExpression" and self.typed_array(arg.object) is not None:
            a, k, old = self.typed_array(arg.object), self.tmp("k"), self.tmp()
            sid, place = self.p.sid(arg), rust_str(self.where(self.p.sid(arg)))
            self.guards[sid] = "expected a number element, stored at an index <= length"
            ints = self.typed_elem(arg.object) == R.I64  # (a small integer ± 1 stays one: `counters`)
            if ints:
                delta = "1" if node.operator == "++" else "-1"
            code = (f"let {k} = {self.index_key(arg)}; let {old} = {a}.get({k}, {sid}, {place}); "
                    f"{a}.set({k}, {old} + {delta}, {sid}, {place});")
            if as_stmt:
                return "{ " + code + " }"
            result = old if node.prefix is False else f"({old} + {delta})"
            return "{ " + code + (f" ({result} as f64) }}" if ints else f" {result} }}")
        base, rec = self.rec_member(arg) if arg.type == "MemberExpression" else (None, None)
        if rec is not None and rec.rep(arg.property.name) == F64:
            o, pre = self.rec_holder(base, arg)
            if is_opt(base.ty):  # (JS reads first: a null object throws the read's TypeError)
                o = f"jsrt::value::nn({o}, {rust_str(arg.property.name)})"
            cur, old = self.field(o, rec, arg.property.name), self.tmp()
            f = cur.code[:-len(".get()")]
            code = f"{pre} let {old} = {cur.code}; {f}.set({old} + {delta});"
            if as_stmt:
                return "{ " + code + " }"
            result = old if node.prefix is False else f"{old} + {delta}"
            return "{ " + code + f" {result} }}"
        if arg.type == "MemberExpression":
            o, k, old = self.tmp("o"), self.tmp("k"), self.tmp()
            obj = R.to_dyn(_owned(base) if base is not None else self.expr(arg.object))
            pre, get, put = self.member_access(arg, o, k)
            code = f"let {o} = {obj}; {pre} let {old} = {get}.to_number(); {put(f'JsValue::Num({old} + {delta})')}"
            if as_stmt:
                return "{ " + code + " }"
            result = old if node.prefix is False else f"{old} + {delta}"
            return "{ " + code + f" {result} }}"
        raise self.unsupported(node, f"update of {arg.type}")

    def e_UpdateExpression(self, node: Any) -> E:
        return E(self.update(node, as_stmt=False), F64)

    # typed arrays (`jsrt::NumArr`, see `arrays`)
    def typed_array(self, node: Any) -> Optional[str]:
        """The Rust local holding ``node`` when it names a typed array binding, or the
        field when it is a typed array field of a record (``field_array``)."""
        if node.type == "MemberExpression":
            fa = self.field_array(node)
            return fa[0] if fa is not None else None
        if node.type != "Identifier":
            return None
        b = self.scopes.binding_of(node)
        if b is None or b.sid not in self.typed or self.in_tdz(b, node):
            return None
        return self.local(b)

    def typed_elem(self, node: Any) -> str:
        """The element representation of the typed array binding or field ``node`` names."""
        if node.type == "MemberExpression":
            return arr_elem(self.field_array(node)[1])
        return arr_elem(self.typed[self.scopes.binding_of(node).sid])

    def typed_own(self, node: Any) -> bool:
        """Does ``node`` name an owned typed array (``jsrt::OwnArr``, methods on `&mut`)?"""
        return node.type != "MemberExpression" and is_own(self.typed[self.scopes.binding_of(node).sid])

    def field_place(self, node: Any) -> Optional[tuple[str, str, str]]:
        """`o.k` where ``o`` is a record whose field ``k`` is a typed array (``fieldarrs``):
        the record's Rust expression, the field's Rust name and its representation."""
        if (node.computed or getattr(node, "optional", False) or node.property.type != "Identifier"
                or node.property.name not in self.arr_fields or not _plain_operand(node.object)):
            return None
        base = self.member_base(node.object)
        if base is None or not is_rec(base.ty):
            return None
        rec = self.rec_named[struct_of(base.ty)]
        key = node.property.name
        rep = rec.rep(key) if key in rec.fields else DYN
        if not is_arr(rep):
            return None
        return _paren(base.code), field_name(key, list(rec.fields).index(key)), rep

    def field_array(self, node: Any) -> Optional[tuple[str, str]]:
        """`o.k` where ``o`` is a record whose field ``k`` is a typed array (``fieldarrs``):
        the Rust place of the field and its representation. Only for an ``o`` made of
        `this`, locals and member reads: callers evaluate the place after the key and
        the stored value, and may evaluate it more than once."""
        place = self.field_place(node)
        return (f"{place[0]}.{place[1]}", place[2]) if place is not None else None

    def counter_index(self, node: Any) -> Optional[str]:
        """``i``, ``i + k`` or ``i - k`` over an ``i64`` counter as an ``i64`` index (exact:
        the counter is small and ``k`` a small integer literal), else None."""
        if node.type == "Identifier":
            b = self.scopes.binding_of(node)
            return self.local(b) if b is not None and self.vty(b) == R.I64 else None
        if node.type == "BinaryExpression" and node.operator in ("+", "-") and node.right.type == "Literal" \
                and type(node.right.value) in (int, float) and float(node.right.value).is_integer() \
                and 0 <= node.right.value <= MAX_STEP:
            base = self.counter_index(node.left) if node.left.type == "Identifier" else None
            if base is not None:
                return f"({base} {node.operator} {int(node.right.value)})"
        return None

    def index_key(self, member: Any) -> str:
        """The index of ``a[i]`` on a typed array as an unboxed ``f64``; a key of another
        type (a string, a boolean) is a guard, since the trace only saw numbers."""
        prop = member.property
        counter = self.counter_index(prop) or self.int_element(prop)
        if counter is not None:
            return counter
        k = self.expr(prop)
        return self.coerce(k, F64, self.p.sid(member.property))

    def arr_value(self, node: Any, ty: str, path: Optional[str] = None) -> E:
        """A value stored into a typed array binding of representation ``ty``: a fresh
        array (each element guarded to the element type), another typed binding or a
        typed function's result (the same ``Rc``: both names see every write). ``path``:
        the Rust type a fresh array is built as, when not ``ty``'s (an inline field's)."""
        elem = arr_elem(ty)
        path = path or arr_path(ty)
        if (node.type == "MemberExpression" and not node.computed and node.property.type == "Identifier"
                and node.property.name in self.arr_fields):  # `const a = this.items`: the same `Rc`
            fa = self.field_array(node)
            if fa is None or fa[1] != ty:
                raise FieldEscape(node.property.name)
            return E(f"{fa[0]}.clone()", ty)
        if node.type == "ArrayExpression":
            items = ", ".join(self.elem_value(el, elem) for el in node.elements)
            return E(f"{path}::from_vec(vec![{items}])", ty)
        copied = slice_copy(node)
        src = self.typed_array(copied) if copied is not None else None
        if src is not None:  # `a.slice()` of a typed array (`arrays` types both or neither)
            from_elem = self.typed_elem(copied)
            if from_elem == elem:
                items = f"{src}.to_vec()"
            elif (from_elem, elem) == (R.I64, F64):
                items = f"{src}.to_vec().into_iter().map(|x| x as f64).collect()"
            else:
                raise AssertionError(f"a copy of {from_elem} elements into an array of {elem}")
            return E(f"{path}::from_vec({items})", ty)
        parts = fill_parts(self.scopes, node)
        if parts is not None:
            n, x = parts
            sid = self.p.sid(node)
            self.guards[sid] = "expected a valid array length"
            n_code = self.coerce(self.expr(n), F64, self.p.sid(n))
            x_code = self.elem_value(x, elem)
            return E(f"{path}::filled({n_code}, {x_code}, {sid}, {rust_str(self.where(sid))})", ty)
        e = self.expr(node)
        if e.ty != ty:
            raise AssertionError(f"not a typed array value of {ty}: {node.type} ({e.ty})")
        return e

    def elem_value(self, node: Any, elem: str) -> str:
        """``node`` as a value stored into a typed array of ``elem``s (a guard if narrowing)."""
        return self.int_value(node) if elem == R.I64 else self.coerce(self.expr(node), elem, self.p.sid(node))

    def assign_element(self, node: Any, as_stmt: bool) -> Optional[E]:
        """``a[i] = x`` / ``a[i] op= x`` on a typed array: the key and value stay unboxed."""
        left, op = node.left, node.operator
        a = self.typed_array(left.object)
        sid = self.p.sid(left)
        place = rust_str(self.where(sid))
        k, t = self.tmp("k"), self.tmp()
        elem = self.typed_elem(left.object)
        pre = f"let {k} = {self.index_key(left)};"
        what = 'a number' if elem == F64 else 'a boolean' if elem == BOOL else 'a record'
        self.guards[sid] = f"expected {what} element, stored at an index <= length"
        if op == "=" and elem == R.I64:
            value = self.int_value(node.right)
        elif elem == R.I64:  # `a[i] += k`, `a[i] -= k`: the only updates `counters` allows
            value = f"{a}.get({k}, {sid}, {place}) {op[0]} {self.int_value(node.right)}"
        else:
            if op == "=":
                rhs = self.expr(node.right)
            else:  # (numbers only: `arrays` keeps record arrays to plain stores)
                got = f"{a}.get({k}, {sid}, {place})"
                cur = E(f"({got} as f64)" if elem == R.I64 else got, F64)
                rhs = self.binop(op[:-1], cur, self.expr(node.right), node)
            value = self.coerce(rhs, elem, self.p.sid(node.right))
        stored = t if elem in (F64, R.I64, BOOL) else f"{t}.clone()"
        code = f"{pre} let {t}: {R.rust(elem)} = {value}; {a}.set({k}, {stored}, {sid}, {place});"
        if as_stmt:
            self.out("{ " + code + " }")
            return None
        if elem == R.I64:
            return E("{ " + code + f" ({t} as f64) }}", F64)
        return E("{ " + code + f" {t} }}", elem)

    def typed_method(self, node: Any, a: str, name: str, elem: str, own: bool) -> E:
        """``a.push(x, ..)`` (the new length) and ``a.pop()`` on a typed array of ``elem``s
        (``own``: a ``jsrt::OwnArr``)."""
        if name == "pop":
            sid = self.p.sid(node)
            self.guards[sid] = "expected a non-empty array"
            popped = f"{a}.pop({sid}, {rust_str(self.where(sid))})"
            return E(f"({popped} as f64)", F64) if elem == R.I64 else E(popped, elem)
        if name != "push":
            raise AssertionError(f"`arrays` let `{name}` through on a typed array")
        vals = [self.elem_value(x, elem) for x in node.arguments]
        if len(vals) == 1 and not own:  # (an owned array's argument may use it: evaluated first)
            return E(f"{a}.push({vals[0]})", F64)
        names = [self.tmp("p") for _ in vals]
        lets = " ".join(f"let {n}: {R.rust(elem)} = {v};" for n, v in zip(names, vals))  # JS evaluates every argument first
        pushes = " ".join(f"{a}.push({n});" for n in names)
        return E(f"{{ {lets} {pushes} {a}.len() }}", F64)

    # members and calls
    def member_access(self, node: Any, o: str, k: str) -> tuple[str, str, Any]:
        """For a read-modify-write of member `node` on the object bound to `o`: the
        statements that bind its key to `k`, the read expression, and a function from a
        value to the write statement. A static name stays a `&str` literal, so no key
        string is allocated per access."""
        pn = self.private(node)
        if pn is not None:
            put = (lambda v: f"jsrt::privates::set_method(&{o}, {pn.id}, {rust_str(pn.name)}, {rust_str(pn.write_error)});") \
                if pn.method else (lambda v: f"jsrt::privates::set(&{o}, {pn.id}, {rust_str(pn.write_error)}, {v});")
            return "", f"jsrt::privates::get(&{o}, {pn.id}, {rust_str(pn.read_error)})", put
        if not node.computed:
            name = rust_str(node.property.name)
            return "", f"jsrt::ops::get_lit(&{o}, {name})", lambda v: f"jsrt::ops::set_lit{self.mode()}(&{o}, {name}, {v});"
        key = self.expr(node.property)
        if key.ty == F64:
            # a numeric key stays unboxed (an `i64` for a counter): an array element is
            # read and written in place without building a `JsValue` key
            code = self.counter_index(node.property) or key.code
            strict = "true" if self.is_strict() else "false"
            return (f"let {k} = {code};", f"jsrt::ops::get_index(&{o}, {k})",
                    lambda v: f"jsrt::ops::set_index_mode(&{o}, {k}, {v}, {strict});")
        fixed = self.fixed_local(node.property)
        return (f"let {k} = {'&' + fixed if fixed is not None else R.to_dyn(key)};", f"jsrt::ops::get_dyn(&{o}, &{k})",
                lambda v: f"jsrt::ops::set_dyn{self.mode()}(&{o}, &{k}, {v});")

    def private(self, member: Any) -> Optional[PrivateName]:
        """The private name `member` (`o.#x`) reads, or None for an ordinary member."""
        if member.type != "MemberExpression" or member.property.type != "PrivateIdentifier":
            return None
        if getattr(member, "optional", False):
            raise self.unsupported(member, "optional chaining to a private member (`o?.#x`)")
        return self.privates[self.p.sid(member.property)]

    def declare_rec_views(self, b: Binding) -> None:
        """After declaring ``b``: when it is a dynamic local never reassigned whose type
        admits record shapes and whose fields are read at two sites or more, test each
        shape once here (`Option<&Struct>`, borrowing the local); every `b.k` then tests
        that instead of downcasting again (a loop body reading `item.price` four times paid
        four virtual `type_id` calls and compares per iteration)."""
        if (b.writes or b.captured or b.kind not in ("let", "const", "param") or self.storage(b) != "local"
                or self.vty(b) != DYN or self.field_reads().get(b.sid, 0) < 2):
            return
        t = self.types.binding(b.sid)
        if t is None:
            return
        parts = t.members if t.kind == "union" else {t}
        recs = sorted((self.records[m.shape] for m in parts if m.kind == "object" and m.shape in self.records),
                      key=lambda r: r.name)
        views: dict[str, str] = {}
        for r in recs:
            test = f"jsrt::value::as_rec::<{r.name}>(&{self.local(b)})"
            if views:  # (a value is one struct at most: once a test hits, the rest are None)
                test = f"if {' && '.join(f'{v}.is_none()' for v in views.values())} {{ {test} }} else {{ None }}"
            views[r.name] = self.tmp("rv")
            self.out(f"let {views[r.name]}: Option<&{r.name}> = {test};")
        if views:
            self.rec_views[b.sid] = views

    def field_reads(self) -> dict[int, int]:
        """Binding sid -> how many `x.name` reads (plain, named members) name it."""
        if self._field_reads is None:
            self._field_reads = {}
            for n in self.p.nodes:
                if n.type == "MemberExpression" and not n.computed and n.object.type == "Identifier":
                    b = self.scopes.binding_of(n.object)
                    if b is not None:
                        self._field_reads[b.sid] = self._field_reads.get(b.sid, 0) + 1
        return self._field_reads

    def lit_slot(self, text: str) -> int:
        """The index of string literal ``text`` in the program's table of literal values
        (`_LITS`, see `rustgen.lit_items`)."""
        return self.lits.setdefault(text, len(self.lits))

    def lit(self, text: str) -> str:
        """A string literal's value: a clone of its entry in the program's table. Why a
        table: `jsrt::value::lit` finds a literal's shared value by hashing its address
        into a thread-local cache and checking the entry on every evaluation; the table,
        made once, is indexed directly (`['a', 'b'][i]` building objects in a loop)."""
        return f"_lit({self.lit_slot(text)})"

    def fixed_local(self, node: Any) -> Optional[str]:
        """The Rust name of the dynamic local ``node`` names when nothing ever assigns it after
        its declaration: the object or key of `o[k] op= v` is then borrowed rather than
        cloned (JS evaluates them before `v`, which cannot change such a binding), saving
        a reference-count round trip per store."""
        if node.type != "Identifier":
            return None
        b = self.scopes.binding_of(node)
        if (b is None or b.writes or b.kind not in ("let", "const", "param") or self.storage(b) != "local"
                or self.vty(b) != DYN or self.in_tdz(b, node)):
            return None
        return self.local(b)

    def member_key(self, node: Any) -> str:
        """The key of a member expression as a `JsValue` expression."""
        if not node.computed:
            return self.lit(node.property.name)
        return R.to_dyn(self.expr(node.property))

    def e_MemberExpression(self, node: Any) -> E:
        obj = node.object
        pn = self.private(node)
        if pn is not None:
            recv = R.to_dyn(self.expr(obj))
            return self.narrow(node, E(f"jsrt::privates::get(&{recv}, {pn.id}, {rust_str(pn.read_error)})", DYN))
        if obj.type == "Identifier" and self.scopes.binding_of(obj) is None and not node.computed:
            name = node.property.name
            if obj.name == "Math" and name in MATH_CONST:
                return E(MATH_CONST[name], F64)
            if obj.name == "Number" and name in NUMBER_CONST:
                return E(NUMBER_CONST[name], F64)
            if obj.name == "process" and name == "argv":
                return E(f"jsrt::builtins::argv({rust_str(self.p.filename)})", DYN)
            if obj.name == "process" and name == "exitCode":
                return E("jsrt::exit::exit_code()", DYN)
            if obj.name == "Symbol":
                if name != "iterator":
                    raise self.unsupported(node, f"the well-known symbol `Symbol.{name}`")
                return E("jsrt::symbols::iterator()", DYN)
            if absent_static(obj.name, name):
                return E("JsValue::Undefined", DYN)
            if obj.name in NAMESPACES:
                return E(f"jsrt::builtins::native({rust_str(obj.name + '.' + name)})", DYN)
        if obj.type == "Super" and not node.computed:
            return self.narrow(node, E(self.super_member(node.property.name, None), DYN))
        optional = getattr(node, "optional", False)
        sid = self.p.sid(node)
        a = self.typed_array(obj)
        if a is not None and not optional:
            if not node.computed:  # `length`: the only named member `arrays` lets through
                return E(f"{a}.len()", F64)
            elem = self.typed_elem(obj)
            if elem == R.I64:
                return E(f"({self.int_element(node)} as f64)", F64)
            self.guards[sid] = ("expected number" if elem == F64 else "expected boolean" if elem == BOOL
                                else "expected an array element" if is_arr(elem) else "expected a record element")
            get = f"{a}.get({{}}, {sid}, {rust_str(self.where(sid))})"
            if self.typed_own(obj):  # the key first: it may pop from the same owned `Vec`
                k = self.tmp("k")
                return E(f"{{ let {k} = {self.index_key(node)}; {get.format(k)} }}", elem)
            return E(get.format(self.index_key(node)), elem)
        if node.computed and not optional:
            nested = self.nested_index(node)
            if nested is not None:
                return nested
        base = self.member_base(obj) if not optional else None
        if base is not None and is_ref(base.ty) and not node.computed:
            rec = self.rec_named[struct_of(base.ty)]
            name = node.property.name
            if name in rec.fields:
                code = base.code if is_rec(base.ty) else f"jsrt::value::nn(&{base.code}, {rust_str(name)})"
                return self.narrow(node, self.field(code, rec, name))
        if (not node.computed and node.property.type == "Identifier" and node.property.name in self.arr_fields
                and (base is None or base.ty == DYN) and not (obj.type == "ThisExpression" and self.fn.this_plain)):
            raise FieldEscape(node.property.name)  # it may be an instance: the read needs the field's identity
        if optional:
            od = "&" + self.optional(R.to_dyn(self.expr(obj)))
        else:
            od = self.operand_ref(obj) if base is None else "&" + R.to_dyn(_owned(base))
        if not node.computed:
            name = node.property.name
            if name == "length" and self.observed(sid) == F64:
                # hot in loops: no property-name dispatch, no clone of the receiver
                cell = _cell_of(od)
                if cell is not None:
                    return E(f"jsrt::ops::length_in({cell}, {sid}, {rust_str(self.where(sid))})", F64)
                return E(f"jsrt::ops::length({od}, {sid}, {rust_str(self.where(sid))})", F64)
            recs = [r for r in self.union_recs(obj) if name in r.fields] if not optional else []
            if recs:
                # one of these records or something else (`null`): the struct's field when it
                # is one of the structs (one downcast test each), else the dynamic path
                t = self.tmp("v")
                fields = [self.field("_r", r, name) for r in recs]
                ty = fields[0].ty if all(f.ty == fields[0].ty for f in fields) else DYN
                other = self.coerce(E(f"jsrt::ops::get_lit({t}, {rust_str(name)})", DYN), ty, sid)
                b = self.scopes.binding_of(obj) if obj.type == "Identifier" else None
                views = self.rec_views.get(b.sid, {}) if b is not None and not self.in_tdz(b, obj) else {}
                chain = " else ".join(f"if let Some(_r) = {views.get(r.name) or f'jsrt::value::as_rec::<{r.name}>({t})'} "
                                      f"{{ {self.coerce(f, ty, sid)} }}" for r, f in zip(recs, fields))
                return self.narrow(node, E(f"{{ let {t} = {od}; {chain} else {{ {other} }} }}", ty))
            return self.narrow(node, E(f"jsrt::ops::get_lit({od}, {rust_str(name)})", DYN))
        k = self.expr(node.property)
        if k.ty == F64 and not optional and obj.type == "ArrayExpression" and obj.elements and all(
                e is not None and e.type == "Literal" and isinstance(e.value, str) for e in obj.elements):
            # `['a', 'b'][i]`: the array can be seen nowhere else, so it is never built
            slots = ", ".join(str(self.lit_slot(e.value)) for e in obj.elements)
            return self.narrow(node, E(f"_lit_index(&[{slots}], {k.code})", DYN))
        if k.ty == F64:
            # a counter index (`i`, `i + 1`) stays an `i64`: no float-to-index check
            key = self.counter_index(node.property) or k.code
            # a cell or a record's dynamic field is read in place (no clone of the array's
            # `Rc`) when the key reads a variable: nothing runs between reading the object
            # and the key then
            cell = _cell_of(od) if self.runs_no_js(node.property) else None
            if is_rec(self.observed(sid)):
                ty = self.observed(sid)
                self.guards[sid] = f"expected an object {self.rec_named[ty[len(R.REC):]].shape}"
                fn, arr = ("index_rec_in", cell) if cell is not None else ("index_rec", od)
                return E(f"jsrt::value::{fn}::<{ty[len(R.REC):]}, _>({arr}, {key}, {sid}, {rust_str(self.where(sid))})", ty)
            if self.observed(sid) in (F64, BOOL):
                ty = self.observed(sid)
                self.guards[sid] = "expected number" if ty == F64 else "expected boolean"
                fn = "index_num" if ty == F64 else "index_bool"
                fn, arr = (fn + "_in", cell) if cell is not None else (fn, od)
                return E(f"jsrt::ops::{fn}({arr}, {key}, {sid}, {rust_str(self.where(sid))})", ty)
            if cell is not None:
                return self.narrow(node, E(f"jsrt::ops::get_index_in({cell}, {key})", DYN))
            return self.narrow(node, E(f"jsrt::ops::get_index({od}, {key})", DYN))
        # a local key is borrowed, not cloned; a cell's object is read in place when the key
        # reads a variable (nothing runs between reading the object and the key then)
        kref = self.local_ref(node.property) or "&" + R.to_dyn(k)
        cell = _cell_of(od) if node.property.type in ("Identifier", "Literal") else None
        if cell is not None:
            return self.narrow(node, E(f"jsrt::ops::get_dyn_in({cell}, {kref})", DYN))
        return self.narrow(node, E(f"jsrt::ops::get_dyn({od}, {kref})", DYN))

    def nested_index(self, node: Any) -> Optional[E]:
        """`a[i][j]` over a dynamic array of arrays (`this.domain[v][c]`) as one read: the
        row is looked at in place, not cloned and dropped, and a number or boolean element
        is copied out unboxed (`ops::get_index2`, `index2_num`, `index2_bool`, `_in` for a
        record's field). Only where both keys are plain reads and `j` is one nothing can
        change (a literal or an uncaptured local): the slow path reads `a[i]` as JS does,
        which may run a getter, after `j` was read. None: not this form."""
        inner = node.object
        if (inner.type != "MemberExpression" or not inner.computed or getattr(inner, "optional", False)
                or inner.object.type == "Super" or self.typed_array(inner.object) is not None
                or self.observed(self.p.sid(inner)) != DYN):
            return None
        if inner.property.type not in ("Identifier", "Literal") or not self.stable_key(node.property):
            return None
        ik, jk = self.expr(inner.property), self.expr(node.property)
        if ik.ty != F64 or jk.ty != F64:
            return None
        i = self.counter_index(inner.property) or ik.code
        j = self.counter_index(node.property) or jk.code
        base = self.member_base(inner.object)
        od = self.operand_ref(inner.object) if base is None else "&" + R.to_dyn(_owned(base))
        cell = _cell_of(od)
        arr, suffix = (cell, "_in") if cell is not None else (od, "")
        sid = self.p.sid(node)
        ty = self.observed(sid)
        if ty in (F64, BOOL):
            self.guards[sid] = "expected number" if ty == F64 else "expected boolean"
            fn = "index2_num" if ty == F64 else "index2_bool"
            return E(f"jsrt::ops::{fn}{suffix}({arr}, {i}, {j}, {sid}, {rust_str(self.where(sid))})", ty)
        return self.narrow(node, E(f"jsrt::ops::get_index2{suffix}({arr}, {i}, {j})", DYN))

    def runs_no_js(self, node: Any) -> bool:
        """Reading ``node`` runs no JS code that could store anywhere: a literal, a variable,
        or a number/boolean field of a record held by a local or `this` (`this.number[s.id]`:
        the array can then be read in place after the key, as nothing ran in between)."""
        if node.type in ("Identifier", "Literal"):
            return True
        if node.type != "MemberExpression" or node.computed or getattr(node, "optional", False):
            return False
        if node.object.type == "ThisExpression":
            ty = self.fn.this_ty
        elif node.object.type == "Identifier":
            b = self.scopes.binding_of(node.object)
            if b is None or self.storage(b) != "local" or self.in_tdz(b, node.object):
                return False
            ty = self.vty(b)
        else:
            return False
        if not is_rec(ty) or node.property.type != "Identifier":
            return False
        rec = self.rec_named[struct_of(ty)]
        return node.property.name in rec.fields and rec.rep(node.property.name) in (F64, BOOL)

    def stable_key(self, node: Any) -> bool:
        """A key no JS code can change while an element is read: a literal or a local
        binding no closure captures."""
        if node.type == "Literal":
            return True
        if node.type != "Identifier":
            return False
        b = self.scopes.binding_of(node)
        return b is not None and not b.captured and self.storage(b) == "local" and not self.in_tdz(b, node)

    def member_base(self, obj: Any) -> Optional[E]:
        """The object operand of `obj.k`, emitted once: a local record is its name (no
        clone: fields are read through the `Rc`). ``None`` where `operand_ref` borrows a
        dynamic local or `this` in place instead."""
        if obj.type == "ThisExpression":
            return None if self.fn.this_ty == DYN else E("this", self.fn.this_ty)
        if obj.type == "Identifier":
            b = self.scopes.binding_of(obj)
            if b is not None and self.storage(b) == "local" and not self.in_tdz(b, obj):
                ty = self.vty(b)
                if ty == DYN:
                    return None
                if is_ref(ty):
                    return E(self.local(b), ty)
        e = self.expr(obj)
        ty = self.observed(self.p.sid(obj))
        if e.ty == DYN and is_rec(ty):
            return E(self.coerce(e, ty, self.p.sid(obj)), ty)
        return e

    def field(self, base: str, rec: Any, key: str) -> E:
        """Read field ``key`` of the record ``base`` (an `Rc<Struct>` expression)."""
        f = field_name(key, list(rec.fields).index(key))
        rep = rec.rep(key)
        if is_arr(rep):
            raise FieldEscape(key)  # (a use `field_array` does not translate)
        if is_opt(rep):
            return E(f"jsrt::value::load_opt(&{_paren(base)}.{f})", rep)
        if is_rec(rep):
            return E(f"jsrt::value::load_rec::<{struct_of(rep)}>(&{_paren(base)}.{f})", rep)
        return E(f"{_paren(base)}.{f}.get()" if rep != DYN else f"jsrt::value::load(&{_paren(base)}.{f})", rep)

    def rec_member(self, member: Any) -> tuple[Optional[E], Any]:
        """For a named member `o.k`: the object as emitted (``None`` where `operand_ref`
        applies), and the record shape when `o` is a record that has `k` (else ``None``)."""
        if member.computed or getattr(member, "optional", False) or member.property.type == "PrivateIdentifier":
            return None, None
        base = self.member_base(member.object)
        if base is None or not is_ref(base.ty):
            return base, None
        rec = self.rec_named[struct_of(base.ty)]
        return base, (rec if member.property.name in rec.fields else None)

    def rec_holder(self, base: E, node: Any) -> tuple[str, str]:
        """`let o = ..;` binding the record of a field store: a local is borrowed unless
        the stored expression itself reassigns it."""
        o = self.tmp("o")
        if base.code.isidentifier() and not _writes_name(node, base.code):
            return o, f"let {o} = &{base.code};"
        if is_opt(base.ty):  # (held by reference, as `jsrt::value::nn` takes it)
            return o, f"let {o} = &{_owned(base).code};"
        return o, f"let {o} = {base.code};"

    def assign_field(self, node: Any, base: E, rec: Any, as_stmt: bool) -> Optional[E]:
        """``o.k = e`` / ``o.k op= e`` on a record: the field is set directly, the value
        converted to the field's representation (a guard: a value of a type the trace
        never stored there side-exits)."""
        left, op = node.left, node.operator
        key = left.property.name
        rep = rec.rep(key)
        f = field_name(key, list(rec.fields).index(key))
        o, pre = self.rec_holder(base, node.right)
        target = o
        if is_opt(base.ty):  # null: JS evaluates the value, then throws (or reads first for `op=`)
            target = f"jsrt::value::nn_set({o}, {rust_str(key)})"
            o = f"jsrt::value::nn({o}, {rust_str(key)})"
        cur = self.field(o, rec, key)
        if op == "=":
            rhs = self.expr(node.right)
        elif op in ("&&=", "||=", "??="):
            rhs = self.logical(op[:-1], cur, self.expr(node.right))
        else:
            rhs = self.binop(op[:-1], self.narrow(left, cur), self.expr(node.right), node)
        t = self.tmp()
        v = self.coerce(rhs, rep, self.p.sid(node.right))
        if rep not in (F64, BOOL):
            put = f"*{_paren(target)}.{f}.borrow_mut() = {t if as_stmt else t + '.clone()'};"
        else:
            put = f"{_paren(target)}.{f}.set({t});"
        code = f"{pre} let {t}: {R.rust(rep)} = {v}; {put}"
        if as_stmt:
            self.out("{ " + code + " }")
            return None
        return E("{ " + code + f" {t} }}", rep)

    def union_recs(self, obj: Any) -> list:
        """The records an object operand's static type (a union, or one record shape
        seen where the value is dynamic) may be, at most four."""
        sid = self.p.sid(obj)
        t = self.types.expr.get(sid)
        if t is None and obj.type == "Identifier":
            b = self.scopes.binding_of(obj)
            t = self.types.binding(b.sid) if b is not None else None
        if t is None:
            return []
        parts = t.members if t.kind == "union" else {t}
        return sorted((self.records[m.shape] for m in parts if m.kind == "object" and m.shape in self.records),
                      key=lambda r: r.name)

    def union_call(self, node: Any, recv: str) -> Optional[E]:
        """`recv.m(..)` where `recv` is one of several class records: each struct calls its
        own Rust fn for `m` after a downcast test (the receiver's class decides, as the
        prototype chain would); anything else calls through the prototype."""
        name = node.callee.property.name
        recs = self.union_recs(node.callee.object)
        methods = [self.static_method(r, name) for r in recs]
        if (not recs or any(m is None or len(m.params) < len(node.arguments) for m in methods)
                or any(a.type == "SpreadElement" for a in node.arguments)):
            return None
        u = self.tmp("u")
        names = [self.tmp("a") for _ in node.arguments]
        vals = [self.expr(a) for a in node.arguments]
        lets = " ".join(f"let {n} = {v.code};" for n, v in zip(names, vals))
        tys = [self.ret_ty(m) for m in methods]
        ty = tys[0] if all(t == tys[0] for t in tys) else DYN
        sid = self.p.sid(node)

        def arg(i: int) -> E:
            v = vals[i]
            return E(names[i] + (".clone()" if v.ty == DYN or is_ref(v.ty) else ""), v.ty)

        branches = []
        for r, m in zip(recs, methods):
            fname = self.ensure_method(r, m)
            args = [self.coerce(arg(i), self.param_ty(p), self.p.sid(node.arguments[i])) for i, p in enumerate(m.params[:len(vals)])]
            args += [self.coerce(E("JsValue::Undefined", DYN), self.param_ty(p), sid) for p in m.params[len(vals):]]
            call = E(f"{fname}(_r{''.join(', ' + a for a in args)})", self.ret_ty(m))
            branches.append(f"if let Some(_r) = jsrt::value::as_rec_rc::<{r.name}>({u}) {{ {self.coerce(call, ty, sid)} }}")
        dyn_args = ", ".join(R.to_dyn(arg(i)) for i in range(len(vals)))
        text = callee_text(node.callee, self.p.source)  # Node names the callee in its TypeError
        slow = f"jsrt::builtins::call_method_lit_as({u}, {rust_str(name)}, &[{dyn_args}], {rust_str(text)})"
        slow = self.coerce(E(slow, DYN), ty, sid)
        return E(f"{{ let {u} = &{recv}; {lets} {' else '.join(branches)} else {{ {slow} }} }}", ty)

    def maybe_rec(self, obj: Any, key: str) -> Optional[Any]:
        """The record an object operand typed as a union (`null` or the struct, say) may be,
        when exactly one record of the union has `key`: its field is then read and written
        directly after a downcast test, the rest takes the dynamic path."""
        recs = self.union_recs(obj)
        return recs[0] if len(recs) == 1 and key in recs[0].fields else None

    def assign_maybe_field(self, node: Any, base: Optional[E], rec: Any, as_stmt: bool) -> Optional[E]:
        """``o.k = e`` where `o` may be the record ``rec``: its field is set directly when it is
        (a value of another type than the field's goes the dynamic way, which side-exits)."""
        left = node.left
        key = left.property.name
        o, t, n = self.tmp("o"), self.tmp(), self.tmp("n")
        obj = R.to_dyn(_owned(base)) if base is not None else self.operand_ref(left.object)[1:]
        if not obj.startswith("&"):
            obj = "&" + obj
        rhs = self.expr(node.right)
        rep = rec.rep(key)
        f = field_name(key, list(rec.fields).index(key))
        held = E(t + (".clone()" if rhs.ty == DYN or is_ref(rhs.ty) else ""), rhs.ty)
        slow = f"jsrt::ops::set_lit{self.mode()}({o}, {rust_str(key)}, {R.to_dyn(held)})"
        if rep == DYN:
            fast = f"*_r.{f}.borrow_mut() = {R.to_dyn(held)}"
        elif is_ref(rep):
            fast = f"*_r.{f}.borrow_mut() = {self.coerce(held, rep, self.p.sid(node.right))}"
        elif rhs.ty == rep:
            fast = f"_r.{f}.set({t})"
        elif rhs.ty == DYN:
            variant = "Num" if rep == F64 else "Bool"
            fast = f"match &{t} {{ JsValue::{variant}({n}) => _r.{f}.set(*{n}), _ => {slow} }}"
        else:
            fast = slow
        code = (f"let {o} = {obj}; let {t} = {rhs.code}; "
                f"match jsrt::value::as_rec::<{rec.name}>({o}) {{ Some(_r) => {{ {fast}; }} None => {{ {slow}; }} }}")
        if as_stmt:
            self.out("{ " + code + " }")
            return None
        return E("{ " + code + f" {t} }}", rhs.ty)

    def operand_ref(self, node: Any) -> str:
        """`&value` of an operand that is only read: a local dynamic variable is borrowed
        in place instead of cloned, and so is `this`."""
        if node.type == "ThisExpression":
            return "&this" if self.fn.this_ty == DYN else "&" + R.to_dyn(E("this.clone()", self.fn.this_ty))
        return self.local_ref(node) or "&" + R.to_dyn(self.expr(node))

    def local_ref(self, node: Any) -> Optional[str]:
        """`&x` for an identifier naming a local dynamic variable (borrowed, not cloned);
        None for any other operand."""
        if node.type == "Identifier":
            b = self.scopes.binding_of(node)
            if b is not None and self.storage(b) == "local" and self.vty(b) == DYN:
                return "&" + self.local(b)
        return None

    def optional(self, code: str) -> str:
        """`x?.`: leave the enclosing chain with `undefined` when `x` is null or undefined."""
        t = self.tmp("q")
        return f"{{ let {t} = {code}; if {t}.is_nullish() {{ break {self.chains[-1]} JsValue::Undefined; }} {t} }}"

    def e_ChainExpression(self, node: Any) -> E:
        label = "'" + self.tmp("ch")
        self.chains.append(label)
        try:
            inner = self.expr(node.expression)
        finally:
            self.chains.pop()
        return E(f"{label}: {{ {R.to_dyn(inner)} }}", DYN)

    def builtin_proto_call(self, node: Any) -> Optional[E]:
        """`Number.prototype.toString.call(x, 16)`: a built-in prototype's method called on
        a chosen receiver is `builtins::proto_call`, so the prototype object (which the
        runtime does not have as a value) is never read. None for any other call."""
        callee, args = node.callee, node.arguments
        if callee.computed or callee.property.name != "call" or any(a.type == "SpreadElement" for a in args):
            return None
        method = callee.object
        if method.type != "MemberExpression" or method.computed:
            return None
        proto = method.object
        if not (proto.type == "MemberExpression" and not proto.computed and proto.property.name == "prototype"
                and proto.object.type == "Identifier" and proto.object.name in BUILTIN_PROTOTYPES
                and self.scopes.binding_of(proto.object) is None):
            return None
        this = R.to_dyn(self.expr(args[0])) if args else "JsValue::Undefined"
        rest = "&[" + ", ".join(R.to_dyn(self.expr(a)) for a in args[1:]) + "]"
        return E(f"jsrt::builtins::proto_call({rust_str(proto.object.name)}, {rust_str(method.property.name)}, "
                 f"{this}, {rest})", DYN)

    def args_dyn(self, args: list) -> str:
        """Call arguments as a `&[JsValue]` expression (spread supported)."""
        if not any(a.type == "SpreadElement" for a in args):
            return "&[" + ", ".join(R.to_dyn(self.expr(a)) for a in args) + "]"
        v = self.tmp("a")
        parts = [f"let mut {v}: Vec<JsValue> = Vec::new();"]
        for a in args:
            if a.type == "SpreadElement":
                text = rust_str(iterable_text(a.argument, self.p.source))
                parts.append(f"{v}.extend(jsrt::builtins::spread(&{R.to_dyn(self.expr(a.argument))}, {text}, true));")
            else:
                parts.append(f"{v}.push({R.to_dyn(self.expr(a))});")
        return "&{ " + " ".join(parts) + f" {v} }}"

    def e_CallExpression(self, node: Any) -> E:
        callee = node.callee
        if getattr(node, "optional", False):
            f = self.optional(R.to_dyn(self.expr(callee)))
            return E(f"jsrt::ops::call(&{f}, JsValue::Undefined, {self.args_dyn(node.arguments)}, \"function\")", DYN)
        if callee.type == "Identifier":
            b = self.scopes.binding_of(callee)
            if b is None:
                return self.narrow(node, self.global_call(node, callee.name))
            target = self.scopes.fn_of_binding(b)
            if target is not None and target.static and not any(a.type == "SpreadElement" for a in node.arguments):
                return self.direct_call(node, target)
            f = self.read(b, callee)  # (a typed one, `let n = 5; n()`, throws V8's "n is not a function")
            cell = _cell_of("&" + R.to_dyn(f))
            if cell is not None and all(a.type in ("Literal", "Identifier") for a in node.arguments):
                # read in place, after the arguments: none of them can assign the cell
                return self.narrow(node, E(f"jsrt::ops::call_in({cell}, JsValue::Undefined, {self.args_dyn(node.arguments)}, {rust_str(callee.name)})", DYN))
            return self.narrow(node, E(f"jsrt::ops::call(&{R.to_dyn(f)}, JsValue::Undefined, {self.args_dyn(node.arguments)}, {rust_str(callee.name)})", DYN))
        if callee.type == "MemberExpression":
            special = self.builtin_proto_call(node)
            if special is not None:
                return self.narrow(node, special)
            obj = callee.object
            pn = self.private(callee)
            if pn is not None:  # `o.#m(..)`: the receiver once, then the member, then the arguments
                o, fn = self.tmp("o"), self.tmp("f")
                text = f"{'this' if obj.type == 'ThisExpression' else 'object'}.{pn.name}"
                return self.narrow(node, E(
                    f"{{ let {o} = {R.to_dyn(self.expr(obj))}; let {fn} = jsrt::privates::get(&{o}, {pn.id}, {rust_str(pn.read_error)}); "
                    f"jsrt::ops::call(&{fn}, {o}, {self.args_dyn(node.arguments)}, {rust_str(text)}) }}", DYN))
            if (obj.type == "Identifier" and self.scopes.binding_of(obj) is None and not callee.computed
                    and (obj.name, callee.property.name) in CLOCKS and not getattr(callee, "optional", False)):
                reading = CLOCKS[(obj.name, callee.property.name)]
                if not node.arguments:
                    return E(reading, F64)
                return E(f"{{ let _ = {self.args_dyn(node.arguments)}; {reading} }}", F64)  # (arguments still run)
            if (obj.type == "Identifier" and self.scopes.binding_of(obj) is None and not callee.computed
                    and obj.name in NAMESPACES and not (obj.name == "arguments" and self.fn.info is not None)):
                return self.narrow(node, self.namespace_call(node, obj.name, callee.property.name))
            a = self.typed_array(obj)
            if a is not None and not callee.computed and not getattr(callee, "optional", False):
                return self.typed_method(node, a, callee.property.name, self.typed_elem(obj), self.typed_own(obj))
            if obj.type == "Super":
                return self.narrow(node, E(self.super_member(callee.property.name, node.arguments), DYN))
            base = None
            if getattr(callee, "optional", False):
                recv = self.optional(R.to_dyn(self.expr(obj)))
            else:
                base = self.member_base(obj)
                if base is not None and is_ref(base.ty) and not callee.computed:
                    method = self.static_method(self.rec_named[struct_of(base.ty)], callee.property.name)
                    if (method is not None and len(node.arguments) <= len(method.params)
                            and not any(a.type == "SpreadElement" for a in node.arguments)):
                        if is_opt(base.ty):  # `null.m()` throws V8's "Cannot read properties of null"
                            name = rust_str(callee.property.name)
                            base = E(f"jsrt::value::nn(&{base.code}, {name}).clone()", R.rec(struct_of(base.ty)))
                        return self.method_call(node, base, method)
                recv = self.operand_ref(obj)[1:] if base is None else R.to_dyn(_owned(base))
                if not callee.computed and (base is None or base.ty == DYN):
                    union = self.union_call(node, recv)
                    if union is not None:
                        return union
            if not callee.computed:
                fast = self.string_call(node, recv) or self.map_call(node, recv) or self.array_call(node, recv)
                if fast is not None:
                    return fast
            if callee.computed:
                key = self.expr(callee.property)
                f = self.tmp("r")
                text = rust_str(callee_text(callee, self.p.source))
                if key.ty == DYN:  # (the key may be a symbol: `arr[Symbol.iterator]()`)
                    return self.narrow(node, E(f"{{ let {f} = &{recv}; jsrt::symbols::call_method_key_as({f}, &{key.code}, {self.args_dyn(node.arguments)}, {text}) }}", DYN))
                return self.narrow(node, E(f"{{ let {f} = &{recv}; jsrt::builtins::call_method_as({f}, &{R.to_str(key)}, {self.args_dyn(node.arguments)}, Some({text})) }}", DYN))
            text = callee_text(callee, self.p.source)  # (as V8 quotes it in "... is not a function")
            if callee.property.name == "push" and len(node.arguments) == 1 and node.arguments[0].type != "SpreadElement":
                # the hot `a.push(x)` on a dynamic array: appended inline, no method dispatch by name
                named = f"Some({rust_str(text)})" if text is not None else "None"
                cell = _cell_of("&" + recv) if self.runs_no_js(node.arguments[0]) else None
                if cell is not None:  # `a.succ.push(b)`: the field's array pushed to in place, no clone of its `Rc`
                    return self.narrow(node, E(f"jsrt::ops::push1_in({cell}, {R.to_dyn(self.expr(node.arguments[0]))}, {named})", DYN))
                return self.narrow(node, E(f"jsrt::ops::push1(&{recv}, {R.to_dyn(self.expr(node.arguments[0]))}, {named})", DYN))
            if callee.property.name in ("pop", "slice") and not node.arguments:
                named = f"Some({rust_str(text)})" if text is not None else "None"
                fn = "pop0" if callee.property.name == "pop" else "slice0"
                return self.narrow(node, E(f"jsrt::ops::{fn}(&{recv}, {named})", DYN))
            if text is not None:
                return self.narrow(node, E(f"jsrt::builtins::call_method_lit_as(&{recv}, {rust_str(callee.property.name)}, {self.args_dyn(node.arguments)}, {rust_str(text)})", DYN))
            return self.narrow(node, E(f"jsrt::builtins::call_method_lit(&{recv}, {rust_str(callee.property.name)}, {self.args_dyn(node.arguments)})", DYN))
        if callee.type == "Super":
            call = f"jsrt::ops::call(&parent_class, this.clone(), {self.args_dyn(node.arguments)}, \"super\");"
            if self.fn.this_guard is not None:
                call += f" jsrt::ops::derived_bind(&{self.fn.this_guard});"
            fields = self.block_lines(lambda: self.init_fields(self.pending_fields or []))
            return E("{ " + call + " " + " ".join(ln.strip() for ln, _ in fields) + " JsValue::Undefined }", DYN)
        f = self.expr(callee)
        text = rust_str(callee_text(callee, self.p.source))
        return self.narrow(node, E(f"jsrt::ops::call(&{R.to_dyn(f)}, JsValue::Undefined, {self.args_dyn(node.arguments)}, {text})", DYN))

    def string_call(self, node: Any, recv: str) -> Optional[E]:
        """`s.indexOf('{{', pos)` where `s` is a string (`is_string`): the method's own
        runtime entry (`jsrt::strmeth`), with each argument passed as the emitter has it (a
        literal as `&'static str`, a number as `f64`), so neither the method name nor the
        arguments are looked at at run time. A receiver that turns out not to be a string
        takes the general path inside that entry, whose result is guarded to the type a
        string gives (a side exit otherwise: that receiver was never traced). None when the
        call is not such a one."""
        callee, args = node.callee, node.arguments
        if (_is_str_literal(callee.object) and not callee.computed and callee.property.name == "includes"
                and len(args) == 1 and args[0].type != "SpreadElement" and not getattr(callee, "optional", False)
                and not getattr(node, "optional", False)):
            # `'+-0123456789'.includes(c)`: the literal searched in place
            return E(f"jsrt::strmeth::lit_includes({rust_str(callee.object.value)}, {R.to_dyn(self.expr(args[0]))})", BOOL)
        entry = self.string_method(node)
        if entry is None:
            return None
        # a receiver read out of a cell (`text.startsWith('null', pos)` in a parser's nested
        # helper) is lent in place by `ops::with_in` rather than cloned and dropped, when no
        # argument runs code (which could assign the cell while it is lent)
        cell = _cell_of(f"&{recv}")
        lent = self.tmp("s") if cell is not None else None
        parts = [lent or f"&{recv}"]
        for a in args:
            if _is_str_literal(a):
                parts.append(rust_str(a.value))
                continue
            e = self.expr(a)
            if not (e.ty in (F64, BOOL) and _quiet(a) and "jsrt::" not in e.code):
                lent = None
            parts.append(e.code if e.ty == F64 else R.to_dyn(e))
        parts += ["jsrt::strmeth::Absent"] * (entry[1] - len(args))
        if lent is None:
            parts[0] = f"&{recv}"
        obj = callee.object
        text = callee_text(callee, self.p.source)  # (as V8 quotes it in "... is not a function")
        parts.append(rust_str(text))
        call = E(f"jsrt::strmeth::{entry[0]}({', '.join(parts)})", DYN)
        if lent is not None:
            call = E(f"jsrt::ops::with_in({cell}, |{lent}| {call.code})", DYN)
        return E(self.coerce(call, entry[2], self.p.sid(node)), entry[2]) if entry[2] in (F64, BOOL) else call

    def map_call(self, node: Any, recv: str) -> Optional[E]:
        """`m.get(k)`, `m.set(k, v)`, `m.has(k)` where the trace saw `m` a Map (`s.has(k)`,
        `s.add(k)` where it saw a Set): the
        method's own runtime entry (`jsrt::mapmeth`, the general path inside it for any
        other receiver). None when the call is not such a one."""
        callee, args = node.callee, node.arguments
        kind = value_type(self.p, self.scopes, self.types, self.p.sid(callee.object)).kind
        arity = {"map": MAP_FAST, "set": SET_FAST}.get(kind, {}).get(callee.property.name)
        if (arity is None or getattr(callee, "optional", False) or len(args) > arity
                or any(a.type == "SpreadElement" for a in args)):
            return None
        parts = [f"&{recv}"] + [R.to_dyn(self.expr(a)) for a in args] + ["JsValue::Undefined"] * (arity - len(args))
        obj = callee.object
        text = callee_text(callee, self.p.source)  # (as V8 quotes it in "... is not a function")
        parts.append(rust_str(text))
        return self.narrow(node, E(f"jsrt::mapmeth::{callee.property.name}({', '.join(parts)})", DYN))

    def array_call(self, node: Any, recv: str) -> Optional[E]:
        """`xs.sort()`, `xs.reduce(f, 0)`, `xs.join(',')` where the trace saw `xs` an array:
        the method's family entry in `jsrt::arrmeth` (no name lookup on the receiver, no
        scan of every array method's name; the general path inside it for any other
        receiver). None when the call is not such a one."""
        callee, args = node.callee, node.arguments
        entry = ARRAY_FAST.get(callee.property.name)
        if (entry is None or getattr(callee, "optional", False) or getattr(node, "optional", False)
                or any(a.type == "SpreadElement" for a in args)
                or value_type(self.p, self.scopes, self.types, self.p.sid(callee.object)).kind not in ("array", "never")):
            return None  # ("never": no type recorded there, as for a call's result: the entry still takes any receiver)
        obj = callee.object
        text = callee_text(callee, self.p.source)  # (as V8 quotes it in "... is not a function")
        name = "" if entry == "sort" else f"{rust_str(callee.property.name)}, "
        inline = self.inline_callback(args[0]) if entry == "iterate" and args else None
        if inline is not None:
            return self.narrow(node, E(f"jsrt::arrmeth::iterate_fn(&{recv}, {name}{inline[0]}, {inline[1]}, "
                                       f"{self.args_dyn(args[1:])}, {rust_str(text)})", DYN))
        return self.narrow(node, E(f"jsrt::arrmeth::{entry}(&{recv}, {name}{self.args_dyn(args)}, {rust_str(text)})", DYN))

    def inline_callback(self, node: Any) -> Optional[tuple[str, str]]:
        """An arrow written as an array method's callback, as ``(closure, wrap)``: the Rust
        closure its value would box (`jsrt::arrmeth::iterate_fn` calls it directly on an
        array) and the Rust closure that boxes it into the JS function value (only a
        receiver that is not an array gets that). None for any other callback."""
        if node.type != "ArrowFunctionExpression" or getattr(node, "async", False):
            return None
        f = self.scopes.functions[self.p.sid(node)]
        if f.static:
            name = self.ensure_static(f, 1 if self.linear and f.sid in self.cycles.scc else 0)
            if self.made_once_per_run(f):
                return None  # (one value per run: its identity is observable)
            made = self.fn_value_new(f, name, bare=True)
        else:
            made = self.closure(f, bare=True).code
        if made is None:
            return None
        js_name = rust_str(f.name or (f.declared.name if f.declared else ""))
        wrap = (f"|f| JsValue::func({js_name}, f).with_length({_declared_length(node.params)})"
                f".with_source({rust_str(self.p.text(f.sid))})")
        return made, wrap

    def string_method(self, node: Any) -> Optional[tuple]:
        """The `STRING_FAST` entry of a call `s.m(..)` whose receiver is a string
        (`is_string`) and whose arguments it can take (no spread, not too many)."""
        callee = node.callee
        if node.type != "CallExpression" or callee.type != "MemberExpression" or callee.computed \
                or getattr(callee, "optional", False) or getattr(node, "optional", False):
            return None
        entry = STRING_FAST.get(callee.property.name)
        if (entry is None or len(node.arguments) > entry[1] or any(a.type == "SpreadElement" for a in node.arguments)
                or not self.is_string(callee.object)):
            return None
        return entry

    def is_string(self, node: Any) -> bool:
        """Whether expression ``node`` was seen only as a string, or is a string method's
        call on such a one (the recorder does not tag call results)."""
        if value_type(self.p, self.scopes, self.types, self.p.sid(node)).kind == "string":
            return True
        entry = self.string_method(node)
        return entry is not None and entry[2] == "string"

    def static_method(self, rec: Any, name: str) -> Optional[FnInfo]:
        """The method `name` an instance of class record ``rec`` runs, when it can be a Rust
        fn taking the struct as `this`: found statically (the nearest class of the chain
        defining `name`; no own field or accessor of that name; no `.prototype` written
        anywhere), plain parameters, no `arguments`/`super`/nested functions, and only
        top-level captures."""
        if rec.plan is None or name in rec.fields or self.prototype_named:
            return None
        plan = rec.plan
        while plan is not None:
            for m in plan.node.body.body:
                if m.type == "MethodDefinition" and not m.static and not m.computed and m.key.name == name:
                    if m.kind != "method":
                        return None
                    f = self.scopes.functions[self.p.sid(m.value)]
                    ok = (f.simple_params and not f.uses_arguments and all(p is not None for p in f.params)
                          and not any(n.type in ("Super", "FunctionExpression", "ArrowFunctionExpression",
                                                 "FunctionDeclaration", "ClassExpression", "ClassDeclaration")
                                      for n in _descendants(m.value.body))
                          and all(b.is_global or (self.scopes.fn_of_binding(b) is not None
                                                  and self.scopes.fn_of_binding(b).static) for b in f.free))
                    return f if ok else None
            plan = plan.parent
        return None

    def method_call(self, node: Any, base: E, f: FnInfo) -> E:
        """`recv.m(..)` on a class record: a direct call of the method's Rust fn for that
        struct (`this` typed: its own field reads and writes are direct too)."""
        rec = self.rec_named[base.ty[len(R.REC):]]
        name = self.ensure_method(rec, f)
        args = [self.coerce(self.expr(a), self.param_ty(p), self.p.sid(a)) for a, p in zip(node.arguments, f.params)]
        for p in f.params[len(node.arguments):]:
            args.append(self.coerce(E("JsValue::Undefined", DYN), self.param_ty(p), self.p.sid(node)))
        return E(f"{name}({_owned(base).code}{''.join(', ' + a for a in args)})", self.ret_ty(f))

    def ensure_method(self, rec: Any, f: FnInfo) -> str:
        """Emit (once per struct) method ``f`` as `fn <Struct>_<name>(this: Rc<Struct>, ..)`."""
        key = (rec.name, f.sid)
        name = f"{rec.name}_{self.fn_names.get(f.sid) or re.sub(r'[^0-9A-Za-z_]', '_', f.name or 'm')}_{f.sid}"
        if key in self.emitted:
            return name
        self.emitted.add(key)
        params = ", ".join(f"{'mut ' if p.writes else ''}{self.local(p)}: {R.rust(self.param_ty(p))}" for p in f.params)
        ret = self.ret_ty(f)
        saved = self.fn, self.indent, self.cur_line, self.depth
        self.fn = FnCtx(f, ret, this_ty=R.rec(rec.name))
        self.indent, self.depth = 0, 0
        self.cur_line = self.p.site(f.sid).line
        header = f"fn {name}(this: Rc<{rec.name}>{', ' if params else ''}{params}) -> {R.rust(ret)} {{"
        self.fn_sigs[f.sid] = (f"fn(Rc<{rec.name}>{''.join(', ' + R.rust(self.param_ty(p)) for p in f.params)})"
                               f" -> {R.rust(ret)}")

        def body() -> None:
            for p in f.params:
                if self.storage(p) == "cell":
                    self.out(f"let {self.local(p)}: {_cell_type(self.vty(p))} = {_new_cell(self.vty(p), self.local(p))};")
            self.fn_body(f, owner=rec.cls)

        try:
            lines = self.block_lines(body)
            self.item_lines.append([(header, self.cur_line)] + lines + [("}", self.cur_line)])
        finally:
            self.fn, self.indent, self.cur_line, self.depth = saved
        return name

    def direct_call(self, node: Any, f: FnInfo) -> E:
        self.refuse_early_call(node, f)
        depth = self.call_depth(f)
        if depth > self.cycles.limit.get(self.cycles.scc.get(f.sid), 0) and depth:
            return _diverge(self.side_exit(self.p.sid(node), f"recursion depth <= {depth - 1}", f"depth {depth}"), self.ret_ty(f))
        fname = self.ensure_static(f, depth)
        args = []
        extra = []
        for i, a in enumerate(node.arguments):
            ty = self.param_ty(f.params[i]) if i < len(f.params) else DYN
            e = self.arr_value(a, ty) if is_arr(ty) else self.expr(a)
            if i < len(f.params):
                args.append(self.coerce(e, ty, self.p.sid(a)))
            else:
                extra.append(e.code)
        for i in range(len(node.arguments), len(f.params)):
            ty = self.param_ty(f.params[i])
            args.append("JsValue::Undefined" if ty == DYN else self.side_exit(self.p.sid(node), "an argument", "none"))
        call = f"{fname}({', '.join(args)})"
        if extra:
            call = "{ " + " ".join(f"let _ = {x};" for x in extra) + f" {call} }}"
        return E(call, self.ret_ty(f))

    def refuse_early_call(self, node: Any, f: FnInfo) -> None:
        """A call placed before the `let`/`const` it reads is declared (a hoisted function
        called early) would hit the temporal dead zone in JS; the generated variable exists
        already with a default value, so the ReferenceError would be lost: refuse it."""
        here = self.fn.info.sid if self.fn.info is not None else None
        at = self.p.site(self.p.sid(node)).start
        for b in self.reachable_free(f):
            if (b.kind in ("let", "const", "class") and b.owner == here and at < self.p.site(b.sid).start
                    and self.tdz_flag(b) is None):
                raise self.unsupported(node, f"a call that reads `{b.name}` before its declaration (temporal dead zone)")

    def global_call(self, node: Any, name: str) -> E:
        args = node.arguments
        if name == "Array":  # `Array(n)` is `new Array(n)`
            return E(f"jsrt::builtins::new_array({self.args_dyn(args)})", DYN)
        if name == "Symbol":
            return E(f"jsrt::symbols::symbol({self.args_dyn(args)})", DYN)
        a = [self.expr(x) for x in args]
        first = a[0] if a else E("JsValue::Undefined", DYN)
        if name == "String" and first.ty == DYN:  # (`String(sym)` describes a symbol; `"" + sym` throws)
            return E(f"JsValue::Str(jsrt::symbols::string_of(&{first.code}))", DYN)
        if name == "String":
            return E(f"JsValue::Str({R.to_str(first)}.into())" if a else self.lit(""), DYN)
        if name == "Number":
            return E(R.to_number(first) if a else "0.0", F64)
        if name == "Boolean":
            return E(R.truthy(first), BOOL)
        if name == "isNaN":
            return E(f"f64::is_nan({R.to_number(first)})", BOOL)
        if name == "isFinite":
            return E(f"f64::is_finite({R.to_number(first)})", BOOL)
        if name == "parseFloat":
            return E(f"jsrt::parse_float(&{R.to_str(first)})", F64)
        if name == "parseInt":
            radix = R.to_number(a[1]) if len(a) > 1 else "f64::NAN"
            return E(f"jsrt::parse_int(&{R.to_str(first)}, {radix})", F64)
        if name in ERROR_CLASSES:
            msg = R.to_str(first) if a else '""'
            return E(f"jsrt::exit::make_error({rust_str(name)}, &{msg})", DYN)
        raise self.unsupported(node, f"the global function `{name}`")

    def namespace_call(self, node: Any, ns: str, name: str) -> E:
        args = node.arguments
        if absent_static(ns, name):  # the arguments still run before the TypeError
            return E(f"jsrt::ops::call(&JsValue::Undefined, JsValue::Undefined, {self.args_dyn(args)}, "
                     f"{rust_str(ns + '.' + name)})", DYN)
        if any(a.type == "SpreadElement" for a in args):
            return E(f"jsrt::ops::call(&jsrt::builtins::native({rust_str(ns + '.' + name)}), JsValue::Undefined, {self.args_dyn(args)}, {rust_str(ns + '.' + name)})", DYN)
        if ns == "process" and name == "exit":
            return E(f"jsrt::exit::process_exit({self.args_dyn(args)})", DYN)
        if ns == "console" and name in ("log", "info", "debug", "error", "warn"):
            target = "log" if name in ("log", "info", "debug") else "error"
            # a typed array field prints as a copy of its elements (``fieldarrs``)
            fields = [self.field_array(a) if a.type == "MemberExpression" else None for a in args]
            values = ", ".join(f"{fa[0]}.snapshot()" if fa is not None else R.to_dyn(self.expr(a))
                               for a, fa in zip(args, fields))
            return E(f"jsrt::console::{target}_values(&[{values}])", DYN)
        if ns == "Math":
            a = [R.to_number(self.expr(x)) for x in args]
            if name in MATH_UNARY:
                return E(MATH_UNARY[name].format(a[0] if a else "f64::NAN"), F64)
            if name in ("max", "min"):
                if not a:
                    return E("f64::NEG_INFINITY" if name == "max" else "f64::INFINITY", F64)
                code = a[0]
                for x in a[1:]:
                    code = f"jsrt::builtins::math_{name}({code}, {x})"
                return E(f"({code})", F64)  # (`Math.max(-0)` is -0: the one number as it is)
            if name == "pow":
                return E(f"jsrt::builtins::math_pow({a[0]}, {a[1]})", F64)
            if name == "atan2":
                return E(f"f64::atan2({a[0]}, {a[1]})", F64)
            if name == "hypot":
                return E(f"jsrt::builtins::math_hypot(&[{', '.join(a)}])", F64)
            if name == "random":
                return E("jsrt::builtins::math_random()", F64)
            return E(f"jsrt::ops::call(&jsrt::builtins::native({rust_str('Math.' + name)}), JsValue::Undefined, {self.args_dyn(args)}, {rust_str('Math.' + name)}).to_number()", F64)
        if ns == "Object" and name in ("defineProperties", "getOwnPropertyDescriptors"):
            raise self.unsupported(node, f"Object.{name} (only one property at a time is modelled)")
        dyn_args = self.args_dyn(args)
        table = {
            ("Object", "keys"): "jsrt::builtins::object_keys",
            ("Object", "values"): "jsrt::builtins::object_values",
            ("Object", "entries"): "jsrt::builtins::object_entries",
            ("Object", "assign"): "jsrt::builtins::object_assign",
            ("Object", "freeze"): "jsrt::attrs::freeze",
            ("Object", "seal"): "jsrt::attrs::seal",
            ("Object", "preventExtensions"): "jsrt::attrs::prevent_extensions",
            ("Object", "isFrozen"): "jsrt::attrs::is_frozen",
            ("Object", "isSealed"): "jsrt::attrs::is_sealed",
            ("Object", "isExtensible"): "jsrt::attrs::is_extensible",
            ("Object", "defineProperty"): "jsrt::attrs::define_property",
            ("Object", "getOwnPropertyDescriptor"): "jsrt::attrs::get_own_property_descriptor",
            ("Array", "isArray"): "jsrt::builtins::array_is_array",
            ("Array", "from"): "jsrt::builtins::array_from",
            ("Array", "of"): "jsrt::builtins::array_of",
            ("JSON", "stringify"): "jsrt::json::stringify",
            ("JSON", "parse"): "jsrt::json::parse",
            ("Number", "isInteger"): "jsrt::builtins::number_is_integer",
            ("Number", "isFinite"): "jsrt::builtins::number_is_finite",
            ("Number", "isNaN"): "jsrt::builtins::number_is_nan",
            ("Number", "parseFloat"): "jsrt::builtins::parse_float",
            ("Number", "parseInt"): "jsrt::builtins::parse_int",
            ("String", "fromCharCode"): "jsrt::builtins::from_char_code",
            ("Symbol", "for"): "jsrt::symbols::symbol_for",
            ("Symbol", "keyFor"): "jsrt::symbols::key_for",
            ("Object", "getOwnPropertySymbols"): "jsrt::symbols::own_symbols",
        }
        fn = table.get((ns, name))
        if fn is None:
            return E(f"jsrt::ops::call(&jsrt::builtins::native({rust_str(ns + '.' + name)}), JsValue::Undefined, {dyn_args}, {rust_str(ns + '.' + name)})", DYN)
        return E(f"{fn}({dyn_args})", DYN)

    def e_NewExpression(self, node: Any) -> E:
        callee = node.callee
        args = self.args_dyn(node.arguments)
        if callee.type == "Identifier" and self.scopes.binding_of(callee) is None:
            name = callee.name
            if name in ERROR_CLASSES:
                return E(f"jsrt::builtins::new_error({rust_str(name)}, {args})", DYN)
            if name == "Map":
                return E(f"jsrt::builtins::new_map({args})", DYN)
            if name == "Set":
                return E(f"jsrt::builtins::new_set({args})", DYN)
            if name == "Array":
                return E(f"jsrt::builtins::new_array({args})", DYN)
            if name in ("String", "Number", "Boolean"):
                return E(f"jsrt::builtins::new_wrapper({rust_str(name)}, {args})", DYN)
            raise self.unsupported(node, f"new {name}")
        if callee.type == "Identifier":
            b = self.scopes.binding_of(callee)
            rec = self.class_records.get(b.sid) if b is not None else None
            if rec is not None:
                return self.new_record(node, rec)
        c = self.expr(callee)
        what = callee_text(callee, self.p.source)  # (as V8 quotes it in "... is not a constructor")
        return E(f"jsrt::ops::construct(&{R.to_dyn(c)}, {args}, {rust_str(what)})", DYN)

    # class records (see `records`, `typeinfer.ClassPlan`)
    def new_record(self, node: Any, rec: Any) -> E:
        """`new C(..)` of a class record: the generated constructor fn, given the class's
        prototype (methods stay closures there) and the arguments typed as its parameters."""
        fname = self.ensure_record_ctor(rec)
        params = rec.plan.entry_params()
        args, extra = [], []
        for i, a in enumerate(node.arguments):
            e = self.expr(a)
            if i < len(params):
                args.append(self.coerce(e, self.vty(params[i]), self.p.sid(a)))
            else:
                extra.append(e.code)
        for p in params[len(node.arguments):]:
            args.append(self.coerce(E("JsValue::Undefined", DYN), self.vty(p), self.p.sid(node)))
        cls = self.expr(node.callee)
        call = f"{fname}(jsrt::value::class_proto(&{R.to_dyn(cls)}), {', '.join(args)})"
        if extra:
            call = "{ " + " ".join(f"let _ = {x};" for x in extra) + f" {call} }}"
        return E(call, R.rec(rec.name))

    def ensure_record_ctor(self, rec: Any) -> str:
        """Emit (once) `fn new_<Struct>(proto, params..) -> Rc<Struct>`: the constructor
        chain inlined — each superclass's field values computed in a block where its own
        parameters are bound to the `super(..)` arguments — then the struct, then the
        constructor's tail (``ClassPlan.tail``) with `this` bound to it."""
        name = "new_" + rec.name
        if name in self.emitted:
            return name
        self.emitted.add(name)
        plan = rec.plan
        params = plan.entry_params()
        saved = self.fn, self.indent, self.cur_line
        self.fn = FnCtx(plan.ctor, R.rec(rec.name))
        self.indent = 0
        self.cur_line = plan.node.loc.start.line
        ps = ", ".join(f"{'mut ' if p.writes else ''}{self.local(p)}: {R.rust(self.vty(p))}" for p in params)
        header = f"fn {name}(_proto: Rc<RefCell<jsrt::JsObject>>{', ' if ps else ''}{ps}) -> Rc<{rec.name}> {{"
        keys = list(rec.fields)

        def body() -> None:
            self.out(self.frame_entry("CTOR", plan.node.id.name if plan.node.id is not None else ""))
            for p in params:
                if self.storage(p) == "cell":
                    self.out(f"let {self.local(p)}: {_cell_type(self.vty(p))} = {_new_cell(self.vty(p), self.local(p))};")
            self.record_fields(plan, rec, keys, bound=True)
            fields = ", ".join(f"{field_name(k, i)}: _f{i}" if is_arr(rec.rep(k)) else
                               f"{field_name(k, i)}: {'Cell' if rec.rep(k) in (F64, BOOL) else 'RefCell'}::new(_f{i})"
                               for i, k in enumerate(keys))
            struct = f"Rc::new({rec.name} {{ {fields}{', ' if fields else ''}_proto }})"
            if not plan.tail:
                self.out(struct)
                return
            # the statements after the last `this.k = e` run on the finished struct
            self.out(f"let this: Rc<{rec.name}> = {struct};")
            self.fn.this_ty = R.rec(rec.name)
            for st in plan.tail:
                self.stmt(st)
            self.out("this")

        try:  # (restored on a refusal too, as for static fns)
            lines = self.block_lines(body)
            self.item_lines.append([(header, self.cur_line)] + lines + [("}", self.cur_line)])
        finally:
            self.fn, self.indent, self.cur_line = saved
        return name

    def record_fields(self, plan: Any, rec: Any, keys: list, bound: bool) -> None:
        """Statements computing `_f<slot>` for every key `plan` (and its parents) set, in
        JS order. ``bound``: the plan's entry parameters are already Rust locals."""
        if plan.parent is not None:
            parent_keys = plan.parent.keys
            slots = ", ".join(f"_f{keys.index(k)}" for k in parent_keys)
            if plan.ctor is None:
                # the implicit constructor passes its arguments on: same parameters
                self.record_fields(plan.parent, rec, keys, bound)
            else:
                args = [self.expr(a) for a in plan.super_args]
                self.out(f"let ({slots}{',' if len(parent_keys) == 1 else ''}) = {{")
                self.indent += 1
                pparams = plan.parent.entry_params()
                for i, p in enumerate(pparams):
                    e = args[i] if i < len(args) else E("JsValue::Undefined", DYN)
                    self.out(self.declare(p, self.coerce(e, self.vty(p), self.p.sid(plan.node))))
                for extra in args[len(pparams):]:
                    self.out(f"let _ = {extra.code};")
                self.record_fields(plan.parent, rec, keys, True)
                self.out(f"({slots}{',' if len(parent_keys) == 1 else ''})")
                self.indent -= 1
                self.out("};")
        if plan.ctor is not None and (plan.locals or plan.tail):
            self.hoist(plan.ctor.node, [])  # (its `var`s: nested functions are not allowed there)
        locals_at: dict[int, list] = {}
        for pos, st in plan.locals:
            locals_at.setdefault(pos, []).append(st)
        for pos, (key, value) in enumerate(plan.inits):
            for st in locals_at.get(pos, []):  # `const n = ..` between the `this.k = e`s, in order
                self.stmt(st)
            i = keys.index(key)
            if is_arr(rec.rep(key)):  # (`fieldarrs`: always a fresh array)
                rep = rec.rep(key)
                if key in rec.inline_arrs:
                    path = field_arr_type(rep).replace("<", "::<", 1)
                    self.out(f"let _f{i}: {field_arr_type(rep)} = {self.arr_value(value, rep, path).code};")
                else:
                    self.out(f"let _f{i}: {R.rust(rep)} = {self.arr_value(value, rep).code};")
                continue
            e = self.expr(value) if value is not None else E("JsValue::Undefined", DYN)
            sid = self.p.sid(value) if value is not None else self.p.sid(plan.node)
            self.out(f"let _f{i}: {R.rust(rec.rep(key))} = {self.coerce(e, rec.rep(key), sid)};")

    # classes
    def class_value(self, node: Any, own: Optional[Binding] = None) -> E:
        """A class as a runtime constructor + prototype: methods are closures over `this`.

        As JS defines a class: the prototype's methods and accessors and the statics'
        methods and accessors first, then static fields and static blocks in source order,
        run with `this` the class (`static_init`). ``own`` is the binding of the class's
        name when the class body reads it: it is set before any static initialiser runs.
        """
        name = node.id.name if node.id is not None else self.inferred_name(node)
        if node.type == "ClassExpression" and node.id is not None:
            inner = self.scopes.binding_of(node.id)
            own = inner if self.named_itself(inner) else None
        lines = []
        if own is not None and node.type == "ClassExpression":
            lines.append(self.declare(own, None))  # (before the closures that capture it)
        parent = None
        if node.superClass is not None:
            parent = R.to_dyn(self.expr(node.superClass))
            lines.append(f"let parent_class = {parent};")
        lines.append(f"let proto = jsrt::ops::new_proto({'Some(&parent_class)' if parent else 'None'});")
        saved_fn = self.fn
        # members see no `this` of the code around the class (a derived constructor's guard)
        self.fn = FnCtx(saved_fn.info, saved_fn.ret, saved_fn.try_depth, saved_fn.loops, saved_fn.tries, saved_fn.this_ty)
        try:
            ctor, fields, statics, inits = self.class_members(node, lines)
        finally:
            self.fn = saved_fn
        fields = [*[m for m in fields if isinstance(m, tuple)], *[m for m in fields if not isinstance(m, tuple)]]
        body_lines = self.ctor_lines(ctor, fields, parent is not None, name)
        f_ctor = self.scopes.functions[self.p.sid(ctor.value)] if ctor is not None else None
        caps = self.captures(f_ctor) if f_ctor is not None else set()
        pad = "    " * (self.indent + 1)
        text = "{\n" + "".join(pad + ln + "\n" for ln in lines)
        text += "".join(f"{pad}let {self.local(b)} = {self.local(b)}.clone();\n" for b in sorted(caps, key=lambda b: b.sid))
        if parent:
            text += f"{pad}let parent_class_c = parent_class.clone();\n"
        text += (f"{pad}let cls = JsValue::class({rust_str(name)}, proto, {'Some(&parent_class)' if parent else 'None'}, "
                 f"move |this: JsValue, args: &[JsValue]| -> JsValue {{\n")
        if parent:
            text += f"{pad}    let parent_class = parent_class_c.clone();\n"
        text += "".join("    " + ln + "\n" for ln, _ in body_lines)
        text += (pad + f"}}).with_length({_declared_length(ctor.value.params) if ctor is not None else 0})"
                 f".with_source({rust_str(self.p.text(self.p.sid(node)))});\n")
        text += "".join(f"{pad}{st}\n" for st in statics)
        if own is not None:
            text += f"{pad}{self.init_write(own, 'cls.clone()')}\n"
        text += "".join(ln + "\n" for ln in inits)
        text += pad + "cls\n" + "    " * self.indent + "}"
        return E(text, DYN)

    def inferred_name(self, node: Any) -> str:
        """The name JS gives an anonymous class expression from where it is defined
        (`const Anon = class {}`, `x = class {}`, `{ K: class {} }`), as `scopes` does
        for functions."""
        from .scopes import _parents

        up = _parents(self.scopes).get(self.p.sid(node))
        if up is None:
            return ""
        if up.type == "VariableDeclarator" and up.init is node and up.id.type == "Identifier":
            return up.id.name
        if up.type == "AssignmentExpression" and up.right is node and up.left.type == "Identifier":
            return up.left.name
        if up.type in ("Property", "PropertyDefinition") and up.value is node and not up.computed:
            return "#" + up.key.name if up.key.type == "PrivateIdentifier" else _member_key(up.key)
        return ""

    def class_members(self, node: Any, lines: list) -> tuple:
        """Emit the members of class ``node``: prototype methods and accessors are added to
        ``lines`` (run before the constructor closure exists). Returns the constructor's
        MethodDefinition (or None), the instance fields (private methods as
        ``(PrivateName, local)`` pairs, then field definitions), the statements defining
        static methods and accessors, and the static initialisers' lines (both run on the
        finished class value `cls`)."""
        ctor = None
        fields: list = []
        statics: list = []
        inits: list = []
        for m in node.body.body:
            if m.type == "StaticBlock":
                inits += self.static_init(lambda m=m: self._block_body(m, m.body))
                continue
            if m.type == "PropertyDefinition":
                if m.computed:
                    raise self.unsupported(m, "computed field names")
                if not m.static:
                    fields.append(m)
                    continue
                if m.key.type == "PrivateIdentifier":
                    pn = self.privates[self.p.sid(m.key)]
                    store = f"jsrt::privates::init(&cls, {pn.id}, {rust_str(pn.name)}, {{}});"
                else:
                    store = f"jsrt::ops::set_lit(&cls, {rust_str(_member_key(m.key))}, {{}});"
                value = (lambda m=m: R.to_dyn(self.expr(m.value))) if m.value is not None else (lambda: "JsValue::Undefined")
                inits += self.static_init(lambda store=store, value=value: self.out(store.format(value())))
                continue
            if m.type != "MethodDefinition":
                raise self.unsupported(m, m.type)
            if m.kind == "constructor":
                ctor = m
                continue
            if m.key.type == "PrivateIdentifier":
                if m.kind != "method":
                    raise self.unsupported(m, "private getters/setters")
                pn = self.privates[self.p.sid(m.key)]
                c = self.closure(self.scopes.functions[self.p.sid(m.value)])
                if m.static:
                    statics.append(f"jsrt::privates::init(&cls, {pn.id}, {rust_str(pn.name)}, {c.code});")
                else:
                    local = self.tmp("pm")
                    lines.append(f"let {local} = {c.code};")
                    fields.append((pn, local))
                continue
            f = self.scopes.functions[self.p.sid(m.value)]
            if m.computed:  # the key is computed in order with the others, before any static runs
                kv, local = self.tmp("kv"), self.tmp("k")
                lines.append(f"let {kv} = {R.to_dyn(self.expr(m.key))};")
                if m.kind == "method" and not m.static:  # (a symbol key too: `[Symbol.iterator]() {..}`)
                    lines.append(f"let {local} = jsrt::symbols::key_name(&{kv});")
                    lines.append(f"jsrt::symbols::define_method_key(&proto, &{kv}, {self.closure(f, f'&{local}').code});")
                    continue
                lines.append(f"let {local} = jsrt::symbols::string_key(&{kv});")
                key, c = f"&{local}", self.closure(f, f"&{local}")
            else:
                key, c = rust_str(_member_key(m.key)), self.closure(f)
            if m.kind in ("get", "set"):
                g, st = (f"Some({c.code})", "None") if m.kind == "get" else ("None", f"Some({c.code})")
                if m.static:
                    statics.append(f"jsrt::ops::define_static_accessor(&cls, {key}, {g}, {st});")
                else:
                    lines.append(f"jsrt::ops::define_accessor(&JsValue::Obj(proto.clone()), {key}, {g}, {st}, true);")
            elif m.static:
                statics.append(f"jsrt::ops::define_static_method(&cls, {key}, {c.code});")
            else:
                lines.append(f"jsrt::ops::define_method(&proto, {key}, {c.code});")
        return ctor, fields, statics, inits

    def static_init(self, emit) -> list[str]:
        """The lines of one static field initialiser or static block (``emit`` writes its
        statements), as a Rust block where `this` is the class and `super` its parent."""
        saved = self.fn.this_ty, self.fn.super_static
        self.fn.this_ty, self.fn.super_static = DYN, True
        self.indent += 1
        try:
            body = self.block_lines(emit)
        finally:
            self.indent -= 1
            self.fn.this_ty, self.fn.super_static = saved
        pad = "    " * (self.indent + 1)
        return [pad + "{", pad + "    let this = cls.clone();", *(ln for ln, _ in body), pad + "}"]

    def ctor_lines(self, ctor: Any, fields: list, derived: bool, label: str = "") -> list:
        """The body of the constructor closure `(this, args)`: the parent's constructor
        (implicit) or the explicit one, and the instance fields (before the body, or right
        after `super(..)` returns in a subclass). A derived constructor that is not plainly
        `super(..)` first keeps a flag for `this` being bound (`FnCtx.this_guard`): `this`,
        `super.x`, a second `super(..)` and the returns check it, as JS does."""
        f_ctor = self.scopes.functions[self.p.sid(ctor.value)] if ctor is not None else None
        guard = self.tmp("bound") if derived and ctor is not None and not _super_first(ctor) else None

        def ctor_body() -> None:
            self.out(self.frame_entry("CTOR", label))
            if ctor is None and derived:
                self.out("jsrt::ops::call(&parent_class, this.clone(), args, \"super\");")
            if not derived or ctor is None:
                self.init_fields(fields)
            if ctor is None:
                self.out("JsValue::Undefined")
                return
            if guard is not None:
                self.out(f"let {guard} = Rc::new(std::cell::Cell::new(false));")
            for i, p in enumerate(ctor.value.params):
                self.bind_param(i, p, f_ctor)
            self.pending_fields = fields if derived else None
            body = ctor.value.body.body
            self.hoist(ctor.value, body)
            for st in body:
                self.stmt(st)
            if not _ends_in_return(body):
                self.out("JsValue::Undefined" if guard is None else f"jsrt::ops::derived_return(JsValue::Undefined, &{guard})")

        saved_fn = self.fn
        # (`this` there is a plain object: records are made by `ensure_record_ctor`)
        self.fn = FnCtx(f_ctor, DYN, this_guard=guard, derived=guard is not None, this_plain=True)
        self.pending_fields = None
        try:
            return self.block_lines(ctor_body)
        finally:
            self.fn = saved_fn

    def init_fields(self, fields: list) -> None:
        """Instance fields in order (`this` exists): private methods first (``(PrivateName,
        local)`` pairs from `class_value`), then each field definition."""
        for fd in fields:
            if isinstance(fd, tuple):
                pn, local = fd
                self.out(f"jsrt::privates::init(&this, {pn.id}, {rust_str(pn.name)}, {local}.clone());")
                continue
            v = R.to_dyn(self.expr(fd.value)) if fd.value is not None else "JsValue::Undefined"
            if fd.key.type == "PrivateIdentifier":
                pn = self.privates[self.p.sid(fd.key)]
                self.out(f"jsrt::privates::init(&this, {pn.id}, {rust_str(pn.name)}, {v});")
                continue
            self.out(f"jsrt::ops::set_lit(&this, {rust_str(_member_key(fd.key))}, {v});")


def _declared_length(params: list) -> int:
    """A function's `length`: its parameters before the first one with a default or the
    rest one (a destructuring pattern counts like a name)."""
    n = 0
    for p in params:
        if p.type in ("AssignmentPattern", "RestElement"):
            break
        n += 1
    return n


def _num_key(v: float) -> str:
    from ..numconv import number_to_string

    return number_to_string(float(v))



def _super_first(ctor: Any) -> bool:
    """A derived constructor whose first statement is `super(..)` (arguments not mentioning
    `this` or `super`), that calls `super(..)` nowhere else and returns no value: `this` is
    bound before anything can touch it, so it needs no checks (`Emitter.ctor_lines`)."""
    body = ctor.value.body.body
    first = body[0] if body else None
    if not (first is not None and first.type == "ExpressionStatement" and first.expression.type == "CallExpression"
            and first.expression.callee.type == "Super"):
        return False
    if any(_mentions_this(a) for a in first.expression.arguments):
        return False
    stack = list(body[1:])
    while stack:
        n = stack.pop()
        if n.type == "CallExpression" and n.callee.type == "Super":
            return False
        if n.type == "ReturnStatement" and n.argument is not None:
            return False
        if n.type in ("FunctionExpression", "FunctionDeclaration", "ClassDeclaration", "ClassExpression"):
            continue
        stack.extend(child_nodes(n))
    return True


def _member_key(key: Any) -> str:
    """The property key a non-computed class member or literal property names."""
    if key.type == "Identifier":
        return key.name
    return key.value if isinstance(key.value, str) else _num_key(key.value)


def _mentions_this(node: Any) -> bool:
    """Whether ``node`` says `this` or `super` anywhere (nested functions included)."""
    return any(n.type in ("ThisExpression", "Super") for n in _descendants(node))


def _has_lone_surrogate(s: str) -> bool:
    """Whether a JS string holds half a surrogate pair: Rust strings are UTF-8 and cannot."""
    try:
        s.encode("utf-16", "surrogatepass").decode("utf-16")
    except UnicodeDecodeError:
        return True
    return False


def _paren(code: str) -> str:
    if code.isidentifier() or (code.startswith("(") and code.endswith(")") and _balanced(code[1:-1])):
        return code
    return f"({code})"


def _balanced(s: str) -> bool:
    depth = 0
    for c in s:
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _ends_in_return(stmts: list) -> bool:
    if not stmts:
        return False
    last = stmts[-1]
    if last.type in ("ReturnStatement", "ThrowStatement"):
        return True
    if last.type == "IfStatement" and last.alternate is not None:
        return _ends_in_return([last.consequent]) and _ends_in_return([last.alternate])
    if last.type == "BlockStatement":
        return _ends_in_return(last.body)
    return False


def _arguments_aliasing(scopes: Any, f: Any) -> Optional[Any]:
    """Where sloppy function ``f`` (simple parameters) could tell that its ``arguments``
    is a copy: in JS each parameter and its ``arguments[i]`` are one variable, while the
    compiled ``arguments`` is a fresh array. That shows once either is written: a
    parameter assigned, ``arguments[i]`` assigned, updated or deleted, or ``arguments``
    handed to code that might write it (anything but reading an element or ``length``,
    spreading it, ``typeof``, ``g.apply(t, arguments)`` or a reading array method such as
    ``Array.prototype.slice.call(arguments, 1)``). The node to blame, or None."""
    for b in f.params:
        if b is not None and b.writes:
            return b.node if b.node is not None else f.node
    parents: dict = {}
    stack = [f.node.body]
    while stack:
        n = stack.pop()
        if n.type in ("FunctionExpression", "FunctionDeclaration", "ClassDeclaration", "ClassExpression"):
            continue  # (their own `arguments`; an arrow's is f's)
        if n.type == "Identifier" and n.name == "arguments" and scopes.binding_of(n) is None:
            parent = parents.get(id(n))
            if parent is None:
                return n
            if parent.type == "MemberExpression" and parent.object is n:
                grand = parents.get(id(parent))
                if grand is None or not _writes_target(grand, parent, parents):
                    continue
            elif parent.type == "SpreadElement":
                continue
            elif (parent.type == "CallExpression" and len(parent.arguments) == 2 and parent.arguments[1] is n
                  and parent.callee.type == "MemberExpression" and not parent.callee.computed
                  and parent.callee.property.name == "apply"):
                continue
            elif (parent.type == "UnaryExpression" and parent.operator == "typeof") or (
                    array_prototype_call(parent) in _READING_ARRAY_METHODS and parent.arguments[0] is n):
                continue
            return n
        for c in child_nodes(n):
            parents[id(c)] = n
            stack.append(c)
    return None


#: ``Array.prototype`` methods that only read their receiver and take no callback (a
#: callback is handed the receiver, and could write it)
_READING_ARRAY_METHODS = frozenset({"slice", "concat", "join", "indexOf", "lastIndexOf", "includes", "at",
                                    "entries", "keys", "values", "flat", "toString"})


def _writes_target(grand: Any, member: Any, parents: dict) -> bool:
    """Whether ``member`` (a child of ``grand``) is written: assigned, updated, deleted,
    or a target of a destructuring pattern or loop head."""
    t = grand.type
    if t in ("UpdateExpression", "ArrayPattern", "RestElement"):
        return True
    if t == "AssignmentExpression" or t == "AssignmentPattern":
        return grand.left is member
    if t == "UnaryExpression":
        return grand.operator == "delete"
    if t in ("ForInStatement", "ForOfStatement"):
        return grand.left is member
    if t == "Property" and grand.value is member:
        up = parents.get(id(grand))
        return up is not None and up.type == "ObjectPattern"
    return False


def _uses_super(fn_node: Any) -> bool:
    """Whether a method's body says ``super`` (its closure then needs the parent class)."""
    from ..frontend import child_nodes

    stack = list(child_nodes(fn_node.body))
    while stack:
        n = stack.pop()
        if n.type == "Super":
            return True
        if n.type in ("FunctionExpression", "FunctionDeclaration", "ClassDeclaration", "ClassExpression"):
            continue
        stack.extend(child_nodes(n))
    return False


def _diverge(code: str, ty: str) -> E:
    """A call that never returns (side exit, throw) where a value of ``ty`` is expected:
    Rust would otherwise infer `()` for `!` inside arithmetic."""
    return E(f"{{ let v: {R.rust(ty)} = {code}; v }}", ty)


def _nullable_join(a: E, b: E) -> Optional[str]:
    """The nullable record two values of a choice (`c ? null : node`) both fit, when one is
    `null` or that record and the other the record (or nullable record) itself."""
    names = {struct_of(e.ty) for e in (a, b) if is_ref(e.ty)}
    if len(names) != 1 or not all(is_ref(e.ty) or e.code == "JsValue::Null" for e in (a, b)):
        return None
    return R.opt(names.pop())


def _rep_name(ty: str, rec_named: dict) -> str:
    """A representation as a side-exit report names it."""
    if is_rec(ty):
        return f"an object {rec_named[ty[len(R.REC):]].shape}"
    if is_opt(ty):
        return f"null or an object {rec_named[struct_of(ty)].shape}"
    return {F64: "number", BOOL: "boolean"}.get(ty, "a dynamic value")


def _declared_without_value(program: Program) -> set[int]:
    """Binding sids of `let x;` declarations (no initialiser, not a for-in/of head): such a
    variable starts out `undefined`, which a struct-typed binding cannot hold."""
    heads = {program.sid(n.left) for n in program.nodes if n.type in ("ForOfStatement", "ForInStatement")}
    out = set()
    for n in program.nodes:
        if n.type == "VariableDeclaration" and program.sid(n) not in heads:
            out.update(program.sid(d.id) for d in n.declarations if d.init is None and d.id.type == "Identifier")
    return out


def _writes_name(node: Any, name: str) -> bool:
    """Whether an expression assigns or updates the variable ``name`` anywhere inside."""
    stack = [node]
    while stack:
        n = stack.pop()
        target = n.left if n.type == "AssignmentExpression" else n.argument if n.type == "UpdateExpression" else None
        if target is not None and target.type == "Identifier" and target.name == name:
            return True
        stack.extend(child_nodes(n))
    return False


def _is_str_literal(node: Any) -> bool:
    return node.type == "Literal" and isinstance(node.value, str) and getattr(node, "regex", None) is None \
        and not _has_lone_surrogate(node.value)


def _copy_cell(ty: str) -> bool:
    """Whether a captured variable of type `ty` lives in an `Rc<Cell<..>>`: a number, a
    boolean or a counter is copied in and out, with no borrow flag to check and set on
    every read and write (a parser's shared `pos` is read several times per step); any
    other value lives in an `Rc<RefCell<..>>`."""
    return ty in (F64, BOOL, R.I64)


def _cell_type(ty: str) -> str:
    """The Rust type of a captured variable's cell (`_copy_cell`)."""
    return f"Rc<{'Cell' if _copy_cell(ty) else 'RefCell'}<{R.rust(ty)}>>"


def _new_cell(ty: str, value: str) -> str:
    """A new cell of `_cell_type(ty)` holding `value`."""
    return f"Rc::new({'Cell' if _copy_cell(ty) else 'RefCell'}::new({value}))"


def _borrowed(code: str, cells: bool = True) -> str:
    """A `&JsValue` for the only argument of a call: a local (or, when the call runs no JS
    that could store into it, a cell) is borrowed where it is, not cloned (a reference-count
    bump and drop saved); anything else is a temporary."""
    m = re.fullmatch(r"([A-Za-z_][A-Za-z0-9_]*)\.(borrow\(\)\.)?clone\(\)", code)
    if m is None or (m.group(2) and not cells):
        return f"&{code}"
    return f"&*{m.group(1)}.borrow()" if m.group(2) else f"&{m.group(1)}"


#: JS comparison operator -> the Rust one on two `i64`s (`int_compare`)
_INT_COMPARE = {"<": "<", "<=": "<=", ">": ">", ">=": ">=", "===": "==", "==": "==", "!==": "!=", "!=": "!="}


def _single_call(code: str, fn: str) -> Optional[str]:
    """The argument text when ``code`` is exactly one call ``fn(..)`` (its first `(`
    closes at the very end; string literals skipped), else None."""
    if not code.startswith(fn + "(") or not code.endswith(")"):
        return None
    depth, i, start = 0, len(fn), len(fn) + 1
    while i < len(code):
        c = code[i]
        if c == '"':
            i += 1
            while i < len(code) and code[i] != '"':
                i += 2 if code[i] == "\\" else 1
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                return code[start:i] if i == len(code) - 1 else None
        i += 1
    return None


def _cell_of(operand: str) -> Optional[str]:
    """For `&value` read out of a cell (`&x.borrow().clone()`) or a record's dynamic field
    (`&jsrt::value::load(&r.f)`): `&` that `RefCell`, which the `_in` accessors read in
    place; None for any other operand."""
    m = re.fullmatch(r"&([A-Za-z_][A-Za-z0-9_]*)\.borrow\(\)\.clone\(\)", operand)
    if m is not None:
        return "&" + m.group(1)
    m = re.fullmatch(r"&jsrt::value::load\((&[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*)\)", operand)
    return m.group(1) if m is not None else None


def _quiet(node: Any) -> bool:
    """A variable, a literal, or arithmetic of those: when its emitted code is a typed
    number calling no runtime function, evaluating it runs no JS."""
    if node.type in ("Identifier", "Literal"):
        return True
    if node.type == "BinaryExpression" and node.operator in ("+", "-", "*", "/", "%"):
        return _quiet(node.left) and _quiet(node.right)
    return node.type == "UnaryExpression" and node.operator == "-" and _quiet(node.argument)


def _plain_operand(node: Any) -> bool:
    """`this`, a variable, a literal or a (computed) member read of those: what
    ``Emitter.field_array`` may evaluate after the key and value of a store, and twice."""
    if node.type in ("ThisExpression", "Identifier", "Literal"):
        return True
    return (node.type == "MemberExpression" and not getattr(node, "optional", False) and node.object.type != "Super"
            and _plain_operand(node.object) and (not node.computed or _plain_operand(node.property)))


def _owned(base: E) -> E:
    """`member_base` gives a local record by name (borrowed); where a value is needed, a clone."""
    return E(base.code + ".clone()", base.ty) if is_ref(base.ty) and base.code.isidentifier() else base


def _descendants(node: Any):
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(child_nodes(n))


def _float_literal(code: str) -> Optional[float]:
    """The value of an emitted ``f64`` literal (``3.0``, ``-1.0``), else None."""
    try:
        return float(code.strip("()"))
    except ValueError:
        return None


def _rust_opt(text: Optional[str]) -> str:
    """A Rust `Option<&str>` literal."""
    return "None" if text is None else f"Some({rust_str(text)})"
