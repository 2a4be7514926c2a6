"""Benchmarks measured in one run: the interpreter, ``node`` and the compiled binary
on the same program, with ratios (machines here are noisy: only ratios measured
side by side mean anything).

One-shot ("cold") = a whole process, spawn → exit, as a user or a serverless
platform pays it; we report median wall, CPU (user+sys from ``wait4``) and peak RSS.
Steady state ("warm") = the program body run again and again inside one process
after warm-up: for Node in a ``vm.Script`` with console silenced (so V8's JIT is
warm), for the Rust binary via ``JSRUST_REPEAT`` (no JIT, so this mostly removes
process start-up), for the interpreter by re-running the compiled closures.
"""
from __future__ import annotations

import argparse
import io
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

#: Node harness: run a CommonJS file's body N times in one process, console silenced after the first
_NODE_WARM = r"""
const vm = require('vm'), fs = require('fs'), path = require('path');
const file = path.resolve(process.argv[1]); const warm = +process.argv[2], reps = +process.argv[3];  // node -e: argv[1] is the first argument after --
process.argv = [process.argv[0], file, ...process.argv.slice(4)];  // the program sees its own arguments
const src = fs.readFileSync(file, 'utf8');
const fn = new vm.Script('(function (exports, require, module, __filename, __dirname, console) {' + src + '\n})',
                         { filename: file }).runInThisContext();
const quiet = { log() {}, error() {}, warn() {}, info() {} };
const once = () => { const m = { exports: {} }; fn(m.exports, require, m, file, path.dirname(file), quiet); };
for (let i = 0; i < warm; i++) once();
const t0 = process.hrtime.bigint();
for (let i = 0; i < reps; i++) once();
const t1 = process.hrtime.bigint();
process.stdout.write(String(Number(t1 - t0) / 1e9 / reps));
"""


@dataclass
class Timing:
    """Repeated measurements of one engine on one program."""

    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    rss_kb: int = 0

    @property
    def wall(self) -> float:
        return statistics.median(self.walls) if self.walls else float("nan")

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus) if self.cpus else float("nan")

    @property
    def spread(self) -> float:
        """(max - min) / median of wall times: how noisy this row is."""
        if len(self.walls) < 2:
            return 0.0
        return (max(self.walls) - min(self.walls)) / self.wall

    def to_json(self) -> dict:
        return {"wall_s": self.wall, "cpu_s": self.cpu, "peak_rss_kb": self.rss_kb, "runs": len(self.walls),
                "spread": self.spread}


@dataclass
class ProcessResult:
    stdout: bytes
    stderr: bytes
    status: int
    wall: float
    cpu: float
    rss_kb: int


#: GNU time reports the peak RSS of the program itself; ``wait4`` on a child forked from
#: this (large) Python process would report Python's RSS, inherited across fork+exec
GNU_TIME = "/usr/bin/time"


def run_process(cmd: list[str], *, env: Optional[dict] = None, timeout: float = 300.0) -> ProcessResult:
    """Run a command once: wall from spawn to exit; CPU (user+sys) and peak RSS of the
    program from GNU time when present (else from wait4, RSS then reported as 0)."""
    use_time = os.access(GNU_TIME, os.X_OK)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".time") as tfile:
        full = [GNU_TIME, "-f", "%U %S %M", "-o", tfile.name, *cmd] if use_time else cmd
        t0 = time.perf_counter()
        proc = subprocess.Popen(full, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env,
                                start_new_session=True)
        # a blocking wait, with the time limit enforced from a timer thread: ``Popen.wait(timeout)``
        # polls with sleeps growing to 50 ms, which rounded every wall time up to that grain.  The
        # kill goes to the process group, so that GNU time's child dies with it.
        killer = threading.Timer(timeout, os.killpg, (proc.pid, signal.SIGKILL))
        killer.start()
        try:
            proc.wait()
        finally:
            killer.cancel()
        wall = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        cpu, rss = 0.0, 0
        if use_time:
            fields = (tfile.read().strip().splitlines() or [""])[-1].split()
            if len(fields) == 3:
                cpu, rss = float(fields[0]) + float(fields[1]), int(fields[2])
        return ProcessResult(out.read(), err.read(), proc.returncode, wall, cpu, rss)


def measure(cmd: list[str], runs: int, env: Optional[dict] = None) -> tuple[Timing, ProcessResult]:
    timing = Timing()
    last = None
    for _ in range(runs):
        last = run_process(cmd, env=env)
        timing.walls.append(last.wall)
        timing.cpus.append(last.cpu)
        timing.rss_kb = max(timing.rss_kb, last.rss_kb)
    assert last is not None
    return timing, last


def node_steady_state(path: str, args: list[str], warm: int = 5, reps: int = 20) -> float:
    """Seconds per run of the program body in a warm Node process."""
    proc = subprocess.run(["node", "-e", _NODE_WARM, "--", path, str(warm), str(reps), *args],
                          capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        return float("nan")
    return float(proc.stdout)


def rust_steady_state(binary: str, args: list[str], reps: int = 20) -> float:
    """Seconds per run of the program body inside one binary process (``JSRUST_REPEAT``)."""
    env = dict(os.environ, JSRUST_REPEAT=str(reps))
    res = run_process([binary, *args], env=env)
    one = run_process([binary, *args])
    if res.status != one.status:
        return float("nan")
    if res.wall < 2 * one.wall:
        # repeating did not measurably lengthen the process: the binary ignores JSRUST_REPEAT (or the
        # body is lost in start-up noise), and the difference below would be noise, not a run time
        return float("nan")
    # the repeated process pays start-up once: subtract one run's start-up-inclusive time share
    return max(res.wall - one.wall, 0.0) / max(reps - 1, 1)


def bench_args(path: str) -> tuple[list[str], list[str]]:
    """A benchmark program's first line may say ``// bench: train 50, run 200000``: the
    tracer (and so the compiler) is trained on the small size, the engines are timed on
    the big one — as a tracing JIT records a few iterations and runs the rest."""
    first = Path(path).read_text().split("\n", 1)[0]
    m = re.match(r"//\s*bench:\s*train\s+(\S+),\s*run\s+(\S+)", first)
    if not m:
        return [], []
    return [m.group(1)], [m.group(2)]


def interp_seconds(path: str, trace: bool, args: Optional[list[str]] = None, runs: int = 1,
                   clock: Callable[[], float] = time.perf_counter) -> tuple[float, str]:
    """The program under our interpreter (in process), tracing off or on: the best of
    ``runs`` fresh runs (parse, realm and recorder each time) by ``clock``. The
    benchmark's tracing ratio uses CPU time (``time.process_time``) and the best run:
    these runs last tens of milliseconds, and on a shared machine a wall clock mostly
    measures who else was running."""
    from .frontend import parse
    from .interp import Realm

    source = Path(path).read_text()
    best, text = float("inf"), ""
    for _ in range(max(1, runs)):
        program = parse(source, os.path.abspath(path))
        out = io.StringIO()
        recorder = None
        if trace:
            from .recorder import TreeRecorder

            recorder = TreeRecorder(program)
        realm = Realm(stdout=out.write, stderr=lambda s: None, argv=list(args or []))
        t0 = clock()
        realm.run_main(path, recorder=recorder)
        best, text = min(best, clock() - t0), out.getvalue()
    return best, text


def _ratio(a: float, b: float) -> str:
    if not (a > 0 and b > 0):
        return "n/a"
    return f"{a / b:.1f}x"


def bench_program(path: str, runs: int = 5, log=print) -> dict:
    """Everything for one program, measured in this one run."""
    from .pipeline import compile_file

    row: dict = {"program": Path(path).name}
    train, run = bench_args(path)
    log(f"[{row['program']}] interpreter (tracing off, on), size {train or 'default'} ...")
    interp_off, interp_out = interp_seconds(path, trace=False, args=train, runs=runs, clock=time.process_time)
    interp_on, _ = interp_seconds(path, trace=True, args=train, runs=runs, clock=time.process_time)
    node_small = run_process(["node", path, *train])
    log(f"[{row['program']}] compiling (trained on {train or 'default'}) ...")
    t0 = time.perf_counter()
    compiled = compile_file(path, opt=1, train=[train])
    compile_s = time.perf_counter() - t0
    log(f"[{row['program']}] node and rust ×{runs}, size {run or 'default'} ...")
    node_t, node_res = measure(["node", path, *run], runs)
    rust_t, rust_res = measure([str(compiled.binary), *run], runs)
    node_warm = node_steady_state(path, run)
    rust_warm = rust_steady_state(str(compiled.binary), run)
    row.update(
        node=node_t.to_json(), rust=rust_t.to_json(), node_warm_s=node_warm, rust_warm_s=rust_warm,
        interp_s=interp_off, tracer_s=interp_on, compile_s=compile_s, rustc_s=compiled.compile_seconds,
        rustc_cached=compiled.cached,
        equal_rust=(rust_res.stdout == node_res.stdout and rust_res.status == node_res.status),
        equal_interp=(interp_out.encode() == node_small.stdout),
        cold_ratio=node_t.wall / rust_t.wall if rust_t.wall > 0 else float("nan"),
        warm_ratio=node_warm / rust_warm if rust_warm > 0 else float("nan"),
        rss_ratio=node_t.rss_kb / rust_t.rss_kb if rust_t.rss_kb else float("nan"),
        trace_overhead=interp_on / interp_off if interp_off > 0 else float("nan"),
    )
    return row


def format_rows(rows: list[dict]) -> str:
    head = (f"{'program':<24} {'node ms':>8} {'rust ms':>8} {'cold':>7} {'warm':>7} {'node MiB':>9} {'rust MiB':>9}"
            f" {'mem':>6} {'interp s':>9} {'trace×':>7} {'rustc s':>8} {'same':>5}")
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append(
            f"{r['program']:<24} {r['node']['wall_s'] * 1e3:8.1f} {r['rust']['wall_s'] * 1e3:8.1f}"
            f" {_ratio(r['node']['wall_s'], r['rust']['wall_s']):>7} {_ratio(r['node_warm_s'], r['rust_warm_s']):>7}"
            f" {r['node']['peak_rss_kb'] / 1024:9.1f} {r['rust']['peak_rss_kb'] / 1024:9.1f}"
            f" {_ratio(r['node']['peak_rss_kb'], r['rust']['peak_rss_kb']):>6} {r['interp_s']:9.3f}"
            f" {r['trace_overhead']:6.2f}x {r['rustc_s']:8.2f} {'yes' if r['equal_rust'] and r['equal_interp'] else 'NO':>5}"
        )
    if rows:
        def gmean(key: str) -> float:
            vals = [r[key] for r in rows if r[key] == r[key] and r[key] > 0]
            return statistics.geometric_mean(vals) if vals else float("nan")

        lines.append(f"geometric mean: Rust vs Node cold {gmean('cold_ratio'):.1f}x, warm {gmean('warm_ratio'):.2f}x, "
                     f"memory {gmean('rss_ratio'):.1f}x smaller; tracing on vs off {gmean('trace_overhead'):.2f}x")
        lines.append("cold = whole process spawn→exit (median); warm = program body repeated in one process "
                     "(node: vm.Script after warm-up; rust: JSRUST_REPEAT); ratios > 1 mean Rust is better; "
                     "interp s, trace×: CPU seconds, best run, at the training size.")
    return "\n".join(lines)


def main_bench(args: argparse.Namespace) -> int:
    if not args.files:
        print("jsrust bench: give one or more FILE.js", file=sys.stderr)
        return 2
    if args.interp:
        print(f"{'program':<28} {'tracing off s':>14} {'tracing on s':>13} {'on/off':>7}   (CPU s, best of {args.runs})")
        ratios: list[float] = []
        for path in args.files:
            train, _ = bench_args(path)
            off, _ = interp_seconds(path, trace=False, args=train, runs=args.runs, clock=time.process_time)
            on, _ = interp_seconds(path, trace=True, args=train, runs=args.runs, clock=time.process_time)
            print(f"{Path(path).name:<28} {off:14.3f} {on:13.3f} {on / off if off else float('nan'):6.2f}x", flush=True)
            if off > 0:
                ratios.append(on / off)
        if ratios:
            print(f"geometric mean: tracing on vs off {statistics.geometric_mean(ratios):.2f}x")
        return 0
    rows = [bench_program(p, runs=args.runs, log=lambda m: print(m, file=sys.stderr, flush=True)) for p in args.files]
    print(format_rows(rows))
    return 0
