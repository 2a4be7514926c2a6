"""The serverless subcommands, for `jsrust_core/cli.py` to delegate to.

    jsrust serve ACTION.js|action.zip [--port P] [--init] [--failed-log FAILED.jsonl]
    jsrust openwhisk ACTION.js --train PARAMS.json ... -o action.zip [--regrow FAILED.jsonl]
    jsrust bench --serverless ACTION.js --requests FILE.jsonl [--rust-zip Z | --rust-source R.rs]

Each `add_*_arguments(parser)` fills an argparse (sub)parser; each `main_*(args)` takes the parsed
namespace and returns a process exit status.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from .export import ExportError, export_action, export_rust_source
from .measure import bench_serverless, load_requests
from .runner import serve


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", help="a JS action file or an action zip (top-level exec or index.js)")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--init", action="store_true",
                        help="initialise the action at start-up (then /run works at once; /init is refused)")
    parser.add_argument("--failed-log", type=Path, default=None,
                        help="append the params of every failed activation here (input for --regrow)")


def main_serve(args: argparse.Namespace) -> int:
    serve(args.action, args.port, args.host, preinit=args.init, failed_log=args.failed_log)
    return 0


def add_openwhisk_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", help="the JS action (function main(params) {...})")
    parser.add_argument("--train", action="append", default=[], type=Path, metavar="PARAMS.json",
                        help="training params: a JSON object, a JSON array of objects, or JSON lines; repeatable")
    parser.add_argument("-o", "--output", type=Path, default=Path("action.zip"))
    parser.add_argument("--regrow", action="append", default=[], type=Path, metavar="FAILED.jsonl",
                        help="params of activations that failed in a previous zip (serve --failed-log); "
                             "traced too, so the rebuilt action covers them")
    parser.add_argument("--opt", default="3", help="rustc opt-level")


def read_params(path: Path) -> list[dict]:
    """Params from a JSON object, a JSON array of objects, or JSON lines."""
    text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except ValueError:
        return load_requests(path)
    items = data if isinstance(data, list) else [data]
    if not all(isinstance(p, dict) for p in items):
        raise ValueError(f"{path}: params must be JSON objects")
    return items


def main_openwhisk(args: argparse.Namespace) -> int:
    train = [p for path in [*args.train, *args.regrow] for p in read_params(path)]
    if not train:
        print("jsrust openwhisk: give at least one --train file", file=sys.stderr)
        return 2
    try:
        out = export_action(args.action, train, args.output, opt_level=args.opt)
    except ExportError as exc:
        print(f"jsrust openwhisk: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {out} ({out.stat().st_size} bytes, trained on {len(train)} requests)")
    return 0


def add_bench_arguments(parser: argparse.ArgumentParser) -> None:
    """The serverless options of `jsrust bench`."""
    parser.add_argument("--serverless", metavar="ACTION.js", help="benchmark a JS action vs its Rust zip")
    parser.add_argument("--requests", type=Path, metavar="FILE.jsonl", help="request params, one JSON per line")
    parser.add_argument("--rust-zip", type=Path, default=None, help="use this zip instead of exporting one")
    parser.add_argument("--rust-source", type=Path, default=None,
                        help="build the Rust side from this js_main source (e.g. benchmarks/actions/handwritten/*.rs)")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--warm", type=int, default=400, help="warm requests per engine")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")


def main_bench(args: argparse.Namespace) -> int:
    if not args.serverless or not args.requests:
        print("jsrust bench --serverless needs ACTION.js and --requests FILE.jsonl", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="jsrust-bench-") as tmp:
        rust_zip = args.rust_zip
        if args.rust_source is not None:
            rust_zip = export_rust_source(args.rust_source, Path(tmp) / "action.zip")
        report = bench_serverless(args.serverless, args.requests, rust_zip=rust_zip,
                                  warm_requests=args.warm, concurrency=args.concurrency)
    if args.rust_source is not None:
        report.notes.append(f"rust: built from {args.rust_source} (not generated from the JS)")
    print(report.to_json() if args.json else report.table())
    return 0 if report.equal is None or all(report.equal) else 1
