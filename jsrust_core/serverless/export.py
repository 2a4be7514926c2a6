"""Export an action as an OpenWhisk native-action zip: top-level `exec` + `exec.env`.

The `exec` is a statically linked (`+crt-static`, so it runs on images with an older glibc),
stripped (init time grows with zip size) Rust binary whose `main` is the ActionLoop loop of
`jsrust_core/runtime/actionloop.rs` around the action.  `build_exec` compiles any crate root that
declares `mod actionloop;`; `export_action` obtains that crate root from the Rust generator.
"""
from __future__ import annotations

import hashlib
import shutil
import stat
import subprocess
import tempfile
import zipfile
from pathlib import Path

ACTIONLOOP_RS = Path(__file__).resolve().parent.parent / "runtime" / "actionloop.rs"
JSVALUE_JSON_RS = Path(__file__).resolve().with_name("jsvalue_json.rs")

#: Written to `exec.env`.  The Go action images compare this file with their OW_EXECUTION_ENV
#: (from memory of the runtime's source, not checked against a running image here); our runner
#: does not read it.
EXECUTION_ENV = "jsrust/rust-actionloop"


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
               "-C", "target-feature=+crt-static", "-C", "strip=symbols", "-C", "codegen-units=1",
               *link, str(root), "-o", str(out)]
        proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise ExportError(f"rustc failed ({proc.returncode}):\n{proc.stderr}")
    return out


def package_action(exec_path: Path, out_zip: Path, *, execution_env: str = EXECUTION_ENV) -> Path:
    """Zip `exec_path` as the top-level executable `exec`, with `exec.env` beside it."""
    out_zip = Path(out_zip)
    out_zip.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out_zip, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        info = zipfile.ZipInfo("exec")
        info.external_attr = (stat.S_IFREG | 0o755) << 16   # unzip restores the x bit
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, Path(exec_path).read_bytes())
        env_info = zipfile.ZipInfo("exec.env")
        env_info.external_attr = (stat.S_IFREG | 0o644) << 16
        zf.writestr(env_info, execution_env + "\n")
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


def generate_action_rust(js_path: Path, train_params: list[dict]) -> str:
    """Trace the action on `train_params` and return the generated Rust for `js_main`.

    Needs the pipeline's action compilation (`Session.compile_action`), owned by the pipeline /
    Rust-generation engineers; until it exists this raises ExportError saying so.
    """
    try:
        from jsrust_core.pipeline import Session  # noqa: PLC0415 (optional stage)
    except ImportError as exc:
        raise ExportError(f"the JS-to-Rust pipeline is not available yet ({exc})") from exc
    if not hasattr(Session, "compile_action"):
        raise ExportError("the pipeline cannot compile OpenWhisk actions yet (no Session.compile_action)")
    source = Path(js_path).read_text(encoding="utf-8")
    unit = Session().compile_action(source, filename=str(js_path), train=[dict(p) for p in train_params])
    return unit.source


def export_action(js_path: str | Path, train_params: list[dict], out_zip: str | Path, *,
                  opt_level: str = "3") -> Path:
    """Trace `js_path` on `train_params`, compile it with the ActionLoop main, zip it."""
    crate_root = actionloop_crate_root(generate_action_rust(Path(js_path), train_params))
    digest = hashlib.sha256(crate_root.encode()).hexdigest()[:12]
    with tempfile.TemporaryDirectory(prefix="jsrust-export-") as tmp:
        exec_path = build_exec(crate_root, Path(tmp) / f"exec-{digest}", opt_level=opt_level, with_runtime=True)
        return package_action(exec_path, Path(out_zip))
