"""rustc invocation and the content-addressed cache (runtime rlib and program binaries)."""
import subprocess

import pytest

from jsrust_core import build as B
from jsrust_core.errors import BuildError
from jsrust_core.rustgen import RustUnit

HELLO = """#![forbid(unsafe_code)]
fn main() {
    jsrt::console::log_values(&[jsrt::JsValue::str("hi"), jsrt::JsValue::Num(0.1 + 0.2), jsrt::JsValue::Num(1e21)]);
    jsrt::console::flush();
}
"""


@pytest.fixture(scope="module")
def rlib():
    return B.build_runtime()


def test_runtime_is_built_once_and_keyed_by_sources(rlib):
    assert rlib.exists() and rlib.name == "libjsrt.rlib"
    assert B.build_runtime() == rlib
    assert rlib.parent.name == B.runtime_key()


def test_build_runs_and_repeated_build_is_cached(rlib, tmp_path):
    first = B.build(RustUnit(HELLO + "// build-test\n"))
    out = subprocess.run([str(first.binary)], capture_output=True, text=True)
    assert out.stdout == "hi 0.30000000000000004 1e+21\n"
    again = B.build(RustUnit(HELLO + "// build-test\n"))
    assert again.cached and again.binary == first.binary
    assert again.seconds < 0.5
    other_opt = B.build(RustUnit(HELLO + "// build-test\n"), opt=0)
    assert other_opt.binary != first.binary


def test_rustc_errors_name_the_js_lines(rlib):
    bad = RustUnit("fn main() {\n    let x: f64 = \"no\";\n}\n", line_map=[(2, 7)])
    with pytest.raises(BuildError) as info:
        B.build(bad)
    assert info.value.js_lines == [7]
    assert "JS line 7" in str(info.value) and "mismatched types" in str(info.value)


def test_progress_is_reported_while_a_slow_command_runs():
    seen = []
    proc = B._run_rustc(["sleep", "2.3"], seen.append, "program")
    assert proc.returncode == 0
    assert len(seen) >= 2 and seen[0].startswith("rustc: compiling program")


def test_compiled_programs_link_dynamically_unless_asked(tmp_path):
    """`jsrust compile` links glibc dynamically by default, so math comes from the Rust runtime's
    libm port, as in Node (`Math.cbrt(27)` is 3); `--link static` gives a static binary
    with the same output for what does not touch those last bits."""
    import sys
    src = tmp_path / "p.js"
    src.write_text("console.log([1, 2].map(x => x * 1.5), 'ok', Math.cbrt(27));\n")
    kinds = {}
    for link in ("dynamic", "static"):
        exe = tmp_path / f"p-{link}"
        subprocess.run([sys.executable, "-m", "jsrust_core.cli", "compile", str(src), "-o", str(exe), "--link", link],
                       check=True, capture_output=True, text=True)
        out = subprocess.run([str(exe)], capture_output=True, text=True).stdout
        assert out.startswith("[ 1.5, 3 ] ok 3"), out
        if link == "dynamic":
            assert out == "[ 1.5, 3 ] ok 3\n"
        kinds[link] = subprocess.run(["file", "-L", str(exe)], capture_output=True, text=True).stdout
    assert "statically linked" in kinds["static"] or "static-pie linked" in kinds["static"], kinds["static"]
    assert "dynamically linked" in kinds["dynamic"], kinds["dynamic"]


def test_binary_cache_keeps_the_most_recently_used_within_its_bound(rlib, tmp_path, monkeypatch):
    """The program cache is bounded: past its size the least recently used binaries go, and a
    cache hit counts as a use (it had grown to 75 GB without a bound)."""
    import os
    import time
    monkeypatch.setenv("JSRUST_CACHE", str(tmp_path / "cache"))
    (tmp_path / "cache" / "runtime").mkdir(parents=True)
    (tmp_path / "cache" / "runtime" / rlib.parent.name).symlink_to(rlib.parent)
    built = [B.build(RustUnit(HELLO + f"// prune-{i}\n")) for i in range(3)]
    sizes = [b.binary.stat().st_size for b in built]
    for i, b in enumerate(built):           # distinct ages, oldest first
        os.utime(b.binary, (time.time() - 100 + i, time.time() - 100 + i))
    again = B.build(RustUnit(HELLO + "// prune-0\n"))     # a hit makes the oldest the newest
    assert again.cached and again.binary == built[0].binary
    assert B.prune_binaries(limit=sizes[0] + sizes[2]) == 1
    assert [b.binary.exists() for b in built] == [True, False, True]
    assert B.prune_binaries(limit=sizes[0] + sizes[2]) == 0
    assert B.prune_binaries(limit=0) == 2 and not any(b.binary.exists() for b in built)


def test_runtime_pruning_spares_rlibs_in_recent_use(tmp_path, monkeypatch):
    """Old runtimes beyond the kept count go, but never one used within the idle window: two
    checkouts sharing a cache each keep their own rlib while they build."""
    import os
    import time
    monkeypatch.setenv("JSRUST_CACHE", str(tmp_path / "cache"))
    root = tmp_path / "cache" / "runtime"
    now = time.time()
    ages = {"a": 10, "b": 20, "c": 30, "d": 40, "old1": 8 * 3600, "old2": 9 * 3600}
    for name, age in ages.items():
        (root / name).mkdir(parents=True)
        os.utime(root / name, (now - age, now - age))
    removed = B.prune_runtimes(keep=3, idle=3600)
    assert sorted(d.name for d in removed) == ["old1", "old2"]
    assert sorted(d.name for d in root.iterdir()) == ["a", "b", "c", "d"]
    assert B.prune_runtimes(keep=3, idle=3600) == []
    assert [d.name for d in B.prune_runtimes(keep=3, idle=0)] == ["d"]
