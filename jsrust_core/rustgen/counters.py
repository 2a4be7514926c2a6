"""Which number variables the emitter may store as ``i64``: loop counters.

Why: a JS number is an ``f64``, and a counter used as an array index then costs a
float-to-integer conversion and an integrality check on every access (``NumArr``'s
``index``), plus float adds. A counter kept as ``i64`` indexes directly and is
converted to ``f64`` only where it meets other numbers (``(i as f64) < n``).

When ``i64`` gives exactly the JS result: a ``let`` binding that

* starts at an integer literal (|v| < 2^31, not ``-0``), or at another such counter,
  optionally ``± k`` (``for (let j = i + 1; ..)``): then it starts as small as that
  counter, and its integer start is computed without a round trip through ``f64``,
* is only ever changed by ``i++``, ``i--``, ``i += k`` or ``i -= k`` with an integer
  literal ``1 <= k <= 64`` — integer ± small integer is exact in ``f64`` until 2^53,
  which steps of at most 64 cannot reach in any feasible run, and never gives ``-0``,
* is local to one function (not captured: a closure would need a cell), not a ``var``
  that may be read unset.

Those rules alone prove every value is an integer (the recorder tags all numbers
alike, so the trace could not); the type table must still say it is a number.

Every read is ``(i as f64)``, exact for these values, so the rest of the emitter sees an
ordinary ``f64``; a typed-array index that is such a counter is used as is.
"""
from __future__ import annotations

from typing import Any

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


def int_counters(scopes: Scopes, types: Any) -> set[int]:
    """Sids of the bindings the emitter stores as ``i64`` (see the module docstring)."""
    p = scopes.program
    parents = _parents(scopes)
    refs: dict[int, list[Any]] = {}
    for sid, b in scopes.ref.items():
        if p.base <= sid < p.end and sid != b.sid:
            refs.setdefault(b.sid, []).append(p.node(sid))

    def shaped(b: Binding) -> bool:
        """Local, number-typed, and only ever written in the allowed ways."""
        if b.kind != "let" or b.captured or b.maybe_unset or b.is_global or types.binding(b.sid).kind not in ("f64", "int"):
            return False
        decl = parents.get(b.sid)
        if decl is None or decl.type != "VariableDeclarator" or decl.init is None:
            return False
        return all(_counter_use(ident, parents.get(p.sid(ident))) for ident in refs.get(b.sid, []))

    def start(b: Binding) -> Any:
        """The counter ``b`` starts from (``i`` in ``let j = i + 1``), None for a literal
        start, ``False`` for any other initialiser."""
        init = parents[b.sid].init
        if _int_literal(init, -2.0 ** 31, 2.0 ** 31 - 1):
            return None
        base = counter_base(init)
        src = scopes.binding_of(base) if base is not None else None
        if src is None or src.owner != b.owner or p.site(src.sid).start > p.site(b.sid).start:
            return False  # (a counter declared later would be read in its dead zone)
        return src.sid

    cands = {sid: start(b) for sid, b in scopes.bindings.items() if shaped(b)}
    cands = {sid: src for sid, src in cands.items() if src is not False}
    changed = True
    while changed:  # a counter may only start from another counter
        dropped = {sid for sid, src in cands.items() if src is not None and src not in cands}
        changed = bool(dropped)
        for sid in dropped:
            del cands[sid]
    return set(cands)


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
