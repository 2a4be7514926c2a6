"""Which array variables the emitter may store as ``jsrt::NumArr`` (a shared ``Vec<f64>``).

Why an escape analysis: the type table says a binding held ``array<f64>`` in every
observation, but a dynamic ``JsValue`` array and a ``NumArr`` cannot share storage, so
converting at a boundary would copy and break aliasing (two names for one array must
see each other's writes). A binding is therefore typed only when *every* use of it is
one the emitter translates on the typed form:

* ``a[i]`` read, ``a[i] = x``, ``a[i] op= x``, ``a[i]++``; ``a.length`` read;
  ``a.push(x, ..)`` and ``a.pop()`` calls;
* ``b = a`` / ``let b = a`` and ``f(a)`` into a parameter of a static Rust ``fn`` that
  only direct calls reach — then ``b`` or the parameter is the same array and must be
  typed too (bindings joined this way form one group: typed together or not at all).

and every value stored into it is a fresh all-number allocation (``[1, 2]``, ``[]``,
``new Array(n).fill(x)``, ``Array(n).fill(x)``) or another binding of its group. Any
other use (``console.log(a)``, ``return a``, ``o.k = a``, a closure capturing it) keeps
the whole group dynamic. Elements stay numbers at run time because every typed store
is guarded; an untrained index that would read ``undefined`` or make a hole side-exits.
"""
from __future__ import annotations

from typing import Any, Optional

from ..typeinfer import value_type
from .scopes import Binding, FnInfo, Scopes, _parents

#: element types a ``NumArr`` holds
_NUMERIC = ("f64", "int")


def is_allocation(scopes: Scopes, node: Any) -> bool:
    """A fresh array the emitter can build directly as a ``NumArr``."""
    if node.type == "ArrayExpression":
        return all(el is not None and el.type != "SpreadElement" for el in node.elements)
    return fill_parts(scopes, node) is not None


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


def typed_arrays(scopes: Scopes, types: Any) -> set[int]:
    """Sids of the bindings the emitter stores as ``NumArr`` (see the module docstring)."""
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
        t = types.binding(b.sid)
        if t.kind != "array" or t.elem is None or t.elem.kind not in _NUMERIC:
            return False
        if b.captured or b.maybe_unset or b.in_loop_header or b.kind not in ("let", "const", "param"):
            return False
        if b.kind == "param":
            f = scopes.functions.get(b.owner) if b.owner is not None else None
            return (f is not None and f.static and not f.uses_arguments and b in f.params
                    and f.sid in fn_refs and direct_only(f))
        decl = parents.get(b.sid)
        return decl is not None and decl.type == "VariableDeclarator" and decl.id.type == "Identifier"

    cands = {sid for sid, b in scopes.bindings.items() if eligible(b)}
    groups = _Groups()
    killed: set[int] = set()

    def flow(target: int, source: Any) -> None:
        """A value of ``source`` is stored into binding ``target``."""
        if is_allocation(scopes, source):
            return
        if source.type == "Identifier":
            sb = scopes.binding_of(source)
            if sb is not None and sb.sid in cands:
                groups.union(target, sb.sid)
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
            if not _typed_use(scopes, types, parents, ident, cands, flow):
                killed.add(sid)
    dead = {groups.find(s) for s in killed}
    return {s for s in cands if groups.find(s) not in dead}


def _typed_use(scopes: Scopes, types: Any, parents: dict, ident: Any, cands: set, flow: Any) -> bool:
    """Is this mention of a candidate one the emitter translates on the typed form?"""
    p = scopes.program
    parent = parents.get(p.sid(ident))
    if parent is None:
        return False
    t = parent.type
    if t == "MemberExpression" and parent.object is ident and not getattr(parent, "optional", False):
        up = parents.get(p.sid(parent))
        if parent.computed:
            if value_type(p, scopes, types, p.sid(parent.property)).kind not in _NUMERIC:
                return False  # a string key would fail the typed index's guard every time
            if up is not None and up.type == "AssignmentExpression" and up.left is parent:
                return up.operator not in ("&&=", "||=", "??=")
            if up is not None and up.type == "UpdateExpression":
                return True
            return _rvalue(parent, up, parents, p)
        name = parent.property.name
        if name == "length":
            return _rvalue(parent, up, parents, p) and not (up is not None and up.type == "UpdateExpression")
        if name in ("push", "pop") and up is not None and up.type == "CallExpression" and up.callee is parent:
            if name == "pop":
                return not up.arguments
            return all(a.type != "SpreadElement" for a in up.arguments)
        return False
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
