"""Which array fields of class records the emitter stores typed (``jsrt::NumArr`` /
``jsrt::RecArr<S>`` in the struct, see ``runtime/numarr.rs``) instead of a ``JsValue``.

Why: a class that keeps its state in arrays (`this.parent = []`, `this.succ = []`) would
otherwise read `this.parent[r]` as a field load, a tag test for the array, a borrow of the
dynamic `Vec`, a tag test (or a record downcast) of the element: the typed field is one
bounds-checked load after the field's own.

The field holds the same shared ``Rc`` all its life, so a typed field is one the
constructor sets and nothing else ever does: every store to a member of that name in the
whole program is a class constructor's `this.k = <fresh array>` (``ClassPlan.inits``, also
class fields `k = []`), and every read of a member of that name is one the typed form
translates — `o.k[i]` (read, `=`, and for numbers `op=` and `++`), `o.k.length`,
`o.k.push(..)`, `o.k.pop()`, `for (x of o.k)` and `console.log(o.k)` (a copy) — or stores it into a binding that is a
typed array of the same representation (`const a = this.items`, `f(this.items)`: the same
``Rc``, so both names see each other's writes; ``arrays`` types them as one group). Names, not shapes, decide: a member of
the name on any object counts, as its object may be such an instance at run time. The
element type is the join of everything the trace saw go in or come out (the arrays read
at `o.k`, the elements read, stored and pushed, the literal's elements), and must be
numbers or one record shape; holes and out-of-range reads seen by the trace (`undefined`
among the elements) keep the field dynamic, as do arrays of arrays.

Reflection could reach the field as a dynamic value with its own identity (`for..in`,
`{...o}`, `Object.values`, `Reflect`, a computed key that may be a string), so any of
those in the program keeps every field dynamic. What is left of the dynamic view is
printing and `JSON.stringify` of the instance, which read a copy (``TypedArr::snapshot``).
The emitter checks the rest as it goes: a dynamic read of such a name on a value that may
be an instance raises ``FieldEscape`` and ``rustgen.generate`` emits again with that name
dynamic (see ``emit.Emitter.field_array``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from ..typeinfer import NEVER, JsType, element_type, join, value_type
from .arrays import _NUMERIC, _rvalue, fill_parts, is_allocation
from .rtypes import ARR, recarr
from .scopes import Scopes, _parents


class FieldEscape(Exception):
    """The emitter met a use of typed array field ``name`` it can only make dynamic."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


#: globals whose functions see an object's own values with their identity
_REFLECTIVE = ("Reflect", "structuredClone")


@dataclass
class FieldArrays:
    """What ``field_arrays`` found: struct name -> {key: representation} of the typed fields,
    and the bindings (sids) each field name is stored into (`const a = o.k`, a parameter
    given `o.k`): each must be a typed array binding of the same representation (``arrays``
    decides; ``emit.Emitter`` drops the name when it is not)."""

    reps: dict = field(default_factory=dict)
    aliases: list = field(default_factory=list)

    def by_name(self) -> dict[str, str]:
        return {k: r for f in self.reps.values() for k, r in f.items()}


def field_arrays(scopes: Scopes, types: Any, dropped: frozenset = frozenset()) -> FieldArrays:
    """The typed array fields (module docstring); ``dropped``: names found escaping in an
    earlier attempt."""
    p = scopes.program
    parents = _parents(scopes)
    records = [r for r in types.records.values() if r.plan is not None]
    inits: dict[str, list[Any]] = {}  # key -> its initialisers in the constructors
    owners: dict[str, list[Any]] = {}  # key -> the records whose every initialiser allocates
    for rec in records:
        for key in rec.fields:
            values, plan = [], rec.plan
            while plan is not None:
                values += [v for k, v in plan.inits if k == key]
                plan = plan.parent
            if key not in dropped and values and all(v is not None and is_allocation(scopes, v) for v in values):
                owners.setdefault(key, []).append(rec)
                inits.setdefault(key, []).extend(values)
    if not owners or _reflective(scopes, types, parents, {r.shape for rs in owners.values() for r in rs}):
        return FieldArrays()
    init_ids = {id(v) for vs in inits.values() for v in vs}
    elems: dict[str, JsType] = {k: NEVER for k in owners}
    uses: dict[str, list[tuple[Any, Any]]] = {}
    killed: set[str] = set()
    aliases: list[tuple[str, int]] = []
    for node in p.nodes:
        if node.type == "Property" and node.key.type == "Identifier" and node.key.name in owners:
            owner = parents.get(p.sid(node))
            if owner is not None and owner.type == "ObjectPattern":
                killed.add(node.key.name)  # `const {k} = o`: a dynamic read
            continue
        if node.type != "MemberExpression" or node.computed or node.property.type != "Identifier" \
                or node.property.name not in owners:
            continue
        name = node.property.name
        parent = parents.get(p.sid(node))
        if parent is None or getattr(node, "optional", False):
            killed.add(name)
        elif parent.type == "AssignmentExpression" and parent.left is node:
            if parent.operator != "=" or id(parent.right) not in init_ids:
                killed.add(name)
        elif parent.type in ("UpdateExpression", "UnaryExpression") and parent.argument is node:
            killed.add(name)
        elif _printed(scopes, node, parent):
            pass  # (a copy is printed: `emit.Emitter.namespace_call`)
        elif parent.type in ("VariableDeclarator", "AssignmentExpression", "CallExpression") \
                and getattr(parent, "callee", None) is not node:
            target = _alias_target(scopes, node, parent)
            if target is None:
                killed.add(name)
            else:
                aliases.append((name, target))
        else:
            seen = types.expr.get(p.sid(node))
            if seen is not None and seen.kind != "array":
                killed.add(name)
            elif seen is not None and seen.elem is not None:
                elems[name] = join(elems[name], seen.elem)
            uses.setdefault(name, []).append((node, parent))
    for name, vs in inits.items():
        for v in vs:
            if v.type == "ArrayExpression":
                for el in v.elements:
                    elems[name] = join(elems[name], element_type(p, scopes, types, p.sid(el)))
            else:
                x = fill_parts(scopes, v)[1]
                elems[name] = join(elems[name], element_type(p, scopes, types, p.sid(x)))
    reps: dict[str, str] = {}
    for name in owners:
        for node, parent in uses.get(name, []):
            t = _use_elem(scopes, types, parents, node, parent)
            if t is None:
                killed.add(name)
                break
            elems[name] = join(elems[name], t)
        rep = _rep(elems[name], types.records)
        if rep is None or name in killed:
            continue
        if rep != ARR and any(_numeric_only(parents, p, node, parent) for node, parent in uses.get(name, [])):
            continue  # `o.k[i] += x` on an object is not an object any more
        reps[name] = rep
    out = FieldArrays(aliases=[(n, t) for n, t in aliases if n in reps])
    for name, rep in reps.items():
        for rec in owners[name]:
            out.reps.setdefault(rec.name, {})[name] = rep
    return out


#: the console methods that print their arguments (and do nothing else with them)
_PRINTERS = ("log", "info", "debug", "error", "warn")


def _printed(scopes: Scopes, node: Any, parent: Any) -> bool:
    """Is ``node`` an argument of `console.log(..)` (or another printer), without spreads?"""
    callee = parent.callee if parent.type == "CallExpression" else None
    return (callee is not None and node in parent.arguments and callee.type == "MemberExpression"
            and not callee.computed and callee.object.type == "Identifier" and callee.object.name == "console"
            and scopes.binding_of(callee.object) is None and callee.property.name in _PRINTERS
            and all(a.type != "SpreadElement" for a in parent.arguments))


def _alias_target(scopes: Scopes, node: Any, parent: Any) -> Optional[int]:
    """The binding field read ``node`` is stored into: `const a = o.k`, `a = o.k` or
    `f(.., o.k, ..)` (its parameter); None for any other place."""
    if parent.type == "VariableDeclarator" and parent.init is node and parent.id.type == "Identifier":
        b = scopes.binding_of(parent.id)
    elif parent.type == "AssignmentExpression" and parent.right is node and parent.operator == "=" \
            and parent.left.type == "Identifier":
        b = scopes.binding_of(parent.left)
    elif parent.type == "CallExpression" and parent.callee.type == "Identifier" and node in parent.arguments:
        cb = scopes.binding_of(parent.callee)
        f = scopes.fn_of_binding(cb) if cb is not None else None
        i = parent.arguments.index(node)
        b = f.params[i] if f is not None and i < len(f.params) else None
    else:
        return None
    return b.sid if b is not None else None


def _rep(t: JsType, records: dict) -> Optional[str]:
    """The typed array representation for elements of type ``t`` (None: none fits)."""
    if t.kind in _NUMERIC:
        return ARR
    if t.kind == "object" and t.shape in records:
        return recarr(records[t.shape].name)
    return None


def _use_elem(scopes: Scopes, types: Any, parents: dict, node: Any, parent: Any) -> Optional[JsType]:
    """For a read of field ``node`` (whose parent is ``parent``): the type of the elements it
    reads or stores there (NEVER when none), or None when the typed form cannot translate it."""
    p = scopes.program
    if parent.type == "ForOfStatement" and parent.right is node:
        return NEVER
    if parent.type != "MemberExpression" or parent.object is not node or getattr(parent, "optional", False):
        return None
    up = parents.get(p.sid(parent))
    if parent.computed:
        key = value_type(p, scopes, types, p.sid(parent.property)).kind
        # (a call's result is not tagged: the index is guarded, a string side-exits)
        if key not in _NUMERIC and not (key == "never" and parent.property.type == "CallExpression"):
            return None
        if up is not None and up.type == "AssignmentExpression" and up.left is parent:
            if up.operator in ("&&=", "||=", "??="):
                return None
            return element_type(p, scopes, types, p.sid(up.right)) if up.operator == "=" else JsType("f64")
        if up is not None and up.type == "UpdateExpression":
            return JsType("f64")
        if not _rvalue(parent, up, parents, p):
            return None
        return types.expr.get(p.sid(parent), NEVER)
    name = parent.property.name
    if name == "length":
        ok = _rvalue(parent, up, parents, p) and not (up is not None and up.type == "UpdateExpression")
        return NEVER if ok else None
    if up is None or up.type != "CallExpression" or up.callee is not parent:
        return None
    if name == "pop" and not up.arguments:
        return NEVER
    if name == "push" and all(a.type != "SpreadElement" for a in up.arguments):
        t = NEVER
        for a in up.arguments:
            t = join(t, element_type(p, scopes, types, p.sid(a)))
        return t
    return None


def _numeric_only(parents: dict, p: Any, node: Any, parent: Any) -> bool:
    """``o.k[i] op= x`` or ``o.k[i]++``: only an array of numbers translates it."""
    if parent.type != "MemberExpression" or not parent.computed:
        return False
    up = parents.get(p.sid(parent))
    return up is not None and ((up.type == "AssignmentExpression" and up.left is parent and up.operator != "=")
                               or up.type == "UpdateExpression")


def _reflective(scopes: Scopes, types: Any, parents: dict, shapes: set) -> bool:
    """Does the program reach objects' own values in a way that could take a typed field as
    a dynamic value with its identity? (``shapes``: those of the candidate records.)"""
    p = scopes.program
    for node in p.nodes:
        t = node.type
        if t == "ForInStatement":
            return True
        if t == "SpreadElement" and parents.get(p.sid(node)) is not None \
                and parents[p.sid(node)].type == "ObjectExpression":
            return True
        if t == "Identifier" and scopes.binding_of(node) is None:
            if node.name in _REFLECTIVE:
                return True
            if node.name == "Object":
                up = parents.get(p.sid(node))
                if not (up is not None and up.type == "MemberExpression" and up.object is node
                        and not up.computed and up.property.name == "keys"):
                    return True
            if node.name == "JSON":  # a replacer sees (and may keep) the value itself
                up = parents.get(p.sid(node))
                call = parents.get(p.sid(up)) if up is not None else None
                if call is not None and call.type == "CallExpression" and call.callee is up and len(call.arguments) > 1:
                    return True
        if t == "MemberExpression" and node.computed:
            key = value_type(p, scopes, types, p.sid(node.property))
            if key.kind in _NUMERIC or (node.property.type == "Literal" and isinstance(node.property.value, str)
                                        and not node.property.value.isidentifier()):
                continue
            obj = value_type(p, scopes, types, p.sid(node.object))
            parts = obj.members if obj.kind == "union" else {obj}
            if any(m.kind not in ("array", "string", "object", "null", "undefined")
                   or (m.kind == "object" and m.shape in shapes) for m in parts):
                return True
    return False


def guarded_field(scopes: Scopes, sid: int, names: frozenset) -> Optional[str]:
    """The typed array field (of ``names``) a guard at ``sid`` checks an access of: an
    element read or store `o.k[i]` (its index, or a hole or `undefined` it would make or
    read), `o.k.pop()` of an empty array, or a value stored or pushed into one. Why: the
    trace may not have seen the hole a store makes or the `undefined` a read gets; when a
    training input leaves there, the field goes back to a dynamic array."""
    p = scopes.program
    if not (p.base <= sid < p.end):
        return None
    parents = _parents(scopes)
    node = p.node(sid)
    for n in (node, parents.get(sid)):
        if n is None:
            return None
        target = None
        if n.type == "MemberExpression" and n.computed:
            target = n.object
        elif n.type == "CallExpression" and n.callee.type == "MemberExpression" and not n.callee.computed:
            target = n.callee.object
        elif n.type == "AssignmentExpression" and n.left.type == "MemberExpression" and n.left.computed:
            target = n.left.object
        if (target is not None and target.type == "MemberExpression" and not target.computed
                and target.property.type == "Identifier" and target.property.name in names):
            return target.property.name
    return None
