"""Soundness of the trace trees on the whole corpus, in both recording modes (issue 4).

Every corpus program the interpreter runs like Node (``tests/programs``, minus
``NOT_INTERPRETED.txt``) is run as ``node FILE ARGS`` would run it: once plain,
once traced (recursion-aware, then ``linear``), and once more replayed against the
frozen forest (``replay.record_and_replay_file``). The replay must stay on recorded
paths, all three runs must print the same and exit alike, the forest must pass its
structural check, and its JSON must round-trip exactly.

Tracing costs a few tens of times a plain run, so the programs are checked in a
process pool started on first demand (as ``differential.OutcomePool`` does with
threads): the pool overlaps the long programs while pytest reports each on its own.
"""
from __future__ import annotations

import atexit
import json
import multiprocessing
import os
import time
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Optional

import pytest

from differential import corpus, program_args, todo_list

NOT_INTERPRETED = todo_list("NOT_INTERPRETED.txt")
PROGRAMS = [p for p in corpus() if p.name not in NOT_INTERPRETED]
MODES = {"aware": False, "linear": True}
#: worker processes; ``JSRUST_SOUNDNESS_WORKERS`` overrides (the default leaves no core idle)
WORKERS = int(os.environ.get("JSRUST_SOUNDNESS_WORKERS", "0")) or max(2, os.cpu_count() or 2)


def check_program(path: str, linear: bool) -> dict:
    """Record, replay and round-trip one program; a plain dict, so it crosses processes."""
    from jsrust_core.replay import record_and_replay_file
    from jsrust_core.tracetree import TraceForest

    start = time.perf_counter()
    forest, report = record_and_replay_file(path, program_args(Path(path)), linear=linear)
    data = forest.to_json()
    text = json.dumps(data)
    back = TraceForest.from_json(json.loads(text))
    return {
        "violations": report.violation_count,
        "first_violations": report.violations[:3],
        "unchecked": report.unchecked_events,
        "outputs": report.outputs if not report.results_equal else {},
        "values": report.values if not report.results_equal else {},
        "check": forest.check()[:5],
        "round_trip": back.to_json() == data and back.check() == [],
        "nodes": forest.stats["nodes"],
        "seconds": time.perf_counter() - start,
    }


class _Pool:
    """The selected (program, mode) checks, all submitted at the first request, in test order."""

    def __init__(self) -> None:
        self._pool: Optional[ProcessPoolExecutor] = None
        self._futures: dict[tuple[str, bool], Future] = {}

    def get(self, path: Path, linear: bool, session: pytest.Session) -> dict:
        if self._pool is None:
            # spawned, not forked: by now the test process may run threads (kernels, browsers)
            self._pool = ProcessPoolExecutor(max_workers=WORKERS, mp_context=multiprocessing.get_context("spawn"))
            atexit.register(self._pool.shutdown, cancel_futures=True)
            for key in _selected(session):
                self._futures[key] = self._pool.submit(check_program, *key)
        key = (str(path), linear)
        if key not in self._futures:
            self._futures[key] = self._pool.submit(check_program, *key)
        return self._futures[key].result()


_POOL = _Pool()


def _selected(session: pytest.Session) -> list[tuple[str, bool]]:
    """The checks this session runs (``-k`` must not start the whole corpus)."""
    keys = []
    for item in session.items:
        spec = getattr(item, "callspec", None)
        if item.originalname == "test_corpus_program_replays_its_training_run" and spec is not None:
            keys.append((str(spec.params["path"]), MODES[spec.params["mode"]]))
    return keys


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("path", PROGRAMS, ids=[p.name for p in PROGRAMS])
def test_corpus_program_replays_its_training_run(path: Path, mode: str, request: pytest.FixtureRequest) -> None:
    r = _POOL.get(path, MODES[mode], request.session)
    assert r["violations"] == 0, f"{path.name} ({mode}): replay left the recorded paths: {r['first_violations']}"
    assert not r["outputs"] and not r["values"], (
        f"{path.name} ({mode}): plain / traced / replayed runs differ:\n{r['outputs']}\n{r['values']}")
    assert r["check"] == [], f"{path.name} ({mode}): forest invariants broken: {r['check']}"
    assert r["round_trip"], f"{path.name} ({mode}): JSON round trip is not exact"
    assert r["nodes"] > 0
