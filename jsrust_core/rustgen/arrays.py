"""Which array variables the emitter may store typed: ``jsrt::NumArr`` (a shared
``Vec<f64>``) for arrays of numbers, ``jsrt::BoolArr`` for arrays of booleans,
``jsrt::RecArr<S>`` (a shared ``Vec<Rc<S>>``) for arrays of one record shape ``S``
(``records``).

Why an escape analysis: the type table says a binding held ``array<f64>`` in every
observation, but a dynamic ``JsValue`` array and a ``NumArr`` cannot share storage, so
converting at a boundary would copy and break aliasing (two names for one array must
see each other's writes). A binding is therefore typed only when *every* use of it is
one the emitter translates on the typed form:

* ``a[i]`` read, ``a[i] = x``, ``a[i] op= x``, ``a[i]++``; ``a.length`` read;
  ``a.push(x, ..)`` and ``a.pop()`` calls;
* ``for (x of a)`` when ``a`` is never assigned after its declaration (the walk reads
  the binding at each step, live as JS walks an array; a reassigned one would switch
  arrays under it);
* ``b = a.slice()`` / ``const b = a.slice()`` into another candidate ``b``: a copy, so
  ``b`` joins no group, but the two are typed together or not at all (the copy is made
  between their typed forms);
* ``b = a`` / ``let b = a`` and ``f(a)`` into a parameter of a static Rust ``fn`` that
  only direct calls reach — then ``b`` or the parameter is the same array and must be
  typed too (bindings joined this way form one group: typed together or not at all);
* ``return a`` from such a ``fn`` whose every call's value is discarded or stored into
  a binding of the group (``const bodies = makeBodies()``): its return value joins the
  group, keyed by the function's sid.

and every value stored into it is a fresh allocation, a class record's typed array field
(``fieldarrs``: `const a = this.items` — the group then includes the field, so never owned) (``[x, y]``, ``[]``,
``new Array(n).fill(x)``, ``Array(n).fill(x)``), another binding of its group or a call
of such a function. Any other use (``console.log(a)``, ``o.k = a``, a closure capturing
it) keeps the whole group dynamic, as does a group whose bindings were seen with
different element types. Elements stay what the type says at run time because every
typed store is guarded (a value of another type side-exits); an untrained index that
would read ``undefined`` or make a hole side-exits too. Records and booleans only allow
plain stores: ``a[i]++`` or ``a[i] += x`` on an object (a boolean) is not one any more.

A group that is one ``let``/``const`` binding and nothing else (never aliased, passed or
returned) needs no sharing: it is ``rtypes.own(..)``, a plain owned ``jsrt::OwnArr``.

An array of number arrays (``rtypes.ARRARR``, a table of rows: `backPreds.push(back)`) is
typed when its rows are: every value pushed into it is a candidate number array binding
(`rows.push(row)`, which makes the row shared — the table holds its ``Rc`` — and links
the two: typed together or not at all), and a row is only read back as the array a
`for (x of rows[i])` walks (evaluated once, as JS does). Any other use of the table or of
an element (`rows[i][j]`, `rows[i] = r`, `rows.pop()`, a copy) keeps it dynamic.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from ..frontend import child_nodes
from ..typeinfer import value_type
from .rtypes import ARR, ARRARR, BOOLARR, REC, is_rec, of_jstype, own, recarr
from .scopes import FUNCTION_TYPES, Binding, FnInfo, Scopes, _parents

#: element types a ``NumArr`` holds
_NUMERIC = ("f64", "int")


@dataclass
class TypedArrays:
    """What ``typed_arrays`` proved: the representation (``rtypes.ARR`` or a
    ``rtypes.recarr``) of each typed binding, and of each function's return value that
    is one of them."""

    bindings: dict[int, str]
    returns: dict[int, str]


def elem_rep(t: Any, records: dict) -> Optional[str]:
    """The typed-array representation for a binding of type ``t``, if its elements allow one."""
    if t.kind != "array" or t.elem is None:
        return None
    if t.elem.kind in _NUMERIC:
        return ARR
    if t.elem.kind == "bool":
        return BOOLARR
    if t.elem.kind == "array" and t.elem.elem is not None and t.elem.elem.kind in _NUMERIC:
        return ARRARR
    r = of_jstype(t.elem, records)
    return recarr(r[len(REC):]) if is_rec(r) else None


def _returns(f: FnInfo) -> Optional[list[Any]]:
    """The values ``f`` returns (its return arguments, an arrow's expression body), or
    None when one of its returns gives ``undefined``."""
    body = f.node.body
    if body.type != "BlockStatement":
        return [body]
    found: list[Any] = []
    stack = [body]
    while stack:
        node = stack.pop()
        if node.type in FUNCTION_TYPES:
            continue  # a nested function's returns are its own
        if node.type == "ReturnStatement":
            if node.argument is None:
                return None
            found.append(node.argument)
        stack.extend(child_nodes(node))
    return found


def is_allocation(scopes: Scopes, node: Any) -> bool:
    """A fresh array the emitter can build directly as a ``NumArr``."""
    if node.type == "ArrayExpression":
        return all(el is not None and el.type != "SpreadElement" for el in node.elements)
    return fill_parts(scopes, node) is not None


def slice_copy(node: Any) -> Any:
    """The Identifier ``a`` of ``a.slice()`` (no arguments: a copy of all of ``a``), else None."""
    if node.type != "CallExpression" or node.arguments or getattr(node, "optional", False):
        return None
    callee = node.callee
    if callee.type != "MemberExpression" or callee.computed or getattr(callee, "optional", False) \
            or callee.property.name != "slice" or callee.object.type != "Identifier":
        return None
    return callee.object


def fill_parts(scopes: Scopes, node: Any) -> Optional[tuple[Any, Any]]:
    """``(length, value)`` of ``new Array(n).fill(x)`` or ``Array(n).fill(x)``, else None."""
    if node.type != "CallExpression" or len(node.arguments) != 1 or node.arguments[0].type == "SpreadElement":
        return None
    callee = node.callee
    if callee.type != "MemberExpression" or callee.computed or callee.property.name != "fill":
        return None
    inner = callee.object
    if inner.type not in ("NewExpression", "CallExpression") or inner.callee.type != "Identifier":
        return None
    if inner.callee.name != "Array" or scopes.binding_of(inner.callee) is not None or len(inner.arguments) != 1 or inner.arguments[0].type == "SpreadElement":
        return None
    return inner.arguments[0], node.arguments[0]


class _Groups:
    """Union-find over binding sids."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def typed_arrays(scopes: Scopes, types: Any, fields: Optional[dict] = None) -> TypedArrays:
    """The bindings (and return values) the emitter stores typed (see the module docstring).
    ``fields``: the names of record fields stored typed (``fieldarrs``) and their
    representations; `const a = o.k` (or a parameter given `o.k`) is that same array, so
    such a binding joins a group with the field (typed shared, like it, or not at all)."""
    fields = fields or {}
    field_keys = {name: -1 - i for i, name in enumerate(sorted(fields))}  # (sids are >= 0)
    p = scopes.program
    parents = _parents(scopes)
    fn_refs: dict[int, list[Any]] = {}  # fn sid -> Identifier nodes naming it (not its declaration)
    refs: dict[int, list[Any]] = {}  # binding sid -> Identifier nodes referring to it
    for sid, b in scopes.ref.items():
        if not (p.base <= sid < p.end):
            continue
        node = p.node(sid)
        if sid != b.sid:
            refs.setdefault(b.sid, []).append(node)
        f = scopes.fn_of_binding(b)
        if f is not None and sid != b.sid:
            fn_refs.setdefault(f.sid, []).append(node)

    def direct_only(f: FnInfo) -> bool:
        """Every mention of ``f`` is the callee of a spread-free call: the emitter calls
        its Rust fn directly everywhere, so parameters never arrive as ``JsValue``."""
        for ident in fn_refs.get(f.sid, []):
            call = parents.get(p.sid(ident))
            if (call is None or call.type != "CallExpression" or call.callee is not ident
                    or getattr(call, "optional", False) or any(a.type == "SpreadElement" for a in call.arguments)):
                return False
        return True

    def eligible(b: Binding) -> bool:
        if elem_rep(types.binding(b.sid), types.records) is None:
            return False
        if b.captured or b.maybe_unset or b.in_loop_header or b.kind not in ("let", "const", "param"):
            return False
        if b.kind == "param":
            f = scopes.functions.get(b.owner) if b.owner is not None else None
            return (f is not None and f.static and not f.uses_arguments and b in f.params
                    and f.sid in fn_refs and direct_only(f))
        decl = parents.get(b.sid)
        return decl is not None and decl.type == "VariableDeclarator" and decl.id.type == "Identifier"

    def returner(f: FnInfo) -> bool:
        """May ``f``'s return value join a group? (it returns an array on every path)"""
        sig = types.functions.get(f.sid)
        return (f.static and not f.uses_arguments and f.sid in fn_refs and direct_only(f)
                and sig is not None and sig.ret.kind == "array" and _returns(f) is not None
                and not getattr(f.node, "generator", False) and not getattr(f.node, "async", False))

    reps = {sid: elem_rep(types.binding(sid), types.records) for sid, b in scopes.bindings.items() if eligible(b)}
    cands = set(reps)
    returners = {f.sid: f for f in scopes.functions.values() if returner(f)}
    groups = _Groups()
    killed: set[int] = set()
    consumed: set[int] = set()  # sids of returner calls whose value flows into a candidate
    copies: list[tuple[int, int]] = []  # (target, source) of `target = source.slice()`
    rows: list[tuple[int, int]] = []  # (table, row) of `table.push(row)` (``ARRARR``)

    def flow(target: int, source: Any) -> None:
        """A value of ``source`` is stored into ``target`` (a binding, or a returner's sid)."""
        if is_allocation(scopes, source):
            return
        copied = slice_copy(source)
        if copied is not None:
            sb = scopes.binding_of(copied)
            if sb is not None and sb.sid in cands:
                copies.append((target, sb.sid))
                return
        if source.type == "Identifier":
            sb = scopes.binding_of(source)
            if sb is not None and sb.sid in cands:
                groups.union(target, sb.sid)
                return
        if (source.type == "MemberExpression" and not source.computed and not getattr(source, "optional", False)
                and source.property.type == "Identifier" and source.property.name in fields):
            groups.union(target, field_keys[source.property.name])
            return
        if source.type == "CallExpression" and source.callee.type == "Identifier":
            cb = scopes.binding_of(source.callee)
            f = scopes.fn_of_binding(cb) if cb is not None else None
            if f is not None and f.sid in returners:
                groups.union(target, f.sid)
                consumed.add(p.sid(source))
                return
        killed.add(target)

    for sid in cands:
        b = scopes.bindings[sid]
        if b.kind == "param":
            f = scopes.functions[b.owner]
            i = f.params.index(b)
            for ident in fn_refs.get(f.sid, []):
                call = parents[p.sid(ident)]
                if i < len(call.arguments):
                    flow(sid, call.arguments[i])
                else:
                    killed.add(sid)
        else:
            decl = parents[sid]
            if decl.init is None:
                killed.add(sid)
            else:
                flow(sid, decl.init)
        for ident in refs.get(sid, []):
            if not _typed_use(scopes, types, parents, ident, reps, flow, rows, set(returners)):
                killed.add(sid)
    for fsid, f in returners.items():
        for value in _returns(f) or []:
            flow(fsid, value)
    for fsid in returners:
        for ident in fn_refs[fsid]:
            call = parents[p.sid(ident)]
            up = parents.get(p.sid(call))
            if p.sid(call) not in consumed and (up is None or up.type != "ExpressionStatement"):
                killed.add(fsid)  # its value goes where a typed array cannot
    group_reps: dict[int, set[str]] = {}
    for s, rep in list(reps.items()) + [(field_keys[n], r) for n, r in fields.items()]:
        group_reps.setdefault(groups.find(s), set()).add(rep)
    dead = {groups.find(s) for s in killed}
    dead |= {g for g, rs in group_reps.items() if len(rs) != 1}  # one group, one element type
    dead |= {groups.find(x) for t, s in copies if reps.get(t) is None or reps.get(t) != reps.get(s) for x in (t, s)}
    changed = True
    while changed:  # a copy is made, a row stored, between typed forms: the two ends live or die together
        changed = False
        for t, s in copies + rows:
            ends = {groups.find(t), groups.find(s)}
            if ends & dead and not ends <= dead:
                dead |= ends
                changed = True
    size: dict[int, int] = {}
    for s in list(reps) + list(returners) + list(field_keys.values()):
        size[groups.find(s)] = size.get(groups.find(s), 0) + 1

    shared = {groups.find(r) for _, r in rows}  # a row is also its table's element

    def final(s: int) -> str:
        """The representation of typed binding ``s``: owned when it is its group alone."""
        alone = (size[groups.find(s)] == 1 and scopes.bindings[s].kind != "param"
                 and groups.find(s) not in shared)
        return own(reps[s]) if alone else reps[s]

    return TypedArrays(
        {s: final(s) for s in reps if groups.find(s) not in dead},
        {f: next(iter(group_reps[groups.find(f)])) for f in returners
         if groups.find(f) not in dead and groups.find(f) in group_reps})


def _typed_use(scopes: Scopes, types: Any, parents: dict, ident: Any, reps: dict, flow: Any, rows: list,
               returners: set) -> bool:
    """Is this mention of a candidate one the emitter translates on the typed form?
    (``reps``: each candidate's representation — number elements also allow ``a[i] op= x``
    and ``a[i]++``, an array of arrays only the uses in the module docstring; ``rows``
    collects ``(table, row)`` of `table.push(row)`; ``returners``: functions whose return
    value may join a group — their own flow does.)"""
    p = scopes.program
    parent = parents.get(p.sid(ident))
    if parent is None:
        return False
    cands = reps.keys()
    rep = reps[scopes.binding_of(ident).sid]
    numeric = rep == ARR
    t = parent.type
    if rep == ARRARR and not _table_use(scopes, parents, ident, parent, reps):
        return False
    if (rep == ARR and t == "CallExpression" and ident in parent.arguments and parent.callee.type == "MemberExpression"
            and not parent.callee.computed and parent.callee.property.name == "push"
            and parent.callee.object.type == "Identifier" and not getattr(parent, "optional", False)):
        table = scopes.binding_of(parent.callee.object)
        if table is not None and reps.get(table.sid) == ARRARR:
            rows.append((table.sid, scopes.binding_of(ident).sid))
            return True
    if t == "ReturnStatement":
        return scopes.binding_of(ident).owner in returners
    if t == "ArrowFunctionExpression" and parent.body is ident:
        return p.sid(parent) in returners
    if t == "MemberExpression" and parent.object is ident and not getattr(parent, "optional", False):
        up = parents.get(p.sid(parent))
        if parent.computed:
            if value_type(p, scopes, types, p.sid(parent.property)).kind not in _NUMERIC:
                return False  # a string key would fail the typed index's guard every time
            if up is not None and up.type == "AssignmentExpression" and up.left is parent:
                return up.operator == "=" or (numeric and up.operator not in ("&&=", "||=", "??="))
            if up is not None and up.type == "UpdateExpression":
                return numeric
            return _rvalue(parent, up, parents, p)
        name = parent.property.name
        if name == "length":
            return _rvalue(parent, up, parents, p) and not (up is not None and up.type == "UpdateExpression")
        if name in ("push", "pop") and up is not None and up.type == "CallExpression" and up.callee is parent:
            if name == "pop":
                return not up.arguments
            return all(a.type != "SpreadElement" for a in up.arguments)
        if name == "slice" and up is not None and slice_copy(up) is ident:
            return _stored_in_candidate(scopes, parents, up, cands)  # (its flow records the copy)
        return False
    if t == "ForOfStatement" and parent.right is ident:
        return scopes.binding_of(ident).writes == 0
    if t == "VariableDeclarator" and parent.init is ident:
        target = scopes.binding_of(parent.id) if parent.id.type == "Identifier" else None
        return target is not None and target.sid in cands  # the target's own flow unites them
    if t == "AssignmentExpression" and parent.right is ident and parent.operator == "=":
        up = parents.get(p.sid(parent))
        target = scopes.binding_of(parent.left) if parent.left.type == "Identifier" else None
        if target is None or target.sid not in cands or up is None or up.type != "ExpressionStatement":
            return False
        flow(target.sid, ident)
        return True
    if t == "AssignmentExpression" and parent.left is ident:
        if parent.operator != "=":
            return False
        up = parents.get(p.sid(parent))
        b = scopes.binding_of(ident)
        if up is None or up.type != "ExpressionStatement" or b.kind == "const":
            return False
        flow(b.sid, parent.right)
        return True
    if t == "CallExpression" and ident in parent.arguments and parent.callee.type == "Identifier":
        callee = scopes.binding_of(parent.callee)
        f = scopes.fn_of_binding(callee) if callee is not None else None
        i = parent.arguments.index(ident)
        return f is not None and i < len(f.params) and f.params[i] is not None and f.params[i].sid in cands
    return False


def _table_use(scopes: Scopes, parents: dict, ident: Any, parent: Any, reps: dict) -> bool:
    """Is this mention of an array-of-arrays candidate one of the few its typed form has:
    `rows[i]` walked by a `for..of`, `rows.push(row, ..)` of candidate bindings, or any use
    that involves no element (`rows.length`, `const t = rows`, passing it on)?"""
    p = scopes.program
    if parent.type == "MemberExpression" and parent.object is ident:
        up = parents.get(p.sid(parent))
        if parent.computed:
            return up is not None and up.type == "ForOfStatement" and up.right is parent
        name = parent.property.name
        if name == "push":
            return up is not None and up.type == "CallExpression" and all(
                a.type == "Identifier" and (b := scopes.binding_of(a)) is not None and reps.get(b.sid) == ARR
                for a in up.arguments)
        return name == "length"
    return parent.type != "ForOfStatement"


def _stored_in_candidate(scopes: Scopes, parents: dict, value: Any, cands: set) -> bool:
    """Is ``value`` the initialiser of a candidate's declaration, or the right side of a
    plain ``b = value`` statement storing into candidate ``b``?"""
    p = scopes.program
    up = parents.get(p.sid(value))
    if up is None:
        return False
    if up.type == "VariableDeclarator" and up.init is value and up.id.type == "Identifier":
        target = scopes.binding_of(up.id)
    elif up.type == "AssignmentExpression" and up.right is value and up.operator == "=" \
            and up.left.type == "Identifier":
        stmt = parents.get(p.sid(up))
        target = scopes.binding_of(up.left) if stmt is not None and stmt.type == "ExpressionStatement" else None
    else:
        return False
    return target is not None and target.sid in cands


def _rvalue(member: Any, up: Any, parents: dict, p: Any) -> bool:
    """A member expression whose value is only read (not assigned, deleted, called or
    destructured into)."""
    if up is None:
        return True
    if up.type == "AssignmentExpression" and up.left is member:
        return False
    if up.type == "CallExpression" and up.callee is member:
        return False
    if up.type == "UnaryExpression" and up.operator == "delete":
        return False
    if up.type in ("ArrayPattern", "RestElement", "AssignmentPattern"):
        return False
    if up.type == "Property":  # `{k: a[i]}` reads; `({k: a[i]} = o)` stores
        owner = parents.get(p.sid(up))
        return owner is None or owner.type != "ObjectPattern"
    if up.type in ("ForOfStatement", "ForInStatement") and up.left is member:
        return False
    return True
