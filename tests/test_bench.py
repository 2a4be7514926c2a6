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
