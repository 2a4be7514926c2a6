"""Recursion-aware vs linear trace trees on our recursive and loop-only programs.

For each ``benchmarks/programs/rec_*.js``: run it plain, then traced in both modes,
and print tree nodes, JSON bytes, recording time, whether every run printed what
Node prints, whether the recorded forest replays without leaving its paths, and
— when the Rust back end is present — Rust lines and rustc time.

    .venv/bin/python benchmarks/recursion.py            # the table
    .venv/bin/python benchmarks/recursion.py --overhead # tracing on vs off

Targets: recursion-aware trees >= 10x smaller on the recursive programs, about
equal on the loop-only ones (``rec_loop_*``).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jsrust_core.compare import run  # noqa: E402  (shared with %%compare)
from jsrust_core.events import Recorder  # noqa: E402
from jsrust_core.frontend import parse  # noqa: E402
from jsrust_core.recorder import TreeRecorder  # noqa: E402
from jsrust_core.replay import replay  # noqa: E402

PROGRAMS = ROOT / "benchmarks" / "programs"


def node_output(path: Path) -> str:
    return subprocess.run(["node", str(path)], capture_output=True, text=True, timeout=60).stdout


def rust_columns(path: Path, linear: bool) -> tuple[str, str]:
    """(Rust lines, rustc seconds) through the pipeline, or ("n/a", reason)."""
    try:
        from jsrust_core.pipeline import compile_file

        result = compile_file(str(path), linear=linear)
    except Exception as exc:  # the back end is another stage; report, don't fail the table
        return "n/a", type(exc).__name__
    lines = len(result.rust.source.splitlines())
    return str(lines), f"{result.compile_seconds:.2f}" + (" (cached)" if result.cached else "")


def table(with_rust: bool) -> int:
    header = ["program", "mode", "nodes", "bytes", "record s", "plain s", "= node", "replay", "rust lines", "rustc s"]
    rows: list[list[str]] = []
    ratios: list[tuple[str, float]] = []
    failures = 0
    for path in sorted(PROGRAMS.glob("rec_*.js")):
        source = path.read_text()
        expected = node_output(path)
        try:
            plain_out, plain_s = run(source, path.name, None)
        except Exception as exc:  # an interpreter gap: show it in the table, go on
            rows.append([path.stem, "-", "interpreter error:", f"{type(exc).__name__}: {exc}"[:60], *[""] * 6])
            failures += 1
            continue
        nodes_by_mode = {}
        for mode in ("aware", "linear"):
            rec = TreeRecorder(parse(source, path.name), linear=(mode == "linear"))
            out, _ = run(source, path.name, rec)
            forest = rec.forest()
            stats = forest.stats
            nodes_by_mode[mode] = stats["nodes"]
            replay_out, _, checker = replay(source, path.name, forest, linear=(mode == "linear"))
            same = out == expected == plain_out == replay_out
            replay_ok = "ok" if checker.violation_count == 0 else f"{checker.violation_count} viol"
            if checker.unchecked:
                replay_ok += f" ({checker.unchecked} unchecked)"
            failures += (not same) + (checker.violation_count > 0)
            lines, rustc = rust_columns(path, mode == "linear") if with_rust else ("n/a", "off")
            rows.append([path.stem, mode, str(stats["nodes"]), str(stats["bytes"]), f"{stats['record_seconds']:.3f}",
                         f"{plain_s:.3f}", "yes" if same else "NO", replay_ok, lines, rustc])
        ratios.append((path.stem, nodes_by_mode["linear"] / max(1, nodes_by_mode["aware"])))
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)))
    print()
    print("linear / recursion-aware nodes:")
    for name, ratio in ratios:
        kind = "loop-only" if name.startswith("rec_loop") else "recursive"
        print(f"  {name:22} {ratio:8.1f}x  ({kind})")
    return 1 if failures else 0


def overhead() -> None:
    """Tracing on vs off: plain run, no-op recorder (the interpreter's hooked code),
    TreeRecorder (ours on top)."""
    programs = {
        "loop 1e6": "let s = 0; for (let i = 0; i < 1000000; i++) { s = s + i; } console.log(s);",
        "fib(20)": "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); } console.log(fib(20));",
    }
    for name, source in programs.items():
        _, off = run(source, "x.js", None)
        _, noop = run(source, "x.js", Recorder())
        rec = TreeRecorder(parse(source, "x.js"))
        _, on = run(source, "x.js", rec)
        print(f"{name:10} off {off:7.3f} s   no-op recorder {noop:7.3f} s   TreeRecorder {on:7.3f} s   "
              f"on/off {on / off:5.2f}x   nodes {rec.forest().stats['nodes']}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--overhead", action="store_true", help="measure tracing on vs off instead")
    ap.add_argument("--no-rust", action="store_true", help="skip the Rust columns")
    args = ap.parse_args()
    if args.overhead:
        overhead()
        return 0
    return table(with_rust=not args.no_rust)


if __name__ == "__main__":
    sys.exit(main())
