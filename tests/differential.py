"""Run one JS program under Node (the oracle), the jsrust interpreter and a jsrust-compiled binary.

Every engine is reduced to the same observable ``Outcome``: exactly what went to stdout,
the one line that names an uncaught error, and the exit status. Comparing outcomes is
then plain equality, which is what the differential tests and the generators need.

Node is always run live (never cached): it is the specification, and a stale copy of its
answers would hide a change in how a program is written. The helpers raise
``EngineMissing`` when node / rustc are absent so a test fails loudly instead of skipping.

A program may carry header comments read by ``program_args``::

    // args: one two 3        -> extra process.argv entries (split on whitespace)
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = ROOT / "tests" / "programs"
UNSUPPORTED = PROGRAMS / "unsupported"
#: the project venv's python runs the CLI, so tests see the same install as users
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable

NODE_TIMEOUT_S = 60.0
INTERP_TIMEOUT_S = 300.0
COMPILE_TIMEOUT_S = 600.0
#: the status a compiled program exits with when it leaves what it can reproduce (jsrt's `SIDE_EXIT_STATUS`)
SIDE_EXIT_STATUS = 86


class EngineMissing(RuntimeError):
    """node or rustc is not on PATH: the oracle (or the compiler) cannot run at all."""


@dataclass(frozen=True)
class Outcome:
    """What an engine made observable: stdout text, the uncaught-error line, the exit status."""

    stdout: str
    error_line: Optional[str]
    status: int

    def describe(self) -> str:
        """A short human summary used in assertion messages."""
        return f"status={self.status} error_line={self.error_line!r} stdout={len(self.stdout)} chars"


@dataclass(frozen=True)
class CompileAttempt:
    """The result of ``jsrust compile``: its status and stderr (a clear message when it refuses)."""

    status: int
    stderr: str
    binary: Optional[Path]


# Node prints an uncaught exception as:
#   /abs/file.js:LINE            <- location header
#   <the source line>
#   <spaces>^                   <- caret line
#   <blank line, only for Error objects>
#   Name: message               <- the error line we compare
#       at ...                  <- stack frames
_CARET = re.compile(r"^\s*\^+\s*$")
#: a location header: the script path, with or without :LINE[:COL]
_HEADER = re.compile(r"^\S+\.(js|cjs|mjs|json)(:\d+){0,2}$")


def error_line(stderr: str) -> Optional[str]:
    """The line that names an uncaught error in ``stderr`` (``TypeError: x is not a function``).

    It is the first non-blank line after Node's ``file:line`` / source / caret block, or,
    when an engine prints no such block, the first non-blank line that is not a location
    header or a stack frame. ``None`` when stderr holds no such line.
    """
    lines = stderr.splitlines()
    start = 0
    for i, line in enumerate(lines[:4]):
        if _CARET.match(line):
            start = i + 1
            break
    else:
        if lines and _HEADER.match(lines[0]):
            start = 1
    for line in lines[start:]:
        if line.strip() and not line.startswith("    at "):
            return line.rstrip()
    return None


def program_args(path: Path) -> list[str]:
    """The extra command-line arguments a program asks for with a ``// args:`` header comment."""
    for line in path.read_text().splitlines()[:5]:
        if line.startswith("// args:"):
            return line[len("// args:"):].split()
    return []


def _outcome(proc: subprocess.CompletedProcess) -> Outcome:
    return Outcome(proc.stdout, error_line(proc.stderr) if proc.returncode != 0 else None, proc.returncode)


def _run(cmd: list[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess:
    # the jsrust of this checkout, whichever one the environment installed (a worktree
    # run from the program's directory would otherwise import the installed one)
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env = dict(os.environ, NO_COLOR="1", NODE_DISABLE_COLORS="1", PYTHONPATH=path)
    try:
        return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        return subprocess.CompletedProcess(cmd, -9, out, f"Timeout: no exit after {timeout:.0f}s")


def node_binary() -> str:
    """The path of ``node``; raises ``EngineMissing`` if the oracle is not installed."""
    node = shutil.which("node")
    if node is None:
        raise EngineMissing("node is not on PATH: the differential tests need Node.js as the oracle")
    return node


def run_node(path: Path, args: Optional[list[str]] = None) -> Outcome:
    """Run ``node FILE [ARGS]`` from the program's directory (so relative requires resolve)."""
    path = Path(path).resolve()
    argv = program_args(path) if args is None else args
    return _outcome(_run([node_binary(), str(path), *argv], path.parent, NODE_TIMEOUT_S))


def run_interp_raw(path: Path, args: Optional[list[str]] = None) -> subprocess.CompletedProcess:
    """``jsrust run FILE [ARGS]`` as a subprocess; the full process result (stderr included)."""
    path = Path(path).resolve()
    argv = program_args(path) if args is None else args
    return _run([PYTHON, "-m", "jsrust_core.cli", "run", str(path), *argv], path.parent, INTERP_TIMEOUT_S)


def run_interp(path: Path, args: Optional[list[str]] = None) -> Outcome:
    """Run a program under the jsrust interpreter, through the CLI exactly as a user would."""
    return _outcome(run_interp_raw(path, args))


def compile_program(path: Path, binary: Path, args: Optional[list[str]] = None) -> CompileAttempt:
    """``jsrust compile FILE -o BIN``, training on the program's own ``// args:``."""
    if shutil.which("rustc") is None:
        raise EngineMissing("rustc is not on PATH: compiled programs cannot be built")
    path = Path(path).resolve()
    argv = program_args(path) if args is None else args
    cmd = [PYTHON, "-m", "jsrust_core.cli", "compile", str(path), "-o", str(binary)]
    if argv:
        cmd += ["--train", json.dumps(argv)]
    proc = _run(cmd, path.parent, COMPILE_TIMEOUT_S)
    built = binary if proc.returncode == 0 and binary.exists() else None
    return CompileAttempt(proc.returncode, proc.stderr, built)


def run_binary(binary: Path, cwd: Path, args: Iterable[str] = ()) -> Outcome:
    """Run a compiled program the way node would have run its source."""
    return _outcome(_run([str(binary), *args], cwd, NODE_TIMEOUT_S))


def run_compiled(path: Path, args: Optional[list[str]] = None) -> Outcome:
    """Compile a program with jsrust and run the binary; raises ``CompileRefused`` if it does not build."""
    path = Path(path).resolve()
    argv = program_args(path) if args is None else args
    with tempfile.TemporaryDirectory(prefix="jsrust-diff-") as tmp:
        attempt = compile_program(path, Path(tmp) / path.stem, argv)
        if attempt.binary is None:
            raise CompileRefused(path, attempt)
        return run_binary(attempt.binary, path.parent, argv)


class CompileRefused(RuntimeError):
    """``jsrust compile`` exited non-zero; carries the attempt so a test can judge its message."""

    def __init__(self, path: Path, attempt: CompileAttempt) -> None:
        super().__init__(f"jsrust compile {path.name} failed (status {attempt.status}):\n{attempt.stderr}")
        self.attempt = attempt


def corpus(directory: Path = PROGRAMS) -> list[Path]:
    """The corpus programs of a directory, sorted by name (``NNN-topic.js``)."""
    return sorted(directory.glob("*.js"))


def todo_list(name: str, directory: Path = PROGRAMS) -> dict[str, str]:
    """Read ``NOT_INTERPRETED.txt`` / ``NOT_COMPILED.txt``: ``program.js  reason`` per line, ``#`` comments.

    These files are the honest to-do lists: a program listed there is expected to fail
    in that engine, and the test says so loudly once it starts passing.
    """
    path = directory / name
    entries: dict[str, str] = {}
    if not path.exists():
        return entries
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        prog, _, reason = line.partition(" ")
        entries[prog] = reason.strip() or "(no reason given)"
    return entries


class OutcomePool:
    """Runs one engine over many programs in a thread pool, started lazily on first demand.

    Pytest runs tests one at a time; submitting the whole corpus at the first request lets
    node and interpreter subprocesses overlap while each test still reports on its own.
    """

    def __init__(self, runner: Callable[[Path], Outcome], paths: list[Path], workers: Optional[int] = None) -> None:
        self._runner = runner
        self._paths = paths
        self._workers = workers or max(2, (os.cpu_count() or 2) * 2)
        self._futures: dict[Path, Future] = {}
        self._pool: Optional[ThreadPoolExecutor] = None

    def get(self, path: Path) -> Outcome:
        """The outcome for ``path`` (waits for it); re-raises the runner's exception."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=self._workers)
            for p in self._paths:
                self._futures[p] = self._pool.submit(self._runner, p)
        if path not in self._futures:
            self._futures[path] = self._pool.submit(self._runner, path)
        return self._futures[path].result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)


def diff_message(name: str, expected: Outcome, actual: Outcome, engine: str) -> str:
    """An assertion message that shows exactly where an engine's output departs from Node's."""
    parts = [f"{name}: {engine} differs from node"]
    if expected.status != actual.status:
        parts.append(f"  status: node {expected.status}, {engine} {actual.status}")
    if expected.error_line != actual.error_line:
        parts.append(f"  error line: node {expected.error_line!r}, {engine} {actual.error_line!r}")
    if expected.stdout != actual.stdout:
        exp_lines = expected.stdout.splitlines()
        act_lines = actual.stdout.splitlines()
        for i in range(max(len(exp_lines), len(act_lines))):
            e = exp_lines[i] if i < len(exp_lines) else "<missing>"
            a = act_lines[i] if i < len(act_lines) else "<missing>"
            if e != a:
                parts.append(f"  stdout line {i + 1}: node {e!r}\n  {' ' * len('stdout line ')}{' ' * len(str(i + 1))}  {engine} {a!r}")
                break
        else:
            parts.append("  stdout differs only in its final newline")
    return "\n".join(parts)
