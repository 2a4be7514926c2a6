"""Which functions need no frame count: number-only leaves.

Why: every generated body starts with ``jsrt::enter()`` (a thread-local depth counter,
so runaway recursion throws Node's ``RangeError`` instead of overflowing the Rust
stack). In a small helper called from a hot loop (spectral's ``entry(i, j)``) that
thread-local increment and decrement cost more than the arithmetic, and the frame's
drop keeps LLVM from inlining the call at the default opt level.

A function can skip the count when it can never be part of a recursion: its body runs
no JS code but its own. That holds when the body is made only of statements and
expressions that cannot call (no call, ``new``, tagged template, property access —
a getter is a call — nor nested function), and every value it computes is a number or
a boolean (an operator on an object would call its ``valueOf``/``toString``): each
variable it reads is typed as one, and its operators keep them so. The type table supplies
the variables' types, which every run of the compiled code keeps (a stored value
of another type side-exits where it is stored).
"""
from __future__ import annotations

from typing import Any

from ..frontend import child_nodes
from ..typeinfer import value_type
from .scopes import FnInfo, Scopes

#: statement forms that run nothing but their parts
_STATEMENTS = ("BlockStatement", "ExpressionStatement", "ReturnStatement", "IfStatement", "ForStatement",
               "WhileStatement", "DoWhileStatement", "EmptyStatement", "VariableDeclaration", "VariableDeclarator")
#: expression forms that, on numbers and booleans, call nothing
_EXPRESSIONS = ("BinaryExpression", "LogicalExpression", "ConditionalExpression", "UnaryExpression",
                "UpdateExpression", "AssignmentExpression", "SequenceExpression")
#: value kinds whose operators never run user code
_SCALARS = ("f64", "int", "bool")


def frameless(scopes: Scopes, types: Any, f: FnInfo) -> bool:
    """May ``f``'s body skip ``jsrt::enter()``? (see the module docstring)"""
    if not f.simple_params or f.uses_arguments or f.uses_this or getattr(f.node, "generator", False) \
            or getattr(f.node, "async", False):
        return False
    return all(runs_nothing(scopes, types, prm) for prm in f.node.params) and runs_nothing(scopes, types, f.node.body)


def runs_nothing(scopes: Scopes, types: Any, node: Any) -> bool:
    """Does evaluating ``node`` run no JS code but its own, so that it can neither call nor
    throw? (numbers and booleans only, see the module docstring; stack tracking also uses
    it: such a statement need not announce itself)"""
    p = scopes.program

    def ok(node: Any) -> bool:
        t = node.type
        if t == "Identifier":
            return value_type(p, scopes, types, p.sid(node)).kind in _SCALARS
        if t == "Literal":
            return isinstance(node.value, (bool, int, float))
        if t in _EXPRESSIONS:
            # on numbers and booleans every one of these gives a number or a boolean again
            if getattr(node, "operator", None) in ("delete", "typeof", "in", "instanceof"):
                return False
            if t == "AssignmentExpression" and node.left.type != "Identifier":
                return False
            target = node.left if t == "AssignmentExpression" else node.argument if t == "UpdateExpression" else None
            if target is not None and target.type == "Identifier":
                b = scopes.binding_of(target)
                if b is not None and b.kind == "const":
                    return False  # (a TypeError)
            return all(ok(c) for c in child_nodes(node))
        if t in ("BreakStatement", "ContinueStatement"):
            return True  # (its label is no variable)
        if t == "LabeledStatement":
            return ok(node.body)
        if t in _STATEMENTS:
            if t == "VariableDeclarator" and node.id.type != "Identifier":
                return False
            return all(ok(c) for c in child_nodes(node))
        return False

    return ok(node)
