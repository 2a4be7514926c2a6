"""The corpus in tests/programs, run by Node (the oracle), the interpreter and compiled Rust.

Each program must print byte-for-byte what Node prints, die with the same error line and
exit with the same status. Programs an engine cannot handle yet are listed with a reason
in ``NOT_INTERPRETED.txt`` / ``NOT_COMPILED.txt``: those lists are the to-do lists, and a
listed program that starts to pass makes its test fail until it is taken off the list.
"""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest

from differential import (
    SIDE_EXIT_STATUS,
    UNSUPPORTED,
    CompileRefused,
    OutcomePool,
    compile_program,
    corpus,
    diff_message,
    run_compiled,
    run_interp,
    run_interp_raw,
    run_node,
    todo_list,
)

PROGRAM_PATHS = corpus()
NOT_INTERPRETED = todo_list("NOT_INTERPRETED.txt")
NOT_COMPILED = todo_list("NOT_COMPILED.txt")
IDS = [p.name for p in PROGRAM_PATHS]


@pytest.fixture(scope="module")
def node_outcomes():
    pool = OutcomePool(run_node, PROGRAM_PATHS)
    yield pool
    pool.close()


@pytest.fixture(scope="module")
def interp_outcomes():
    pool = OutcomePool(run_interp, PROGRAM_PATHS)
    yield pool
    pool.close()


def test_corpus_is_well_formed():
    """Names follow ``NNN-topic.js``, numbers are unique, and the to-do lists name real programs."""
    numbers = []
    for path in PROGRAM_PATHS:
        assert re.fullmatch(r"\d{3}-[a-z0-9-]+\.js", path.name), path.name
        numbers.append(path.name[:3])
    assert len(numbers) == len(set(numbers)), "two programs share a number"
    names = set(IDS)
    for listed in (*NOT_INTERPRETED, *NOT_COMPILED):
        assert listed in names, f"{listed} is on a to-do list but is not in tests/programs"


def test_corpus_is_deterministic():
    """Programs must not print anything that varies between runs (Math.random, Date)."""
    for path in PROGRAM_PATHS:
        text = path.read_text()
        assert "Math.random" not in text and "Date.now" not in text and "new Date" not in text, path.name


@pytest.mark.parametrize("path", PROGRAM_PATHS, ids=IDS)
def test_node_runs_corpus_program(path: Path, node_outcomes: OutcomePool):
    """A program is a specification only if Node runs it to its intended end (no timeout)."""
    outcome = node_outcomes.get(path)
    assert outcome.status != -9, f"{path.name}: node timed out"
    assert outcome.stdout, f"{path.name}: prints nothing under node"


@pytest.mark.parametrize("path", PROGRAM_PATHS, ids=IDS)
def test_interpreter_matches_node(path: Path, node_outcomes: OutcomePool, interp_outcomes: OutcomePool):
    expected = node_outcomes.get(path)
    actual = interp_outcomes.get(path)
    same = expected == actual
    if path.name in NOT_INTERPRETED:
        if same:
            pytest.fail(f"{path.name} now matches node under the interpreter: remove it from NOT_INTERPRETED.txt")
        pytest.xfail(NOT_INTERPRETED[path.name])
    assert same, diff_message(path.name, expected, actual, "interpreter")


#: compiled in the default run: the walking-skeleton programs (001-030), one program in every
#: twenty after that (NNN = 20k + 15: every topic of the corpus), deep recursion and a few
#: classics. A cold compile costs ~5-10 s per program on a loaded 2-core machine (tracing +
#: rustc), so the whole corpus runs only under `-m slow` (make test-slow).
COMPILED_SMOKE = {p.name for p in PROGRAM_PATHS if p.name[:3] <= "030" or int(p.name[:3]) % 20 == 15} | {
    "046-try-catch-finally.js", "090-deep-recursion.js", "100-serverless-main.js", "104-linked-list.js",
    "270-stack-overflow-uncaught.js"}
COMPILED_PARAMS = [p if p.name in COMPILED_SMOKE else pytest.param(p, marks=pytest.mark.slow) for p in PROGRAM_PATHS]


@pytest.mark.compiled
@pytest.mark.parametrize("path", COMPILED_PARAMS, ids=IDS)
def test_compiled_matches_node(path: Path, node_outcomes: OutcomePool):
    expected = node_outcomes.get(path)
    reason = NOT_COMPILED.get(path.name, "")
    if reason.startswith(SIDE_EXIT):
        _assert_honest_side_exit(path, expected, reason[len(SIDE_EXIT):].strip())
        return
    if path.name in NOT_COMPILED:
        with tempfile.TemporaryDirectory(prefix="jsrust-diff-") as tmp:
            attempt = compile_program(path, Path(tmp) / path.stem)
        if attempt.status == 0:
            pytest.fail(f"{path.name} now compiles: remove it from NOT_COMPILED.txt and let the test compare it")
        assert "Traceback (most recent call last)" not in attempt.stderr, f"{path.name}: compile crashed\n{attempt.stderr}"
        assert "Unsupported:" in attempt.stderr, (
            f"{path.name}: compile failed without an `Unsupported:` message\n{attempt.stderr}")
        return
    try:
        actual = run_compiled(path)
    except CompileRefused as exc:
        pytest.fail(f"{path.name} does not compile; fix it or list it in NOT_COMPILED.txt with the reason\n{exc}")
    if path.name in NOT_INTERPRETED and expected != actual:
        # the interpreter's known difference (V8's own `**` rounding) is the compiled one too
        pytest.xfail(NOT_INTERPRETED[path.name])
    assert expected == actual, diff_message(path.name, expected, actual, "compiled")


#: a NOT_COMPILED.txt reason of this form lists a program whose binary builds but stops at
#: a feature it cannot reproduce: `side exit: <text the binary prints on stderr>`
SIDE_EXIT = "side exit:"


def _assert_honest_side_exit(path: Path, expected, message: str) -> None:
    """A listed program may stop early, but only honestly: status 86, the expected report,
    and what it printed before stopping is exactly the start of Node's output."""
    try:
        actual = run_compiled(path)
    except CompileRefused as exc:
        pytest.fail(f"{path.name} is listed as a side exit but does not compile\n{exc}")
    if actual == expected:
        pytest.fail(f"{path.name} now matches node compiled: remove it from NOT_COMPILED.txt")
    assert actual.status == SIDE_EXIT_STATUS, diff_message(path.name, expected, actual, "compiled")
    report = (actual.error_line or "").replace(f"{path.parent}/", "")
    assert message in report, f"{path.name}: side exit {report!r}, listed {message!r}"
    assert expected.stdout.startswith(actual.stdout), (
        f"{path.name}: printed something Node does not before its side exit\n"
        + diff_message(path.name, expected, actual, "compiled"))


UNSUPPORTED_PATHS = sorted(UNSUPPORTED.glob("*.js"))


def _expected_unsupported(path: Path) -> tuple[str, str]:
    """The ``// expect: Unsupported: <feature> at LINE:COL`` header of an unsupported-feature program."""
    for line in path.read_text().splitlines()[:3]:
        m = re.match(r"// expect: Unsupported: (.+) at (\d+:\d+)$", line)
        if m:
            return m.group(1), m.group(2)
    raise AssertionError(f"{path.name} has no `// expect: Unsupported: <feature> at LINE:COL` header")


@pytest.mark.parametrize("path", UNSUPPORTED_PATHS, ids=[p.name for p in UNSUPPORTED_PATHS])
def test_unsupported_feature_is_reported(path: Path):
    """A feature we do not implement is named with its location, and the run exits non-zero."""
    feature_hint, where = _expected_unsupported(path)
    proc = run_interp_raw(path)
    assert proc.returncode != 0, f"{path.name}: exit status 0 for an unsupported feature"
    assert "Traceback (most recent call last)" not in proc.stderr, proc.stderr
    m = re.search(r"Unsupported: (.+) at (.+):(\d+:\d+)$", proc.stderr, re.M)
    assert m, f"{path.name}: no `Unsupported: <feature> at FILE:LINE:COL` on stderr:\n{proc.stderr}"
    feature, filename, location = m.groups()
    assert Path(filename).name == path.name
    assert location == where, f"{path.name}: reported at {location}, expected {where}"
    assert feature_hint.lower() in feature.lower(), f"{path.name}: feature {feature!r} should mention {feature_hint!r}"
