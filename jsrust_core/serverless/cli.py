"""The serverless subcommands, for `jsrust_core/cli.py` to delegate to (`add_commands`).

    jsrust serve ACTION.js|action.zip [--port P] [--init] [--failed-log FAILED.jsonl]
    jsrust openwhisk ACTION.js --train PARAMS.json ... -o action.zip [--regrow FAILED.jsonl]
    jsrust bench --serverless ACTION.js --requests FILE.jsonl [--rust-zip Z | --rust-source R.rs]

Each `add_*_arguments(parser)` fills an argparse (sub)parser; each `main_*(args)` takes the parsed
namespace and returns a process exit status.  The bench pair lives in `measure.py`.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import zipfile
from pathlib import Path

from .export import LINK_MODES, ExportError, export_action, required_glibc
from .measure import add_bench_arguments, load_requests
from .runtimes import serve


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", help="a JS action file or an action zip (top-level exec: the Rust proxy; "
                                       "index.js: the node runtime)")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--init", action="store_true",
                        help="initialise the action at start-up (then /run works at once; /init is refused)")
    parser.add_argument("--failed-log", type=Path, default=None,
                        help="append the params of every failed activation here (input for --regrow)")


def main_serve(args: argparse.Namespace) -> int:
    return serve(args.action, args.port, args.host, preinit=args.init, failed_log=args.failed_log)


def add_openwhisk_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", help="the JS action (function main(params) {...})")
    parser.add_argument("--train", action="append", default=[], type=Path, metavar="PARAMS.json",
                        help="training params: a JSON object, a JSON array of objects, or JSON lines; repeatable")
    parser.add_argument("-o", "--output", type=Path, default=Path("action.zip"))
    parser.add_argument("--regrow", action="append", default=[], type=Path, metavar="FAILED.jsonl",
                        help="params of activations that failed in a previous zip (serve --failed-log); "
                             "traced too, so the rebuilt action covers them")
    parser.add_argument("--opt", default="3", help="rustc opt-level")
    parser.add_argument("--link", choices=LINK_MODES, default="static",
                        help="static (default): runs on any image; dynamic: half the zip, a shorter /init, "
                             "but needs the image's glibc to be at least the one printed")


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
        out = export_action(args.action, train, args.output, opt_level=args.opt, link=args.link)
    except ExportError as exc:
        print(f"jsrust openwhisk: {exc}", file=sys.stderr)
        return 1
    needs = ""
    if args.link == "dynamic":
        with zipfile.ZipFile(out) as zf, tempfile.TemporaryDirectory() as tmp:
            glibc = required_glibc(Path(zf.extract("exec", tmp)))
        needs = f"; dynamically linked: the action image needs glibc >= {glibc}"
    print(f"wrote {out} ({out.stat().st_size} bytes, trained on {len(train)} requests{needs})")
    return 0


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Add `serve` and `openwhisk` to the `jsrust` subcommands, and the serverless options the
    `bench` subcommand does not have yet."""
    p = subparsers.add_parser("serve", help="serve an action on the OpenWhisk /init /run contract (127.0.0.1)")
    add_serve_arguments(p)
    p.set_defaults(func=main_serve, foreground=True)
    p = subparsers.add_parser("openwhisk", help="trace + compile a JS action into an OpenWhisk native zip")
    add_openwhisk_arguments(p)
    p.set_defaults(func=main_openwhisk)
    bench = subparsers.choices.get("bench")
    if bench is not None:
        add_bench_arguments(bench, skip={"--serverless", "--requests"})
