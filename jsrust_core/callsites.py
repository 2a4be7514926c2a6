"""Which position a JS stack frame shows, read off the AST: shared by the interpreter's
stacks (``interp/stack.py``) and the compiled program's site table (``rustgen/stacks.py``),
so both engines print the same frames.

A frame only knows the statement it stopped in, while V8 points at the call in progress;
``call_position`` picks that call from the statement's own calls.
"""
from __future__ import annotations

from typing import Any

from .frontend import child_nodes


def call_position(program: Any, sid: int, callee_name: str = "") -> tuple[int, int]:
    """(line, 0-based column) V8 shows for a frame stopped in the statement ``sid``.

    A frame only knows its statement, while V8 points at the call in progress: ``new``
    for ``new C()``, the callee's name for ``f()``, the property for ``o.m()``, the
    ``(`` for ``o[k]()``. When the statement holds exactly one call that call is the
    one in progress; with several, the one naming ``callee_name`` (the function of the
    frame inside) if only one does, else the statement's own position."""
    calls = calls_in(program.node(sid))
    if len(calls) > 1 and callee_name:
        calls = [c for c in calls if named_callee(c) == callee_name]
    if len(calls) != 1:
        site = program.site(sid)
        return site.line, site.col
    call = calls[0]
    callee = getattr(call, "callee", None)
    if call.type == "CallExpression" and callee is not None:
        if callee.type == "Identifier":
            target = callee
        elif callee.type == "MemberExpression" and not callee.computed:
            target = callee.property
        elif callee.type == "MemberExpression":
            return _offset_position(program.source, program.source.find("(", callee.range[1]))
        else:
            target = call
    else:
        target = call
    site = program.site(program.sid(target))
    return site.line, site.col


def named_callee(call: Any) -> str:
    c = call.callee
    if c.type == "Identifier":
        return c.name
    if c.type == "MemberExpression" and not c.computed:
        return c.property.name
    return ""


def calls_in(node: Any) -> list[Any]:
    """The call and ``new`` expressions a statement evaluates itself (not those inside
    nested functions or classes, which run in frames of their own)."""
    out = []
    stack = [node]
    while stack:
        n = stack.pop()
        t = n.type
        if t in ("CallExpression", "NewExpression"):
            out.append(n)
        elif n is not node and t in _OWN_FRAMES:
            continue
        stack.extend(child_nodes(n))
    return out


_OWN_FRAMES = ("FunctionExpression", "ArrowFunctionExpression", "FunctionDeclaration", "ClassDeclaration",
               "ClassExpression")


def _offset_position(source: str, offset: int) -> tuple[int, int]:
    line = source.count("\n", 0, offset) + 1
    return line, offset - (source.rfind("\n", 0, offset) + 1)
