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
Where the engine itself is not deterministic, a violation is expected: the depth
at which "Maximum call stack size exceeded" is raised depends on the Python stack
the hooks use, so a program that recurses into that limit may leave its paths.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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


def _run(source: str, filename: str, recorder: Any) -> tuple[str, str]:
    """Run ``source`` in a fresh realm; returns (stdout text, inspected completion value)."""
    from .interp import Realm  # late: the interpreter imports much more than we need here

    from .interp import JSThrow

    out: list[str] = []
    realm = Realm(stdout=out.append, stderr=out.append)
    try:
        value = realm.run_program(parse(source, filename), recorder=recorder)
    except JSThrow as exc:  # an uncaught JS error is a result too: compare it
        return "".join(out), "Uncaught " + inspect(exc.value)
    return "".join(out), inspect(value)


def replay(source: str, filename: str, forest: TraceForest, *, linear: bool = False) -> tuple[str, str, TreeRecorder]:
    """Run ``source`` once more against the frozen ``forest`` (``linear`` as when it was
    recorded); returns output, value and the checking recorder (its ``violations``,
    ``violation_count``, ``unchecked``)."""
    checker = TreeRecorder(parse(source, filename), linear=linear, forest=forest, frozen=True)
    output, value = _run(source, filename, checker)
    checker.end_run()
    return output, value, checker


def record_and_replay(
    source: str, filename: str = "<input>", *, linear: bool = False, **options: Any
) -> tuple[TraceForest, ReplayReport]:
    """Trace ``source`` (options go to ``TreeRecorder``), then check the forest by
    replay against a plain run."""
    report = ReplayReport()
    report.outputs["plain"], report.values["plain"] = _run(source, filename, None)
    recorder = TreeRecorder(parse(source, filename), linear=linear, **options)
    report.outputs["traced"], report.values["traced"] = _run(source, filename, recorder)
    forest = recorder.forest()
    out, value, checker = replay(source, filename, forest, linear=linear)
    report.outputs["replayed"], report.values["replayed"] = out, value
    report.violations = checker.violations
    report.violation_count = checker.violation_count
    report.unchecked_events = checker.unchecked
    return forest, report
