"""Frontend: JavaScript source -> ESTree AST (esprima-fork) plus a site table.

Every AST node gets a *site id* (``sid``), an int assigned in pre-order. Site ids
are the one identity that every later stage shares: the recorder reports events by
site id, trace-tree nodes carry them, type tables are keyed by them and the Rust
emitter looks them up. They live in the ``Program`` side table, not on the AST.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, Iterator

import esprima

from .errors import JSSyntaxError


@dataclass
class Site:
    """Where a site is: its node type and 1-based line / 0-based column, as esprima gives."""

    sid: int
    type: str
    line: int
    col: int
    end_line: int
    end_col: int
    start: int
    end: int


@dataclass
class Program:
    """A parsed program: the AST, its source and the site table."""

    source: str
    filename: str
    ast: Any
    #: first site id of this program; a Session gives each cell a disjoint range so a
    #: function defined in one cell keeps its identity when called from another
    base: int = 0
    nodes: list = field(default_factory=list)  # sid -> esprima node
    sites: list = field(default_factory=list)  # sid -> Site
    _sid_by_id: dict = field(default_factory=dict)
    #: id(function node) -> where a method's text starts (its key, `get`, `async`, `*`): V8's
    #: `m.toString()` is `m() {..}`, while the function node itself starts at `(`
    _method_start: dict = field(default_factory=dict)

    def sid(self, node: Any) -> int:
        """The site id of an AST node of this program."""
        return self._sid_by_id[id(node)]

    def site(self, sid: int) -> Site:
        return self.sites[sid - self.base]

    def node(self, sid: int) -> Any:
        return self.nodes[sid - self.base]

    def owns(self, sid: int) -> bool:
        return self.base <= sid < self.base + len(self.nodes)

    def text(self, sid: int) -> str:
        """The source text of site ``sid``'s node (a function's, for ``f.toString()``)."""
        node = self.node(sid)
        start, end = node.range
        return self.source[self._method_start.get(id(node), start):end]

    @property
    def end(self) -> int:
        """One past the last site id of this program."""
        return self.base + len(self.nodes)

    def where(self, sid: int) -> str:
        """``file:line:col`` (1-based column, as Node prints stack frames)."""
        s = self.site(sid)
        return f"{self.filename}:{s.line}:{s.col + 1}"

    def line_text(self, line: int) -> str:
        lines = self.source.splitlines()
        return lines[line - 1] if 0 < line <= len(lines) else ""


def child_nodes(node: Any) -> Iterator[Any]:
    """The direct AST children of an esprima node, in source order."""
    for key, value in vars(node).items():
        if key in ("loc", "range", "type", "leadingComments", "trailingComments"):
            continue
        if isinstance(value, list):
            for item in value:
                if getattr(item, "type", None) is not None:
                    yield item
        elif getattr(value, "type", None) is not None and not isinstance(value, (str, int, float)):
            # (TemplateElement.value is an esprima Object that answers None for .type)
            yield value


#: the node types that make a function
FUNCTION_TYPES = ("FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression")


def array_prototype_call(node: Any) -> str | None:
    """``NAME`` when ``node`` is ``Array.prototype.NAME.call(x, ..)`` or ``.apply(x, ..)``:
    a generic array method run on ``x``, typically an array-like object (``arguments``)."""
    if node.type != "CallExpression" or not node.arguments or node.arguments[0].type == "SpreadElement":
        return None
    callee = node.callee
    if callee.type != "MemberExpression" or callee.computed or callee.property.name not in ("call", "apply"):
        return None
    method = callee.object
    if method.type != "MemberExpression" or method.computed:
        return None
    proto = method.object
    if (proto.type == "MemberExpression" and not proto.computed and proto.property.name == "prototype"
            and proto.object.type == "Identifier" and proto.object.name == "Array"):
        return method.property.name
    return None


def has_use_strict(body: list) -> bool:
    """Whether a directive prologue (the leading string-literal statements) says "use strict"."""
    for st in body:
        if st.type == "ExpressionStatement" and st.expression.type == "Literal" and \
                isinstance(st.expression.value, str):
            if st.expression.value == "use strict":
                return True
            continue
        break
    return False


def strict_functions(ast: Any) -> set:
    """Function nodes whose code is strict mode: under a "use strict" directive (of
    the program or an enclosing function) or inside a class body."""
    out: set = set()
    stack = [(ast, has_use_strict(ast.body))]
    while stack:
        node, strict = stack.pop()
        t = getattr(node, "type", None)
        if t in FUNCTION_TYPES:
            body = node.body
            strict = strict or (body.type == "BlockStatement" and has_use_strict(body.body))
            if strict:
                out.add(id(node))
        elif t in ("ClassDeclaration", "ClassExpression"):
            strict = True
        for v in vars(node).values():
            if isinstance(v, list):
                stack.extend((x, strict) for x in v if getattr(x, "type", None) is not None)
            elif getattr(v, "type", None) is not None and not isinstance(v, (str, int, float)):
                stack.append((v, strict))
    return out


def _utf16_to_index(source: str):
    """A function taking esprima's range offsets, which count UTF-16 code units, to
    indices into ``source`` (a Python str counts an astral character once, UTF-16
    twice); None when the two agree (no astral character). Ranges slice the source
    (``f.toString()``, callee texts), so they must be string indices; line/column
    positions stay in UTF-16 units, as V8 reports them."""
    if source.isascii():
        return None
    astral = [i for i, ch in enumerate(source) if ord(ch) > 0xFFFF]
    if not astral:
        return None
    # the UTF-16 offset of the k-th astral character is its index plus k
    starts = [i + k for k, i in enumerate(astral)]

    def to_index(unit: int) -> int:
        return unit - bisect.bisect_left(starts, unit)

    return to_index


def utf16_column(source: str, line_start: int, index: int) -> int:
    """The UTF-16 column of string index ``index`` on the line starting at ``line_start``."""
    return index - line_start + sum(1 for ch in source[line_start:index] if ord(ch) > 0xFFFF)


def parse(source: str, filename: str = "<input>", *, sid_base: int = 0) -> Program:
    """Parse a script (or CommonJS module body) and number its nodes from ``sid_base``.

    Raises ``JSSyntaxError`` carrying file, line and column on bad input.
    """
    try:
        ast = esprima.parseScript(source, {"loc": True, "range": True, "tolerant": False})
    except esprima.Error as exc:  # esprima.error_handler.Error
        msg = str(getattr(exc, "description", None) or exc.message)
        if msg.startswith("Line "):
            msg = msg.split(": ", 1)[-1]
        raise JSSyntaxError(msg, filename, getattr(exc, "lineNumber", 0) or 0, getattr(exc, "column", 0) or 0) from None
    except RecursionError:
        raise JSSyntaxError("program nested too deeply to parse", filename, 1, 1) from None
    program = Program(source=source, filename=filename, ast=ast, base=sid_base)
    to_index = _utf16_to_index(source)
    converted: set = set()  # (a node reached twice keeps its converted range)
    stack = [ast]
    while stack:
        node = stack.pop()
        sid = sid_base + len(program.nodes)
        program._sid_by_id[id(node)] = sid
        program.nodes.append(node)
        loc = node.loc
        if to_index is not None and node.range and id(node) not in converted:
            converted.add(id(node))
            node.range = [to_index(node.range[0]), to_index(node.range[1])]
        rng = node.range or (0, 0)
        program.sites.append(
            Site(sid, node.type, loc.start.line, loc.start.column, loc.end.line, loc.end.column, rng[0], rng[1])
        )
        if node.type == "Property" and (node.method or node.kind in ("get", "set")):
            program._method_start[id(node.value)] = rng[0]
        elif node.type == "MethodDefinition" and node.kind != "constructor":
            start = rng[0]
            if node.static:  # (V8 leaves the keyword out: `static m() {}` reads `m() {}`)
                start += len("static")
                while source[start].isspace():
                    start += 1
            program._method_start[id(node.value)] = start
        stack.extend(reversed(list(child_nodes(node))))
    return program


class ProgramSet:
    """Several programs with disjoint site ranges (REPL cells, required modules),
    answering the same site questions as one ``Program``."""

    def __init__(self, programs: list[Program] | None = None) -> None:
        self.programs: list[Program] = list(programs or [])

    def add(self, program: Program) -> None:
        self.programs.append(program)

    @property
    def end(self) -> int:
        return max((p.end for p in self.programs), default=0)

    def program_of(self, sid: int) -> Program:
        for p in self.programs:
            if p.owns(sid):
                return p
        raise KeyError(f"no program holds site {sid}")

    def site(self, sid: int) -> Site:
        return self.program_of(sid).site(sid)

    def node(self, sid: int) -> Any:
        return self.program_of(sid).node(sid)

    def text(self, sid: int) -> str:
        return self.program_of(sid).text(sid)

    def where(self, sid: int) -> str:
        return self.program_of(sid).where(sid)
