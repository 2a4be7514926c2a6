"""What each magic does. Each function turns a core result into displays; the work
itself (tracing, inference, compiling, timing) happens in ``jsrust_core``.

Every command has the signature ``run(bench, out, args, body, filename) -> str | None``:
``bench`` is the ``Workbench`` (its ``session``), ``out`` the cell's ``CellOutput``;
the return value, if any, is shown as the cell's result like a REPL value.
"""
from __future__ import annotations

import json
import math
import os
import selectors
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from . import magic_research
from .magics import MagicArgumentParser, MagicError, MagicRegistry


def _need_forest(bench: Any) -> Any:
    forest = bench.session.last_forest
    if forest is None:
        raise MagicError("nothing traced yet: run a cell with %%trace (or %trace EXPR) first", "NoTrace")
    return forest


def _check_error(result: Any) -> None:
    if result.error is not None:
        err = result.error
        raise MagicError(f"{err.evalue}", err.ename)


# -- %lsmagic --------------------------------------------------------------------
def lsmagic(bench: Any, out: Any, args: Any, body: str | None, filename: str) -> None:
    out.stdout(bench.magics.listing() + "\n")


# -- %reset ----------------------------------------------------------------------
def reset(bench: Any, out: Any, args: Any, body: str | None, filename: str) -> None:
    bench.reset()
    out.stdout("fresh JavaScript realm: all bindings, traces and compiled code forgotten\n")


# -- %load FILE.js ---------------------------------------------------------------
def load(bench: Any, out: Any, args: Any, body: str | None, filename: str) -> str | None:
    """Like the Node REPL's ``.load``: run the file's code in this session."""
    path = Path(args.file).expanduser()
    try:
        source = path.read_text()
    except OSError as exc:
        raise MagicError(f"%load: cannot read {args.file}: {exc.strerror}", "FileNotFoundError") from None
    result = bench.execute(source, str(path))
    _check_error(result)
    return result.display


# -- %%trace / %trace EXPR -------------------------------------------------------
def trace(bench: Any, out: Any, args: Any, body: str | None, filename: str) -> str | None:
    source = body if body is not None else " ".join(args.expr)
    if not source.strip():
        raise MagicError("%trace needs an expression (or use %%trace as a cell magic)")
    session = bench.session
    default_mode, session.linear = session.linear, args.linear
    try:
        result = bench.execute(source, filename, trace=True, extend=args.extend)
    finally:
        session.linear = default_mode
    _check_error(result)
    if result.forest is not None:
        _show_tree(out, bench, result.forest, None)
    return result.display


def tree(bench: Any, out: Any, args: Any, body: str | None, filename: str) -> None:
    _show_tree(out, bench, _need_forest(bench), args.name)


# -- %treediff -------------------------------------------------------------------
def treediff(bench: Any, out: Any, args: Any, body: str | None, filename: str) -> None:
    from jsrust_widgets import TreeDiff

    after = _need_forest(bench)
    before = bench.session.previous_forest
    if before is None:
        raise MagicError("only one trace so far: trace again (%trace --extend EXPR grows the same trees) "
                         "and %treediff shows what changed", "NoTrace")
    out.widget(TreeDiff(before, after, bench.session.programs, titles=("before", "after")))


def _show_tree(out: Any, bench: Any, forest: Any, name: str | None) -> None:
    from jsrust_widgets import TreeView, tree_data

    data = tree_data(forest, bench.session.programs)
    anchor = data.anchor_for(name) if name else None
    if name and anchor is None:
        raise MagicError(f"no trace tree anchored at {name!r}; anchors: {', '.join(data.anchors) or 'none'}", "NameError")
    out.widget(TreeView(data, anchor=anchor))


# -- %types [NAME] ---------------------------------------------------------------
def types(bench: Any, out: Any, args: Any, body: str | None, filename: str) -> None:
    from jsrust_widgets import TypesTable

    _need_forest(bench)
    table = bench.session.types()
    view = TypesTable(table, bench.session.programs, args.name)
    if args.name and not view.rows:
        raise MagicError(f"no inferred types for {args.name!r}", "NameError")
    out.widget(view)


# -- %recursion [NAME] -----------------------------------------------------------
def recursion(bench: Any, out: Any, args: Any, body: str | None, filename: str) -> None:
    from jsrust_widgets import recursion_report

    forest = _need_forest(bench)
    report = recursion_report(forest, bench.session.programs, args.name)
    out.display(report)


# -- %%rust / %rust NAME ---------------------------------------------------------
def rust_cell(bench: Any, out: Any, args: Any, body: str | None, filename: str) -> None:
    """Compile the cell, run it under the tracer, Node and the binary, show all three.

    The cell must be self-contained: the binary is a whole program, so it cannot see
    bindings made by earlier cells (``Session.rust_cell``)."""
    from jsrust_widgets import RustView, TimingChart, timing_groups, timing_table_html, timing_text

    session = bench.session
    try:
        train = [json.loads(t) for t in args.train]
    except json.JSONDecodeError as exc:
        raise MagicError(f"--train takes a JSON array of arguments: {exc}") from None
    if any(not isinstance(t, list) for t in train):
        raise MagicError("--train takes a JSON array of arguments, e.g. --train '[10, \"x\"]'")
    if train and not args.entry:
        raise MagicError("--train needs --entry NAME: the function the training arguments are passed to")
    progress_id = out.new_display_id()
    t0 = time.perf_counter()
    out.display({"text/plain": "compiling: tracing…"}, display_id=progress_id)

    def progress(message: str) -> None:
        out.display({"text/plain": f"compiling ({time.perf_counter() - t0:.1f} s): {message}"},
                    display_id=progress_id, update=True)

    try:
        report = session.rust_cell(body or "", filename=filename, entry=args.entry, train=train, opt=args.opt,
                                   linear=args.linear, progress=progress)
    except Exception as exc:  # a build or trace failure is a user-facing report, not a crash
        out.display({"text/plain": "compile failed"}, display_id=progress_id, update=True)
        raise MagicError(str(exc), type(exc).__name__) from None
    out.display({"text/plain": f"compiled and measured in {time.perf_counter() - t0:.1f} s"}, display_id=progress_id,
                update=True)
    unit = report.compile.rust
    out.widget(RustView(report.source, unit.source, unit.line_map))
    if args.emit:
        out.display({"text/markdown": f"```rust\n{unit.source}\n```", "text/plain": unit.source})
    out.display({"text/html": timing_table_html(report), "text/plain": timing_text(report)})
    out.widget(TimingChart(timing_groups(report), baseline="node", title="tracer / node / rust"))


def rust_only(bench: Any, out: Any, args: Any, body: str | None, filename: str) -> None:
    """The Rust of the last ``%%rust`` compile, limited to the JS function NAME."""
    from jsrust_widgets import RustView, rust_lines_for

    compiled = bench.session.last_compile
    if compiled is None:
        raise MagicError("nothing compiled yet: run a %%rust cell first", "NoCompile")
    source = compiled.program.source
    unit = compiled.rust
    if args.name is None:
        out.widget(RustView(source, unit.source, unit.line_map))
        return
    rust, line_map = rust_lines_for(compiled.program, unit.source, unit.line_map, args.name)
    if not rust:
        raise MagicError(f"no Rust generated for a JS function named {args.name!r}", "NameError")
    out.widget(RustView(source, rust, line_map))


# -- %%node ----------------------------------------------------------------------
def node(bench: Any, out: Any, args: Any, body: str | None, filename: str) -> None:
    """Run the cell under ``node`` (a fresh process) and stream what it prints."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "cell.js")
        Path(path).write_text(body or "")
        proc = subprocess.Popen(["node", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=os.getcwd())
        try:
            _pump(proc, out)
        except BaseException:
            proc.kill()
            proc.wait()
            raise
    if proc.returncode:
        raise MagicError(f"node exited with status {proc.returncode}", "NodeError")


def _pump(proc: subprocess.Popen, out: Any) -> None:
    """Forward the child's output as it arrives (in this thread: the iopub parent
    header belongs to the request being handled here)."""
    sel = selectors.DefaultSelector()
    sinks = {proc.stdout: out.stdout, proc.stderr: out.stderr}
    for pipe in sinks:
        sel.register(pipe, selectors.EVENT_READ)
    open_pipes = len(sinks)
    while open_pipes:
        for key, _ in sel.select(timeout=0.2):
            chunk = os.read(key.fileobj.fileno(), 65536)
            if not chunk:
                sel.unregister(key.fileobj)
                open_pipes -= 1
            else:
                sinks[key.fileobj](chunk.decode("utf-8", "replace"))
    proc.wait()


# -- %timeit EXPR ----------------------------------------------------------------
#: one timing batch should last at least this long, and all batches at most ~TIME_BUDGET
MIN_BATCH_S = 0.05
TIME_BUDGET_S = 2.0
REPEATS = 5


def timeit(bench: Any, out: Any, args: Any, body: str | None, filename: str) -> None:
    """Time an expression in this realm (IPython-style: mean ± std of batch means).

    Each batch is a JS ``for`` loop run through the session, so the expression runs
    on the interpreter's thread (deep recursion and interrupts behave as in a cell);
    the cost of starting a batch (parse, compile, an empty loop) is measured and
    subtracted."""
    expr = " ".join(args.expr)
    if not expr.strip():
        raise MagicError("%timeit needs an expression")

    def batch(n: int) -> float:
        t0 = time.perf_counter()
        result = bench.execute(f"for (let $timeit_i = 0; $timeit_i < {n}; $timeit_i++) {{ ({expr}); }}", filename)
        elapsed = time.perf_counter() - t0
        _check_error(result)
        return elapsed

    overhead = min(batch(0) for _ in range(3))
    number = 1
    while True:
        elapsed = max(batch(number) - overhead, 0.0)
        if elapsed >= MIN_BATCH_S or number >= 10**6 or elapsed * REPEATS >= TIME_BUDGET_S:
            break
        number *= 10
    per_loop = [elapsed / number]
    while len(per_loop) < REPEATS and sum(per_loop) * number < TIME_BUDGET_S:
        per_loop.append(max(batch(number) - overhead, 0.0) / number)
    mean = statistics.fmean(per_loop)
    std = statistics.stdev(per_loop) if len(per_loop) > 1 else 0.0
    out.stdout(f"{_fmt(mean)} ± {_fmt(std)} per loop (mean ± std. dev. of {len(per_loop)} runs, "
               f"{number} loop{'s' if number > 1 else ''} each)\n")


def _fmt(s: float) -> str:
    if s <= 0 or math.isnan(s):
        return "0 ns"
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6), ("ns", 1e-9)):
        if s >= scale:
            return f"{s / scale:.3g} {unit}"
    return f"{s / 1e-9:.3g} ns"


# -- the registry ----------------------------------------------------------------
def _name_arg(help_text: str):
    def configure(p: MagicArgumentParser) -> None:
        p.add_argument("name", nargs="?", help=help_text)

    return configure


def _expr_arg(p: MagicArgumentParser) -> None:
    p.add_argument("expr", nargs="*", help="a JavaScript expression")


def _trace_args(p: MagicArgumentParser) -> None:
    p.add_argument("--linear", action="store_true",
                   help="no recursion detection: recursive calls are unrolled (to compare tree sizes)")
    p.add_argument("--extend", action="store_true",
                   help="grow the last trace forest with this run (more training) instead of starting a new one")
    _expr_arg(p)


def _rust_args(p: MagicArgumentParser) -> None:
    p.add_argument("--entry", metavar="NAME", help="the JS function to compile as the program's entry")
    p.add_argument("--train", metavar="JSON", action="append", default=[],
                   help="a JSON array of arguments for ENTRY to trace with (repeatable)")
    p.add_argument("--opt", metavar="N", type=int, default=1, choices=(0, 1, 2, 3), help="rustc opt-level (default 1)")
    p.add_argument("--linear", action="store_true", help="trace without recursion detection (unrolled)")
    p.add_argument("--emit", action="store_true", help="also show the whole generated Rust source")


def _file_arg(p: MagicArgumentParser) -> None:
    p.add_argument("file", help="path of a .js file")


def build_registry() -> MagicRegistry:
    reg = MagicRegistry()
    reg.add("lsmagic", "line", "list the magics", lsmagic)
    reg.add("reset", "line", "forget all bindings, traces and compiled code (a fresh realm)", reset)
    reg.add("load", "line", "run a .js file in this session (like the Node REPL's .load)", load, _file_arg)
    reg.add("trace", "both", "run traced (%%trace: the cell; %trace EXPR) and show the trace tree", trace, _trace_args)
    reg.add("tree", "line", "show the last trace forest (anchored at function NAME)", tree,
            _name_arg("function or anchor name"))
    reg.add("treediff", "line", "the last trace forest against the one before it (or before --extend grew it): "
            "added nodes green, removed red", treediff)
    reg.add("types", "line", "the types inferred from the last trace (for NAME only)", types,
            _name_arg("variable or function name"))
    reg.add("recursion", "line", "recursive functions and call-graph cycles of the last trace", recursion,
            _name_arg("function name"))
    reg.add("rust", "both", "%%rust: compile the cell to Rust and compare tracer/node/rust; "
            "%rust NAME: the Rust of the last compile", _rust_dispatch, _rust_both_args)
    reg.add("node", "cell", "run the cell under node (a fresh process) for comparison", node)
    reg.add("timeit", "line", "time an expression in this realm", timeit, _expr_arg)
    magic_research.register(reg)
    return reg


def _rust_both_args(p: MagicArgumentParser) -> None:
    p.add_argument("name", nargs="?", help="(%rust only) the JS function whose Rust to show")
    _rust_args(p)


def _rust_dispatch(bench: Any, out: Any, args: Any, body: str | None, filename: str) -> None:
    if body is None:
        rust_only(bench, out, args, body, filename)
    else:
        rust_cell(bench, out, args, body, filename)
