"""CommonJS linking for compilation: the main file and every file it requires, as one program.

Node runs each file of a CommonJS program inside a function of five parameters
(``exports, require, module, __filename, __dirname``).  The linker builds exactly that, as an
AST the type inference and the emitter take like any program's: a synthetic top level that
declares one function per JavaScript file (``__jsrust_module_<k>``, whose body is that file's
own statements, still numbered by the file's own site ids) and ends in a call that hands those
functions to the runtime's module cache (``jsrt::modules::run``; see ``runtime/modules.rs``).
The main file is module 0.

Every ``require("literal")`` is resolved here, when the program is compiled, as Node resolves
it (``interp.modules.resolve``); the runtime keeps only what Node does at run time: caching,
cycles, reloading after a failed load.  The files the traced runs loaded keep the ``Program``
objects (and so the site ids) the recorder saw; a file no run loaded is parsed here, after
them, and its code side-exits like any code the traces never reached.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Optional

from .errors import Unsupported
from .frontend import Program, ProgramSet, Site, parse
from .interp.modules import is_node_builtin, resolve
from .interp.scope import MODULE_PARAMS

#: the call that ends the linked top level: its arguments are the module functions, in order
ENTRY = "__jsrust_modules"
#: the module functions' names: this prefix and the file's index
MODULE_FUNCTION = "__jsrust_module_"


@dataclass
class ModuleUnit:
    """One file of a linked program."""

    index: int
    filename: str
    program: Optional[Program]            # None for a .json module
    json_text: Optional[str] = None
    #: every literal `require` argument in the file -> the unit it resolves to, None: not found
    specs: dict[str, Optional[int]] = field(default_factory=dict)
    #: the synthetic function holding the file's body (JavaScript modules)
    function: Any = None


class _Node:
    """A synthetic ESTree node: the attributes esprima's nodes have, in the same order."""

    def __init__(self, type: str, line: int, **fields: Any) -> None:
        self.type = type
        for k, v in fields.items():
            setattr(self, k, v)
        self.loc = _Loc(line)
        self.range = (0, 0)


class _Pos:
    def __init__(self, line: int) -> None:
        self.line, self.column = line, 0


class _Loc:
    def __init__(self, line: int) -> None:
        self.start = self.end = _Pos(line)


class LinkedProgram:
    """The main program and its modules, answering the site questions a ``Program`` answers."""

    linked = True

    def __init__(self, main: Program, units: list[ModuleUnit]) -> None:
        self.main = main
        self.units = units
        self.files = [u.program for u in units if u.program is not None]
        self._set = ProgramSet(self.files)   # (the files' own sites; synthetic ones are kept here)
        self.source = main.source
        self.filename = main.filename
        self.base = 0
        self._synthetic: dict[int, tuple[Any, Site, str]] = {}   # sid -> (node, site, file)
        self._sid_of: dict[int, int] = {}                          # id(synthetic node) -> sid
        #: the sids of every module function's five parameters (typed `dyn`: see ``typeinfer``)
        self.wrapper_params: list[int] = []
        self._next = max(p.end for p in self.files)
        body = []
        for unit in units:
            if unit.program is None:
                continue
            unit.function = self._module_function(unit)
            body.append(unit.function)
        call = self._new("CallExpression", main.filename, callee=self._ident(ENTRY, main.filename),
                         arguments=[self._ident(u.function.id.name, main.filename) for u in units if u.function],
                         optional=False)
        body.append(self._new("ExpressionStatement", main.filename, expression=call))
        self.ast = self._new("Program", main.filename, body=body, sourceType="script")
        self.nodes = [n for p in self.files for n in p.nodes if n is not p.ast]
        self.nodes += [node for node, _, _ in self._synthetic.values()]

    # -- synthetic nodes ------------------------------------------------------------------
    def _new(self, type: str, filename: str, *, sid: Optional[int] = None, line: int = 1, **fields: Any) -> _Node:
        node = _Node(type, line, **fields)
        if sid is None:
            sid, self._next = self._next, self._next + 1
        self._sid_of[id(node)] = sid
        self._synthetic[sid] = (node, Site(sid, type, line, 0, line, 0, 0, 0), filename)
        return node

    def _ident(self, name: str, filename: str) -> _Node:
        return self._new("Identifier", filename, name=name)

    def _module_function(self, unit: ModuleUnit) -> _Node:
        """`function __jsrust_module_<k>(exports, require, module, __filename, __dirname) {
        <the file's statements> }`, numbered as the file's own root: the recorder counted the
        runs of the file's top level under that site."""
        prog = unit.program
        f = unit.filename
        params = [self._ident(name, f) for name in MODULE_PARAMS]
        self.wrapper_params.extend(self.sid(p) for p in params)
        block = self._new("BlockStatement", f, body=list(prog.ast.body))
        return self._new("FunctionDeclaration", f, sid=prog.base, id=self._ident(f"{MODULE_FUNCTION}{unit.index}", f),
                         params=params, body=block, generator=False, expression=False, **{"async": False})

    # -- the Program interface --------------------------------------------------------------
    @property
    def end(self) -> int:
        return self._next

    def owns(self, sid: int) -> bool:
        return 0 <= sid < self._next

    def sid(self, node: Any) -> int:
        sid = self._sid_of.get(id(node))
        if sid is not None:
            return sid
        for p in self.files:
            sid = p._sid_by_id.get(id(node))
            if sid is not None:
                return sid
        raise KeyError(f"a node of no linked program: {getattr(node, 'type', node)!r}")

    def site(self, sid: int) -> Site:
        hit = self._synthetic.get(sid)
        return hit[1] if hit is not None else self._set.site(sid)

    def node(self, sid: int) -> Any:
        hit = self._synthetic.get(sid)
        return hit[0] if hit is not None else self._set.node(sid)

    def text(self, sid: int) -> str:
        """A site's source text (``Program.text``); a synthetic node (a module's wrapper
        function, which no program can reach) has none."""
        return "" if sid in self._synthetic else self._set.text(sid)

    def file_of(self, sid: int) -> str:
        hit = self._synthetic.get(sid)
        return hit[2] if hit is not None else self._set.program_of(sid).filename

    def where(self, sid: int) -> str:
        s = self.site(sid)
        return f"{self.file_of(sid)}:{s.line}:{s.col + 1}"

    def line_text(self, line: int) -> str:
        return self.main.line_text(line)


def _free_module_names(program: Program) -> bool:
    """Whether the file refers to a wrapper parameter (`require`, `module`, ...) by name: then
    it needs Node's wrapper even if it requires nothing.  Property names (`o.module`,
    `{ exports: 1 }`) are no references."""
    names = set()
    for n in program.nodes:
        if n.type == "MemberExpression" and not n.computed:
            names.add(id(n.property))
        elif n.type in ("Property", "MethodDefinition", "PropertyDefinition") and not n.computed \
                and not getattr(n, "shorthand", False):
            names.add(id(n.key))
    return any(n.type == "Identifier" and n.name in MODULE_PARAMS and id(n) not in names for n in program.nodes)


def literal_requires(program: Program) -> list[str]:
    """The specifiers of `require("...")` calls with one string literal, in source order."""
    specs = []
    for n in program.nodes:
        if (n.type == "CallExpression" and n.callee.type == "Identifier" and n.callee.name == "require"
                and len(n.arguments) == 1 and n.arguments[0].type == "Literal"
                and isinstance(n.arguments[0].value, str)):
            specs.append(n.arguments[0].value)
    return specs


def link(main: Program, loaded: dict[str, Program]) -> Program | LinkedProgram:
    """The program to compile: ``main`` itself when it is no CommonJS program (it requires
    nothing and names no wrapper parameter), else the linked program of ``main`` and every file
    reachable through literal requires.  ``loaded``: the Programs the traced runs loaded, by path."""
    if not loaded and not _free_module_names(main):
        return main
    units = [ModuleUnit(0, main.filename, main)]
    by_path = {main.filename: 0}
    next_base = max([main.end, *(p.end for p in loaded.values())])
    i = 0
    while i < len(units):
        unit = units[i]
        i += 1
        if unit.program is None:
            continue
        for spec in literal_requires(unit.program):
            if spec in unit.specs or is_node_builtin(spec):  # (left out: the binary stops by name there)
                continue
            path = resolve(spec, os.path.dirname(unit.filename))
            if path is None:
                unit.specs[spec] = None
                continue
            path = os.path.abspath(path)
            if path not in by_path:
                by_path[path] = len(units)
                units.append(_load(len(units), path, loaded, next_base))
                if units[-1].program is not None and units[-1].program.end > next_base:
                    next_base = units[-1].program.end
            unit.specs[spec] = by_path[path]
    return LinkedProgram(main, units)


def _load(index: int, path: str, loaded: dict[str, Program], next_base: int) -> ModuleUnit:
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except OSError as exc:
        raise Unsupported(f"a required file that cannot be read ({exc.strerror})", path, 1, 1) from exc
    if path.endswith(".json"):
        return ModuleUnit(index, path, None, json_text=text)
    program = loaded.get(path)
    if program is None:
        if text.startswith("#!"):
            text = "//" + text[2:]
        program = parse(text, path, sid_base=next_base)
    return ModuleUnit(index, path, program)
