"""Soundness check: does a finished forest cover the run it was recorded from?

What is checked, honestly: we run the interpreter three times on the same
source — plain (no recorder), traced (``TreeRecorder``, which builds the forest)
and replayed (a *frozen* ``TreeRecorder`` walking the finished forest, which may
grow nothing). The replay must

* follow recorded paths at every event: every guard outcome (branch direction,
  callee identity, operand/result/argument types) was seen while recording, every
  loop and call goes where a recorded ``LOOP``/``CALL_*`` node says — otherwise a
  *violation* names the tree, trace, site and the outcome nobody recorded;
* produce the same console output and completion value as the plain and the
  traced runs (tracing must not change what the program does).

What it does not check: values inside the trees (nodes keep types, not values),
and paths cut by an ``ABORT`` (events past an abort are counted as ``unchecked``).
A program recursing into "Maximum call stack size exceeded" replays exactly (the
traced call raises it at a stack depth shared by every traced run: see
``recorder.STACK_HEADROOM``), but deeper Python recursion inside one built-in
(``JSON.stringify`` of a very deep value) could still strike inside a hook.

Programs run as a REPL script (``record_and_replay``: completion value compared) or
as ``node FILE ARGS`` would run them (``record_and_replay_file``: exit status and
the uncaught error compared; ``tests/test_soundness.py`` runs the corpus so).
"""
from __future__ import annotations

from dataclasses import dataclass, field
import os
from typing import Any, Callable, Sequence

from .frontend import parse
from .inspect import inspect
from .recorder import TreeRecorder
from .tracetree import TraceForest


@dataclass
class ReplayReport:
    """Outcome of ``record_and_replay``; ``ok`` when nothing diverged."""

    violations: list[dict] = field(default_factory=list)
    violation_count: int = 0
    unchecked_events: int = 0
    #: console output per engine: "plain", "traced", "replayed"
    outputs: dict[str, str] = field(default_factory=dict)
    #: completion value (Node inspect text) per engine
    values: dict[str, str] = field(default_factory=dict)

    @property
    def results_equal(self) -> bool:
        return len(set(self.outputs.values())) == 1 and len(set(self.values.values())) == 1

    @property
    def ok(self) -> bool:
        return self.violation_count == 0 and self.results_equal


#: one run of the program under test: given a recorder (or None), returns
#: (console output, completion text, whether it ended abnormally)
Runner = Callable[[Any], tuple[str, str, bool]]


def _source_runner(source: str, filename: str) -> Runner:
    """Runs ``source`` as a REPL script in a fresh realm: the completion value is
    inspected, an uncaught JS error is a result too ("Uncaught ...")."""

    def run(recorder: Any) -> tuple[str, str, bool]:
        from .interp import JSThrow, Realm  # late: the interpreter imports much more than we need here

        out: list[str] = []
        realm = Realm(stdout=out.append, stderr=out.append)
        try:
            value = realm.run_program(parse(source, filename), recorder=recorder)
        except JSThrow as exc:
            return "".join(out), "Uncaught " + inspect(exc.value), True
        return "".join(out), inspect(value), False

    return run


def _file_runner(path: str, argv: Sequence[str]) -> Runner:
    """Runs ``path`` as ``node FILE ARGS`` does (``Realm.run_main``: CommonJS main module,
    ``process.argv``, ``process.exit``, an uncaught error printed on stderr); the
    "completion" compared is the exit status followed by everything on stderr."""

    def run(recorder: Any) -> tuple[str, str, bool]:
        from .interp import Realm

        out: list[str] = []
        err: list[str] = []
        status = Realm(stdout=out.append, stderr=err.append, argv=list(argv)).run_main(path, recorder=recorder)
        return "".join(out), f"status {status}\n" + _error_text("".join(err)), status != 0

    return run


def _error_text(stderr: str) -> str:
    """``stderr`` without the location block (``file:line``, source line, caret) and the
    ``at`` frames of an uncaught error: what is left names the error. Where exactly
    "Maximum call stack size exceeded" strikes (a call, or the callee's entry when a
    traced call finds the stack too deep) is not part of a program's result."""
    lines = stderr.splitlines()
    if len(lines) >= 3 and lines[2].strip().startswith("^") and not lines[2].strip("^ "):
        lines = lines[3:]
    return "\n".join(line for line in lines if not line.startswith("    at "))


def _check(run: Runner, program: Any, linear: bool, options: dict) -> tuple[TraceForest, ReplayReport]:
    """Plain run, traced run (growing the forest), then a frozen replay of the forest."""
    report = ReplayReport()
    report.outputs["plain"], report.values["plain"], _ = run(None)
    recorder = TreeRecorder(program, linear=linear, **options)
    report.outputs["traced"], report.values["traced"], threw = run(recorder)
    recorder.end_run(threw=threw)
    forest = recorder.forest()
    checker = TreeRecorder(program, linear=linear, forest=forest, frozen=True)
    report.outputs["replayed"], report.values["replayed"], threw = run(checker)
    checker.end_run(threw=threw)
    report.violations = checker.violations
    report.violation_count = checker.violation_count
    report.unchecked_events = checker.unchecked
    return forest, report


def replay(source: str, filename: str, forest: TraceForest, *, linear: bool = False) -> tuple[str, str, TreeRecorder]:
    """Run ``source`` once more against the frozen ``forest`` (``linear`` as when it was
    recorded); returns output, value and the checking recorder (its ``violations``,
    ``violation_count``, ``unchecked``)."""
    checker = TreeRecorder(parse(source, filename), linear=linear, forest=forest, frozen=True)
    output, value, threw = _source_runner(source, filename)(checker)
    checker.end_run(threw=threw)
    return output, value, checker


def record_and_replay(
    source: str, filename: str = "<input>", *, linear: bool = False, **options: Any
) -> tuple[TraceForest, ReplayReport]:
    """Trace ``source`` as a script (options go to ``TreeRecorder``), then check the
    forest by replay against a plain run."""
    return _check(_source_runner(source, filename), parse(source, filename), linear, options)


def record_and_replay_file(
    path: str, argv: Sequence[str] = (), *, linear: bool = False, **options: Any
) -> tuple[TraceForest, ReplayReport]:
    """The same check for a program file run as Node runs it (what ``jsrust trace`` records),
    with ``argv`` as its command-line arguments."""
    path = os.path.abspath(path)
    with open(path, encoding="utf-8") as fh:
        program = parse(fh.read(), path)
    return _check(_file_runner(path, argv), program, linear, options)
