"""The research magics: ``%%compare`` (recursion-aware vs linear tracing), ``%bench``
(benchmark programs: interpreter, Node, Rust) and ``%serverless`` (an OpenWhisk action
under Node vs its Rust export).

Why a module of its own: these magics answer the project's measurement questions rather
than show one cell's state, they run for seconds to minutes, and each is a thin layer
over one core entry point (``jsrust_core.compare.compare_modes``,
``jsrust_core.bench.bench_program``, ``jsrust_core.serverless.measure.bench_serverless``).
Here we only parse arguments, show progress in place, and turn results into a table
and a chart; ``register`` adds them to the kernel's registry.
"""
from __future__ import annotations

import html
import math
import time
from pathlib import Path
from typing import Any, Callable

from .magics import MagicArgumentParser, MagicError, MagicRegistry


# -- progress shown in place (one display updated by id, as %%rust does) ----------
def _progress(out: Any, label: str) -> tuple[Callable[[str], None], Callable[[str], None]]:
    """``(say, done)``: ``say`` replaces the progress line with a message and the time
    elapsed; ``done`` writes the final line."""
    display_id = out.new_display_id()
    t0 = time.perf_counter()
    out.display({"text/plain": f"{label}: starting…"}, display_id=display_id)

    def say(message: str) -> None:
        out.display({"text/plain": f"{label} ({time.perf_counter() - t0:.1f} s): {message}"},
                    display_id=display_id, update=True)

    def done(message: str) -> None:
        out.display({"text/plain": f"{label}: {message} in {time.perf_counter() - t0:.1f} s"},
                    display_id=display_id, update=True)

    return say, done


def ratio_chart_svg(rows: list[tuple[str, float, float]], names: tuple[str, str], title: str) -> str:
    """Bars of ``b / a`` per measure on a log scale (1× in the middle), each labelled with
    both values and the ratio. ``rows``: ``(measure, a, b)``; ``names``: what a and b are.

    Why not ``render.timing_chart_svg``: the measures here have different units (nodes,
    bytes, seconds), so one shared axis of seconds would mislead; ratios share an axis."""
    usable = [(m, a, b) for m, a, b in rows if a > 0 and b > 0]
    if not usable:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="30"><text x="4" y="20">no data</text></svg>'
    span = max(1.0, *(abs(math.log10(b / a)) for _, a, b in usable))
    label_w, bar_w, text_w, row_h = 110, 360, 300, 22
    mid = label_w + bar_w / 2
    height = 40 + row_h * len(usable) + 24
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + text_w}" height="{height}" '
           f'font-family="sans-serif" font-size="12" class="jsr-ratio-chart">',
           f'<text x="4" y="16" font-weight="bold">{html.escape(title)}</text>',
           f'<text x="4" y="32" fill="#666">{html.escape(names[1])} / {html.escape(names[0])}, log scale; '
           f'right of the line: {html.escape(names[1])} is larger</text>']
    y = 40
    for measure, a, b in usable:
        r = b / a
        w = (bar_w / 2) * math.log10(r) / span
        x = mid if w >= 0 else mid + w
        colour = "#e45756" if r >= 1 else "#54a24b"
        out.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{html.escape(measure)}</text>')
        out.append(f'<rect x="{x:.1f}" y="{y + 4}" width="{max(abs(w), 1):.1f}" height="{row_h - 8}" fill="{colour}">'
                   f'<title>{html.escape(measure)}: {a:g} vs {b:g}</title></rect>')
        out.append(f'<text x="{label_w + bar_w + 6}" y="{y + 15}">{r:.1f}×  ({_num(a)} → {_num(b)})</text>')
        y += row_h
    out.append(f'<line x1="{mid}" y1="38" x2="{mid}" y2="{y + 2}" stroke="#333"/>'
               f'<text x="{mid}" y="{y + 16}" text-anchor="middle" fill="#666">1×</text></svg>')
    return "".join(out)


def _num(v: float) -> str:
    """A count as an integer, a time in s/ms."""
    if float(v).is_integer():
        return f"{int(v)}"
    return f"{v:.2f} s" if v >= 1 else f"{v * 1e3:.1f} ms"


# -- %%compare -------------------------------------------------------------------
def compare(bench: Any, out: Any, args: Any, body: str | None, filename: str) -> None:
    """Trace the cell recursion-aware and linear (each in a fresh realm), compile both
    unless ``--no-rust``, and show the measured table and the ratio chart."""
    from jsrust_core.compare import MODES, TraceFailed, compare_modes
    from jsrust_widgets import html_table

    if not (body or "").strip():
        raise MagicError("%%compare needs a cell: a self-contained JavaScript program")
    say, done = _progress(out, "compare")
    try:
        result = compare_modes(body or "", filename, rust=not args.no_rust, progress=say)
    except TraceFailed as exc:
        done("failed")
        raise MagicError(str(exc), exc.ename) from None
    except Exception as exc:  # node missing, a timeout: a report, never a dead kernel
        done("failed")
        raise MagicError(f"{type(exc).__name__}: {exc}", "CompareError") from None
    done("traced" + ("" if args.no_rust else ", compiled and run") + " in both modes")
    header = ["mode", "nodes", "guards", "bytes", "record time", "Rust lines", "rustc time", "outputs identical"]
    rows = []
    for mode in MODES:
        m = result.modes[mode]
        if m.rust_lines is None:
            lines, rustc = ("–", "–") if args.no_rust else ("n/a", m.rust_error.split("\n")[0][:80])
        else:
            lines = str(m.rust_lines)
            rustc = f"{m.rustc_seconds:.2f} s" + (" (cached)" if m.rustc_cached else "")
        same = "yes" if m.outputs_identical(result.node_stdout) else "NO"
        rows.append([mode, m.stats["nodes"], m.stats["guards"], m.stats["bytes"],
                     f"{m.stats['record_seconds'] * 1e3:.1f} ms", lines, rustc, same])
    ratios = result.ratios()
    rows.append(["linear / aware", *(f"{ratios[k]:.1f}×" if k in ratios else "–"
                                     for k in ("nodes", "guards", "bytes", "record time", "Rust lines", "rustc time")),
                 ""])
    plain = "\n".join("  ".join(str(c) for c in r) for r in [header, *rows])
    out.display({"text/html": html_table(header, rows, "jsr-compare"), "text/plain": plain})
    aware, linear = result.modes[MODES[0]], result.modes[MODES[1]]
    chart_rows = [(k, aware.stats[s], linear.stats[s]) for k, s in
                  (("nodes", "nodes"), ("guards", "guards"), ("bytes", "bytes"), ("record time", "record_seconds"))]
    if aware.rust_lines and linear.rust_lines:
        chart_rows.append(("Rust lines", aware.rust_lines, linear.rust_lines))
    if "rustc time" in ratios:
        chart_rows.append(("rustc time", aware.rustc_seconds, linear.rustc_seconds))
    svg = ratio_chart_svg(chart_rows, ("recursion-aware", "linear"), "linear vs recursion-aware tracing")
    out.display({"text/html": svg, "text/plain": "  ".join(f"{k} {v:.1f}×" for k, v in ratios.items())})


# -- %bench FILE.js ... ------------------------------------------------------------
def bench_files(bench: Any, out: Any, args: Any, body: str | None, filename: str) -> None:
    """``bench_program`` per file (train small, run big, per its ``// bench:`` header)."""
    from jsrust_core.bench import bench_program, format_rows
    from jsrust_widgets import TimingChart, html_table

    missing = [f for f in args.files if not Path(f).is_file()]
    if missing:
        raise MagicError(f"%bench: no such file: {', '.join(missing)}", "FileNotFoundError")
    if args.runs < 1:
        raise MagicError("%bench: --runs must be at least 1")
    say, done = _progress(out, "bench")
    rows = []
    for n, path in enumerate(args.files, 1):
        try:
            rows.append(bench_program(path, runs=args.runs, log=lambda m, n=n: say(f"{n}/{len(args.files)} {m}")))
        except Exception as exc:  # a program our pipeline cannot compile: say which, keep the kernel
            done("failed")
            raise MagicError(f"{Path(path).name}: {type(exc).__name__}: {exc}", "BenchError") from None
    done(f"measured {len(rows)} program{'s' if len(rows) > 1 else ''}")
    out.display({"text/html": html_table(BENCH_HEADER, [bench_row(r) for r in rows], "jsr-bench"),
                 "text/plain": format_rows(rows)})
    for r in rows:
        out.widget(TimingChart(bench_groups(r), baseline="node", title=r["program"]))


BENCH_HEADER = ("program", "node cold", "rust cold", "node/rust cold", "node warm", "rust warm", "node/rust warm",
                "node RSS", "rust RSS", "interpreter (train)", "tracer (train)", "rustc", "same output")


def _ms(s: float) -> str:
    return "–" if s != s else f"{s * 1e3:.3f} ms" if s < 0.01 else f"{s * 1e3:.1f} ms"


def _x(r: float) -> str:
    return "–" if r != r else f"{r:.1f}×"


def bench_row(r: dict) -> list[str]:
    """One ``bench_program`` result as table cells."""
    same = "yes" if r["equal_rust"] and r["equal_interp"] else \
        f"rust {'yes' if r['equal_rust'] else 'NO'}, interp {'yes' if r['equal_interp'] else 'NO'}"
    return [r["program"], _ms(r["node"]["wall_s"]), _ms(r["rust"]["wall_s"]), _x(r["cold_ratio"]),
            _ms(r["node_warm_s"]), _ms(r["rust_warm_s"]), _x(r["warm_ratio"]),
            f"{r['node']['peak_rss_kb'] / 1024:.1f} MiB", f"{r['rust']['peak_rss_kb'] / 1024:.1f} MiB",
            f"{r['interp_s']:.2f} s", f"{r['tracer_s']:.2f} s",
            f"{r['rustc_s']:.2f} s" + (" (cached)" if r["rustc_cached"] else ""), same]


def bench_groups(r: dict) -> dict[str, dict[str, float]]:
    """``{measure: {engine: seconds}}`` for the timing chart: cold and warm at the run
    size, the interpreter at the (smaller) training size."""
    groups = {"cold: process spawn → exit": {"node": r["node"]["wall_s"], "rust": r["rust"]["wall_s"]},
              "warm: one run in a warm process": {"node": r["node_warm_s"], "rust": r["rust_warm_s"]},
              "our interpreter, training size": {"interpreter": r["interp_s"], "tracer": r["tracer_s"]}}
    # a measurement that could not be made (nan) gets no bar rather than an empty one
    return {g: {e: s for e, s in bars.items() if s == s} for g, bars in groups.items()}


# -- %serverless ACTION.js --requests FILE.jsonl ------------------------------------
def serverless(bench: Any, out: Any, args: Any, body: str | None, filename: str) -> None:
    """Export the Rust action trained on the requests (or ``--train``), run it and the JS
    action under Node, each in its local runtime (`serverless/runtimes.py`), and show the comparison."""
    from jsrust_core.serverless.export import ExportError, export_action
    from jsrust_core.serverless.measure import bench_serverless, load_requests
    from jsrust_widgets import TimingChart, html_table

    for f in (args.action, args.requests, args.train):
        if f is not None and not Path(f).is_file():
            raise MagicError(f"%serverless: no such file: {f}", "FileNotFoundError")
    if args.warm < 1:
        raise MagicError("%serverless: --warm must be at least 1")
    try:
        requests = load_requests(args.requests)
        train = load_requests(args.train) if args.train else requests
    except ValueError as exc:  # includes json.JSONDecodeError
        raise MagicError(f"%serverless: {exc}", "ValueError") from None
    if not requests:
        raise MagicError(f"%serverless: {args.requests} holds no requests", "ValueError")
    say, done = _progress(out, "serverless")
    try:
        rust_zip = None
        if args.save:
            say(f"exporting the Rust action to {args.save} (trace, compile, zip)")
            rust_zip = export_action(args.action, train, args.save)
        say("exporting (unless saved), then measuring node and rust in their local runtimes")
        report = bench_serverless(args.action, args.requests, rust_zip=rust_zip, train=train,
                                  warm_requests=args.warm, throughput_requests=args.warm,
                                  concurrency=args.concurrency)
    except ExportError as exc:
        done("export failed")
        raise MagicError(str(exc), "ExportError") from None
    except Exception as exc:  # a runtime or action failure is a report, not a dead kernel
        done("failed")
        raise MagicError(f"{type(exc).__name__}: {exc}", "ServerlessError") from None
    done("measured")
    out.display({"text/html": serverless_html(report, html_table), "text/plain": report.table()})
    if "rust" in report.engines:
        out.widget(TimingChart(serverless_groups(report), baseline="node", title=Path(args.action).name))


SERVERLESS_ROWS = (("cold start", "cold_start_ms", "{:.1f} ms"),
                   ("… of which runtime start → listening", "stage:start", "{:.1f} ms"),
                   ("… of which base64 decode of the zip", "stage:decode", "{:.1f} ms"),
                   ("… of which unzip (inflate, write)", "stage:unzip", "{:.1f} ms"),
                   ("… of which exec spawn → ready", "stage:spawn_ack", "{:.1f} ms"),
                   ("cold start CPU time (container)", "stage:cpu_total", "{:.1f} ms"),
                   ("warm /run p50", "warm_p50_ms", "{:.3f} ms"),
                   ("… of which in the action (runtime-reported)", "action_p50_ms", "{:.3f} ms"),
                   ("warm /run p99", "warm_p99_ms", "{:.3f} ms"),
                   ("CPU per request (container)", "cpu_ms_per_request", "{:.3f} ms"),
                   ("peak RSS", "peak_rss_kb", "{:.1f} MiB"),
                   ("throughput (higher is better)", "throughput_rps", "{:.0f} req/s"),
                   ("energy per request (ESTIMATE unless RAPL)", "energy_mj_per_request", "{:.3f} mJ"))


def serverless_html(report: Any, html_table: Callable[..., str]) -> str:
    """The report as an HTML table (node, rust, Rust's gain: `measure.rust_gain`) plus its notes."""
    from jsrust_core.serverless.measure import rust_gain

    names = list(report.engines)
    rows = []
    for label, attr, fmt in SERVERLESS_ROWS:
        if attr.startswith("stage:"):   # a cold-start stage (measure.COLD_STAGES); 0 where a kind has none
            vals = [report.engines[n].cold_stages_ms.get(attr[6:], 0.0) for n in names]
        else:
            vals = [getattr(report.engines[n], attr) for n in names]
        if attr == "peak_rss_kb":
            vals = [v / 1024 for v in vals]
        gain = rust_gain(attr, vals[0], vals[1]) if len(vals) == 2 else None
        ratio = [_x(gain) if gain is not None else "–"]
        rows.append([label, *(fmt.format(v) for v in vals), *ratio])
    notes = []
    if report.equal is not None:
        notes.append(f"outputs equal: {sum(report.equal)}/{len(report.equal)} requests")
    notes += sorted({f"energy: {e.energy_method}" for e in report.engines.values()}) + list(report.notes)
    items = "".join(f"<li>{html.escape(n)}</li>" for n in notes)
    return html_table(["", *names, "rust gain"], rows, "jsr-serverless") + f"<ul>{items}</ul>"


def serverless_groups(report: Any) -> dict[str, dict[str, float]]:
    """Latencies and CPU per request in seconds, per engine, for the timing chart."""
    return {label: {n: getattr(e, attr) / 1e3 for n, e in report.engines.items()}
            for label, attr in (("cold start", "cold_start_ms"), ("warm p50", "warm_p50_ms"),
                                ("warm p99", "warm_p99_ms"), ("CPU per request", "cpu_ms_per_request"))}


# -- registration -------------------------------------------------------------------
def _compare_args(p: MagicArgumentParser) -> None:
    p.add_argument("--no-rust", action="store_true", help="only trace (skip compiling and running the Rust)")


def _bench_args(p: MagicArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE.js",
                   help="benchmark programs (a '// bench: train X, run Y' first line sets their sizes)")
    p.add_argument("--runs", type=int, default=3, metavar="N", help="one-shot runs per engine (default 3)")


def _serverless_args(p: MagicArgumentParser) -> None:
    p.add_argument("action", metavar="ACTION.js", help="an OpenWhisk action (function main(params))")
    p.add_argument("--requests", required=True, metavar="FILE.jsonl", help="request params, one JSON object per line")
    p.add_argument("--train", metavar="FILE.jsonl", help="train the Rust export on these instead of the requests")
    p.add_argument("--warm", type=int, default=100, metavar="N",
                   help="warm requests (and throughput requests) per engine (default 100)")
    p.add_argument("--concurrency", type=int, default=4, metavar="N", help="clients for the throughput run")
    p.add_argument("--save", metavar="ZIP", help="also keep the exported action zip at this path (to deploy it)")


def register(reg: MagicRegistry) -> None:
    """Add %%compare, %bench and %serverless to the kernel's registry."""
    reg.add("compare", "cell", "trace the cell recursion-aware and linear, compile both, compare sizes and times",
            compare, _compare_args)
    reg.add("bench", "line", "benchmark .js programs: interpreter, node and Rust (cold and warm)", bench_files,
            _bench_args)
    reg.add("serverless", "line", "an OpenWhisk action under node vs its Rust export, in their local runtimes",
            serverless, _serverless_args)
