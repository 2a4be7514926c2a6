"""A program compiled for one realm: its scope analysis, its function templates and
its plain (always) and traced (on first traced run) code units.

Code units are registered by their Python code filename so a Python traceback or
frame can be mapped back to a JS site (``unit_for_code``), which is how stack traces
and uncaught-error reports find JS lines.
"""
from __future__ import annotations

from typing import Any, Optional

from ..frontend import Program
from .compiler import CodeUnit, FunctionTemplate, compile_program
from .functions import UserFunction
from .scope import analyze

#: code filename -> CodeUnit, for every unit compiled in this process
_UNITS: dict[str, CodeUnit] = {}
#: code filename -> the Program it was compiled from
_PROGRAMS: dict[str, Program] = {}


def unit_for_code(filename: str) -> Optional[tuple[CodeUnit, Program]]:
    u = _UNITS.get(filename)
    if u is None:
        return None
    return u, _PROGRAMS[filename]


class CompiledProgram:
    def __init__(self, realm: Any, program: Program, repl: bool) -> None:
        self.realm = realm
        self.program = program
        self.repl = repl
        self.analysis = analyze(program, repl=repl)
        self.templates: dict[int, FunctionTemplate] = {}
        self.plain = self._compile(False)
        self.traced: Optional[CodeUnit] = None
        for t in self.templates.values():
            t.code = t.plain

    def _compile(self, traced: bool) -> CodeUnit:
        ns = dict(self.realm.ns_base)
        unit = compile_program(self.program, self.analysis, self.templates, traced=traced, repl=self.repl,
                               global_slot=self._global_slot, namespace=ns)
        _UNITS[unit.filename] = unit
        _PROGRAMS[unit.filename] = self.program
        return unit

    def _global_slot(self, name: str) -> int:
        return self.realm.global_slot(name)

    def ensure_traced(self) -> None:
        if self.traced is None:
            self.traced = self._compile(True)

    def set_mode(self, traced: bool) -> None:
        for t in self.templates.values():
            t.code = t.traced if traced else t.plain

    def main_template(self) -> FunctionTemplate:
        return self.templates[self.program.base]

    def run_script(self) -> Any:
        """Run as a REPL cell: ``this`` is the global object; returns the completion value."""
        realm = self.realm
        for name, b in self.analysis.scopes[id(self.program.ast)].bindings.items():
            if b.kind == "const":
                realm.gconst.add(name)
            else:
                realm.gconst.discard(name)
        t = self.main_template()
        f = UserFunction(realm, t, realm.genv)
        return t.code(f, realm.global_obj, [])

    def run_module(self, this: Any, args: list) -> Any:
        """Run as a CommonJS module body with the wrapper's five arguments."""
        t = self.main_template()
        f = UserFunction(self.realm, t, None)
        return t.code(f, this, args)
