"""Built-ins on the compiled path, end to end: each inline program is traced, compiled
and run, and its stdout and exit status must equal node's. Each program also exercises
the feature's error cases (caught and printed, so the message is compared too).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from test_rustgen_e2e import compile_js, node, run

NUMBER_DIGITS = r"""
const xs = [0, -0, 1, -1.5, 0.125, 2.5, 99.995, 5e-324, 1.7976931348623157e308, 1e21, 123456789, NaN, -Infinity];
for (const x of xs) console.log(x.toExponential(), x.toExponential(0), x.toExponential(3), x.toExponential(20));
console.log((1.25).toExponential("1"), (1.25).toExponential(1.9), (1.25).toExponential(NaN), (7).toExponential(undefined));
console.log((NaN).toExponential(500), (Infinity).toPrecision(0), (0.5).toExponential(100));
const bad = [() => (1).toExponential(101), () => (1).toExponential(-1), () => (1).toExponential(Infinity),
             () => (1).toFixed(101), () => (NaN).toFixed(-1), () => (1).toPrecision(0), () => (1).toPrecision(101)];
for (const f of bad) {
  try { console.log(f()); } catch (e) { console.log(e instanceof RangeError, e.name, e.message); }
}
"""

PROGRAMS = {"number-digits": NUMBER_DIGITS}


@pytest.mark.compiled
@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_compiled_builtins_match_node(tmp_path: Path, name: str) -> None:
    js = tmp_path / f"{name}.js"
    js.write_text(PROGRAMS[name])
    ours = run(compile_js(PROGRAMS[name], str(js)))
    theirs = node(js)
    assert ours.stderr == "" and theirs.stderr == ""
    assert (ours.stdout, ours.returncode) == (theirs.stdout, theirs.returncode)
