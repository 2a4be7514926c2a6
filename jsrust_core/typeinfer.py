"""Type inference: what static type each variable, function and expression gets.

Why this way: a trace-specialised compiler may claim a static type wherever every
observed value agreed, because unobserved paths become side exits. So the *facts*
come from the traced run (the ``Profile``: type tags per site, argument and return
tags per function) and the *program* adds constraints that tie sites together
(numba-style, each with its source location):

* a variable's type includes every value assigned to it (``x = e``: type(x) ⊒ type(e)),
* a parameter's type includes every argument passed at a direct call site,
* a function's return type includes every ``return e``.

Types form a lattice (``never`` ⊑ ``undefined | null | bool | int | f64 | string |
array<T> | object<shape> | function | map | set`` ⊑ ``union{..}`` ⊑ ``dyn``); the
constraints are joins, so iterating them reaches a fixed point. ``int`` (every value
an exact integer) joins into ``f64``; the recorder tags every number alike, so a binding
is ``int`` only where the program proves it: loop counters (``rustgen.counters``: an
integer start changed only by small integer steps, so exact below 2^53), which the
emitter stores as ``i64``; other numbers are ``f64``. Each time two different types
meet, the table records where, so ``explain(sid)`` can say *why* something is dynamic.

The table says what the *types* are; the representation the emitter then chose for
each binding and function (``jsrt::NumArr`` for a proven number array, ``i64``, a
generated struct, a cell for a captured variable) is filled in by
``pipeline.lower_types`` into ``lowered``/``fn_lowered``, so views show the Rust that
was really generated rather than a guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from .frontend import Program, array_prototype_call, child_nodes

#: tags the recorder uses (``profile.type_tag``) → lattice kinds
_TAG_KIND = {"number": "f64", "string": "string", "boolean": "bool", "undefined": "undefined", "null": "null",
             "array": "array", "function": "function", "map": "map", "set": "set", "regexp": "regexp", "symbol": "dyn",
             "hole": "undefined"}  # a store that left an array holey: reads there give undefined
_SCALAR_RUST = {"f64": "f64", "int": "f64", "bool": "bool", "string": "Rc<str>"}


@dataclass(frozen=True)
class JsType:
    """A point of the lattice. ``kind`` is one of the lattice names; ``elem`` the element
    type of arrays; ``shape`` the hidden class of objects; ``members`` a union's parts."""

    kind: str
    elem: Optional["JsType"] = None
    shape: Optional[str] = None
    members: frozenset = frozenset()

    def __str__(self) -> str:
        if self.kind == "array":
            return f"array<{self.elem}>" if self.elem is not None else "array<dyn>"
        if self.kind == "object":
            return f"object<{self.shape}>"
        if self.kind == "union":
            return "union{" + ", ".join(sorted(str(m) for m in self.members)) + "}"
        return self.kind

    @property
    def is_static(self) -> bool:
        """Emitted as a plain Rust scalar rather than ``JsValue``."""
        return self.kind in ("f64", "int", "bool")

    def rust(self) -> str:
        """The Rust type the emitter uses for a value of this type."""
        if self.kind in _SCALAR_RUST:
            return _SCALAR_RUST[self.kind] if self.kind != "string" else "JsValue"
        return "JsValue"


NEVER = JsType("never")
DYN = JsType("dyn")
F64 = JsType("f64")
INT = JsType("int")
BOOL = JsType("bool")
STRING = JsType("string")
UNDEFINED = JsType("undefined")


def join(a: JsType, b: JsType) -> JsType:
    """Least upper bound: equal types stay, int ⊔ f64 = f64, arrays join elements,
    small sets of different types become a union, anything bigger is dyn."""
    if a == b or b.kind == "never":
        return a
    if a.kind == "never":
        return b
    if a.kind == "dyn" or b.kind == "dyn":
        return DYN
    if {a.kind, b.kind} == {"int", "f64"}:
        return F64
    if a.kind == "array" and b.kind == "array":
        ea, eb = a.elem or NEVER, b.elem or NEVER
        return JsType("array", elem=join(ea, eb))
    parts = set(a.members if a.kind == "union" else {a}) | set(b.members if b.kind == "union" else {b})
    if F64 in parts:
        parts.discard(INT)  # int ⊑ f64 inside a union too
    if len(parts) > 4:
        return DYN
    return JsType("union", members=frozenset(parts))


def from_tags(tags: Iterable[str], elem_tags: Iterable[str] = ()) -> JsType:
    """The join of recorder type tags (``number``, ``object:{x,y}``, ...)."""
    t = NEVER
    for tag in tags:
        if tag.startswith("object:"):
            t = join(t, JsType("object", shape=tag[len("object:"):]))
        elif tag == "array":
            t = join(t, JsType("array", elem=from_tags(elem_tags) if elem_tags else None))
        else:
            t = join(t, JsType(_TAG_KIND.get(tag, "dyn")))
    return t


@dataclass
class Signature:
    params: list
    ret: JsType

    def __str__(self) -> str:
        return "(" + ", ".join(str(p) for p in self.params) + ") -> " + str(self.ret)


@dataclass
class _Origin:
    """Why a binding has a type: which site contributed what."""

    type: JsType
    line: int
    what: str


@dataclass
class TypeTable:
    bindings: dict = field(default_factory=dict)  # binding sid -> JsType
    names: dict = field(default_factory=dict)  # binding sid -> name
    functions: dict = field(default_factory=dict)  # fn sid -> Signature
    fn_names: dict = field(default_factory=dict)
    expr: dict = field(default_factory=dict)  # site sid -> JsType
    fields: dict = field(default_factory=dict)  # shape -> {name: JsType}
    captures: dict = field(default_factory=dict)  # fn sid -> {name: JsType}
    origins: dict = field(default_factory=dict)  # binding sid -> [_Origin]
    lines: dict = field(default_factory=dict)  # binding sid -> declaring line
    records: dict = field(default_factory=dict)  # shape -> RecordShape (objects stored as Rust structs)
    ints: dict = field(default_factory=dict)  # binding sid -> why it is a proven exact integer
    #: the Rust the emitter generated: binding sid -> Rust type, fn sid -> Rust signature
    #: (empty until ``pipeline.lower_types``; ``lowering_note`` says why when it could not)
    lowered: dict = field(default_factory=dict)
    fn_lowered: dict = field(default_factory=dict)
    lowering_note: str = ""
    iterations: int = 0

    def binding(self, sid: int) -> JsType:
        return self.bindings.get(sid, NEVER)

    def explain(self, sid: int) -> str:
        """Why a binding (or function, or expression) has its type, in one sentence."""
        if sid in self.functions:
            return f"`{self.fn_names.get(sid) or 'function'}` has type {self.functions[sid]}"
        t = self.bindings.get(sid, self.expr.get(sid, NEVER))
        name = self.names.get(sid, f"site {sid}")
        origins = self.origins.get(sid, [])
        if sid in self.ints:
            return f"`{name}` is int: {self.ints[sid]}"
        if t.kind not in ("dyn", "union"):
            seen_at = f" ({origins[0].what} at line {origins[0].line})" if origins else ""
            held = ""
            if t.kind == "array" and self.is_dynamic(sid):
                held = ("; held as JsValue: an array gets a typed Rust form only when every use of it is one the "
                        "emitter translates on that form (rustgen/arrays.py)")
            return f"`{name}` is {t}{seen_at}{held}"
        seen: dict[str, _Origin] = {}
        for o in origins:
            seen.setdefault(str(o.type), o)
        parts = ", ".join(f"{k} at line {o.line} ({o.what})" for k, o in seen.items())
        return f"`{name}` is {t}: {parts}" if parts else f"`{name}` is {t}: nothing was observed"

    def rust(self, t: JsType) -> str:
        """The Rust type of a value of type ``t``: an object of a record shape is its struct."""
        if t.kind == "object" and t.shape in self.records:
            return f"Rc<{self.records[t.shape].name}>"
        return t.rust()

    def binding_rust(self, sid: int) -> str:
        """The Rust type binding ``sid`` has in the generated code (when lowered), else
        the one its type implies."""
        return self.lowered.get(sid) or self.rust(self.binding(sid))

    def fn_rust(self, sid: int) -> str:
        """The generated function's signature (when lowered), else its return type's Rust."""
        return self.fn_lowered.get(sid) or self.rust(self.functions[sid].ret)

    def is_dynamic(self, sid: int) -> bool:
        """Binding ``sid`` is a ``JsValue`` in the Rust: the ones a reader asks "why?" about."""
        if sid in self.lowered:
            return self.lowered[sid].endswith("JsValue") or self.lowered[sid].endswith("JsValue>>")
        t = self.binding(sid)
        return not t.is_static and not (t.kind == "object" and t.shape in self.records)

    def rows(self) -> list[tuple[str, str, int, str, str]]:
        """(kind, name, line, type, rust type) for every binding and function, by line."""
        out = []
        for sid, t in self.bindings.items():
            out.append(("var", self.names.get(sid, "?"), self.lines.get(sid, 0), str(t), self.binding_rust(sid)))
        for sid, sig in self.functions.items():
            out.append(("fn", self.fn_names.get(sid) or "<anonymous>", self.lines.get(sid, 0), str(sig), self.fn_rust(sid)))
        return sorted(out, key=lambda r: (r[2], r[0], r[1]))

    def format(self) -> str:
        """The table as ``jsrust types`` prints it, with the reason for every binding
        that did not get a static type ("why is this dyn?") and for every proven integer."""
        rows = [("kind", "name", "line", "type", "rust"), *((k, n, str(ln), t, r) for k, n, ln, t, r in self.rows())]
        widths = [max(len(r[i]) for r in rows) for i in range(5)]
        lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
        by_line = sorted(self.bindings, key=lambda sid: self.lines.get(sid, 0))
        why = [self.explain(sid) for sid in by_line if self.is_dynamic(sid)]
        if self.records:
            lines += ["", "structs (objects of these shapes are Rust structs):"]
            for shape, rec in sorted(self.records.items(), key=lambda kv: kv[1].name):
                fields = ", ".join(f"{k}: {t} as {_field_rust(rec.rep(k), k in rec.inline_arrs)}"
                                   for k, t in rec.fields.items())
                lines.append(f"  {rec.name} {shape}: {fields}")
        ints: dict[str, list[str]] = {}  # reason -> bindings it proves
        for sid in by_line:
            if sid in self.ints:
                ints.setdefault(self.ints[sid], []).append(f"{self.names.get(sid, '?')} (line {self.lines.get(sid, 0)})")
        for reason, names in ints.items():
            lines += ["", f"proven integers: {', '.join(names)}", f"  {reason}"]
        if why:
            lines += ["", "why not static:", *(f"  {w}" for w in dict.fromkeys(why))]
        if self.lowering_note:
            lines += ["", f"rust column from the types only: {self.lowering_note}"]
        return "\n".join(lines)


#: how a record field of each representation is stored in its struct
_FIELD_RUST = {"f64": "Cell<f64>", "bool": "Cell<bool>", "dyn": "RefCell<JsValue>"}


def _field_rust(rep: str, inline: bool = False) -> str:
    """The Rust type of a record field of representation ``rep`` (``inline``: a typed
    array field held in the struct itself)."""
    if rep.startswith("opt:"):
        return f"RefCell<Option<Rc<{rep[len('opt:'):]}>>>"
    if rep.startswith("rec:"):
        return f"RefCell<Rc<{rep[len('rec:'):]}>>"
    if rep == "numarr" or rep.startswith("recarr:"):  # a typed array field (rustgen/fieldarrs.py)
        if inline:
            return "jsrt::FieldArr<f64>" if rep == "numarr" else f"jsrt::FieldArr<Rc<{rep[len('recarr:'):]}>>"
        return "jsrt::NumArr" if rep == "numarr" else f"jsrt::RecArr<{rep[len('recarr:'):]}>"
    return _FIELD_RUST[rep]

#: keys a record never has: names every object inherits (a record has no prototype to
#: look them up on), `__proto__` (not an own key) and `toJSON` (changes JSON.stringify)
_INHERITED_KEYS = frozenset(("constructor", "__proto__", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable",
                             "toLocaleString", "toString", "valueOf", "toJSON"))


@dataclass
class RecordShape:
    """An object shape stored as a generated Rust struct (``name``) with typed fields.

    ``fields`` maps each key, in insertion order, to the join of every value the trace saw
    there: literal initialisers, reads ``o.k`` and stores ``o.k = e`` on objects of this
    shape. ``rep(key)`` is the field's representation (``f64``, ``bool``, ``rec:Name`` for a
    field only ever holding record ``Name``, as ``Rc<Name>``, ``opt:Name`` for one only ever
    `null` or record ``Name``, as ``Option<Rc<Name>>``, or ``dyn``)."""

    shape: str
    name: str
    fields: dict
    #: for a class: its JS name and how `new` builds an instance (``ClassPlan``)
    cls: Optional[str] = None
    plan: Any = None
    #: key -> ``rec:Name`` / ``opt:Name``, for the fields typed one record, or `null` or one
    #: record (``_struct_fields``)
    struct_reps: dict = field(default_factory=dict)
    #: the typed array fields held in the struct itself, not behind a shared ``Rc``
    #: (``rustgen.emit``: no binding aliases them; ``jsrt::FieldArr``)
    inline_arrs: set = field(default_factory=set)

    def rep(self, key: str) -> str:
        t = self.fields[key]
        if key in self.struct_reps:
            return self.struct_reps[key]
        return "f64" if t.kind in ("f64", "int") else "bool" if t.kind == "bool" else "dyn"


def _programs(program: Any) -> list[Program]:
    return list(getattr(program, "programs", None) or [program])


def infer(program: Any, profile: Any, forest: Any = None) -> TypeTable:
    """Infer a ``TypeTable`` for a program (or a ``ProgramSet``) from a traced profile."""
    from .rustgen.scopes import Scopes

    table = TypeTable()
    for prog in _programs(program):
        scopes = Scopes(prog)
        _infer_one(prog, scopes, profile, table)
        _prove_ints(scopes, table)
    return table


def _prove_ints(scopes: Any, table: TypeTable) -> None:
    """Numbers the program proves are exact integers become ``int`` (see the module
    docstring); the trace alone cannot tell 3 from 3.5."""
    from .rustgen.counters import MAX_STEP, int_counters

    for sid in int_counters(scopes, table):
        table.bindings[sid] = INT
        table.ints[sid] = (f"a loop counter: it starts at an integer and changes only by ++, --, += k or -= k "
                           f"with an integer 1 <= k <= {MAX_STEP}, so every value is exact, far below 2^53")


def _observed(profile: Any, sid: int) -> JsType:
    tags = profile.types.get(sid, ())
    return from_tags(tags, profile.elem_types.get(sid, ())) if tags else NEVER


def _infer_one(prog: Program, scopes: Any, profile: Any, table: TypeTable) -> None:
    line = lambda sid: prog.site(sid).line  # noqa: E731
    # facts: expressions and bindings as observed
    for sid in range(prog.base, prog.end):
        node = prog.node(sid)
        if node.type == "CallExpression" and node.callee.type == "MemberExpression":
            continue  # the recorder tags a method call site with the method it looked up, not the result
        t = _observed(profile, sid)
        if t.kind != "never":
            table.expr[sid] = t
    for sid, b in scopes.bindings.items():
        t = _observed(profile, sid)
        table.names[sid] = b.name
        table.lines[sid] = line(sid)
        table.bindings[sid] = t
        table.origins[sid] = [_Origin(t, line(sid), "observed")] if t.kind != "never" else []
    for sid in getattr(prog, "wrapper_params", ()):
        # a linked program's `exports`, `require`, ... (see ``linker``): the module cache
        # passes them, no traced code binds them
        table.bindings[sid] = DYN
        table.origins[sid] = [_Origin(DYN, line(sid), "a CommonJS wrapper parameter, passed by the module cache")]
    # constraints: assignments, direct-call arguments, returns
    constraints: list[tuple[int, int, str]] = []  # (target binding sid, source expr sid, what)
    returns: dict[int, list[int]] = {}
    stack: list[tuple[Any, Optional[int]]] = [(prog.ast, None)]
    while stack:
        node, fn = stack.pop()
        t = node.type
        if t in ("FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"):
            fn = prog.sid(node)
            if node.body.type != "BlockStatement":
                returns.setdefault(fn, []).append(prog.sid(node.body))
        elif t == "ReturnStatement" and fn is not None and node.argument is not None:
            returns.setdefault(fn, []).append(prog.sid(node.argument))
        elif t == "VariableDeclarator" and node.id.type == "Identifier" and node.init is not None:
            constraints.append((prog.sid(node.id), prog.sid(node.init), "initialised"))
        elif t == "AssignmentExpression" and node.left.type == "Identifier" and node.operator == "=":
            b = scopes.ref.get(prog.sid(node.left))
            if b is not None:
                constraints.append((b.sid, prog.sid(node.right), "assigned"))
        elif t == "CallExpression" and node.callee.type == "Identifier":
            b = scopes.ref.get(prog.sid(node.callee))
            target = scopes.fn_of_binding(b) if b is not None else None
            if target is not None:
                for p, a in zip(target.params, node.arguments):
                    if p is not None and a.type != "SpreadElement":
                        constraints.append((p.sid, prog.sid(a), "argument"))
        stack.extend((c, fn) for c in child_nodes(node))
    elements = _element_constraints(prog, scopes)
    changed = True
    while changed:
        table.iterations += 1
        changed = False
        for target, source, what in constraints:
            st = table.expr.get(source, NEVER)
            if st.kind == "never":
                continue
            old = table.bindings.get(target, NEVER)
            new = join(old, st)
            if new != old:
                table.bindings[target] = new
                table.origins.setdefault(target, []).append(_Origin(st, line(source), what))
                changed = True
        for target, source, what in elements:
            old = table.bindings.get(target, NEVER)
            if old.kind != "array":
                continue  # `o[k]` on an object or a union says nothing about array elements
            et = element_type(prog, scopes, table, source)
            if et.kind == "never":
                continue
            st = JsType("array", elem=et)
            new = join(old, st)
            if new != old:
                table.bindings[target] = new
                table.origins.setdefault(target, []).append(_Origin(st, line(source), what))
                changed = True
    for sid, f in scopes.functions.items():
        params = [table.bindings.get(p.sid, NEVER) if p is not None else DYN for p in f.params]
        ret = from_tags(profile.ret_types.get(sid, ()))
        for r in returns.get(sid, []):
            ret = join(ret, table.expr.get(r, NEVER))
        table.functions[sid] = Signature(params, ret)
        table.fn_names[sid] = f.name or (f.declared.name if f.declared else "")
        table.lines[sid] = line(sid)
        table.captures[sid] = {b.name: table.bindings.get(b.sid, NEVER) for b in f.free}
    _infer_fields(prog, profile, table)
    _infer_records(prog, scopes, profile, table)


def literal_shape(node: Any) -> Optional[str]:
    """The shape an object literal makes (``{x,y}``), when it can be a record: plain
    ``key: value`` properties (or methods) with distinct, literal, non-index keys that no
    object inherits; ``None`` for spreads, accessors, computed keys and the like."""
    keys = []
    for prop in node.properties:
        if prop.type != "Property" or prop.kind != "init" or prop.computed:
            return None
        if prop.key.type == "Identifier":
            key = prop.key.name
        elif prop.key.type == "Literal" and isinstance(prop.key.value, str):
            key = prop.key.value
        else:
            return None
        if key in _INHERITED_KEYS or key in keys or (key.isdigit() and (key == "0" or not key.startswith("0"))) or "," in key:
            return None
        keys.append(key)
    return "{" + ",".join(keys) + "}" if keys else None


#: built-ins that make objects from data, whose shapes no literal of the program decides
_OBJECT_MAKERS = frozenset((("JSON", "parse"), ("Object", "assign"), ("Object", "fromEntries"), ("Object", "create")))

#: built-ins that only read an object's own keys and values (they never keep the object)
_DICTIONARY_READERS = frozenset((("Object", "keys"), ("Object", "values"), ("Object", "entries"),
                                 ("JSON", "stringify")))


def _dictionary_bindings(prog: Program, scopes: Any) -> set[int]:
    """Binding sids of local objects used only as dictionaries: ``const d = {}`` (or
    ``let``, never reassigned) whose every other mention is ``d[k]`` (read, store, update,
    ``delete``; never a call's callee, which would make ``d`` a ``this``), ``k in d`` or the
    argument of ``Object.keys``/``values``/``entries``/``JSON.stringify``.

    Why: such an object takes its keys from data, so it may end up with any shape, even a
    literal's; but it never reaches another binding, a parameter, a field or a return, so
    no struct-typed place can ever see it. Its computed-key stores therefore say nothing
    about the objects the program's literals make (``byCategory[cat] += x`` beside
    ``{ price, qty }`` items)."""
    from .rustgen.scopes import _parents
    parents = _parents(scopes)
    dicts: set[int] = set()
    for b in scopes.bindings.values():
        decl = parents.get(b.sid)
        if (b.kind in ("let", "const") and b.writes == 0 and decl is not None and decl.type == "VariableDeclarator"
                and decl.init is not None and decl.init.type == "ObjectExpression" and not decl.init.properties):
            dicts.add(b.sid)
    for sid, b in scopes.ref.items():
        if b.sid not in dicts or sid == b.sid:
            continue
        node, parent = prog.node(sid), parents.get(sid)
        grand = parents.get(prog.sid(parent)) if parent is not None else None
        if parent is None:
            dicts.discard(b.sid)
        elif parent.type == "MemberExpression" and parent.computed and parent.object is node:
            if grand is not None and grand.type in ("CallExpression", "NewExpression", "TaggedTemplateExpression") \
                    and getattr(grand, "callee", getattr(grand, "tag", None)) is parent:
                dicts.discard(b.sid)
        elif parent.type == "BinaryExpression" and parent.operator == "in" and parent.right is node:
            pass
        elif not (parent.type == "CallExpression" and parent.arguments and parent.arguments[0] is node
                  and parent.callee.type == "MemberExpression" and not parent.callee.computed
                  and parent.callee.object.type == "Identifier"
                  and (parent.callee.object.name, parent.callee.property.name) in _DICTIONARY_READERS):
            dicts.discard(b.sid)
    return dicts


def _stored_names(prog: Program, scopes: Any, dicts: set[int]) -> tuple[set[str], bool]:
    """The property names the program stores by name anywhere (``x.k = ..``, ``x.k++``,
    ``[x.k] = ..``, ``for (x.k of ..)``), whatever ``x`` is, and whether it stores through
    a computed key into anything but a dictionary (``_dictionary_bindings``): together,
    every way an existing object can gain a key (the object makers aside, see
    ``_makes_objects_otherwise``)."""
    names: set[str] = set()
    computed = False

    def targets(node: Any) -> Iterable[Any]:
        """The member expressions a store target (possibly a pattern) writes."""
        if node is None:
            return
        if node.type == "MemberExpression":
            yield node
        elif node.type == "ArrayPattern":
            for e in node.elements:
                yield from targets(e)
        elif node.type == "ObjectPattern":
            for p in node.properties:
                yield from targets(p.argument if p.type == "RestElement" else p.value)
        elif node.type == "AssignmentPattern":
            yield from targets(node.left)
        elif node.type == "RestElement":
            yield from targets(node.argument)

    for sid in range(prog.base, prog.end):
        node = prog.node(sid)
        if node.type == "AssignmentExpression":
            written = targets(node.left)
        elif node.type == "UpdateExpression":
            written = targets(node.argument)
        elif node.type in ("ForInStatement", "ForOfStatement") and node.left.type != "VariableDeclaration":
            written = targets(node.left)
        else:
            continue
        for member in written:
            if not member.computed:
                names.add(member.property.name)
                continue
            obj = member.object
            b = scopes.ref.get(prog.sid(obj)) if obj.type == "Identifier" else None
            if b is None or b.sid not in dicts:
                computed = True
    return names, computed



def _makes_objects_otherwise(prog: Program) -> bool:
    """Whether the program can make plain objects other than by literals and key stores
    (``JSON.parse``, ``Object.assign``, ``{...spread}``, ...). Such an object may have a
    record's shape without being its struct, so then no shape is stored as a struct."""
    for sid in range(prog.base, prog.end):
        node = prog.node(sid)
        if node.type == "ObjectExpression" and any(p.type == "SpreadElement" for p in node.properties):
            return True
        if node.type == "ObjectPattern" and any(p.type == "RestElement" for p in node.properties):
            return True
        if (node.type == "MemberExpression" and not node.computed and node.object.type == "Identifier"
                and (node.object.name, node.property.name) in _OBJECT_MAKERS):
            return True
    return False


@dataclass
class ClassPlan:
    """How `new C(..)` fills a class record: the constructor is `super(..)` (first, in a
    subclass), then `this.k = e` statements (after the instance fields `k = e`) mixed with
    statements that do not mention `this` (``locals``: a `const n = ..` the values use),
    then, once every key is set, any statements (``tail``: `for (..) this.a.push(..)`),
    which run on the finished struct; no `e` mentions `this`. ``inits`` are the own (key,
    value node) pairs in evaluation order; ``locals`` (position in ``inits`` it runs
    before, statement); ``parent`` the superclass's plan (never one with a tail: it would
    run on the subclass's struct before that exists); ``ctor`` its ``FnInfo`` (None: the
    implicit constructor); ``super_args`` the argument nodes of `super(..)`."""

    node: Any
    binding: Any
    parent: Optional["ClassPlan"]
    ctor: Any
    super_args: Optional[list]
    inits: list
    accessors: set
    locals: list = field(default_factory=list)
    tail: list = field(default_factory=list)

    @property
    def keys(self) -> list[str]:
        return (self.parent.keys if self.parent is not None else []) + [k for k, _ in self.inits]

    @property
    def all_accessors(self) -> set:
        return self.accessors | (self.parent.all_accessors if self.parent is not None else set())

    def entry_params(self) -> list:
        """The parameters `new C(..)` binds: the constructor's, or (implicit) the parent's."""
        if self.ctor is not None:
            return self.ctor.params
        return self.parent.entry_params() if self.parent is not None else []


def _mentions(node: Any, types: tuple) -> bool:
    stack = [node]
    while stack:
        n = stack.pop()
        if n.type in types:
            return True
        stack.extend(child_nodes(n))
    return False


def _class_plan(prog: Program, scopes: Any, node: Any, plans: dict) -> Optional[ClassPlan]:
    """A ``ClassPlan`` for a top-level class declaration whose instances can be records."""
    b = scopes.binding_of(node.id) if node.id is not None else None
    if b is None or b.owner is not None or b.in_block:
        return None
    parent = None
    if node.superClass is not None:
        pb = scopes.binding_of(node.superClass) if node.superClass.type == "Identifier" else None
        parent = plans.get(pb.sid) if pb is not None else None
        if parent is None or parent.tail:
            return None
    ctor, inits, fields_first, accessors = None, [], [], set()
    for m in node.body.body:
        if getattr(m, "key", None) is not None and m.key.type == "PrivateIdentifier":
            return None  # private members live apart from a struct's fields (runtime/privates.rs)
        if (m.type == "StaticBlock" or getattr(m, "static", False)) and _mentions(m, ("ThisExpression", "Super")):
            return None  # `this` there is the class or a subclass: `new this()` bypasses the struct
        if m.type == "MethodDefinition":
            if m.computed:
                return None
            if m.kind == "constructor":
                ctor = m
            elif m.kind in ("get", "set") and not m.static:
                accessors.add(m.key.name)
        elif m.type == "PropertyDefinition":
            if m.computed or m.key.type != "Identifier":
                return None
            if not m.static:
                if m.value is not None and _mentions(m.value, ("ThisExpression", "Super", "Identifier")):
                    return None  # an initialiser sees `this` and the class scope: keep it simple
                fields_first.append((m.key.name, m.value))
        else:
            return None
    info, super_args, body = None, None, []
    if ctor is not None:
        info = scopes.functions[prog.sid(ctor.value)]
        if not info.simple_params or info.uses_arguments or any(p is None for p in info.params):
            return None
        if any(not (f.is_global or (scopes.fn_of_binding(f) is not None and scopes.fn_of_binding(f).static))
               for f in info.free):
            return None
        body = list(ctor.value.body.body)
        if parent is not None:
            first = body[0] if body else None
            if not (first is not None and first.type == "ExpressionStatement" and first.expression.type == "CallExpression"
                    and first.expression.callee.type == "Super"):
                return None
            super_args = first.expression.arguments
            if any(a.type == "SpreadElement" or _mentions(a, ("ThisExpression", "Super")) for a in super_args):
                return None
            body = body[1:]
    inits, locals_ = list(fields_first), []
    last = max((i for i, st in enumerate(body) if _this_init(st)), default=-1)
    for st in body[:last + 1]:
        if _this_init(st):
            e = st.expression
            inits.append((e.left.property.name, e.right))
        elif _mentions(st, _NOT_LOCAL):
            return None
        else:
            locals_.append((len(inits), st))
    tail = body[last + 1:]
    if any(_mentions(st, _NOT_TAIL) or _this_escapes(st) for st in tail):
        return None
    keys = [k for k, _ in inits] + (parent.keys if parent is not None else [])
    if len(set(keys)) != len(keys) or any(k in _INHERITED_KEYS or k.isdigit() for k in keys):
        return None
    return ClassPlan(node, b, parent, info, super_args, inits, accessors, locals_, tail)


#: what a constructor statement before the last `this.k = e` may not contain (the struct
#: does not exist yet) and what may not follow it (a `return` would replace the instance;
#: a nested function would capture `this`; `super` is the parent's, already done)
_NOT_LOCAL = ("ThisExpression", "Super", "ReturnStatement", "FunctionExpression", "FunctionDeclaration",
              "ArrowFunctionExpression", "ClassExpression", "ClassDeclaration")
_NOT_TAIL = ("Super", "ReturnStatement", "FunctionExpression", "FunctionDeclaration", "ArrowFunctionExpression",
             "ClassExpression", "ClassDeclaration")


def _this_escapes(node: Any) -> bool:
    """Does ``this`` occur other than as ``this.k``? Passed along (``Object.assign(this,
    ..)``, ``register(this)``) it may gain keys the struct cannot hold."""
    stack = [node]
    while stack:
        n = stack.pop()
        for child in child_nodes(n):
            if child.type == "ThisExpression" and not (n.type == "MemberExpression" and n.object is child
                                                       and not n.computed):
                return True
            stack.append(child)
    return False


def _this_init(st: Any) -> bool:
    """`this.k = e;` with an `e` that does not mention `this`."""
    e = st.expression if st.type == "ExpressionStatement" else None
    return (e is not None and e.type == "AssignmentExpression" and e.operator == "="
            and e.left.type == "MemberExpression" and not e.left.computed
            and e.left.object.type == "ThisExpression" and not _mentions(e.right, ("ThisExpression", "Super")))


def _class_plans(prog: Program, scopes: Any) -> dict:
    """Binding sid -> ``ClassPlan`` for the classes whose instances can be records: the
    class name is used only by `new C(..)` (no spread), `instanceof C`, `extends C` and
    reads of its statics, so every instance is made by the generated constructor."""
    plans: dict = {}
    for node in prog.nodes:
        if node.type == "ClassDeclaration":
            plan = _class_plan(prog, scopes, node, plans)
            if plan is not None:
                plans[plan.binding.sid] = plan
    parents = {prog.sid(c): n for n in prog.nodes for c in child_nodes(n)}
    names = [n.id.name for n in prog.nodes if n.type in ("ClassDeclaration", "ClassExpression") and n.id is not None]
    for sid, b in scopes.ref.items():
        plan = plans.get(b.sid)
        if plan is None or sid == b.sid:
            continue
        up = parents.get(sid)
        ok = up is not None and (
            (up.type == "NewExpression" and prog.sid(up.callee) == sid
             and not any(a.type == "SpreadElement" for a in up.arguments))
            or (up.type == "BinaryExpression" and up.operator == "instanceof" and prog.sid(up.right) == sid)
            or (up.type in ("ClassDeclaration", "ClassExpression") and up.superClass is not None
                and prog.sid(up.superClass) == sid)
            or (up.type == "MemberExpression" and prog.sid(up.object) == sid and not up.computed
                and up.property.name != "prototype"))
        if not ok or names.count(b.name) > 1:
            plans.pop(b.sid, None)
    # a subclass builds on its parent's plan: it goes when the parent does
    changed = True
    while changed:
        changed = False
        for sid, plan in list(plans.items()):
            if plan.parent is not None and plan.parent.binding.sid not in plans:
                del plans[sid]
                changed = True
    return plans


def _this_shapes(prog: Program, plans: dict) -> dict:
    """ThisExpression sid -> the class names `this` may be an instance of there (inside
    the methods of a record class and its constructor's tail: that class and its
    subclasses)."""
    subs: dict = {}
    for plan in plans.values():
        p = plan.parent
        while p is not None:
            subs.setdefault(p.binding.sid, set()).add(plan.binding.name)
            p = p.parent
    out = {}
    for sid, plan in plans.items():
        names = {plan.binding.name} | subs.get(sid, set())
        bodies = [m.value.body for m in plan.node.body.body
                  if m.type == "MethodDefinition" and not m.static and m.kind != "constructor"]
        for body in bodies + list(plan.tail):
            for this in _this_in(body):
                out[prog.sid(this)] = names
    return out


def _this_in(body: Any) -> list:
    """The `this` expressions of a function body that mean its own `this` (not inside a
    nested function or class, which have their own; arrows share it)."""
    out, stack = [], [body]
    while stack:
        n = stack.pop()
        if n.type == "ThisExpression":
            out.append(n)
        if n.type not in ("FunctionExpression", "FunctionDeclaration", "ClassDeclaration", "ClassExpression"):
            stack.extend(child_nodes(n))
    return out


def _shape_keys(shape: str) -> list[str]:
    return shape[1:-1].split(",") if shape != "{}" else []


#: the `Object` functions that change property attributes of their first argument
_ATTRIBUTE_CHANGERS = frozenset(("freeze", "seal", "preventExtensions", "defineProperty", "defineProperties"))


#: the generic `Array.prototype` methods that add or remove an array-like receiver's keys
_ARRAY_MUTATORS = frozenset(("copyWithin", "fill", "pop", "push", "reverse", "shift", "sort", "splice", "unshift"))


def _reshaped_argument(node: Any) -> Optional[Any]:
    """The object a call reshapes in a way no struct can follow, or None: the first argument
    of ``Object.freeze(x)`` and the like (``_ATTRIBUTE_CHANGERS``: a struct has no
    attributes), the receiver of ``Array.prototype.push.call(x, ..)`` and the like (an
    array-like object gains and loses index keys)."""
    callee = node.callee if node.type == "CallExpression" else None
    if callee is None or callee.type != "MemberExpression" or callee.computed or not node.arguments \
            or node.arguments[0].type == "SpreadElement":
        return None
    obj, name = callee.object, callee.property.name
    if obj.type == "Identifier" and obj.name == "Object" and name in _ATTRIBUTE_CHANGERS:
        return node.arguments[0]
    if array_prototype_call(node) in _ARRAY_MUTATORS:
        return node.arguments[0]
    return None


def _infer_records(prog: Program, scopes: Any, profile: Any, table: TypeTable) -> None:
    """Choose the object shapes stored as Rust structs, and their field types.

    A shape qualifies when an object literal of the program makes it, the trace saw
    objects of it, and nothing suggests its objects change shape: no other observed shape
    is a proper prefix of it or extends it (keys added one by one, or later), no object
    of it gets a computed-key store, a ``delete`` or a store to a key it lacks. Why so
    strict: a struct cannot grow, and an object that reaches a struct-typed binding as a
    plain ``JsObject`` side-exits, so a shape that is sometimes built another way would
    turn a compiled program into a side exit. What slips through still side-exits (the
    runtime's ``record_exit``) rather than answering differently."""
    literals: dict[str, list[Any]] = {}
    for sid in range(prog.base, prog.end):
        node = prog.node(sid)
        if node.type == "ObjectExpression":
            shape = literal_shape(node)
            if shape is not None:
                literals.setdefault(shape, []).append(node)
    plans = {plan.binding.name: plan for plan in _class_plans(prog, scopes).values()}
    if _makes_objects_otherwise(prog):
        literals = {}
    if not literals and not plans:
        return
    observed_all = {tag[len("object:"):] for tags in list(profile.types.values()) + list(profile.elem_types.values())
                    for tag in tags if tag.startswith("object:")}
    observed = {s for s in observed_all if s.startswith("{")}
    dicts = _dictionary_bindings(prog, scopes)
    stored, computed_stores = _stored_names(prog, scopes, dicts)
    bad: set[str] = set()
    for shape in literals:
        keys = _shape_keys(shape)
        if shape not in observed:
            bad.add(shape)
        for other in observed:
            ok = _shape_keys(other)
            if other != shape and ok and (ok[:len(keys)] == keys or keys[:len(ok)] == ok):
                # one may be the other with keys added later; it cannot be when both are
                # literals and nothing stores the keys that tell them apart (`{price}` and
                # `{price,qty}` items of one list)
                extra = set(ok[len(keys):] if len(ok) > len(keys) else keys[len(ok):])
                if other not in literals or computed_stores or extra & stored:
                    bad.add(shape)
    this_shapes = _this_shapes(prog, {p.binding.sid: p for p in plans.values()})
    for shape, nodes in literals.items():
        # `this` in a literal's own methods is (when called as `o.m()`) that object: what they
        # store through `this` counts as stored into the shape (a key it lacks unmakes the struct)
        for node in nodes:
            for prop in node.properties:
                if prop.value.type == "FunctionExpression":
                    for this in _this_in(prop.value.body):
                        this_shapes.setdefault(prog.sid(this), set()).add(shape)

    def shapes_at(sid: int) -> set[str]:
        if sid in this_shapes:
            return this_shapes[sid]
        t = value_type(prog, scopes, table, sid)
        parts = t.members if t.kind == "union" else {t}
        return {m.shape for m in parts if m.kind == "object"}

    def init_type(value: Any) -> JsType:
        t = value_type(prog, scopes, table, prog.sid(value)) if value is not None else UNDEFINED
        # a value the trace did not tag (a literal never run, an untagged form) says nothing: dyn
        return t if t.kind != "never" else DYN

    built: set[str] = set()  # keys stored into objects that started empty (`o = {}; o.x = ..`)
    fields: dict[str, dict[str, JsType]] = {}
    for shape, nodes in literals.items():
        fields[shape] = {k: NEVER for k in _shape_keys(shape)}
        for node in nodes:
            for prop in node.properties:
                key = prop.key.name if prop.key.type == "Identifier" else prop.key.value
                fields[shape][key] = join(fields[shape][key], init_type(prop.value))
    for name, plan in plans.items():
        fields[name] = {}
        p = plan
        while p is not None:
            for key, value in p.inits:
                fields[name][key] = init_type(value)
            p = p.parent
        fields[name] = {k: fields[name][k] for k in plan.keys}
    for sid in range(prog.base, prog.end):
        node = prog.node(sid)
        member, stored = None, None
        if node.type == "AssignmentExpression" and node.left.type == "MemberExpression":
            member = node.left
            rhs = value_type(prog, scopes, table, prog.sid(node.right))
            if node.operator == "=":
                stored = rhs
            elif node.operator == "+=":
                cur = table.expr.get(prog.sid(member), NEVER)
                seen = table.expr.get(sid)  # the sum itself, when the recorder tagged it
                stored = seen if seen is not None else F64 if {cur.kind, rhs.kind} <= {"f64", "int"} else DYN
            else:
                stored = F64 if node.operator not in ("&&=", "||=", "??=") else DYN
        elif node.type == "UpdateExpression" and node.argument.type == "MemberExpression":
            member, stored = node.argument, F64
        elif node.type == "UnaryExpression" and node.operator == "delete" and node.argument.type == "MemberExpression":
            member, stored = node.argument, DYN
            bad.update(shapes_at(prog.sid(member.object)))
        elif (target := _reshaped_argument(node)) is not None:
            # its objects stay plain (runtime `attrs`, `builtins::array_like_method`)
            bad.update(shapes_at(prog.sid(target)))
            if target.type == "ObjectExpression" and literal_shape(target) is not None:
                bad.add(literal_shape(target))  # (`Object.freeze({..})`: the literal is not tagged)
            continue
        elif node.type == "MemberExpression" and not node.computed:
            res = table.expr.get(sid)
            for shape in shapes_at(prog.sid(node.object)) & fields.keys():
                if res is not None and node.property.name in fields[shape]:
                    fields[shape][node.property.name] = join(fields[shape][node.property.name], res)
            continue
        if member is None:
            continue
        if member.computed and member.object.type == "Identifier" and \
                getattr(scopes.ref.get(prog.sid(member.object)), "sid", None) in dicts:
            continue  # a dictionary's own keys: it reaches no struct-typed place
        targets = shapes_at(prog.sid(member.object))
        if "{}" in targets and not member.computed:
            built.add(member.property.name)
        if member.computed:
            bad.update(targets)
            # data keys grow these objects into shapes no one can list: any shape that
            # extends theirs may be made this way (from `{}`: any shape at all)
            for t in targets:
                if t.startswith("{"):
                    bad.update(s for s in literals if _shape_keys(s)[:len(_shape_keys(t))] == _shape_keys(t))
            continue
        for shape in targets & fields.keys():
            name = member.property.name
            if name not in fields[shape] and not (shape in plans and name in plans[shape].all_accessors):
                bad.add(shape)
            elif name not in fields[shape]:
                continue
            else:
                fields[shape][name] = join(fields[shape][name], stored)
    bad.update(s for s in literals if set(_shape_keys(s)) <= built)
    changed = True
    while changed:  # a subclass of a class that cannot be a record cannot be one either
        changed = False
        for name, plan in plans.items():
            if name not in bad and plan.parent is not None and plan.parent.binding.name in bad:
                bad.add(name)
                changed = True
    for shape in sorted(s for s in literals if s not in bad and s not in table.records):
        stem = re.sub(r"[^0-9A-Za-z_]", "_", "_".join(_shape_keys(shape)))[:32]
        table.records[shape] = RecordShape(shape, f"Obj{len(table.records)}_{stem}", fields[shape])
    # a class never instantiated needs no struct (its subclasses still build on its plan)
    for name in sorted(n for n in plans if n not in bad and n in observed_all and n not in table.records):
        stem = re.sub(r"[^0-9A-Za-z_]", "_", name)
        table.records[name] = RecordShape(name, f"Class{len(table.records)}_{stem}", fields[name], name, plans[name])
    _struct_fields(table.records)


def _struct_fields(records: dict) -> None:
    """Fields that only ever held objects of one record shape (`this.g = graph`) are typed
    ``Rc<Struct>``, and those that held only `null` or such objects (`this.left = null`, later
    a node) ``Option<Rc<Struct>>``, rather than ``JsValue``: reading one is a reference-count
    bump, `=== null` a tag test, no downcast. A store of anything else (never seen by the
    trace) side-exits, as for every typed field."""
    from .rustgen.rtypes import of_jstype

    for rec in records.values():
        for key, t in rec.fields.items():
            r = of_jstype(t, records)
            if r.startswith(("rec:", "opt:")):
                rec.struct_reps[key] = r


def _element_constraints(prog: Program, scopes: Any) -> list[tuple[int, int, str]]:
    """(array binding, element value site, what) for every ``a[i]`` read or written and
    every ``a.push(x)`` on a variable ``a``.

    Why: a binding is observed when it is bound, and an array is often empty then
    (``const a = []; a.push(..)``); the elements it holds later are only seen at the
    sites that read, write or push them. The Rust emitter gives ``array<f64>`` bindings a
    typed ``Vec<f64>``, so those sites must all agree before the table says ``f64``."""
    out: list[tuple[int, int, str]] = []
    for sid in range(prog.base, prog.end):
        node = prog.node(sid)
        if node.type == "MemberExpression" and node.computed and node.object.type == "Identifier":
            b = scopes.ref.get(prog.sid(node.object))
            if b is not None:
                out.append((b.sid, sid, "element"))
        elif (node.type == "CallExpression" and node.callee.type == "MemberExpression"
              and not node.callee.computed and node.callee.property.name in ("push", "unshift")
              and node.callee.object.type == "Identifier"):
            b = scopes.ref.get(prog.sid(node.callee.object))
            if b is not None:
                out.extend((b.sid, prog.sid(a), "pushed") for a in node.arguments if a.type != "SpreadElement")
    return out


def element_type(prog: Program, scopes: Any, table: TypeTable, sid: int) -> JsType:
    """``value_type`` of a value stored into an array; an object literal (which the
    recorder does not tag) is an object of the shape it makes. Why: ``a.push({x, y})``
    into an array that was empty when bound is the only place its elements are seen,
    and the Rust emitter can keep an array of one record shape typed (``rustgen/arrays``)."""
    node = prog.node(sid)
    if node.type == "ObjectExpression" and sid not in table.expr:
        shape = literal_shape(node)
        if shape is not None:
            return JsType("object", shape=shape)
    return value_type(prog, scopes, table, sid)


def value_type(prog: Program, scopes: Any, table: TypeTable, sid: int) -> JsType:
    """The type of the value an expression site produces: observed, or for a variable
    (the recorder does not tag plain reads) its binding's type, or a literal's own."""
    t = table.expr.get(sid)
    if t is not None:
        return t
    node = prog.node(sid)
    if node.type == "Identifier":
        b = scopes.ref.get(sid)
        if b is None and node.name == "undefined":
            return UNDEFINED
        return table.bindings.get(b.sid, NEVER) if b is not None else NEVER
    if node.type == "Literal":
        v = node.value
        if v is None and getattr(node, "regex", None) is None:
            return JsType("null")
        if isinstance(v, bool):
            return BOOL
        if isinstance(v, (int, float)):
            return INT if float(v).is_integer() else F64
        if isinstance(v, str):
            return STRING
    return NEVER


def _infer_fields(prog: Program, profile: Any, table: TypeTable) -> None:
    """Field types per shape, from the values read at ``o.name`` where ``o`` had that shape."""
    for sid in range(prog.base, prog.end):
        node = prog.node(sid)
        if node.type != "MemberExpression" or node.computed:
            continue
        obj_t = table.expr.get(prog.sid(node.object), NEVER)
        res = table.expr.get(sid)
        if obj_t.kind == "object" and res is not None:
            shape = table.fields.setdefault(obj_t.shape, {})
            name = node.property.name
            shape[name] = join(shape.get(name, NEVER), res)
