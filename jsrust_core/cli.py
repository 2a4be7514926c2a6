"""``jsrust`` — the command line over ``pipeline``.

    jsrust run FILE.js [ARGS...]                 run under the interpreter, as `node FILE.js`
    jsrust trace FILE.js [--linear] [--json OUT] [--dot OUT] [--train JSON ...]
    jsrust types FILE.js [--train JSON ...]
    jsrust compile FILE.js -o BIN [--emit-rust OUT.rs] [--opt N] [--linear] [--train JSON ...] [--link static|dynamic]
    jsrust bench FILE.js ... [--interp] [--runs N]
    jsrust serve | openwhisk | bench --serverless   (OpenWhisk actions; see README)

Errors a user made (bad syntax, unsupported features, rustc failures) are printed
as one clear message with a location and a non-zero status, never a Python traceback.
"""
from __future__ import annotations

import argparse
import json
import sys
import threading
from pathlib import Path
from typing import Optional

from .errors import JsrustError


def _train_runs(values: Optional[list[str]]) -> Optional[list[list[str]]]:
    """``--train '["5", "x"]'`` → one argv list per training run."""
    if not values:
        return None
    runs = []
    for text in values:
        data = json.loads(text)
        if not isinstance(data, list):
            data = [data]
        runs.append([d if isinstance(d, str) else json.dumps(d) for d in data])
    return runs


def _progress(msg: str) -> None:
    print(f"jsrust: {msg}", file=sys.stderr, flush=True)


def cmd_run(args: argparse.Namespace) -> int:
    from .pipeline import run_file

    return run_file(args.file, args.args)


def cmd_trace(args: argparse.Namespace) -> int:
    from .dot import tree_to_dot
    from .pipeline import forest_json, trace_file

    traced = trace_file(args.file, argv_runs=_train_runs(args.train), linear=args.linear)
    sys.stdout.write(traced.stdout)
    print(traced.forest.summary())
    if args.json:
        Path(args.json).write_text(forest_json(traced.forest))
    if args.dot:
        Path(args.dot).write_text(tree_to_dot(traced.forest))
    return 0


def cmd_types(args: argparse.Namespace) -> int:
    from .pipeline import types_file

    print(types_file(args.file, argv_runs=_train_runs(args.train)).format())
    return 0


def cmd_compile(args: argparse.Namespace) -> int:
    from .pipeline import compile_file

    result = compile_file(args.file, out=args.output, opt=args.opt, linear=args.linear,
                          train=_train_runs(args.train), progress=_progress, static=args.link == "static")
    if args.emit_rust:
        Path(args.emit_rust).write_text(result.rust.source)
    stages = ", ".join(f"{k} {v:.2f}s" for k, v in result.times.stages.items())
    cached = " (cached)" if result.cached else ""
    print(f"jsrust: built {result.binary}{cached} in {result.rounds} round(s): {stages}", file=sys.stderr)
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    if args.serverless:
        from .serverless.measure import main_bench

        return main_bench(args)
    from .bench import main_bench

    return main_bench(args)


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="jsrust", description="Trace JavaScript, draw its trees and types, compile it to safe Rust.")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("run", help="run FILE.js under the interpreter (as `node FILE.js`)")
    p.add_argument("file")
    p.add_argument("args", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("trace", help="record trace trees and print their statistics")
    p.add_argument("file")
    p.add_argument("--linear", action="store_true", help="no recursion detection: calls unrolled as recorded")
    p.add_argument("--json", help="write the forest as JSON here")
    p.add_argument("--dot", help="write the trees as graphviz DOT here")
    p.add_argument("--train", action="append", help="a JSON array of process.argv arguments for one run (repeatable)")
    p.set_defaults(func=cmd_trace)

    p = sub.add_parser("types", help="print the inferred type table")
    p.add_argument("file")
    p.add_argument("--train", action="append")
    p.set_defaults(func=cmd_types)

    p = sub.add_parser("compile", help="trace, infer types, generate Rust and build a binary")
    p.add_argument("file")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--emit-rust", help="also write the generated Rust here")
    p.add_argument("--opt", type=int, default=1, help="rustc opt-level (default 1: -O speed at half the compile time)")
    p.add_argument("--linear", action="store_true")
    p.add_argument("--train", action="append")
    p.add_argument("--link", choices=("static", "dynamic"), default="dynamic",
                   help="how the binary links glibc (static: faster start, less memory, but glibc's libm "
                        "differs from V8 in last bits, e.g. Math.cbrt(27))")
    p.set_defaults(func=cmd_compile)

    p = sub.add_parser("bench", help="interpreter vs node vs Rust on the same programs, in one run")
    p.add_argument("files", nargs="*")
    p.add_argument("--interp", action="store_true", help="interpreter speed: tracing off vs on")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--serverless", help="an OpenWhisk action: JS action vs Rust action, each in its runtime")
    p.add_argument("--requests", help="JSON lines of request params (with --serverless)")
    p.set_defaults(func=cmd_bench)

    try:
        from .serverless import cli as serverless_cli

        serverless_cli.add_commands(sub)
    except ImportError:
        pass
    return ap


def main(argv: Optional[list[str]] = None) -> None:
    args = build_parser().parse_args(argv)
    if getattr(args, "foreground", False):
        # a command that only waits on a child process (`serve`) runs in the main thread, the one
        # a Ctrl-C interrupts, so it can stop that child before exiting
        sys.exit(args.func(args))
    # deep JS recursion needs a deep Python stack: run in a thread with a big one
    threading.stack_size(512 * 1024 * 1024)
    result: list[int] = [1]

    def target() -> None:
        try:
            result[0] = args.func(args)
        except JsrustError as exc:
            print(str(exc), file=sys.stderr)
            result[0] = 2
        except OSError as exc:  # a file named on the command line that cannot be read or written
            where = f": {exc.filename}" if exc.filename else ""
            print(f"jsrust: {exc.strerror or exc}{where}", file=sys.stderr)
            result[0] = 2
        except KeyboardInterrupt:
            print("jsrust: interrupted", file=sys.stderr)
            result[0] = 130

    t = threading.Thread(target=target, name="jsrust-main")
    t.start()
    t.join()
    sys.stdout.flush()
    sys.exit(result[0])


if __name__ == "__main__":
    main()
