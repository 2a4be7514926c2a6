"""Unit tests of the kernel's protocol-free parts: completeness, cell splitting,
history and magic argument parsing (no kernel process)."""
from __future__ import annotations

import pytest

from jsrust_kernel.cells import JsChunk, MagicCall, split_cell
from jsrust_kernel.completeness import is_complete, scan_end_state
from jsrust_kernel.history import CellHistory
from jsrust_kernel.magic_commands import build_registry
from jsrust_kernel.magics import MagicError, MagicHelp


@pytest.mark.parametrize("source,status,indent", [
    ("let x = 1;", "complete", ""),
    ("function f() {", "incomplete", "  "),
    ("f(1,", "incomplete", "  "),
    ("x = {a: [1,", "incomplete", "    "),
    ("class A {\n  m() {", "incomplete", "    "),
    ("`abc", "incomplete", ""),
    ("`a${", "incomplete", "  "),
    ("/* comment", "incomplete", ""),
    ('"ab\\\n', "incomplete", ""),
    ("if (x)", "incomplete", ""),
    ('"abc', "invalid", ""),  # as in Node's REPL: a string literal cannot span lines
    ("1 +* 2", "invalid", ""),
    (")", "invalid", ""),
    ("%%rust\nfunction f(", "incomplete", ""),
    ("%%rust\nfunction f() {}\n", "complete", ""),
    ("%timeit f(", "complete", ""),
])
def test_is_complete(source: str, status: str, indent: str) -> None:
    assert is_complete(source) == (status, indent)


def test_scan_ignores_brackets_in_strings_and_comments() -> None:
    end = scan_end_state("let s = '{(['; // {{\n/* ( */ f(`${'}'}`")
    assert end.brackets == ["("]
    assert not end.in_multiline_token


def test_split_cell_magic_takes_whole_cell() -> None:
    parts = split_cell("\n%%rust --opt 2\nfunction f() {}\n%not a magic")
    assert parts == [MagicCall("rust", "--opt 2", "function f() {}\n%not a magic", False, 2)]


def test_split_line_magics_keep_js_line_numbers() -> None:
    parts = split_cell("let a = 1;\n%timeit a + 1\nlet b = a\n% 2;\n%types? ")
    assert isinstance(parts[0], JsChunk) and parts[0].source == "let a = 1;"
    assert parts[1] == MagicCall("timeit", "a + 1", None, False, 2)
    # `% 2` continues an expression: the modulo operator, not a magic
    assert isinstance(parts[2], JsChunk) and parts[2].source == "\n\nlet b = a\n% 2;" and parts[2].first_line == 3
    assert parts[3] == MagicCall("types", "", None, True, 5)


def test_percent_inside_open_bracket_is_js() -> None:
    parts = split_cell("f(1,\n%x)")
    assert len(parts) == 1 and isinstance(parts[0], JsChunk)


def test_history_tail_range_search() -> None:
    h = CellHistory()
    for i, code in enumerate(["let a = 1", "a + 1", "console.log(a)", "a + 1"], 1):
        h.add(i, code)
    assert h.query("tail", n=2) == [(0, 3, "console.log(a)"), (0, 4, "a + 1")]
    assert h.query("range", start=2, stop=4) == [(0, 2, "a + 1"), (0, 3, "console.log(a)")]
    assert h.query("search", pattern="a +*") == [(0, 2, "a + 1"), (0, 4, "a + 1")]
    assert h.query("search", pattern="a +*", unique=True) == [(0, 4, "a + 1")]
    assert h.query("search", pattern="a*", n=1) == [(0, 4, "a + 1")]


def test_magic_arguments_parse_and_fail_cleanly() -> None:
    reg = build_registry()
    rust = reg.get("rust", cell=True)
    args = reg.parse(rust, "--entry main --train '[1, 2]' --train '[3]' --opt 2 --linear --emit")
    assert (args.entry, args.train, args.opt, args.linear, args.emit) == ("main", ["[1, 2]", "[3]"], 2, True, True)
    with pytest.raises(MagicError, match="invalid int value"):
        reg.parse(rust, "--opt fast")
    with pytest.raises(MagicError, match="unrecognized arguments"):
        reg.parse(rust, "--bogus")
    with pytest.raises(MagicHelp):
        reg.parse(rust, "--help")
    with pytest.raises(MagicError, match="no magic named"):
        reg.get("nosuch", cell=False)
    with pytest.raises(MagicError, match="cell magic"):
        reg.get("node", cell=False)


def test_every_magic_is_documented() -> None:
    reg = build_registry()
    listing = reg.listing()
    for name in ("rust", "trace", "tree", "types", "recursion", "node", "timeit", "reset", "load", "lsmagic"):
        magic = reg.magics[name]
        assert magic.summary and name in listing
        assert magic.usage().startswith("usage: %")


class RecordingOutput:
    """Stands in for ``CellOutput``: records what a cell publishes."""

    def __init__(self) -> None:
        self.log: list[tuple] = []

    def stdout(self, text: str) -> None:
        self.log.append(("stdout", text))

    def stderr(self, text: str) -> None:
        self.log.append(("stderr", text))

    def display(self, data: dict, metadata: dict | None = None, display_id: str | None = None,
                update: bool = False) -> str | None:
        self.log.append(("display", data))
        return display_id

    def new_display_id(self) -> str:
        return "progress"

    def widget(self, widget: object) -> None:
        self.log.append(("widget", widget))

    def clear(self, wait: bool = False) -> None:
        self.log.append(("clear", wait))

    def error(self, ename: str, evalue: str, traceback: list) -> None:
        self.log.append(("error", ename))


def test_workbench_trace_linear_vs_recursion_detection() -> None:
    from jsrust_kernel.workbench import Workbench

    bench = Workbench()
    out = RecordingOutput()
    assert bench.run_cell("function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }", out, 1).error is None
    linear = bench.run_cell("%trace --linear fib(8)", out, 2)
    linear_nodes = bench.session.last_forest.stats["nodes"]
    detected = bench.run_cell("%trace fib(8)", out, 3)
    assert linear.display == detected.display == "21"
    assert bench.session.last_forest.stats["nodes"] * 5 < linear_nodes  # recursion detection keeps the tree small
    assert not bench.session.linear  # the option applied to that cell only
    assert [type(w).__name__ for kind, w in out.log if kind == "widget"] == ["TreeView", "TreeView"]


def test_workbench_runs_line_magics_between_js_chunks() -> None:
    from jsrust_kernel.workbench import Workbench

    bench = Workbench()
    out = RecordingOutput()
    result = bench.run_cell("let a = 1;\n%reset\nconsole.log(typeof a)\n'done'", out, 1)
    assert result.error is None and result.display == "'done'"
    assert ("stdout", "undefined\n") in out.log
