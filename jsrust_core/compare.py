"""Recursion-aware vs linear tracing of one self-contained program, measured side by side.

Why a module of its own: the notebook magic ``%%compare`` and ``benchmarks/recursion.py``
ask the same question — how much smaller (and cheaper to compile) are trace trees when a
call that closes a call-graph cycle becomes a loop header (Pycket's rule) instead of being
unrolled? — and both need the same three measurements per mode: the recorded forest's
statistics, the generated Rust, and whether every engine printed what Node prints.

Each mode runs in a fresh realm (a ``Session`` of its own), so neither mode sees the
other's bindings and both trace exactly the same program.
"""
from __future__ import annotations

import hashlib
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from .events import Recorder
from .frontend import parse

#: the two tracing modes, in the order tables show them
MODES = ("recursion-aware", "linear")


def run(source: str, filename: str, recorder: Optional[Recorder]) -> tuple[str, float]:
    """Run ``source`` in a fresh realm (console output captured); ``(stdout, wall seconds)``."""
    from .interp import Realm

    out: list[str] = []
    realm = Realm(stdout=out.append, stderr=out.append)
    program = parse(source, filename)
    t0 = time.perf_counter()
    realm.run_program(program, recorder=recorder)
    return "".join(out), time.perf_counter() - t0


@dataclass
class ModeResult:
    """One tracing mode on one program: the forest's statistics and, when compiled, its Rust."""

    mode: str
    stats: dict
    stdout: str
    rust_lines: Optional[int] = None
    rustc_seconds: Optional[float] = None
    rustc_cached: bool = False
    rust_stdout: Optional[str] = None
    rust_status: Optional[int] = None
    #: why the Rust columns are empty (a build failure is reported, not raised)
    rust_error: str = ""

    def outputs_identical(self, node_stdout: str) -> bool:
        """The tracer (and the binary, when built) printed exactly what Node printed."""
        same = self.stdout == node_stdout
        if self.rust_stdout is not None:
            same = same and self.rust_stdout == node_stdout and self.rust_status == 0
        return same


@dataclass
class Comparison:
    """Both modes on one program plus Node's output, the oracle both are checked against."""

    node_stdout: str
    modes: dict[str, ModeResult] = field(default_factory=dict)

    def ratios(self) -> dict[str, float]:
        """linear / recursion-aware for each measure both modes have (> 1: linear is bigger)."""
        aware, linear = self.modes["recursion-aware"], self.modes["linear"]
        pairs = {name: (aware.stats[key], linear.stats[key])
                 for name, key in (("nodes", "nodes"), ("guards", "guards"), ("bytes", "bytes"),
                                   ("record time", "record_seconds"))}
        if aware.rust_lines and linear.rust_lines:
            pairs["Rust lines"] = (aware.rust_lines, linear.rust_lines)
        if aware.rustc_seconds and linear.rustc_seconds and not (aware.rustc_cached or linear.rustc_cached):
            pairs["rustc time"] = (aware.rustc_seconds, linear.rustc_seconds)
        return {name: b / a for name, (a, b) in pairs.items() if a and a > 0}


class TraceFailed(Exception):
    """The program threw (or hit an unsupported feature) while being traced."""

    def __init__(self, mode: str, ename: str, evalue: str) -> None:
        super().__init__(f"{mode} tracing: {ename}: {evalue}")
        self.ename = ename


def trace_mode(source: str, filename: str, linear: bool) -> ModeResult:
    """Trace ``source`` once in a fresh session in the given mode."""
    from .pipeline import Session

    out: list[str] = []
    session = Session(linear=linear, stdout=out.append, stderr=lambda s: None)
    result = session.execute(source, filename=filename, trace=True)
    mode = MODES[1] if linear else MODES[0]
    if result.error is not None:
        raise TraceFailed(mode, result.error.ename, result.error.evalue)
    return ModeResult(mode, dict(result.forest.stats), "".join(out))


def cell_file(source: str) -> Path:
    """The program as ``cell.js`` in a directory named by a hash of its text, so every
    engine runs the same file and an unchanged program hits the build cache."""
    workdir = Path(tempfile.gettempdir()) / "jsrust-cells" / hashlib.sha256(source.encode()).hexdigest()[:16]
    workdir.mkdir(parents=True, exist_ok=True)
    path = workdir / "cell.js"
    path.write_text(source)
    return path


def add_rust(result: ModeResult, path: Path, progress: Callable[[str], None]) -> None:
    """Compile ``path`` in ``result``'s mode, run the binary once and fill the Rust columns."""
    from .pipeline import compile_file

    progress(f"compiling ({result.mode})")
    try:
        compiled = compile_file(str(path), linear=(result.mode == "linear"))
    except Exception as exc:  # the back end is a later stage: report its failure in the table
        result.rust_error = f"{type(exc).__name__}: {exc}"
        return
    result.rust_lines = len(compiled.rust.source.splitlines())
    result.rustc_seconds = compiled.compile_seconds
    result.rustc_cached = compiled.cached
    proc = subprocess.run([str(compiled.binary)], capture_output=True, timeout=120)
    result.rust_stdout = proc.stdout.decode("utf-8", "replace")
    result.rust_status = proc.returncode


def compare_modes(source: str, filename: str = "<cell>", *, rust: bool = True,
                  progress: Optional[Callable[[str], None]] = None) -> Comparison:
    """Trace ``source`` in both modes, run it under Node and (with ``rust``) compile and
    run it in both modes. Raises ``TraceFailed`` when the program throws while traced."""
    say = progress or (lambda message: None)
    path = cell_file(source)
    if rust:
        from .build import build_runtime

        say("building the jsrt runtime (once, cached)")
        build_runtime(progress)  # so neither mode's rustc time includes rebuilding the runtime
    say("running node")
    node = subprocess.run(["node", str(path)], capture_output=True, timeout=120)
    comparison = Comparison(node.stdout.decode("utf-8", "replace"))
    for linear in (False, True):
        say(f"tracing ({MODES[linear]})")
        result = trace_mode(source, filename, linear)
        if rust:
            add_rust(result, path, say)
        comparison.modes[result.mode] = result
    return comparison
