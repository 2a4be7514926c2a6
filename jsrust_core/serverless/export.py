"""Export an action as an OpenWhisk native-action zip: top-level `exec` + `exec.env`.

The `exec` is a statically linked (`+crt-static`, so it runs on images with an older glibc),
stripped and stored uncompressed (init time grows with its size; inflating it took longer) Rust binary that runs the ActionLoop protocol of
`jsrust_core/runtime/actionloop.rs` in process, keeping warm state between activations.  Two shapes:

* `export_action`: the Rust generator's action mode compiles the JS action (its `main` serves
  the activations through `jsrt::action::serve`);
* `export_rust_source`: Rust defining `js_main(params: JsValue) -> Result<JsValue, JsValue>` is
  linked with the loop (`actionloop::<JsValue>` + `jsvalue_json.rs`): the hand-written baselines.
"""
from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import shutil
import stat
import subprocess
import tempfile
import time
import uuid
import zipfile
from pathlib import Path
from typing import Iterator

ACTIONLOOP_RS = Path(__file__).resolve().parent.parent / "runtime" / "actionloop.rs"
JSVALUE_JSON_RS = Path(__file__).resolve().with_name("jsvalue_json.rs")

#: Written to `exec.env`.  The Go action images compare this file with their OW_EXECUTION_ENV
#: (from memory of the runtime's source, not checked against a running image here); our proxy
#: does not read it.
EXECUTION_ENV = "jsrust/rust-actionloop"


#: rustc flags that make an action's `exec` small and quick to start, measured on maze_bfs
#: (1.70 MB / 774 KB zipped without them): `/init` time grows with the zip, since the runtime
#: must receive, base64-decode, check and write it (~4 ms per MB of stored exec on the 2-vCPU test
#: machine; ~15 ms per MB when it was deflated, see `package_action`).
#: * `strip=symbols`: symbols are only for debuggers;
#: * `codegen-units=1` + `lto=fat`: one optimisation unit with the `jsrt` rlib and std, so unused
#:   runtime code is dropped and the rest inlined (1.51 MB; CPU per request no worse);
#: * `relocation-model=static`: a non-PIE static binary need not relocate itself at start-up.
#: Not `panic=abort`: the runtime unwinds for JS `throw` (`jsrt::exit::throw` / `try_catch`),
#: for the deep-recursion `RangeError` (`exit::enter`) and for side exits in action mode.
#: What remains is mostly static glibc (a static Rust hello-world is already 1.22 MB).
SIZE_FLAGS = ("-C", "strip=symbols", "-C", "codegen-units=1", "-C", "lto=fat", "-C", "relocation-model=static")


class ExportError(Exception):
    """The action could not be compiled or packaged; the message says why."""


def build_exec(crate_root: str, out: Path, *, opt_level: str = "3", with_runtime: bool = False,
               rustc: str = "rustc") -> Path:
    """Compile `crate_root` (Rust source with `mod actionloop;`) to a static `exec` at `out`.

    With `with_runtime`, the crate links the `jsrt` runtime rlib (built and cached by
    `jsrust_core.build`) and may declare `mod jsvalue_json;` (ActionJson for `jsrt::JsValue`).
    Edition 2021 because `actionloop.rs` sets `__OW_*` variables with `std::env::set_var`,
    which edition 2024 makes `unsafe`.
    """
    out = Path(out)
    link: list[str] = []
    if with_runtime:
        from jsrust_core.build import build_runtime  # noqa: PLC0415 (only exports that link jsrt need it)

        rlib = build_runtime()
        link = ["--extern", f"jsrt={rlib}", "-L", str(rlib.parent)]
    with tempfile.TemporaryDirectory(prefix="jsrust-exec-") as tmp:
        root = Path(tmp) / "main.rs"
        root.write_text(crate_root, encoding="utf-8")
        shutil.copyfile(ACTIONLOOP_RS, Path(tmp) / "actionloop.rs")
        shutil.copyfile(JSVALUE_JSON_RS, Path(tmp) / "jsvalue_json.rs")
        cmd = [rustc, "--edition", "2021", "--crate-name", "action", "-C", f"opt-level={opt_level}",
               "-C", "target-feature=+crt-static", *SIZE_FLAGS, *link, str(root), "-o", str(out)]
        proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise ExportError(f"rustc failed ({proc.returncode}):\n{proc.stderr}")
    return out


#: OpenWhisk's default limit on an action's code ("per action artifact", docs/reference.md of
#: apache/openwhisk): 48 MB, far above a stored exec (~1.6 MB; ~2.2 MB as base64).
ACTION_SIZE_LIMIT = 48 * 1024 * 1024


def package_action(exec_path: Path, out_zip: Path, *, execution_env: str = EXECUTION_ENV) -> Path:
    """Zip `exec_path` as the top-level executable `exec`, with `exec.env` beside it.

    The exec is stored, not deflated: the runtime's `/init` must inflate what it gets, and on
    a static exec that took the proxy ~10 ms (as long as zlib takes), the largest part of a cold
    start; stored, the zip is ~2x larger (the `/init` body ~1 MB longer, ~1-2 ms more to send and
    decode) and nothing is inflated.  Any proxy reads stored members (ZIP method 0)."""
    out_zip = Path(out_zip)
    out_zip.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out_zip, "w", compression=zipfile.ZIP_STORED) as zf:
        info = zipfile.ZipInfo("exec")
        info.external_attr = (stat.S_IFREG | 0o755) << 16   # unzip restores the x bit
        info.compress_type = zipfile.ZIP_STORED
        zf.writestr(info, Path(exec_path).read_bytes())
        env_info = zipfile.ZipInfo("exec.env")
        env_info.external_attr = (stat.S_IFREG | 0o644) << 16
        zf.writestr(env_info, execution_env + "\n")
    size = out_zip.stat().st_size
    if size > ACTION_SIZE_LIMIT:
        raise ExportError(f"{out_zip}: {size} bytes, more than OpenWhisk's {ACTION_SIZE_LIMIT} byte action limit")
    return out_zip


def actionloop_crate_root(action_rust: str) -> str:
    """The crate root for generated action code.

    `action_rust` must define `fn js_main(params: jsrt::JsValue) -> Result<JsValue, JsValue>`
    (a JS throw caught with `jsrt::try_catch` is the `Err`).  The ActionLoop `main` and the
    JsValue JSON adapter are appended here so the generator need not know about OpenWhisk.
    """
    return (action_rust.rstrip() + "\n\nmod actionloop;\nmod jsvalue_json;\n\n"
            "fn main() {\n    actionloop::actionloop::<jsrt::JsValue>(js_main);\n}\n")


def export_rust_source(rs_path: str | Path, out_zip: str | Path, *, opt_level: str = "3") -> Path:
    """Zip a Rust action source that defines `js_main` over `jsrt::JsValue` (e.g. a hand-written
    baseline in `benchmarks/actions/handwritten/`), built exactly as a generated one would be."""
    crate_root = actionloop_crate_root(Path(rs_path).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="jsrust-export-") as tmp:
        exec_path = build_exec(crate_root, Path(tmp) / "exec", opt_level=opt_level, with_runtime=True)
        return package_action(exec_path, Path(out_zip))


#: Appended to the action source to make a whole program the pipeline can trace: the entry
#: takes the params as JSON text and returns what `main` returns; the last line calls it on
#: argv[2], so each training run is one activation.  In action mode the Rust generator keeps the
#: entry and drops that last line (see `rustgen.action_entry`); `jsrt::action::serve` then does
#: the `JSON.stringify`, so a result shape the training never showed (`undefined`) is no guard.
PROGRAM_GLUE = """
function __jsrust_activate(__jsrust_text) {
  return main(JSON.parse(__jsrust_text));
}
console.log(JSON.stringify(__jsrust_activate(process.argv[2])));
"""

#: Around an action that exports its entry point (`exports.main = ...`): the compiled program
#: has no CommonJS `module`/`exports`, so the source runs in a function that receives them
#: (as Node's module wrapper does), and `main` names the export for the glue.  The prelude
#: ends without a newline so that side-exit reports keep the action's own line numbers.
EXPORTS_PRELUDE = "const __jsrust_module = { exports: {} }; (function (module, exports) { "
EXPORTS_ENTRY = ("\n})(__jsrust_module, __jsrust_module.exports);\n"
                 "const main = __jsrust_module.exports.main;\n")

#: Exit status of a compiled program that left its traces (jsrt's SIDE_EXIT_STATUS).
SIDE_EXIT_STATUS = 86


def action_program(source: str) -> str:
    """The whole-program form of an action source (see PROGRAM_GLUE)."""
    declares_main = re.search(r"\bfunction\s+main\s*\(|\b(?:const|let|var)\s+main\b", source)
    if declares_main:
        return source.rstrip() + "\n" + PROGRAM_GLUE
    return EXPORTS_PRELUDE + source.rstrip() + EXPORTS_ENTRY + PROGRAM_GLUE


@contextlib.contextmanager
def activation_env(js_path: Path) -> Iterator[None]:
    """The `__OW_*` variables an activation sees (`__OW_ACTION_NAME`, `__OW_DEADLINE`, ...), set
    while the action is traced and its training runs are checked.  Why: an action that reads
    them (`process.env.__OW_ACTIVATION_ID`) must be traced with strings there, as every
    activation will have, not with `undefined`.  Variables already set are kept."""
    now_ms = int(time.time() * 1000)
    values = {"__OW_ACTION_NAME": f"/guest/{js_path.stem}", "__OW_NAMESPACE": "guest",
              "__OW_ACTION_VERSION": "0.0.1", "__OW_ACTIVATION_ID": uuid.uuid4().hex,
              "__OW_TRANSACTION_ID": uuid.uuid4().hex, "__OW_DEADLINE": str(now_ms + 60_000)}
    added = [k for k in values if k not in os.environ]
    os.environ.update({k: values[k] for k in added})
    try:
        yield
    finally:
        for k in added:
            os.environ.pop(k, None)


#: How the exec links the C library: "static" runs on any x86-64 Linux image; "dynamic" is
#: half the size (so a shorter `/init`) but runs only on images whose glibc is at least the one
#: its symbols were linked against (`required_glibc`).
LINK_MODES = ("static", "dynamic")


def required_glibc(binary: Path) -> str | None:
    """The newest `GLIBC_x.y` symbol version a dynamically linked binary needs (the version
    names sit in its dynamic string table), or None when it names none."""
    versions = {(int(a), int(b)) for a, b in re.findall(rb"GLIBC_(\d+)\.(\d+)", Path(binary).read_bytes())}
    return "%d.%d" % max(versions) if versions else None


def required_files(source: str, js_path: Path) -> list[str]:
    """The specifiers of literal `require`s in an action that name files or packages (the
    action zip would need them beside it, and the exec compiles one file)."""
    from jsrust_core.frontend import parse  # noqa: PLC0415 (heavy stages load on use)
    from jsrust_core.linker import literal_requires  # noqa: PLC0415

    return literal_requires(parse(source, str(js_path)))


def export_action(js_path: str | Path, train_params: list[dict], out_zip: str | Path, *,
                  opt_level: str = "3", link: str = "static") -> Path:
    """Trace the action on `train_params`, compile it in action mode and zip the `exec`.

    The pipeline's `compile_file` traces the program form of the action once per training
    request, growing the trees while the compiled program side-exits on one of them; the same
    trees then generate the action-mode program (`rustgen.generate(action=True)`), whose `main`
    runs the module's top level once and serves every activation in process.
    """
    js_path = Path(js_path)
    source = js_path.read_text(encoding="utf-8")
    required = required_files(source, js_path)
    if required:
        raise ExportError(f"{js_path} requires other files ({', '.join(required)}): jsrust openwhisk exports "
                          f"single-file actions only (jsrust compile takes multi-file programs)")
    with tempfile.TemporaryDirectory(prefix="jsrust-export-") as tmp:
        program = Path(tmp) / js_path.name
        program.write_text(action_program(source), encoding="utf-8")
        train = [[json.dumps(p, ensure_ascii=False)] for p in train_params] or [["{}"]]
        try:
            from jsrust_core.build import build  # noqa: PLC0415 (heavy stages load on use)
            from jsrust_core.pipeline import compile_file  # noqa: PLC0415
            from jsrust_core.rustgen import generate  # noqa: PLC0415

            with activation_env(js_path):
                compiled = compile_file(str(program), opt=int(opt_level), train=train, static=True)
                check_training_runs(Path(compiled.binary), program, train)
            forest = compiled.forest
            # Reports of the exported action (side exits, guards) name the file the user gave,
            # not the temporary program form: same lines, since the glue only appends.
            user_program = dataclasses.replace(compiled.program, filename=str(js_path))
            unit = generate(user_program, forest.profile, compiled.types, action=True,
                            recursive_fns=forest.recursive_functions())
            if link not in LINK_MODES:
                raise ExportError(f"link must be one of {', '.join(LINK_MODES)}, not {link!r}")
            built = build(unit, opt=int(opt_level), static=link == "static", extra_flags=SIZE_FLAGS)
        except ExportError as exc:
            raise ExportError(str(exc).replace(str(program), str(js_path))) from exc
        except Exception as exc:  # noqa: BLE001 (any stage's failure is reported, with its type)
            named = str(exc) if str(exc).startswith(type(exc).__name__) else f"{type(exc).__name__}: {exc}"
            message = named.replace(str(program), str(js_path))
            raise ExportError(f"compiling {js_path} failed: {message}") from exc
        exec_path = Path(tmp) / "exec"
        shutil.copyfile(built.binary, exec_path)
        return package_action(exec_path, Path(out_zip))


def check_training_runs(binary: Path, program: Path, train: list[list[str]]) -> None:
    """Refuse a build that side-exits on a request it was trained on: the trace did not cover
    it, most often because the tracing run itself failed (whose error is then shown)."""
    for (params,) in train:
        proc = subprocess.run([str(binary), params], capture_output=True, text=True, timeout=60)
        if proc.returncode != SIDE_EXIT_STATUS:
            continue
        from jsrust_core.pipeline import trace_file  # noqa: PLC0415

        traced = trace_file(str(program), argv_runs=[[params]])
        why = f"; tracing it failed: {traced.stderr.strip()[-600:]}" if traced.status != 0 else ""
        raise ExportError(f"the compiled action side-exits on its training request {params[:200]}: "
                          f"{proc.stderr.strip()[:400]}{why}")
