"""rustc invocation with a content-addressed cache: runtime rlib, program binaries, the action proxy
and the serverless load generator.

Why rustc directly and not cargo: the generated program is one std-only file plus our
runtime crate, so cargo would only add start-up time and a lock file. The runtime
(`jsrust_core/runtime/`, crate `jsrt`) is compiled once into an rlib keyed by a hash
of its sources, the flags and the rustc version; each program binary is keyed by its
Rust source, the runtime's key and the flags. A repeated build is a file lookup.

Cache directory: ``$JSRUST_CACHE`` or ``~/.cache/jsrust``.
"""
from __future__ import annotations

import hashlib
import os
import re
import shlex
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

from .errors import BuildError

RUNTIME_DIR = Path(__file__).parent / "runtime"
#: flags the runtime rlib is always built with; programs link against it at any opt level
RUNTIME_FLAGS = ("--edition", "2021", "-C", "opt-level=2", "--crate-type", "rlib", "--crate-name", "jsrt")
PROXY_DIR = Path(__file__).parent / "serverless" / "proxy"
#: the ActionLoop proxy (`serverless/proxy/`) is a static binary, as OpenWhisk's Go proxy is
PROXY_FLAGS = ("--edition", "2021", "-C", "opt-level=3", "-C", "target-feature=+crt-static", "--crate-type", "bin",
               "--crate-name", "jsrust_proxy")
LOADGEN_SOURCE = Path(__file__).parent / "serverless" / "loadgen.rs"
LOADGEN_FLAGS = ("--edition", "2021", "-C", "opt-level=3", "--crate-type", "bin", "--crate-name", "jsrust_loadgen")
#: seconds between ``progress`` calls while rustc runs
PROGRESS_EVERY = 1.0
#: bytes the cached program binaries may take (``$JSRUST_CACHE_MB`` overrides, in MiB) before the
#: least recently used are removed: every distinct program and flag set adds a ~5 MB binary, and
#: without a bound our test runs (generated programs included) filled a 250 GB disk with 75 GB of
#: them. 10 GiB holds ~2,000 binaries, more than one run of the whole test suite builds.
BIN_CACHE_BYTES = int(os.environ.get("JSRUST_CACHE_MB", "10240")) << 20
#: runtime rlibs kept, the most recently used (one per version of the runtime's sources)
RUNTIME_VERSIONS_KEPT = 3
RUNTIME_IDLE_SECONDS = 6 * 3600   # a runtime used more recently than this is never pruned


@dataclass
class BuildResult:
    binary: Path
    seconds: float
    cached: bool


def cache_dir() -> Path:
    root = Path(os.environ.get("JSRUST_CACHE") or Path.home() / ".cache" / "jsrust")
    root.mkdir(parents=True, exist_ok=True)
    return root


@lru_cache(maxsize=1)
def rustc_version() -> str:
    return subprocess.run(["rustc", "--version", "--verbose"], capture_output=True, text=True, check=True).stdout


def _digest(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p if isinstance(p, bytes) else p.encode())
        h.update(b"\0")
    return h.hexdigest()[:24]


def runtime_key() -> str:
    """Hash of every runtime source file, the flags and the compiler."""
    files = sorted(RUNTIME_DIR.glob("*.rs"))
    return _digest(rustc_version(), " ".join(RUNTIME_FLAGS), *(f.name + "\n" + f.read_text() for f in files))


def _run_rustc(args: list[str], progress: Optional[Callable[[str], None]], what: str) -> subprocess.CompletedProcess:
    """Run rustc; while it takes longer than a second, tell ``progress`` how long it has run."""
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if progress is None:
        out, err = proc.communicate()
        return subprocess.CompletedProcess(args, proc.returncode, out, err)
    t0 = time.perf_counter()
    done = threading.Event()

    def tick() -> None:
        while not done.wait(PROGRESS_EVERY):
            progress(f"rustc: compiling {what} ({time.perf_counter() - t0:.0f} s)")

    ticker = threading.Thread(target=tick, daemon=True)
    ticker.start()
    try:
        out, err = proc.communicate()
    finally:
        done.set()
    return subprocess.CompletedProcess(args, proc.returncode, out, err)


def _publish(tmp: Path, final: Path) -> None:
    """Atomic rename so concurrent builders never see a half-written artefact."""
    os.replace(tmp, final)


def _used(path: Path) -> Path:
    """Mark a cache hit as recently used (its modification time orders eviction)."""
    try:
        os.utime(path)
    except OSError:
        pass  # (a read-only cache still serves)
    return path


def prune_binaries(limit: int = BIN_CACHE_BYTES) -> int:
    """Remove the least recently used program binaries until the cache holds at most ``limit``
    bytes of them; returns how many were removed."""
    entries = []
    for f in (cache_dir() / "bin").glob("*/*"):
        try:
            st = f.stat()
        except OSError:
            continue  # (removed by a concurrent builder)
        if f.is_file():
            entries.append((st.st_mtime, st.st_size, f))
    total = sum(size for _, size, _ in entries)
    removed = 0
    for _, size, f in sorted(entries):
        if total <= limit:
            break
        try:
            f.unlink()
        except OSError:
            continue
        total -= size
        removed += 1
    return removed


def prune_runtimes(keep: int = RUNTIME_VERSIONS_KEPT, idle: float = RUNTIME_IDLE_SECONDS) -> list[Path]:
    """Remove runtime rlibs beyond the ``keep`` most recently used, but only those idle for
    ``idle`` seconds: checkouts of different revisions sharing one cache (worktrees, CI next to
    a developer) each use their own rlib, and pruning by count alone deleted one mid-build.
    Binaries built against a removed rlib stay valid (it is linked into them). Returns what
    was removed."""
    dirs = []
    for d in (cache_dir() / "runtime").iterdir():
        try:
            dirs.append((d.stat().st_mtime, d))
        except OSError:
            continue  # (removed by a concurrent builder)
    dirs.sort(reverse=True)
    cutoff = time.time() - idle
    removed = [d for mtime, d in dirs[keep:] if mtime < cutoff and d.is_dir()]
    for d in removed:
        shutil.rmtree(d, ignore_errors=True)
    return removed


def build_runtime(progress: Optional[Callable[[str], None]] = None) -> Path:
    """The ``jsrt`` rlib for this runtime source and compiler, building it if needed."""
    key = runtime_key()
    out_dir = cache_dir() / "runtime" / key
    rlib = out_dir / "libjsrt.rlib"
    if rlib.exists():
        _used(out_dir)
        return rlib
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out_dir) as tmp:
        proc = _run_rustc(["rustc", *RUNTIME_FLAGS, str(RUNTIME_DIR / "lib.rs"), "--out-dir", tmp], progress, "runtime")
        if proc.returncode != 0:
            raise BuildError(f"the jsrt runtime failed to compile:\n{proc.stderr}")
        _publish(Path(tmp) / "libjsrt.rlib", rlib)
    prune_runtimes()
    return rlib


def build_proxy(progress: Optional[Callable[[str], None]] = None) -> Path:
    """The native-action runtime (`serverless/proxy/main.rs`), built once per source and compiler."""
    return _build_tool("proxy", PROXY_DIR / "main.rs", sorted(PROXY_DIR.glob("*.rs")), PROXY_FLAGS, progress)


def build_loadgen(progress: Optional[Callable[[str], None]] = None) -> Path:
    """The measuring client of `jsrust bench --serverless` (`serverless/loadgen.rs`)."""
    return _build_tool("loadgen", LOADGEN_SOURCE, [LOADGEN_SOURCE], LOADGEN_FLAGS, progress)


def _build_tool(name: str, main: Path, files: list[Path], flags: tuple[str, ...],
                progress: Optional[Callable[[str], None]]) -> Path:
    """A std-only helper binary of ours, cached by its sources, flags and the compiler."""
    key = _digest(rustc_version(), " ".join(flags), *(f.name + "\n" + f.read_text() for f in files))
    out_dir = cache_dir() / name / key
    binary = out_dir / name
    if binary.exists():
        return binary
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out_dir) as tmp:
        exe = Path(tmp) / name
        proc = _run_rustc(["rustc", *flags, str(main), "-o", str(exe)], progress, name)
        if proc.returncode != 0:
            raise BuildError(f"the {name} failed to compile:\n{proc.stderr}")
        _publish(exe, binary)
    return binary


def program_flags(opt: int, static: bool, extra: tuple[str, ...] = ()) -> list[str]:
    """rustc flags for a generated program; ``$JSRUST_RUSTFLAGS`` (split like a shell
    line) comes last, as cargo's ``RUSTFLAGS`` does, so a user can add e.g.
    ``-C target-cpu=native`` or make lints errors; ``extra`` (a caller's own flags, e.g. the
    size flags of an action export) comes just before. They are part of the cache key."""
    flags = ["--edition", "2021", "-C", f"opt-level={opt}", "-C", "debuginfo=0"]
    if static:
        flags += ["-C", "target-feature=+crt-static"]
    return flags + list(extra) + shlex.split(os.environ.get("JSRUST_RUSTFLAGS", ""))


def build(unit, opt: int = 1, static: bool = False, progress: Optional[Callable[[str], None]] = None,
          extra_flags: tuple[str, ...] = ()) -> BuildResult:
    """Compile a ``rustgen.RustUnit`` to a binary (cached by source, flags, runtime, rustc);
    ``extra_flags`` as in ``program_flags``."""
    t0 = time.perf_counter()
    rlib = build_runtime(progress)
    flags = program_flags(opt, static, extra_flags)
    key = _digest(unit.source, " ".join(flags), rlib.parent.name, rustc_version())
    out_dir = cache_dir() / "bin" / key[:2]
    binary = out_dir / key
    if binary.exists():
        return BuildResult(_used(binary), time.perf_counter() - t0, True)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out_dir) as tmp:
        src = Path(tmp) / "main.rs"
        src.write_text(unit.source)
        exe = Path(tmp) / "main"
        args = ["rustc", *flags, "--crate-type", "bin", "--crate-name", "jsprog", "--extern", f"jsrt={rlib}",
                "-L", str(rlib.parent), str(src), "-o", str(exe)]
        proc = _run_rustc(args, progress, "program")
        if proc.returncode != 0:
            raise BuildError(_explain(proc.stderr, unit), js_lines=_js_lines(proc.stderr, unit))
        _publish(exe, binary)
    prune_binaries()
    return BuildResult(binary, time.perf_counter() - t0, False)


_RUST_LOC = re.compile(r"main\.rs:(\d+):\d+")


def _js_lines(stderr: str, unit) -> list[int]:
    """JS lines of the Rust lines rustc complained about (via the unit's line map)."""
    by_rust = dict(unit.line_map)
    lines: list[int] = []
    for m in _RUST_LOC.finditer(stderr):
        js = by_rust.get(int(m.group(1)))
        if js and js not in lines:
            lines.append(js)
    return lines


def _explain(stderr: str, unit) -> str:
    lines = _js_lines(stderr, unit)
    where = f" (JS line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))})" if lines else ""
    errors = [ln for ln in stderr.splitlines() if ln.startswith("error")]
    head = errors[0] if errors else "rustc failed"
    return f"rustc rejected the generated Rust{where}: {head}\n{stderr}"
