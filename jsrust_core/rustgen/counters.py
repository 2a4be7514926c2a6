"""Which number variables the emitter may store as ``i64``: loop counters and indexes.

Why: a JS number is an ``f64``, and a counter used as an array index then costs a
float-to-integer conversion and an integrality check on every access (``NumArr``'s
``index``), plus float adds. A counter kept as ``i64`` indexes directly and is
converted to ``f64`` only where it meets other numbers (``(i as f64) < n``).

When ``i64`` gives exactly the JS result: a ``let`` or ``const`` binding that

* is local to one function (not captured: a closure would need a cell), not a ``var``
  that may be read unset,
* is only ever changed by ``i++``, ``i--``, ``i += k`` or ``i -= k`` with an integer
  literal ``1 <= k <= 64`` — integer ± small integer is exact in ``f64`` until 2^53,
  which steps of at most 64 cannot reach in any feasible run, and never gives ``-0`` —
  or set (``let i = e``, ``i = e``) to a *small integer* expression: an integer literal
  (|v| < 2^31, not ``-0``), another such binding declared earlier in the function,
  ``e ± k``, or an element of an owned number array (``jsrt::OwnArr``: one name, so
  every store into it is seen) whose every stored value is itself a small integer
  (fannkuch's ``hi = first = work[0]``), or the ``length`` of a typed array binding
  (``const n = bodies.length``: a ``Vec``'s length, below 2^32). A greatest fixpoint over
  bindings and arrays decides; a read that is no element side-exits, as any typed read.

Those rules alone prove every value is an integer (the recorder tags all numbers
alike, so the trace could not); the type table must still say it is a number. Of the
proven ones, the loop counters (set once, then stepped), the values used as an index
(``a[i]``, ``a[i ± k]``) and the bounds a counter is compared with (``j < n``: the emitter
compares two ``i64`` as integers, ``emit.int_compare``) become ``i64``; one only copied
around stays an ``f64``, since converting it each way would cost more than it saves.

Every read is ``(i as f64)``, exact for these values, so the rest of the emitter sees an
ordinary ``f64``; a typed-array index that is such a counter is used as is, and a
counter's start ``j = i + 1`` is computed without a round trip through ``f64``.

The owned arrays the fixpoint keeps (every stored value a small integer) are stored as
``jsrt::OwnArr<i64>``, and a binding set only to their elements (``first = work[0]``,
``const t = work[lo]``) is an ``i64`` too: a permutation kernel then moves, compares and
indexes integers with no float conversion on its critical path (fannkuch(9): 37 -> 26 ms
per run). The same JS behaviour holds: an element read that JS would answer with
``undefined`` side-exits as for any typed array, and no store can put a fraction, ``-0``
or NaN there, since every store is one of the forms proven above.

One store may be observed instead of proven: an index set from a value taken as it comes
(``let r = n`` with ``n`` a parameter, ``i = Number(arg)``) when every value the trace
saw stored into that binding was an int32 integer (``Profile.fractions`` does not name
it). The store then goes through ``jsrt::guard_int``, which side-exits on any other
number (a fraction, ``-0``, NaN, a big one) — an input unlike the trained ones, which the
re-trace records so the rebuilt binding stays an ``f64``. Arithmetic results are never
guarded: a bigger input could carry them past int32 where the ``f64`` is exact.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from .arrays import fill_parts
from .scopes import Binding, Scopes, _parents

#: largest step `i += k` may take (see the module docstring)
MAX_STEP = 64
#: patterns whose Identifiers are assignment targets
_PATTERN_PARENTS = ("ArrayPattern", "ObjectPattern", "AssignmentPattern", "RestElement", "Property")


def _int_literal(node: Any, lo: float, hi: float) -> bool:
    """A numeric literal (or ``-literal``) with an integer value in [lo, hi], not ``-0``."""
    neg = node.type == "UnaryExpression" and node.operator == "-"
    lit = node.argument if neg else node
    if lit.type != "Literal" or isinstance(lit.value, bool) or not isinstance(lit.value, (int, float)):
        return False
    v = -float(lit.value) if neg else float(lit.value)
    return v.is_integer() and lo <= v <= hi and not (neg and v == 0)


@dataclass
class IntPlan:
    """What ``int_plan`` proved: the number bindings stored as ``i64`` and the owned number
    arrays whose elements are all small integers, stored as ``jsrt::OwnArr<i64>``."""

    counters: set[int]
    arrays: set[int]
    #: the values (node sids) stored into an ``i64`` binding behind ``jsrt::guard_int``
    guarded: set[int] = field(default_factory=set)


def int_counters(scopes: Scopes, types: Any, owned: frozenset = frozenset(), typed: frozenset = frozenset()) -> set[int]:
    """Sids of the bindings the emitter stores as ``i64`` (see ``int_plan``)."""
    return int_plan(scopes, types, owned, typed).counters


def int_plan(scopes: Scopes, types: Any, owned: frozenset = frozenset(), typed: frozenset = frozenset(),
             fractions: Optional[set] = None) -> IntPlan:
    """The ``i64`` bindings and integer arrays (see the module docstring);
    ``owned``: the number arrays the emitter holds as ``jsrt::OwnArr`` (one name each, so
    every store into one is a store through that name); ``typed``: every typed array
    binding (whose ``length`` is a ``Vec``'s); ``fractions``: the bindings the trace saw
    set to a number that is no small integer (``Profile.fractions``), or None when no
    store may be guarded (a proof only, as type inference asks)."""
    p = scopes.program
    parents = _parents(scopes)
    refs: dict[int, list[Any]] = {}
    for sid, b in scopes.ref.items():
        if p.base <= sid < p.end and sid != b.sid:
            refs.setdefault(b.sid, []).append(p.node(sid))

    def stores(b: Binding) -> Any:
        """The values ``b`` is set to (its initialiser, ``b = e``), or None when some
        write is of another form than those and ``++``/``--``/``±= k``."""
        decl = parents.get(b.sid)
        if decl is None or decl.type != "VariableDeclarator" or decl.init is None:
            return None
        values = [decl.init]
        for ident in refs.get(b.sid, []):
            parent = parents.get(p.sid(ident))
            if parent is not None and parent.type == "AssignmentExpression" and parent.left is ident \
                    and parent.operator == "=":
                values.append(parent.right)
            elif not _counter_use(ident, parent):
                return None
        return values

    def elements(sid: int) -> Any:
        """The values stored into owned array ``sid`` (elements of the arrays it is set
        to, ``a[i] = e``, ``a.push(e)``), or None for a store of another form."""
        decl = parents[sid]
        values: list[Any] = []

        def allocation(node: Any) -> bool:
            if node.type == "ArrayExpression":
                values.extend(node.elements)
                return True
            parts = fill_parts(scopes, node)
            if parts is not None:
                values.append(parts[1])
            return parts is not None

        if decl.init is None or not allocation(decl.init):
            return None
        for ident in refs.get(sid, []):
            parent = parents.get(p.sid(ident))
            up = parents.get(p.sid(parent)) if parent is not None else None
            if parent is not None and parent.type == "AssignmentExpression" and parent.left is ident:
                if not allocation(parent.right):
                    return None
            elif parent is not None and parent.type == "MemberExpression" and parent.object is ident and up is not None:
                if up.type == "AssignmentExpression" and up.left is parent:
                    if up.operator == "=":
                        values.append(up.right)
                    elif not (up.operator in ("+=", "-=") and _int_literal(up.right, 1, MAX_STEP)):
                        return None
                elif up.type == "CallExpression" and up.callee is parent and parent.property.name == "push":
                    values.extend(up.arguments)
        return values

    numbers = {sid: stores(b) for sid, b in scopes.bindings.items()
               if b.kind in ("let", "const") and not (b.captured or b.maybe_unset or b.is_global)
               and types.binding(sid).kind in ("f64", "int")}
    cands = {sid: vs for sid, vs in numbers.items() if vs is not None}
    arrays = {sid: vs for sid, vs in ((sid, elements(sid)) for sid in owned) if vs is not None}

    def intish(node: Any, owner: Any) -> bool:
        """Is ``node``'s value an integer of small magnitude (given the current sets)?"""
        if _int_literal(node, -2.0 ** 31, 2.0 ** 31 - 1):
            return True
        if node.type == "Identifier":
            src = scopes.binding_of(node)
            # (declared earlier in the same function: never read in its dead zone)
            return (src is not None and src.sid in cands and src.owner == owner
                    and p.site(src.sid).start < p.site(p.sid(node)).start)
        if node.type == "BinaryExpression" and node.operator in ("+", "-"):
            return _int_literal(node.right, 0, MAX_STEP) and intish(node.left, owner)
        if _element_of(node, scopes, arrays):
            return True  # (a read that is no element side-exits)
        return typed_length(scopes, node, typed)

    # the bindings used as an index (`a[i]`, `a[i ± k]`): where an `i64` pays
    indexed: set[int] = set()
    for sid in range(p.base, p.end):
        node = p.node(sid)
        if node.type == "MemberExpression" and node.computed:
            base = counter_base(node.property)
            src = scopes.binding_of(base) if base is not None else None
            if src is not None:
                indexed.add(src.sid)

    def guardable(sid: int, v: Any) -> bool:
        """May ``v``, stored into binding ``sid``, enter an ``i64`` behind a guard? Only
        into an index (where the ``i64`` pays), when every value the trace saw stored
        there was a small integer, and only a value taken as it comes — a parameter, a
        variable, a call's result, a property (``r = n``, ``i = Number(arg)``): arithmetic
        (``h = h * 31 + c``) may leave the int32 range on a bigger input than the trained
        one, where the `f64` it keeps now is exact and a guard would only side-exit."""
        return fractions is not None and sid in indexed and sid not in fractions \
            and v.type in ("Identifier", "CallExpression", "MemberExpression")

    def fits(sid: int, v: Any, binding: bool) -> bool:
        return v is not None and (intish(v, scopes.bindings[sid].owner) or (binding and guardable(sid, v)))

    changed = True
    while changed:  # greatest fixpoint: drop what stores a value not (yet) known to be one
        changed = False
        for table in (cands, arrays):
            for sid in [sid for sid, vs in table.items() if not all(fits(sid, v, table is cands) for v in vs)]:
                del table[sid]
                changed = True
    # a guarded store: the value is only observed to be a small integer, so the binding
    # is an `i64` (it is indexed) whose store checks it (`jsrt::guard_int`)
    guarded = {p.sid(v) for sid, vs in cands.items() for v in vs if not intish(v, scopes.bindings[sid].owner)}
    # Proven integers become `i64` where that pays: loop counters (set once, then stepped)
    # and the values used as indexes. One only copied (`const t = a[i]; a[j] = t`) would
    # pay a conversion each way and save none, so it stays an (exact) `f64`.
    stepped = {sid for sid, vs in cands.items() if len(vs) == 1 and (
        _int_literal(vs[0], -2.0 ** 31, 2.0 ** 31 - 1) or counter_base(vs[0]) is not None)}
    # a copy of an integer array's element (`const t = a[i]`, `first = a[0]`) is an `i64`
    # already: kept so, it is moved and compared with no conversion either way
    copies = {sid for sid, vs in cands.items() if all(_element_of(v, scopes, arrays) for v in vs)}
    counters = set(cands) & (indexed | stepped | copies)
    compared: set[int] = set()  # `j < n`: a bound compared with a counter
    for sid in range(p.base, p.end):
        node = p.node(sid)
        if node.type == "BinaryExpression" and node.operator in _COMPARISONS:
            sides = [counter_base(node.left), counter_base(node.right)]
            srcs = [scopes.binding_of(x) if x is not None else None for x in sides]
            if all(s is not None and s.sid in cands for s in srcs) and any(s.sid in counters for s in srcs):
                compared.update(s.sid for s in srcs)
    return IntPlan(counters | compared, set(arrays), guarded)


def _element_of(node: Any, scopes: Scopes, arrays: dict) -> bool:
    """Is ``node`` ``a[k]`` on one of the integer arrays ``arrays``?"""
    if node.type != "MemberExpression" or not node.computed or node.object.type != "Identifier":
        return False
    src = scopes.binding_of(node.object)
    return src is not None and src.sid in arrays


#: comparison operators (`emit.int_compare` compares two `i64` sides as integers)
_COMPARISONS = ("<", "<=", ">", ">=", "===", "!==", "==", "!=")


def typed_length(scopes: Scopes, node: Any, typed: frozenset) -> bool:
    """Is ``node`` ``a.length`` of a typed array binding (an exact integer below 2^32)?"""
    if node.type != "MemberExpression" or node.computed or node.object.type != "Identifier" \
            or node.property.name != "length" or getattr(node, "optional", False):
        return False
    src = scopes.binding_of(node.object)
    return src is not None and src.sid in typed


def counter_base(node: Any) -> Any:
    """The Identifier of ``i``, ``i + k`` or ``i - k`` (``k`` an integer literal in
    ``[0, MAX_STEP]``), else None: the forms that keep a counter's value a small integer."""
    if node.type == "Identifier":
        return node
    if node.type == "BinaryExpression" and node.operator in ("+", "-") and node.left.type == "Identifier" \
            and _int_literal(node.right, 0, MAX_STEP):
        return node.left
    return None


def _counter_use(ident: Any, parent: Any) -> bool:
    """A read, or a write of the allowed forms."""
    if parent is None:
        return True
    t = parent.type
    if t == "UpdateExpression":
        return True
    if t == "AssignmentExpression" and parent.left is ident:
        return parent.operator in ("+=", "-=") and _int_literal(parent.right, 1, MAX_STEP)
    if t in ("ForInStatement", "ForOfStatement") and parent.left is ident:
        return False
    if t in _PATTERN_PARENTS:
        return False  # a destructuring target (or a shorthand property, kept simple)
    return True
