"""The source text V8 quotes for a callee in ``TypeError: x is not a function`` (and for the
value an object pattern cannot destructure), shared by the interpreter and the Rust emitter
so both word these errors as Node does.

V8 prints the expression back from the syntax tree rather than quoting the file: a member
chain with a string key as ``.key`` (``o['a'].b`` is ``o.a.b``), any other key in brackets
with an operator expression in parentheses (``o[(k + 1)]``), literals as written (strings
in double quotes), a call as ``f(...)``, operators in parentheses (``(a || b)``, ``(!a)``,
``(typeof a)``, ``(i++)``), an assignment as its target, arithmetic on number literals as
the number V8's parser folds it into, and anything else as ``(intermediate value)``.
"""
from __future__ import annotations

import math
from typing import Any, Optional

from .numconv import number_to_string, to_int32, to_uint32


def callee_text(node: Any, source: str) -> str:
    """``node`` (an ESTree expression of the program whose text is ``source``) as V8 quotes it."""
    t = node.type
    if t == "Identifier":
        return node.name
    if t == "ChainExpression":
        return callee_text(node.expression, source)
    if t == "MemberExpression":
        obj = callee_text(node.object, source)
        dot = "?." if getattr(node, "optional", False) else "."
        prop = node.property
        if not node.computed:
            return obj + dot + prop.name
        if prop.type == "Literal" and isinstance(prop.value, str):
            return obj + dot + prop.value
        if prop.type == "TemplateLiteral" and not prop.expressions:
            return obj + dot + prop.quasis[0].value.cooked
        return f"{obj}{'?.' if dot == '?.' else ''}[{_key_text(prop, source)}]"
    if t == "ThisExpression":
        return "this"
    if t == "CallExpression":
        return callee_text(node.callee, source) + "(...)"
    if t == "Literal":
        return _literal_text(node, source)
    if t == "TemplateLiteral" and not node.expressions:
        return f'"{node.quasis[0].value.cooked}"'
    folded = _folded_number(node)
    if folded is not None:  # (V8's parser folds `-1`, `~1`, `1 + 2` into one literal)
        return number_to_string(folded)
    if t == "UnaryExpression":
        if node.operator == "!" and node.argument.type == "Literal" and getattr(node.argument, "regex", None) is None:
            return "false" if node.argument.value else "true"  # (folded too)
        space = " " if node.operator in ("typeof", "void", "delete") else ""
        return f"({node.operator}{space}{callee_text(node.argument, source)})"
    if t in ("BinaryExpression", "LogicalExpression"):
        # V8 keeps a left-nested chain of one arithmetic or logical operator as one
        # n-ary operation, `(a + b + c)`; a comparison is always binary
        operands = [node.right]
        left = node.left
        while (node.operator not in _COMPARISONS and left.type == t and left.operator == node.operator
               and _folded_number(left) is None):
            operands.append(left.right)
            left = left.left
        operands.append(left)
        return "(" + f" {node.operator} ".join(callee_text(x, source) for x in reversed(operands)) + ")"
    if t == "UpdateExpression":
        arg = callee_text(node.argument, source)
        return f"({node.operator}{arg})" if node.prefix else f"({arg}{node.operator})"
    if t == "AssignmentExpression":
        return callee_text(node.left, source)  # (V8 names the target, `=` or compound)
    if t == "ConditionalExpression":
        return "(intermediate value)" * 3  # (one for each of its three parts)
    if t == "ArrayExpression":
        return "[" + ",".join("" if e is None else callee_text(e, source) for e in node.elements) + "]"
    if t == "ObjectExpression":
        return "{" + ("(intermediate value)" if node.properties else "") + "}"
    if t == "SequenceExpression":
        return "(" + " , ".join(callee_text(e, source) for e in node.expressions) + ")"
    return "(intermediate value)"  # (V8 quotes `super.m` as `(intermediate value).m` too)


#: iterated expressions V8 quotes in `X is not iterable` (others: the value is described)
_QUOTED_ITERABLES = ("Identifier", "MemberExpression", "ThisExpression", "Literal", "ObjectExpression",
                     "SequenceExpression")


def iterable_text(node: Any, source: str) -> str:
    """How V8 names the value of a `for..of` or spread (``node``) that is not iterable, in
    `X is not iterable`: the expression as quoted in callee errors (`o.a`, `this`, `{}`),
    a call as its callee (`f is not a function or its return value is not iterable`);
    ``""`` where V8 describes the value instead (`3 is not iterable` for `1 + 2`)."""
    if node.type == "CallExpression":
        return callee_text(node.callee, source) + " is not a function or its return value"
    if node.type in _QUOTED_ITERABLES:
        return callee_text(node, source)
    return ""


def pattern_source(node: Any, source: str) -> tuple[str, Optional[str]]:
    """How V8 names the value a declaration's pattern destructures (``node``, its
    initialiser) when it is null or not iterable: an object pattern quotes the expression
    (`'o.p'`, `'null'`); an array pattern quotes a name or literal (`n is not iterable`,
    `null is not iterable`) and otherwise describes the value (None: `object null is not
    iterable (cannot read property Symbol(Symbol.iterator))`)."""
    text = callee_text(node, source)
    plain = node.type in ("Identifier", "Literal", "ArrayExpression", "ObjectExpression")
    return text, text if plain else None


def _key_text(node: Any, source: str) -> str:
    """A computed key inside the quoted callee, printed as any other expression
    (an operator expression comes in parentheses, `o[(k + 1)]`)."""
    return callee_text(node, source)


#: the binary operators V8 parses as comparisons (never chained into an n-ary operation)
_COMPARISONS = ("==", "!=", "===", "!==", "<", ">", "<=", ">=", "instanceof", "in")

#: arithmetic V8's parser computes when both operands are number literals
_FOLDED = {
    "+": lambda x, y: x + y, "-": lambda x, y: x - y, "*": lambda x, y: x * y,
    "/": lambda x, y: x / y if y else (math.nan if x == 0 or x != x else math.copysign(math.inf, x) * math.copysign(1, y)),
    "|": lambda x, y: float(to_int32(x) | to_int32(y)), "&": lambda x, y: float(to_int32(x) & to_int32(y)),
    "^": lambda x, y: float(to_int32(x) ^ to_int32(y)),
    "<<": lambda x, y: float(to_int32(to_int32(x) << (to_uint32(y) & 31))),
    ">>": lambda x, y: float(to_int32(x) >> (to_uint32(y) & 31)),
    ">>>": lambda x, y: float(to_uint32(x) >> (to_uint32(y) & 31)),
}


def _folded_number(node: Any) -> Optional[float]:
    """The number V8's parser makes of ``node`` when it is a number literal, or a unary
    `-`, `+`, `~` of one, or arithmetic on two of them; None otherwise."""
    t = node.type
    if t == "Literal":
        v = node.value
        if isinstance(v, (int, float)) and not isinstance(v, bool) and getattr(node, "regex", None) is None:
            return float(v)
        return None
    if t == "UnaryExpression" and node.operator in ("-", "+", "~"):
        v = _folded_number(node.argument)
        if v is None:
            return None
        return -v if node.operator == "-" else v if node.operator == "+" else float(~to_int32(v))
    if t == "BinaryExpression" and node.operator in _FOLDED:
        x, y = _folded_number(node.left), _folded_number(node.right)
        if x is None or y is None:
            return None
        return _FOLDED[node.operator](x, y)
    return None


def _literal_text(node: Any, source: str) -> str:
    """A literal as V8 prints it: strings in double quotes, numbers in JS's own format."""
    v = node.value
    if getattr(node, "regex", None) is not None:
        return source[node.range[0]:node.range[1]]
    if isinstance(v, str):
        return f'"{v}"'
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    return number_to_string(float(v))
