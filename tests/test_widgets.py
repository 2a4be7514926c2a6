"""The widget renderers (pure functions) and the views' state, without a kernel."""
from __future__ import annotations

import re

from jsrust_widgets import (RustView, TimingChart, TreeData, TreeDiff, TreeView, detail_html, dot_to_svg, html_table,
                            rust_view_html, timing_chart_svg, tree_diff_data, tree_diff_html)
from jsrust_widgets.render import RUST_CLICK_JS, TREE_CLICK_JS

DOT_A = 'digraph T { n1 [label="ENTER fib"]; n2 [label="GUARD n < 2"]; n1 -> n2; }'
DOT_B = 'digraph T { n7 [label="LOOP header"]; }'


def test_dot_to_svg_lays_out_nodes() -> None:
    svg = dot_to_svg(DOT_A)
    assert svg.startswith("<svg")
    assert "ENTER fib" in svg and "GUARD n &lt; 2" in svg
    assert svg.count('class="node"') == 2 and 'class="edge"' in svg


def test_timing_chart_writes_times_and_ratios() -> None:
    svg = timing_chart_svg({"one-shot": {"node": 0.05, "tracer": 2.0, "rust": 0.002}}, baseline="node", title="fib")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count("<rect") == 3
    assert "50.0 ms" in svg and "2.00 s" in svg and "2.0 ms" in svg
    assert "40.0× slower than node" in svg and "25.0× faster than node" in svg
    assert "log scale" in svg  # 1000x spread
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"', svg)]
    assert widths[1] > widths[0] > widths[2] > 0  # tracer > node > rust


def test_timing_chart_linear_when_close_and_empty_when_no_data() -> None:
    assert "linear scale" in timing_chart_svg({"run": {"node": 1.0, "rust": 0.5}})
    assert "no timings" in timing_chart_svg({})


def test_rust_view_links_lines_by_class_and_escapes() -> None:
    js = "function f(a) {\n  return a < 2;\n}"
    rust = "fn f(a: f64) -> bool {\n    a < 2.0\n}\n"
    out = rust_view_html(js, rust, {1: 1, 2: 2, 3: 3}, view_id="v1")
    assert out.count('class="jsr-l2"') == 2  # the JS line and its Rust line
    assert "#v1:has(.jsr-l2:hover) .jsr-l2" in out
    assert "a &lt; 2.0" in out and "<script" not in out
    # a click keeps the partner lines selected; the handler sits on the view, rows say their JS line
    assert f'onclick="{RUST_CLICK_JS}"' in out and out.count('data-l="2"') == 2
    assert '"' not in RUST_CLICK_JS and "#v1 tr.jsr-sel{outline:2px solid #d32f2f" in out
    # JupyterLab right-aligns rendered table cells: the view forces left and monospace
    assert "#v1 td,#v1 th{text-align:left!important" in out and "monospace" in out


def test_tables_escape_text() -> None:
    assert "<td>&lt;b&gt;</td>" in html_table(["x"], [["<b>"]])
    assert "&lt;i&gt;" in detail_html({"op": "<i>"})
    assert "click a node" in detail_html({})


def _tree_data() -> TreeData:
    return TreeData(anchors={"fib (function)": DOT_A, "loop (loop)": DOT_B},
                    names={"fib (function)": "fib", "loop (loop)": "loop"},
                    nodes={"2": {"op": "GUARD_BRANCH", "source": "if (n < 2)"}},
                    anchor_nodes={"fib (function)": [("#1 ENTER", "1"), ("#2 GUARD_BRANCH", "2")]},
                    stats={"nodes": 3})


def test_tree_view_switches_anchor_and_shows_selected_node() -> None:
    view = TreeView(_tree_data(), anchor="loop (loop)")
    assert "LOOP header" in view.svg.value
    view.anchor_selector.value = "fib (function)"
    assert "ENTER fib" in view.svg.value
    view.selected_node = "2"
    assert "GUARD_BRANCH" in view.detail.value and "if (n &lt; 2)" in view.detail.value
    assert re.search(r"#jsr-tree-\w+ #n2 polygon", view.svg.value)  # the selected node is outlined
    view.selected_node = "99"
    assert "no node 99" in view.detail.value
    assert [v for _, v in view.node_picker.options] == ["", "1", "2"]
    view.node_picker.value = "2"  # the picker writes the synced selection
    assert view.selected_node == "2" and "GUARD_BRANCH" in view.detail.value
    assert _tree_data().anchor_for("fib") == "fib (function)"


def test_tree_svg_is_clickable_inside_its_view() -> None:
    view = TreeView(_tree_data(), anchor="fib (function)")
    # the click handler finds the view and its node input by these classes
    assert "jsr-tree-widget" in view._dom_classes and "jsr-node-input" in view.node_selector._dom_classes
    assert f'onclick="{TREE_CLICK_JS}"' in view.svg.value and '"' not in TREE_CLICK_JS
    assert "g.node{cursor:pointer}" in view.svg.value
    # what the handler does in the browser is a frontend update of the synced trait
    view.node_selector.set_state({"value": "2"})
    assert "GUARD_BRANCH" in view.detail.value


def test_views_carry_static_html_in_their_bundle() -> None:
    for view in (TreeView(_tree_data()), TimingChart({"run": {"node": 1.0, "rust": 0.1}}),
                 RustView("let x = 1;", "let x = 1.0;", {1: 1})):
        bundle = view._repr_mimebundle_()
        assert "application/vnd.jupyter.widget-view+json" in bundle
        assert bundle["text/html"] == view._repr_html_() and "<" in bundle["text/html"]


# -- from real core results ------------------------------------------------------
FIB = "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\nlet k = fib(6);\nfunction id(x) { return x; }\nid(1); id('a');"


def _traced_session():
    from jsrust_core.pipeline import Session

    session = Session(stdout=lambda s: None, stderr=lambda s: None)
    result = session.execute(FIB, filename="<cell 1>", trace=True)
    assert result.error is None, result.error
    return session, result.forest


def test_tree_data_from_a_traced_run() -> None:
    from jsrust_widgets import tree_data

    session, forest = _traced_session()
    data = tree_data(forest, session.programs)
    label = data.anchor_for("fib")
    assert label is not None and "<cell 1>:1:1" in label
    svg = dot_to_svg(data.anchors[label])
    assert 'id="n' in svg  # node ids survive into the SVG, so a click can name its node
    guards = [f for f in data.nodes.values() if f["op"] == "GUARD_BRANCH"]
    assert guards and all("source" in f and "guard" in f for f in guards)
    assert any("n < 2" in f["source"] for f in guards)
    assert data.stats["recursion_cycles"] == 1
    assert data.default_anchor == label  # fib's tree holds most of the work
    assert TreeView(data).anchor_selector.value == label


def test_types_and_recursion_views_from_a_traced_run() -> None:
    from jsrust_widgets import TypesTable, recursion_report

    session, forest = _traced_session()
    table = TypesTable(session.types(), session.programs)
    rows = {(r[0], r[2]): r for r in table.rows}
    assert rows[("fib", "(f64) => f64")][3] == "fn(f64) -> f64"
    assert rows[("n", "f64")][3] == "f64"
    x_row = next(r for r in table.rows if r[0] == "x")
    assert "union" in x_row[2] and x_row[3] == "JsValue" and x_row[4]  # a union is explained
    assert [r[0] for r in TypesTable(session.types(), session.programs, "k").rows] == ["k"]
    assert "Rust type column from the types only: cells are traced, not compiled" in table.value
    report = recursion_report(forest, session.programs)
    assert "fib: LOOP_HEADER" in report["text/plain"] and "cycle: fib → fib" in report["text/plain"]
    assert "<svg" in report["text/html"]


def test_timing_table_and_chart_data_from_a_report() -> None:
    from types import SimpleNamespace

    from jsrust_core.bench import Timing
    from jsrust_widgets import timing_groups, timing_rows, timing_table_html

    report = SimpleNamespace(
        timings={"tracer": Timing(walls=[0.2]), "node": Timing(walls=[0.05, 0.06, 0.04], cpus=[0.04] * 3, rss_kb=40960),
                 "rust": Timing(walls=[0.002] * 3, cpus=[0.001] * 3, rss_kb=2048)},
        steady={"node": 0.001, "rust": 0.0005}, equal=False, outputs={"node": "1\n", "rust": "2\n", "tracer": "1\n"},
        stderr={"node": "", "rust": "side exit at cell.js:3:5"},
        compile=SimpleNamespace(compile_seconds=1.25, cached=False),
        ratios={"steady node/rust": 2.0})
    rows = {r[0]: r for r in timing_rows(report)}
    assert rows["rust"][1:4] == ("2.000 ms", "1.000 ms", "2.0 MiB") and rows["rust"][6] == "25.0×"
    assert rows["tracer"][3] == "(in kernel)" and rows["node"][6] == "–"
    groups = timing_groups(report)
    assert groups["steady state (per run)"] == {"node": 0.001, "rust": 0.0005}
    assert groups["rustc compile"] == {"rust": 1.25}
    page = timing_table_html(report)
    assert "outputs DIFFER" in page and "side exit at cell.js:3:5" in page and "rustc 1.25 s" in page


# -- the diff view from real forests --------------------------------------------
BRANCHY = ("function f(x) {\n  if (x > 0) {\n    return x * 2;\n  }\n  return -x;\n}\n"
           "console.log(f(Number(process.argv[2])));\n")


def _forests(tmp_path):
    """One forest traced with a positive input, and the same forest extended by a
    negative one (the snapshot keeps the first)."""
    from jsrust_core.pipeline import trace_file
    from jsrust_core.tracetree import TraceForest

    path = tmp_path / "branchy.js"
    path.write_text(BRANCHY)
    first = trace_file(str(path), argv_runs=[["5"]])
    before = TraceForest.from_json(first.forest.to_json())
    more = trace_file(str(path), argv_runs=[["-3"]], forest=first.forest)
    assert more.stdout == "3\n" and first.stdout == "10\n"
    return first.program, before, more.forest


def test_tree_diff_marks_what_more_training_added(tmp_path) -> None:
    program, before, after = _forests(tmp_path)
    data = tree_diff_data(before, after, program)
    label = data.default_anchor  # the tree that changed (f is inlined into the program's)
    assert label is not None and data.removed[label] == set()  # extending a forest only adds
    added = data.added[label]
    assert added and data.added_branches[label] == 1
    # the nodes marked added are exactly those the second run recorded (the ids are
    # kept when a forest is extended, so here they can check the path matching)
    assert added == {f"n{n.id}" for n in after.all_nodes() if before.node(n.id) is None}
    assert sum(1 for lbl in data.dots if data.added[lbl]) == 1
    stats = {name: (a, b) for name, a, b in data.stats}
    assert stats["branch_traces"][1] == stats["branch_traces"][0] + 1
    assert stats["nodes"][1] - stats["nodes"][0] == sum(len(v) for v in data.added.values())
    # no change in the program tree's shape beyond its new run
    assert all(not data.removed[lbl] for lbl in data.dots)

    view = TreeDiff(before, after, program, titles=("one input", "two inputs"))
    page = view.diff.value
    assert page.count("<svg") == 2 and "two inputs: " + str(len(added)) + " nodes only here" in page
    some = sorted(added)[0]
    assert re.search(rf"#{view._scope}-b #{some} polygon[^{{]*\{{fill:#b7e4c7", page)
    assert f"#{view._scope}-a #{some} " not in page  # the left side has no such node to paint
    assert view._repr_mimebundle_()["text/html"].count("<svg") == 2


def test_tree_diff_of_linear_and_recursion_aware_recordings(tmp_path) -> None:
    from jsrust_core.pipeline import trace_file

    path = tmp_path / "fib.js"
    path.write_text("function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\nconsole.log(fib(5));\n")
    aware = trace_file(str(path)).forest
    linear = trace_file(str(path), linear=True).forest
    data = tree_diff_data(aware, linear)
    assert any(data.added.values()) and any(data.removed.values())
    stats = {name: (a, b) for name, a, b in data.stats}
    assert stats["recursion_cycles"][0] == 1 and stats["nodes"][1] > stats["nodes"][0]


def test_tree_diff_html_says_when_a_side_has_no_tree() -> None:
    svg = dot_to_svg(DOT_A)
    page = tree_diff_html(None, svg, {"n1", "n2"}, set(), [("nodes", 0, 2)], "d1")
    assert "no such tree" in page and "#d1-b #n1 polygon" in page and "<td>+2</td>" in page


def test_tree_diff_matches_trees_across_parses() -> None:
    """A kernel gives every cell its own site ids: the same code traced in two cells
    (here two sessions, the second shifted by an earlier cell) has no differences,
    while a cell that goes on to take the other branch adds that path."""
    from jsrust_core.pipeline import Session

    code = "function g(x) {\n  if (x > 0) { return x * 2; }\n  return -x;\n}\nlet r = g(4);\n"
    first = Session(stdout=lambda s: None, stderr=lambda s: None)
    a = first.execute(code, trace=True).forest
    second = Session(stdout=lambda s: None, stderr=lambda s: None)
    second.execute("let unrelated = [1, 2, 3].map(v => v + 1);")
    b = second.execute(code, trace=True).forest
    assert {t.anchor for t in a.trees.values()}.isdisjoint({t.anchor for t in b.trees.values()})
    same = tree_diff_data(a, b)
    assert not any(same.added.values()) and not any(same.removed.values())
    third = Session(stdout=lambda s: None, stderr=lambda s: None)
    c = third.execute(code + "r = g(-4);\n", trace=True).forest
    grown = tree_diff_data(a, c)
    added_lines = {c.node(int(i[1:])).line for i in set().union(*grown.added.values())}
    assert 3 in added_lines and 6 in added_lines  # `return -x`, reached from the new call on line 6
    # the only node of a not in c is where a's program ended (c goes on to the second call)
    program_a = next(t for t in a.trees.values() if t.kind == "program")
    assert set().union(*grown.removed.values()) == {f"n{program_a.root.nodes[-1].id}"}


FOLDS = """function sq(x) { return x * x; }
function f(n) { let s = 0; for (let i = 0; i < n; i++) { if (i % 3 === 0) s += sq(i); else s -= 1; } return s; }
f(10);"""


def test_tree_view_folds_branch_traces_and_inline_frames() -> None:
    """Folding is driven through the synced ``fold_input`` (what a frontend writes) and
    by the buttons; folded guards and inline calls become one note each."""
    from jsrust_core.pipeline import Session
    from jsrust_widgets import tree_data

    session = Session(stdout=lambda s: None, stderr=lambda s: None)
    result = session.execute(FOLDS, filename="<cell 1>", trace=True)
    assert result.error is None, result.error
    data = tree_data(result.forest, session.programs)
    loop = next(label for label in data.anchors if "loop" in label)
    view = TreeView(data, anchor=loop)
    whole = view.svg.value
    foldable = [int(v) for _, v in data.foldable[loop]]
    guard = next(int(v) for text, v in data.foldable[loop] if "GUARD" in text)
    view.selected_node = str(guard)
    view.fold_buttons[0].click()  # fold the selected guard
    assert view.folded == {guard}
    assert f'id="c{guard}"' in view.svg.value and "branch trace" in view.svg.value
    assert view.svg.value.count('class="node"') < whole.count('class="node"')
    view.fold_input.set_state({"value": ", ".join(map(str, foldable))})  # as a frontend edit
    assert "inlined frame (collapsed)" in view.svg.value
    view.fold_buttons[3].click()  # unfold all
    assert view.folded == frozenset() and view.svg.value.count('class="node"') == whole.count('class="node"')
    view.fold_buttons[2].click()  # fold all
    assert view.folded == frozenset(foldable)
    other = next(label for label in data.anchors if label != loop)
    view.anchor_selector.value = other  # folds belong to one tree
    assert view.folded == frozenset() and "collapsed" not in view.svg.value


def test_hand_made_tree_data_has_no_folding() -> None:
    view = TreeView(_tree_data())
    assert all(b.disabled for b in view.fold_buttons)
    view.fold_input.value = "2"
    assert "LOOP header" in view.svg.value or "ENTER fib" in view.svg.value
