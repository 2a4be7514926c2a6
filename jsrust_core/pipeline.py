"""The whole pipeline in one place, as the public API of the core.

source → ``frontend.parse`` → ``interp.Realm`` + ``recorder.TreeRecorder`` →
``TraceForest`` → ``typeinfer.infer`` → ``rustgen.generate`` → ``build.build`` →
binary → results. The CLI, the kernel and the widgets all call this module, so
whatever a notebook shows can be reproduced from a shell and in tests.

Each stage is timed (numba's pass timing idea) and a failure names its stage.
"""
from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

from .errors import Interrupted, JsrustError, JSSyntaxError, Unsupported
from .frontend import Program, ProgramSet, parse
from .linker import link
from .values import UNDEFINED

#: the exit status of a compiled binary that left its trace tree (a side exit)
SIDE_EXIT_STATUS = 86
#: how many times ``compile`` re-traces and rebuilds after a side exit on a training input
MAX_REGROW_ROUNDS = 4

Write = Callable[[str], None]


@dataclass
class JsErrorInfo:
    """An error as a kernel or CLI shows it: JS-style name/message plus where."""

    ename: str
    evalue: str
    traceback: list[str]
    filename: str = ""
    line: int = 0
    column: int = 0


@dataclass
class ExecResult:
    value: Any = UNDEFINED
    display: Optional[str] = None
    error: Optional[JsErrorInfo] = None
    forest: Any = None
    seconds: float = 0.0


@dataclass
class StageTimes:
    """Seconds spent per pipeline stage, in order."""

    stages: dict[str, float] = field(default_factory=dict)

    def timed(self, name: str, fn: Callable[[], Any]) -> Any:
        t0 = time.perf_counter()
        try:
            return fn()
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - t0


@dataclass
class TraceRun:
    """What tracing a program produced: the forest, its profile and what the program printed."""

    program: Program
    forest: Any
    stdout: str
    stderr: str
    status: int
    seconds: float
    #: the other files the runs required, by absolute path (see ``linker``)
    modules: dict = field(default_factory=dict)


@dataclass
class CompileResult:
    program: Program
    forest: Any
    types: Any
    rust: Any  # rustgen.RustUnit
    binary: Path
    compile_seconds: float
    cached: bool
    rounds: int
    times: StageTimes


@dataclass
class RustCellReport:
    """One notebook cell compiled and run three ways (what ``%%rust`` shows).

    ``timings``: one-shot runs per engine (``bench.Timing``: a whole process for node
    and rust, one in-process run for the tracer); ``steady``: seconds per run of the
    program body in a warm process; ``outputs``: what each engine printed."""

    compile: CompileResult
    source: str
    outputs: dict[str, str]
    equal: bool
    timings: dict[str, Any]
    steady: dict[str, float]
    #: what node and the binary wrote on stderr (uncaught errors, side-exit reports)
    stderr: dict[str, str] = field(default_factory=dict)

    @property
    def ratios(self) -> dict[str, float]:
        """node time / engine time, one-shot and steady (> 1: faster than node)."""
        out: dict[str, float] = {}
        node = self.timings.get("node")
        for engine, t in self.timings.items():
            if engine != "node" and node is not None and t.wall > 0:
                out[f"one-shot node/{engine}"] = node.wall / t.wall
        if self.steady.get("rust", 0) > 0 and self.steady.get("node", 0) > 0:
            out["steady node/rust"] = self.steady["node"] / self.steady["rust"]
        return out


def cell_program(source: str, entry: Optional[str] = None, train: Any = ()) -> str:
    """The whole program a ``%%rust`` cell stands for: the cell, then (with ``entry``)
    one ``console.log(entry(...args))`` per training argument list, so tracing sees
    every training input and every engine prints the same results."""
    if entry is None:
        return source
    calls = [f"console.log({entry}({', '.join(json.dumps(a) for a in args)}));" for args in (train or [[]])]
    return source.rstrip("\n") + "\n" + "\n".join(calls) + "\n"


def _thrown_name_message(value: Any) -> tuple[str, str]:
    """``(name, message)`` of a thrown error object (read along its prototype chain,
    without running getters); ``("Uncaught", inspected value)`` for anything else,
    as Node's REPL prints ``Uncaught 42``."""
    from .inspect import inspect
    from .values import JSError, JSObject, from_js_string

    if isinstance(value, JSError):
        found: dict[str, str] = {}
        obj: Optional[JSObject] = value
        while obj is not None and len(found) < 2:
            for key in ("name", "message"):
                if key not in found and type(obj.props.get(key)) is str:
                    found[key] = from_js_string(obj.props[key])
            obj = obj.proto
        return found.get("name", "Error"), found.get("message", "")
    return "Uncaught", from_js_string(inspect(value))


def _error_info(exc: BaseException, program: Optional[Program] = None) -> JsErrorInfo:
    """Turn any failure of user code into what a user should read (never a Python traceback)."""
    from .interp import JSThrow, format_uncaught

    if isinstance(exc, JSThrow):
        from .interp.stack import throw_position

        text = format_uncaught(exc, program)
        lines = text.rstrip("\n").split("\n")
        if lines[-1].startswith("Node.js "):  # the process trailer means nothing in a REPL
            lines = lines[:-2] if len(lines) > 1 and not lines[-2] else lines[:-1]
        ename, evalue = _thrown_name_message(exc.value)
        where = throw_position(exc)
        if where is None:
            return JsErrorInfo(ename, evalue, lines)
        prog, line, col = where
        return JsErrorInfo(ename, evalue, lines, prog.filename, line, col + 1)  # 1-based, as Node prints
    if isinstance(exc, JSSyntaxError):
        return JsErrorInfo("SyntaxError", exc.message, [str(exc)], exc.filename, exc.line, exc.column)
    if isinstance(exc, Unsupported):
        return JsErrorInfo("Unsupported", f"{exc.feature} at {exc.filename}:{exc.line}:{exc.column}", [str(exc)],
                           exc.filename, exc.line, exc.column)
    if isinstance(exc, Interrupted):
        return JsErrorInfo("Interrupted", "execution interrupted by the user", ["Interrupted"])
    if isinstance(exc, JsrustError):
        return JsErrorInfo(type(exc).__name__, str(exc), [str(exc)])
    return JsErrorInfo("InternalError", f"{type(exc).__name__}: {exc}", [f"jsrust internal error: {type(exc).__name__}: {exc}"])


class Session:
    """One persistent realm (REPL-style: cells share top-level bindings) plus the last trace.

    Each cell is parsed with its own site-id range so functions keep their identity
    across cells; ``programs`` answers site questions for any of them.
    """

    def __init__(self, *, linear: bool = False, stdout: Optional[Write] = None, stderr: Optional[Write] = None) -> None:
        from .interp import Realm

        self.linear = linear
        self._out: Write = stdout or sys.stdout.write
        self._err: Write = stderr or sys.stderr.write
        self.realm = Realm(stdout=lambda s: self._out(s), stderr=lambda s: self._err(s))
        self.programs = ProgramSet()
        self.cells: list[str] = []
        self.last_forest: Any = None
        #: the forest ``last_forest`` replaced, or its state before ``extend`` grew it (for diffs)
        self.previous_forest: Any = None
        self.last_types: Any = None
        self.last_compile: Optional[CompileResult] = None

    def set_streams(self, stdout: Write, stderr: Write) -> None:
        """Redirect console output (the kernel points these at its iopub streams)."""
        self._out, self._err = stdout, stderr

    def parse(self, source: str, filename: str = "<cell>") -> Program:
        program = parse(source, filename, sid_base=max(self.programs.end, getattr(self.realm, "next_sid", 0)))
        self.programs.add(program)
        if hasattr(self.realm, "next_sid"):
            self.realm.next_sid = program.end
        return program

    def execute(self, source: str, *, filename: str = "<cell>", trace: bool = False, extend: bool = False) -> ExecResult:
        """Run one cell; never raises for anything user code does. With ``extend`` a traced
        run grows the last forest (more training for the same trees, as repeated runs of
        a tracing JIT do) instead of starting a new one; ``previous_forest`` keeps a
        copy of what it was, so the growth can be shown as a diff."""
        from .inspect import inspect

        t0 = time.perf_counter()
        self.cells.append(source)
        program: Optional[Program] = None
        try:
            program = self.parse(source, filename)
            recorder = None
            before = self.last_forest
            if trace:
                from .recorder import TreeRecorder
                from .tracetree import TraceForest

                if extend and self.last_forest is not None:
                    before = TraceForest.from_json(self.last_forest.to_json())
                    recorder = TreeRecorder(self.programs, linear=self.linear, forest=self.last_forest)
                else:
                    recorder = TreeRecorder(self.programs, linear=self.linear)
            value = self.realm.run_program(program, recorder=recorder)
            forest = recorder.forest() if recorder is not None else None
            if forest is not None:
                self.previous_forest, self.last_forest = before, forest
            display = None if value is UNDEFINED else inspect(value)
            return ExecResult(value, display, None, forest, time.perf_counter() - t0)
        except KeyboardInterrupt:
            return ExecResult(error=_error_info(Interrupted()), seconds=time.perf_counter() - t0)
        except Exception as exc:  # the boundary: user code must never take the host down
            return ExecResult(error=_error_info(exc, program), seconds=time.perf_counter() - t0)

    def rust_cell(self, source: str, *, filename: str = "<cell>", entry: Optional[str] = None, train: Any = (),
                  opt: int = 1, linear: bool = False, progress: Optional[Callable[[str], None]] = None,
                  runs: int = 3) -> RustCellReport:
        """Compile a self-contained cell (it does not see earlier cells' bindings: the
        binary is a whole program) and run it under the tracer, node and the binary.

        The cell is written as ``cell.js`` in a directory named by a hash of its text,
        so every engine runs the same file and an unchanged cell (whose generated Rust
        names that path) hits the build cache; ``filename`` only names it in progress
        messages."""
        import hashlib

        from .bench import Timing, interp_seconds, measure, node_steady_state, rust_steady_state

        say = progress or (lambda message: None)
        text = cell_program(source, entry, train)
        workdir = Path(tempfile.gettempdir()) / "jsrust-cells" / hashlib.sha256(text.encode()).hexdigest()[:16]
        workdir.mkdir(parents=True, exist_ok=True)
        path = workdir / "cell.js"
        path.write_text(text)
        say(f"tracing and compiling {filename}")
        compiled = compile_file(str(path), opt=opt, linear=linear, progress=progress)
        self.last_compile = compiled
        say(f"running node ×{runs}")
        node_t, node_res = measure(["node", str(path)], runs)
        say(f"running the binary ×{runs}")
        rust_t, rust_res = measure([str(compiled.binary)], runs)
        say("running the tracer")
        tracer_s, tracer_out = interp_seconds(str(path), trace=True)
        say("steady state: node and the binary, warm")
        steady = {"node": node_steady_state(str(path), [], warm=2, reps=5),
                  "rust": rust_steady_state(str(compiled.binary), [], reps=5)}
        outputs = {"tracer": tracer_out, "node": node_res.stdout.decode("utf-8", "replace"),
                   "rust": rust_res.stdout.decode("utf-8", "replace")}
        equal = len(set(outputs.values())) == 1 and node_res.status == rust_res.status
        timings = {"tracer": Timing(walls=[tracer_s]), "node": node_t, "rust": rust_t}
        stderr = {"node": node_res.stderr.decode("utf-8", "replace"), "rust": rust_res.stderr.decode("utf-8", "replace")}
        return RustCellReport(compiled, path.read_text(), outputs, equal, timings, steady, stderr)

    def interrupt(self) -> None:
        """Ask the running program to stop (safe from a signal handler)."""
        self.realm.request_interrupt()

    def types(self) -> Any:
        """Infer types for the last traced run (cached)."""
        if self.last_forest is None:
            return None
        from .typeinfer import infer

        self.last_types = infer(self.programs, self.last_forest.profile, self.last_forest)
        self.last_types.lowering_note = "cells are traced, not compiled (a %%rust cell shows the Rust it generates)"
        return self.last_types


# ---------------------------------------------------------------------------
# whole programs (files): what `jsrust run|trace|compile` do


def run_file(path: str, argv: Optional[list[str]] = None) -> int:
    """Run a file as ``node FILE.js`` would; returns the exit status."""
    from .interp import Realm

    realm = Realm(argv=list(argv or []))  # Realm.argv holds the user arguments only
    return realm.run_main(path)


def trace_file(path: str, *, argv_runs: Optional[list[list[str]]] = None, linear: bool = False,
               forest: Any = None, echo: bool = False) -> TraceRun:
    """Run a file under the recorder once per training argv (default: one run, no
    arguments), extending the same forest; output is captured unless ``echo``."""
    from .interp import Realm
    from .recorder import TreeRecorder

    source = Path(path).read_text()
    program = parse(source, os.path.abspath(path))
    runs = argv_runs or [[]]
    out, err = io.StringIO(), io.StringIO()
    recorder = TreeRecorder(program, linear=linear, forest=forest) if forest is not None else TreeRecorder(program, linear=linear)
    status = 0
    t0 = time.perf_counter()
    modules: dict[str, Program] = {}
    for argv in runs:
        realm = Realm(stdout=(sys.stdout.write if echo else out.write), stderr=(sys.stderr.write if echo else err.write),
                      argv=list(argv))  # the realm adds "node" and the script path itself
        status = realm.run_main(path, recorder=recorder)
        recorder.end_run(threw=status != 0)  # each run enters the program tree afresh
        _collect_modules(realm, program, modules)
    return TraceRun(program, recorder.forest(), out.getvalue(), err.getvalue(), status, time.perf_counter() - t0,
                    modules)


def _collect_modules(realm: Any, main: Program, modules: dict[str, Program]) -> None:
    """Add the files `realm` loaded besides the main one.  Each run parses them afresh, numbered
    in the order it loaded them; runs that loaded them in different orders numbered their sites
    differently, and one profile cannot describe both."""
    from .errors import Unsupported

    for program in realm.loaded_programs():
        if program.filename == main.filename:
            continue
        seen = modules.setdefault(program.filename, program)
        if seen.base != program.base:
            raise Unsupported("training runs that load the program's modules in different orders",
                              program.filename, 1, 1)


def compile_file(path: str, *, out: Optional[str] = None, opt: int = 1, linear: bool = False,
                 train: Optional[list[list[str]]] = None, progress: Optional[Callable[[str], None]] = None,
                 static: bool = False) -> CompileResult:
    """Trace → infer → generate → build; then run the binary on each training input
    and, on a side exit, re-trace with that input and rebuild (bounded rounds).

    ``static=True`` links glibc statically: no dynamic loader and only the libc pages in use,
    so ~0.3 ms faster start and ~0.9 MiB less resident memory (2.6 → 1.7 MiB for a hello
    world, measured here).  It is not the default because it changes the math: a static link
    takes glibc's libm (`cbrt`, ...) where a dynamic one resolves those to the Rust runtime's
    own port of FreeBSD's libm, which V8's ieee754 functions also derive from:
    `Math.cbrt(27)` is 3 in Node and dynamically, 3.0000000000000004 statically."""
    from .build import build
    from .rustgen import generate
    from .typeinfer import infer

    times = StageTimes()
    runs = train or [[]]
    forest = None
    rounds = 0
    dropped: set[str] = set()  # typed array fields a training input side-exited in (`rustgen.fieldarrs`)
    while True:
        rounds += 1
        traced = times.timed("trace", lambda: trace_file(path, argv_runs=runs, linear=linear, forest=forest))
        forest = traced.forest
        program = link(traced.program, traced.modules)
        types = times.timed("types", lambda: infer(program, forest.profile, forest))
        unit = times.timed("rustgen", lambda: generate(program, forest.profile, types, linear=linear,
                                                       recursive_fns=None if linear else forest.recursive_functions(),
                                                       dropped_fields=frozenset(dropped)))
        lower_types(types, unit)
        built = times.timed("rustc", lambda: build(unit, opt=opt, static=static, progress=progress))
        reports = [(argv, _side_exit_report(built.binary, argv)) for argv in runs]
        exits = [(argv, report) for argv, report in reports if report is not None]
        # a stop at a feature the runtime lacks is no untraced path: regrowing cannot help
        guards = [argv for argv, report in exits if _UNSUPPORTED_STOP not in report]
        if progress:
            for argv, report in exits:
                if _UNSUPPORTED_STOP in report:
                    progress(f"training input {argv!r} stops at a feature the runtime lacks: {report.strip()}")
        if not guards or rounds >= MAX_REGROW_ROUNDS:
            break
        dropped.update(unit.field_guards[g] for _, report in exits if (g := _exit_guard(report)) in unit.field_guards)
        if progress:
            progress(f"side exit on training input {guards[0]!r}: growing the tree (round {rounds + 1})")
    binary = Path(built.binary)
    if out:
        import shutil

        shutil.copyfile(binary, out)
        os.chmod(out, 0o755)
        binary = Path(out)
    return CompileResult(traced.program, forest, types, unit, binary, built.seconds, built.cached, rounds, times)


def lower_types(types: Any, unit: Any) -> None:
    """Record in the type table how the emitter held each binding and function in
    ``unit`` (``RustUnit``), so type views show the generated Rust (a ``NumArr``, an
    ``i64`` counter, a cell) instead of what the type alone would suggest."""
    types.lowered = dict(unit.binding_types)
    types.fn_lowered = dict(unit.fn_types)
    types.lowering_note = ""


def types_file(path: str, *, argv_runs: Optional[list[list[str]]] = None) -> Any:
    """Trace → infer → generate (no rustc) for ``jsrust types``: the table with the Rust
    each binding got; if the emitter refuses the program, the table says why and its
    Rust column falls back to what the types imply."""
    from .errors import Unsupported
    from .rustgen import generate
    from .typeinfer import infer

    traced = trace_file(path, argv_runs=argv_runs, linear=False)
    program = link(traced.program, traced.modules)
    table = infer(program, traced.forest.profile, traced.forest)
    try:
        unit = generate(program, traced.forest.profile, table,
                        recursive_fns=traced.forest.recursive_functions())
    except Unsupported as exc:
        table.lowering_note = f"not compiled ({exc})"
    else:
        lower_types(table, unit)
    return table


#: how the runtime's report of an unsupported feature starts (``jsrt::exit::unsupported``)
_UNSUPPORTED_STOP = "jsrust: side exit: Unsupported:"


def _exit_guard(report: str) -> Optional[int]:
    """The guard number of a side-exit report (``jsrt::exit::side_exit``), if it names one."""
    m = re.match(r"jsrust: side exit at guard (\d+) ", report)
    return int(m.group(1)) if m else None


def _side_exit_report(binary: Path, argv: list[str]) -> Optional[str]:
    """The side-exit report on stderr if the binary side-exits on ``argv``, else None."""
    proc = subprocess.run([str(binary), *argv], capture_output=True, timeout=120)
    if proc.returncode != SIDE_EXIT_STATUS:
        return None
    return next((line for line in proc.stderr.decode(errors="replace").splitlines()
                 if line.startswith("jsrust: side exit")), "jsrust: side exit")


def forest_json(forest: Any) -> str:
    return json.dumps(forest.to_json(), indent=1)


def temp_binary_path(stem: str = "jsrust") -> str:
    fd, path = tempfile.mkstemp(prefix=stem + "-")
    os.close(fd)
    return path
