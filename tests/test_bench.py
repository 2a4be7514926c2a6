"""The benchmark harness's process measurement: what it reports must be the program's own
figures, and a hung program must not hang the benchmark."""
from __future__ import annotations

import sys
import time
from pathlib import Path

from jsrust_core.bench import run_process


def test_run_process_reports_output_status_and_the_programs_own_rss() -> None:
    res = run_process([sys.executable, "-c", "import sys; print('hi'); sys.exit(3)"])
    assert (res.stdout, res.status) == (b"hi\n", 3)
    assert res.wall > 0 and res.cpu >= 0
    assert res.rss_kb > 0


def test_run_process_kills_a_program_past_its_time_limit() -> None:
    t0 = time.perf_counter()
    res = run_process([sys.executable, "-c", "import os, time; print(os.getpid(), flush=True); time.sleep(30)"],
                      timeout=0.5)
    assert time.perf_counter() - t0 < 10
    assert res.status != 0
    pid = int(res.stdout)
    time.sleep(0.1)
    assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]


def test_interp_seconds_is_the_best_run_and_returns_the_programs_output(tmp_path: Path) -> None:
    from jsrust_core.bench import interp_seconds

    prog = tmp_path / "p.js"
    prog.write_text("let s = 0;\nfor (let i = 0; i < 2000; i++) s += i * 2 - 1;\nconsole.log(s);\n")
    # three runs by a clock read twice per run: they take 3, 1 and 2 seconds
    readings = iter([0.0, 3.0, 10.0, 11.0, 20.0, 22.0])
    off, out_off = interp_seconds(str(prog), trace=False, runs=3, clock=lambda: next(readings))
    on, out_on = interp_seconds(str(prog), trace=True)
    assert off == 1.0
    assert out_off == out_on == "3996000\n"
    assert on > 0
