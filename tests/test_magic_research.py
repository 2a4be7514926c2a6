"""%%compare, %bench and %serverless driven through a real jsrust kernel (jupyter_client),
on small programs so the whole file stays fast."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from jupyter_client.manager import KernelManager

from test_kernel import Client, displays

ROOT = Path(__file__).resolve().parent.parent
ACTIONS = ROOT / "benchmarks" / "actions"
#: compiling and measuring takes a while on a loaded 2-core machine
SLOW = 300

FIB = "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\nconsole.log(fib(9));\n"


@pytest.fixture(scope="module")
def client():
    km = KernelManager(kernel_name="jsrust")
    km.start_kernel()
    c = Client(km)
    yield c
    c.kc.stop_channels()
    km.shutdown_kernel(now=True)


def html_of(outputs: list[dict]) -> str:
    return "".join(d.get("text/html", "") for d in displays(outputs))


def table_row(html: str, first_cell: str) -> list[str]:
    """The cells of the HTML table row whose first cell is ``first_cell``."""
    for row in re.findall(r"<tr>(.*?)</tr>", html):
        cells = re.findall(r"<td>(.*?)</td>", row)
        if cells and cells[0] == first_cell:
            return cells
    raise AssertionError(f"no row {first_cell!r} in {html[:500]}")


def test_compare_without_rust_measures_both_modes(client: Client) -> None:
    reply, out = client.run("%%compare --no-rust\n" + FIB, timeout=SLOW)
    assert reply["status"] == "ok", reply
    html = html_of(out)
    aware, linear = table_row(html, "recursion-aware"), table_row(html, "linear")
    # fib(9) makes 109 calls: unrolled, every call copies the body into the tree
    assert int(linear[1]) > 10 * int(aware[1])
    assert int(linear[3]) > int(aware[3])
    assert aware[-1] == "yes" and linear[-1] == "yes"
    ratio = table_row(html, "linear / aware")
    assert float(ratio[1].rstrip("×")) == pytest.approx(int(linear[1]) / int(aware[1]), rel=0.01)
    assert aware[5] == "–"  # no Rust columns with --no-rust
    assert "<svg" in html and "linear vs recursion-aware" in html


def test_compare_with_rust_compiles_both_modes(client: Client) -> None:
    reply, out = client.run("%%compare\n" + FIB.replace("fib(9)", "fib(6)"), timeout=SLOW)
    assert reply["status"] == "ok", reply
    html = html_of(out)
    aware, linear = table_row(html, "recursion-aware"), table_row(html, "linear")
    assert int(aware[5]) > 0 and int(linear[5]) > 0, (aware, linear)
    assert aware[-1] == "yes" and linear[-1] == "yes"
    progress = [m for m in out if m["msg_type"] == "update_display_data"]
    assert progress and "in both modes" in progress[-1]["content"]["data"]["text/plain"]


def test_compare_reports_a_throwing_cell_cleanly(client: Client) -> None:
    reply, _ = client.run("%%compare --no-rust\nnull.x;\n", timeout=SLOW)
    assert reply["status"] == "error" and reply["ename"] == "TypeError"
    assert "recursion-aware tracing" in reply["evalue"]
    reply, _ = client.run("1 + 1")  # the kernel is alive
    assert reply["status"] == "ok"


def test_help_pages_document_the_magics(client: Client) -> None:
    for magic, word in (("%%compare?", "--no-rust"), ("%bench?", "--runs"), ("%serverless?", "--requests")):
        reply, _ = client.run(magic)
        pages = [p["data"]["text/plain"] for p in reply["payload"] if p.get("source") == "page"]
        assert pages and word in pages[0], (magic, reply)


def test_bench_argument_errors(client: Client, tmp_path: Path) -> None:
    reply, _ = client.run("%bench")
    assert reply["status"] == "error" and reply["ename"] == "UsageError"
    reply, _ = client.run(f"%bench {tmp_path / 'missing.js'}")
    assert reply["status"] == "error" and reply["ename"] == "FileNotFoundError"


def test_bench_a_small_program(client: Client, tmp_path: Path) -> None:
    prog = tmp_path / "bench_small.js"
    prog.write_text("// bench: train 5, run 2000\n"
                    "const n = Number(process.argv[2] || 5);\n"
                    "let s = 0;\nfor (let i = 0; i < n; i++) { s = (s + i * i) % 1000003; }\nconsole.log(s);\n")
    reply, out = client.run(f"%bench {prog} --runs 1", timeout=SLOW)
    assert reply["status"] == "ok", reply
    html = html_of(out)
    row = table_row(html, "bench_small.js")
    assert row[-1] == "yes"
    assert row[1].endswith("ms") and row[2].endswith("ms")
    assert "cold: process spawn" in html and "<svg" in html  # the timing chart
    plain = "".join(d.get("text/plain", "") for d in displays(out))
    assert "bench_small.js" in plain and "geometric mean" in plain  # format_rows' text


def test_serverless_argument_errors(client: Client, tmp_path: Path) -> None:
    reply, _ = client.run(f"%serverless {ACTIONS / 'json_echo.js'}")
    assert reply["status"] == "error" and "--requests" in reply["evalue"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"a": 1}\n[1, 2]\n')
    reply, _ = client.run(f"%serverless {ACTIONS / 'json_echo.js'} --requests {bad}")
    assert reply["status"] == "error" and reply["ename"] == "ValueError" and "JSON object" in reply["evalue"]


def test_serverless_compares_node_and_rust(client: Client, tmp_path: Path) -> None:
    zip_path = tmp_path / "action.zip"
    reply, out = client.run(f"%serverless {ACTIONS / 'json_echo.js'} --requests "
                            f"{ACTIONS / 'requests' / 'json_echo.jsonl'} --warm 10 --save {zip_path}", timeout=SLOW)
    assert reply["status"] == "ok", reply
    html = html_of(out)
    cold = table_row(html, "cold start")
    assert cold[1].endswith("ms") and cold[2].endswith("ms") and cold[3].endswith("×")
    n = len([ln for ln in (ACTIONS / "requests" / "json_echo.jsonl").read_text().splitlines() if ln.strip()])
    assert f"outputs equal: {n}/{n} requests" in html
    assert "ESTIMATE" in html or "RAPL" in html
    assert zip_path.is_file() and zip_path.stat().st_size > 0


def test_ratio_chart_labels_each_measure_with_its_ratio() -> None:
    from jsrust_kernel.magic_research import ratio_chart_svg

    svg = ratio_chart_svg([("nodes", 32, 3491), ("rustc time", 1.3, 1.1), ("empty", 0, 5)],
                          ("recursion-aware", "linear"), "t")
    assert "109.1×  (32 → 3491)" in svg
    assert "0.8×  (1.30 s → 1.10 s)" in svg
    assert ">empty<" not in svg  # a measure without both values gets no bar
    # a ratio above 1 extends right of the 1× line, one below 1 left of it
    bars = re.findall(r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', svg)
    (x_big, _), (x_small, w_small) = [(float(x), float(w)) for x, w in bars]
    assert x_small + w_small == pytest.approx(x_big, abs=0.2)


def test_cached_builds_leave_rustc_time_out_of_the_ratios() -> None:
    from jsrust_core.compare import Comparison, ModeResult

    stats = {"nodes": 10, "guards": 2, "bytes": 100, "record_seconds": 0.01}
    aware = ModeResult("recursion-aware", stats, "1\n", rust_lines=20, rustc_seconds=0.01, rustc_cached=True)
    linear = ModeResult("linear", {**stats, "nodes": 50}, "1\n", rust_lines=40, rustc_seconds=2.0,
                        rust_stdout="1\n", rust_status=0)
    ratios = Comparison("1\n", {"recursion-aware": aware, "linear": linear}).ratios()
    assert ratios["nodes"] == 5.0 and ratios["Rust lines"] == 2.0 and "rustc time" not in ratios
    assert linear.outputs_identical("1\n") and not linear.outputs_identical("2\n")
