"""The built-in library end to end: each program in ``tests/builtins_js/`` runs in
a fresh realm and under node, and stdout must be identical line for line.

One program per built-in module batches many checks into one node process; a
mismatch names the first differing lines.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from jsrust_core.frontend import parse
from jsrust_core.interp.realm import Realm

PROGRAMS = sorted((Path(__file__).parent / "builtins_js").glob("*.js"))


def run_node(path: Path) -> str:
    return subprocess.run(["node", str(path)], capture_output=True, text=True, check=True, timeout=60).stdout


def run_jsrust(path: Path) -> str:
    out: list[str] = []
    realm = Realm(stdout=out.append, stderr=out.append)
    realm.run_program(parse(path.read_text(), path.name))
    return "".join(out)


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_program_output_matches_node(path: Path) -> None:
    expected = run_node(path).split("\n")
    got = run_jsrust(path).split("\n")
    diffs = [(i + 1, e, g) for i, (e, g) in enumerate(zip(expected, got)) if e != g]
    assert not diffs, "\n".join(f"line {n}:\n  node:   {e}\n  jsrust: {g}" for n, e, g in diffs[:15])
    assert len(got) == len(expected), (len(got), len(expected))
