"""Which position a JS stack frame shows, read off the AST: shared by the interpreter's
stacks (``interp/stack.py``) and the compiled program's site table (``rustgen/stacks.py``),
so both engines print the same frames.

A frame only knows the statement it stopped in, while V8 points at the call in progress;
``call_position`` picks that call from the statement's own calls. An error the engine
raises points at the operation that failed; ``error_position`` finds it from the
statement and the error's message.
"""
from __future__ import annotations

from typing import Any, Iterator, Optional

from .calleetext import callee_text, iterable_text
from .frontend import child_nodes, utf16_column


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


def inferred_names(program: Any) -> dict[int, str]:
    """id(function node) -> the name V8 infers for a stack frame of an anonymous function
    or arrow stored into a member (`exports.main = function (p) {..}` runs as
    `exports.main`): the member as written. Its `.name` stays empty (the language gives
    such a function none); only frame labels use this."""
    out: dict[int, str] = {}
    stack = [program.ast]
    while stack:
        n = stack.pop()
        if n.type == "AssignmentExpression" and n.operator == "=" and n.left.type == "MemberExpression" \
                and _dotted(n.left) and n.right.type in ("FunctionExpression", "ArrowFunctionExpression") \
                and getattr(n.right, "id", None) is None:
            # (V8 leaves out `prototype`: `F.prototype.run = ..` runs as `F.run`)
            out[id(n.right)] = ".".join(p for p in callee_text(n.left, program.source).split(".") if p != "prototype")
        stack.extend(child_nodes(n))
    return out


def _dotted(node: Any) -> bool:
    """``a.b.c`` (names and ``this`` joined by dots: what V8 infers a name from)."""
    while node.type == "MemberExpression":
        if node.computed or getattr(node, "optional", False) or node.property.type != "Identifier":
            return False
        node = node.object
    return node.type in ("Identifier", "ThisExpression")


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
    return line, utf16_column(source, source.rfind("\n", 0, offset) + 1, offset)


#: how an ``error_sites`` entry's text matches an engine error's message
EXACT, PREFIX, SUFFIX = 0, 1, 2


def error_sites(program: Any, sid: int) -> list[tuple[int, str, int, int]]:
    """The operations of statement ``sid`` that can raise an engine error, in source
    order, as (match mode, text, line, 0-based column): the message such an error has
    (``EXACT``), starts with (``PREFIX``) or ends with (``SUFFIX``), and where V8 points
    for it. ``error_position`` takes the first that fits a message; the Rust emitter
    puts the list in the program's site table so the compiled stack does the same.

    Why a list: V8 knows the failing operation, a frame only its statement; the message
    names the key, callee or variable. Where V8 points: the key of a failing read (the
    ``[`` of a computed one), the assignment operator of a failing store or of a write
    to a constant, the callee (`f` of ``f()``, `m` of ``o.m()``, else the ``(``) for a
    call of a non-function, ``new`` for a non-constructor, the variable for a
    ReferenceError, the iterated value of ``for..of`` or an array spread, the call
    spreading a value that is not iterable (where V8's caret, though, is at the value),
    the key of a property a pattern cannot destructure, the operator converting a
    Symbol. An entry whose text an earlier one already has is left out (it can never be
    the first that fits), which keeps the Rust site table small."""
    src = program.source
    root = program.node(sid)
    first = _leftmost(root.test if root.type == "IfStatement" else
                      root.argument if root.type in ("ReturnStatement", "ThrowStatement") else None)
    out = []
    seen = set()
    for node in _own_nodes(root):
        for mode, text, offset in _operations(node, src):
            if (mode, text) in seen:
                continue
            seen.add((mode, text))
            # (V8 puts a variable read first in `return ..`, `throw ..`, `if (..)` at the keyword)
            at = root.range[0] if node is first and node.type == "Identifier" else offset
            out.append((mode, text, *_offset_position(src, at)))
    return out


def _leftmost(node: Any) -> Any:
    """The expression ``node`` evaluates first (its leftmost operand, object or callee)."""
    while node is not None:
        t = node.type
        if t in ("BinaryExpression", "LogicalExpression"):
            node = node.left
        elif t == "MemberExpression":
            node = node.object
        elif t == "CallExpression":
            node = node.callee
        elif t == "ConditionalExpression":
            node = node.test
        elif t == "SequenceExpression":
            node = node.expressions[0]
        else:
            return node
    return None


def error_position(program: Any, sid: int, message: str) -> Optional[tuple[int, int]]:
    """(line, 0-based column) V8 shows for an engine error with ``message`` raised in
    statement ``sid`` (the caret and the innermost frame); None when no operation of
    the statement fits (see ``error_sites``)."""
    for mode, text, line, col in error_sites(program, sid):
        if (message == text if mode == EXACT else message.startswith(text) if mode == PREFIX
                else message.endswith(text)):
            return line, col
    return None


def _own_nodes(root: Any) -> Iterator[Any]:
    """The nodes statement ``root`` evaluates itself, in source order: not nested
    statements (their own frames' lines), functions and classes, nor the names of
    properties (`x` of ``o.x`` or ``{x: 1}``, which are not variables)."""
    stack = [root]
    while stack:
        n = stack.pop()
        yield n
        skip = n.property if n.type == "MemberExpression" and not n.computed else \
            n.key if n.type == "Property" and not n.computed else None
        stack.extend(reversed([c for c in child_nodes(n) if c is not skip and c.type not in _OWN_FRAMES
                               and not c.type.endswith("Statement")]))


def _operations(node: Any, src: str) -> Iterator[tuple[int, str, int]]:
    """(mode, text, source offset) of each engine error ``node`` itself can raise."""
    t = node.type
    if t == "MemberExpression" and node.property.type == "PrivateIdentifier":
        yield EXACT, f"Cannot read private member #{node.property.name} from an object whose class did not " \
            "declare it", node.property.range[0]
    if t == "MemberExpression":
        key = _literal_key(node)
        yield ((SUFFIX, f"(reading '{key}')", _key_offset(node, src)) if key is not None
               else (PREFIX, "Cannot read properties of ", _key_offset(node, src)))
    elif t == "AssignmentExpression" and node.left.type == "MemberExpression":
        key = _literal_key(node.left)
        op = _after(src, node.left.range[1])
        yield (SUFFIX, f"(setting '{key}')", op) if key is not None else (PREFIX, "Cannot set properties of ", op)
        yield (PREFIX, f"Cannot assign to read only property '{key}' " if key is not None else
               "Cannot assign to read only property ", op)
        yield (EXACT, f"Cannot add property {key}, object is not extensible", op) if key is not None else \
            (SUFFIX, ", object is not extensible", op)
        if node.left.property.type == "PrivateIdentifier":
            yield EXACT, f"Cannot write private member #{node.left.property.name} to an object whose class did " \
                "not declare it", op
    elif t == "AssignmentExpression" and node.left.type == "Identifier":
        yield EXACT, "Assignment to constant variable.", _after(src, node.left.range[1])
    elif t == "UpdateExpression" and node.argument.type == "Identifier":
        yield EXACT, "Assignment to constant variable.", \
            node.range[0] if node.prefix else _after(src, node.argument.range[1])
    elif t == "CallExpression":
        c = node.callee
        at = c.range[0] if c.type == "Identifier" else c.property.range[0] \
            if c.type == "MemberExpression" and not c.computed else src.find("(", c.range[1])
        yield EXACT, f"{callee_text(c, src)} is not a function", at
        if any(a.type == "SpreadElement" for a in node.arguments):
            call = c.property.range[0] if c.type == "MemberExpression" and not c.computed else c.range[0]
            yield PREFIX, "Spread syntax requires ", call
            yield SUFFIX, "(cannot read property null)", call
            yield SUFFIX, "(cannot read property undefined)", call
    elif t == "NewExpression":
        yield EXACT, f"{callee_text(node.callee, src)} is not a constructor", node.range[0]
    elif t == "Identifier":
        yield EXACT, f"{node.name} is not defined", node.range[0]
        yield EXACT, f"Cannot access '{node.name}' before initialization", node.range[0]
    elif t == "BinaryExpression" and node.operator in _SYMBOL_CONVERSIONS:
        yield EXACT, f"Cannot convert a Symbol value to {_SYMBOL_CONVERSIONS[node.operator]}", \
            _after(src, node.left.range[1])
    elif t == "ObjectPattern":
        for p in node.properties:
            if p.type == "Property" and not p.computed and p.key.type == "Identifier":
                yield PREFIX, f"Cannot destructure property '{p.key.name}' of ", p.key.range[0]
                yield SUFFIX, f"(reading '{p.key.name}')", p.key.range[0]
    elif t in ("VariableDeclarator", "AssignmentExpression") and \
            (node.id if t == "VariableDeclarator" else node.left).type == "ArrayPattern":
        value = node.init if t == "VariableDeclarator" else node.right
        if value is not None:
            yield SUFFIX, " is not iterable", _value_offset(value, src)
            yield SUFFIX, " is not iterable (cannot read property Symbol(Symbol.iterator))", _value_offset(value, src)
    elif t == "ForOfStatement":
        yield _not_iterable(node.right, src)
    elif t == "ArrayExpression":
        for e in node.elements:
            if e is not None and e.type == "SpreadElement":
                yield _not_iterable(e.argument, src)


#: binary operators and what they convert a Symbol operand to (a TypeError)
_SYMBOL_CONVERSIONS = {"+": "a string", **{op: "a number" for op in ("-", "*", "/", "%", "**", "<", ">", "<=", ">=")}}


def _literal_key(member: Any) -> Optional[str]:
    """The key a member expression names in V8's messages when it is fixed (None: computed)."""
    p = member.property
    if not member.computed:
        return p.name if p.type == "Identifier" else None
    return p.value if p.type == "Literal" and isinstance(p.value, str) else None


def _key_offset(member: Any, src: str) -> int:
    """Where V8 puts an access: the key's name (the ``.`` after a call: ``f().k``), or
    the ``[`` of a computed key."""
    if member.computed:
        return src.find("[", member.object.range[1])
    if member.object.type == "CallExpression":
        return src.find(".", member.object.range[1])
    return member.property.range[0]


def _after(src: str, offset: int) -> int:
    """The first non-blank offset from ``offset`` on (an operator's position)."""
    while offset < len(src) and src[offset] in " \t\r\n)":
        offset += 1
    return offset


def _not_iterable(value: Any, src: str) -> tuple[int, str, int]:
    """A `for..of` or array spread of ``value``: the message it gets when that is not
    iterable (any `.. is not iterable` when V8 describes the value) and where V8 points."""
    text = iterable_text(value, src)
    return (EXACT, f"{text} is not iterable", _value_offset(value, src)) if text else \
        (SUFFIX, " is not iterable", _value_offset(value, src))


def _value_offset(node: Any, src: str) -> int:
    """Where V8 puts an expression's value: a member's key (the ``[`` of a computed one),
    a sequence's last value, a binary operator, a call's callee."""
    t = node.type
    if t == "MemberExpression":
        return _key_offset(node, src)
    if t == "SequenceExpression":
        return _value_offset(node.expressions[-1], src)
    if t == "BinaryExpression":
        return _after(src, node.left.range[1])
    if t == "CallExpression":
        return _value_offset(node.callee, src)
    return node.range[0]
