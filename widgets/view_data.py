"""Plain data for the views, read from core results (trace forests, type tables,
compile reports, line maps).

Why separate from ``views.py``: this is the only module that knows the shapes of the
core's objects; the views receive dicts and strings, so they stay free of logic and
an API change in the core is fixed here in one place.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Callable, Mapping

from . import render


@dataclass
class TreeData:
    """What ``TreeView`` shows: DOT text per anchor label, detail fields per node id."""

    anchors: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # anchor label -> function/anchor name
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: per anchor label, ``(menu text, node id)`` of its nodes, for a node picker
    anchor_nodes: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    stats: dict[str, Any] = field(default_factory=dict)
    #: the anchor shown first: the largest function or loop tree, where the work happened
    default_anchor: str | None = None
    #: per anchor label, DOT of the tree with the given node ids folded (absent: no folding)
    drawers: dict[str, Callable[[frozenset[int]], str]] = field(default_factory=dict)
    #: per anchor label, ``(menu text, node id)`` of the nodes that can be folded
    foldable: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def dot(self, label: str, folded: frozenset[int] = frozenset()) -> str:
        """The tree's DOT with ``folded`` nodes collapsed (as drawn first when none are)."""
        drawer = self.drawers.get(label)
        return drawer(folded) if drawer is not None and folded else self.anchors[label]

    def anchor_for(self, name: str) -> str | None:
        """The label of the tree anchored at function (or anchor) ``name``."""
        if name in self.anchors:
            return name
        return next((label for label, n in self.names.items() if n == name), None)


def _anchor_label(tree: Any, where: str) -> str:
    name = tree.name or "<anonymous>"
    return f"{name} ({tree.kind} at {where})" if tree.kind != "program" else f"{name} (program)"


def _where(programs: Any, sid: int) -> str:
    try:
        return programs.where(sid)
    except (KeyError, IndexError):
        return f"site {sid}"


def _source_line(programs: Any, sid: int) -> str:
    try:
        program = programs.program_of(sid)
        return program.line_text(program.site(sid).line).strip()
    except (KeyError, IndexError, AttributeError):
        return ""


def tree_data(forest: Any, programs: Any) -> TreeData:
    """Build the view data for every tree of ``forest`` (``programs``: the ProgramSet or
    Program that owns its site ids, for source lines)."""
    from jsrust_core.dot import tree_to_dot
    from jsrust_core.tracetree import OPS
    from jsrust_core.tracetree import Op as OpKind

    data = TreeData(stats=dict(forest.stats))
    largest = -1
    for anchor, tree in forest.trees.items():
        label = _anchor_label(tree, _where(programs, anchor))
        data.anchors[label] = tree_to_dot(tree, forest=forest)
        data.drawers[label] = partial(_fold_drawer, tree, forest)
        data.foldable[label] = [(f"#{n.id} {n.op.value} {n.name or n.expect}".rstrip(), str(n.id))
                                for n in tree.nodes() if n.exits or n.op is OpKind.CALL_INLINE]
        data.names[label] = tree.name
        # a function or loop tree is where repeated work happens; the program tree
        # runs once, so it is the default only when there is nothing else
        size = sum(1 for _ in tree.nodes()) + (0 if tree.kind == "program" else 1 << 30)
        if size > largest:
            data.default_anchor, largest = label, size
        menu = data.anchor_nodes[label] = []
        for node in tree.nodes():
            menu.append((f"#{node.id} {node.op.value} {node.name or node.expect}".rstrip(), str(node.id)))
            fields: dict[str, Any] = {
                "node": f"#{node.id}",
                "op": node.op.value,
                "site": f"{node.sid} at {_where(programs, node.sid)}",
                "source": _source_line(programs, node.sid),
                "op means": OPS[node.op].doc,
            }
            if node.name:
                fields["name"] = node.name
            if node.expect:
                checks = OPS[node.op].checks
                fields["guard" if OPS[node.op].guard else ("types" if checks == "types" else "expects")] = node.expect
            if node.exits:
                fields["side exits"] = ", ".join(f"{k} → trace T{t.id} ({t.hits}×)" for k, t in node.exits.items())
            if node.target is not None:
                fields["target"] = node.target
            data.nodes[str(node.id)] = fields
            data.nodes[f"n{node.id}"] = fields
    return data


def _fold_drawer(tree: Any, forest: Any, folded: frozenset[int]) -> str:
    from jsrust_core.dot import tree_to_dot

    return tree_to_dot(tree, forest=forest, collapsed=folded)


def function_name(programs: Any, fn_sid: int) -> str:
    """A function's name as written (``<anonymous>`` for unnamed expressions)."""
    try:
        node = programs.node(fn_sid)
    except (KeyError, IndexError):
        return f"fn {fn_sid}"
    ident = getattr(node, "id", None)
    if ident is not None and getattr(ident, "name", None):
        return ident.name
    return "<program>" if getattr(node, "type", "") == "Program" else "<anonymous>"


def types_rows(types: Any, programs: Any, name: str | None = None) -> list[tuple]:
    """Rows ``(name, where, JS type, Rust type, why)`` for every function signature and
    binding in a ``TypeTable``; ``name`` keeps only that function/variable. The Rust
    column is what the emitter generated when the table was lowered (a compiled cell),
    else what the type implies. The "why" column explains the bindings the Rust holds
    as ``JsValue`` and the proven integers, which are the ones a reader asks about."""
    rows: list[tuple] = []
    if types is None:
        return rows
    fn_names = getattr(types, "fn_names", {})
    names = getattr(types, "names", {})
    for fn_sid, sig in sorted(types.functions.items()):
        fname = fn_names.get(fn_sid) or function_name(programs, fn_sid)
        if name and fname != name:
            continue
        params = ", ".join(str(p) for p in sig.params)
        rust = types.fn_lowered.get(fn_sid) or "fn(" + ", ".join(_rust_of(p) for p in sig.params) + f") -> {_rust_of(sig.ret)}"
        rows.append((fname, _where(programs, fn_sid), f"({params}) => {sig.ret}", rust, ""))
    for sid, jstype in sorted(types.bindings.items()):
        bname = names.get(sid) or getattr(_node(programs, sid), "name", None) or f"site {sid}"
        if name and bname != name:
            continue
        why = types.explain(sid) if types.is_dynamic(sid) or sid in types.ints else ""
        rows.append((bname, _where(programs, sid), str(jstype), types.binding_rust(sid), why))
    return rows


def _node(programs: Any, sid: int) -> Any:
    try:
        return programs.node(sid)
    except (KeyError, IndexError):
        return None


def _rust_of(t: Any) -> str:
    rust = getattr(t, "rust", None)
    return rust() if callable(rust) else ""


def recursion_report(forest: Any, programs: Any, name: str | None = None) -> dict:
    """A MIME bundle: recursive functions with their call-graph status, the cycles, and
    the call graph drawn as SVG."""
    from jsrust_core.dot import callgraph_to_dot

    graph = forest.callgraph
    rows = []
    for fn_sid in graph.functions():
        label = graph.label(fn_sid) if fn_sid in graph.names else function_name(programs, fn_sid)
        if name and label != name:
            continue
        callees = ", ".join(sorted(graph.label(c) for c in graph.callees(fn_sid)))
        rows.append((label, graph.status_of(fn_sid).value, callees, _where(programs, fn_sid)))
    cycles = [" → ".join(graph.label(f) for f in c + c[:1]) for c in graph.cycles()]
    plain = "\n".join([*(f"{r[0]}: {r[1]}" for r in rows), *(f"cycle: {c}" for c in cycles)]) or "no calls recorded"
    svg = render.dot_to_svg(callgraph_to_dot(graph))
    cycle_html = "".join(f"<li>{html.escape(c)}</li>" for c in cycles) or "<li>none</li>"
    body = (render.html_table(("function", "status", "calls", "where"), rows, "jsr-recursion")
            + f"<p>cycles:</p><ul>{cycle_html}</ul>" + svg)
    return {"text/html": body, "text/plain": plain}


def _timing(t: Any) -> dict[str, float]:
    """A timing as ``wall_s, cpu_s, peak_rss_kb, runs, spread`` (``bench.Timing.to_json``)."""
    return t.to_json() if hasattr(t, "to_json") else dict(vars(t))


def timing_groups(report: Any) -> dict[str, dict[str, float]]:
    """``{measure: {engine: seconds}}`` for the chart, from a ``RustCellReport``:
    one-shot wall time per engine, steady-state time per run, and rustc's time."""
    groups: dict[str, dict[str, float]] = {
        "one-shot (wall)": {e: _timing(t)["wall_s"] for e, t in report.timings.items()}}
    steady = {e: s for e, s in getattr(report, "steady", {}).items() if s == s and s > 0}
    if steady:
        groups["steady state (per run)"] = steady
    if not report.compile.cached and report.compile.compile_seconds:
        groups["rustc compile"] = {"rust": report.compile.compile_seconds}
    return groups


def _ms(s: float) -> str:
    return "–" if s != s else f"{s * 1e3:.3f} ms" if s < 0.01 else f"{s * 1e3:.1f} ms"


def timing_rows(report: Any) -> list[tuple]:
    """Rows ``(engine, one-shot wall, cpu, peak RSS, runs ± spread, steady, node/engine)``."""
    node = _timing(report.timings["node"]) if "node" in report.timings else None
    steady = getattr(report, "steady", {})
    rows = []
    for engine, t in report.timings.items():
        f = _timing(t)
        ratio = f"{node['wall_s'] / f['wall_s']:.1f}×" if node and f["wall_s"] > 0 and engine != "node" else "–"
        rss = f"{f['peak_rss_kb'] / 1024:.1f} MiB" if f["peak_rss_kb"] else "(in kernel)"
        s = steady.get(engine, float("nan"))
        rows.append((engine, _ms(f["wall_s"]), _ms(f["cpu_s"]), rss, f"{f['runs']} (±{f['spread'] * 100:.0f}%)",
                     _ms(s), ratio))
    return rows


TIMING_HEADER = ("engine", "one-shot wall", "cpu", "peak RSS", "runs (spread)", "steady state / run",
                 "node ÷ engine (one-shot)")


def timing_table_html(report: Any) -> str:
    """The timing table of a ``%%rust`` cell, whether outputs match, the compile time,
    and the steady-state ratio. The tracer runs inside the kernel process, so its
    one-shot time has no process start-up and its memory is the kernel's."""
    table = render.html_table(TIMING_HEADER, timing_rows(report), "jsr-timings")
    verdict = "outputs match ✔ (tracer = node = rust)" if report.equal else "outputs DIFFER ✘"
    compiled = report.compile
    notes = [f"rustc {compiled.compile_seconds:.2f} s" + (" (cached)" if compiled.cached else "")]
    steady = report.ratios.get("steady node/rust")
    if steady:
        notes.append(f"steady state node ÷ rust = {steady:.1f}×")
    diff = "" if report.equal else render.html_table(("engine", "output"), sorted(report.outputs.items()))
    errors = [(e, text) for e, text in sorted(getattr(report, "stderr", {}).items()) if text.strip()]
    stderr = "".join(f'<p>{html.escape(e)} stderr:</p><pre class="jsr-stderr">{html.escape(text)}</pre>'
                     for e, text in errors)
    return f"{table}<p><b>{verdict}</b>; {html.escape('; '.join(notes))}</p>{diff}{stderr}"


def timing_text(report: Any) -> str:
    """The same table as plain text (the ``text/plain`` of the bundle)."""
    lines = [" | ".join(TIMING_HEADER)] + [" | ".join(str(c) for c in r) for r in timing_rows(report)]
    lines.append("outputs match" if report.equal else "outputs DIFFER")
    return "\n".join(lines)


def rust_lines_for(program: Any, rust: str, line_map: Any, name: str) -> tuple[str, dict[int, int]]:
    """The Rust lines generated from JS function ``name`` (by its JS line span) and
    their renumbered line map, for ``%rust NAME``. ``line_map``: ``(rust line, js
    line)`` pairs (``RustUnit.line_map``) or a dict of them."""
    span = None
    for node in program.nodes:
        if getattr(node, "type", "") in ("FunctionDeclaration", "FunctionExpression") and \
                getattr(getattr(node, "id", None), "name", None) == name:
            span = (node.loc.start.line, node.loc.end.line)
            break
    if span is None:
        return "", {}
    line_map = dict(line_map)
    rust_lines = rust.split("\n")
    kept: list[str] = []
    new_map: dict[int, int] = {}
    for i, text in enumerate(rust_lines, 1):
        js_line = line_map.get(i)
        if js_line is not None and span[0] <= js_line <= span[1]:
            kept.append(text)
            new_map[len(kept)] = js_line
    return "\n".join(kept), new_map


# -- the diff of two forests ----------------------------------------------------

#: fill colours of the diff view: nodes only in the second forest, only in the first
ADDED, REMOVED = "#b7e4c7", "#f8c9c9"


def node_paths(tree: Any) -> dict[int, tuple]:
    """Each node's position in its tree, independent of node ids and site ids: the path
    from the tree's root (or loop header) trace through the exit keys of the guards
    whose branch traces lead to it, then its index, op and source line:column. Two
    recordings of the same source give a node the same path when they took the same
    way to it, whatever ids they handed out, even from two parses (a kernel numbers
    every cell's sites afresh), so this is what the diff compares."""
    paths: dict[int, tuple] = {}

    def walk(trace: Any, prefix: tuple) -> None:
        for i, n in enumerate(trace.nodes):
            path = prefix + ((i, n.op.value, n.line, n.col),)
            paths[n.id] = path
            for key, sub in (n.exits or {}).items():
                walk(sub, path + (key,))

    walk(tree.root, ("root",))
    if tree.header is not None:
        walk(tree.header, ("header",))
    return paths


def anchor_key(tree: Any) -> tuple:
    """A tree's identity across parses: kind, name and where its first node is in the
    source (the anchor's site id when the tree recorded nothing)."""
    first = tree.root.nodes[0] if tree.root.nodes else None
    return (tree.kind, tree.name) + ((first.line, first.col) if first is not None else (tree.anchor,))


def _keyed_trees(forest: Any) -> dict[tuple, Any]:
    """Trees by ``anchor_key`` plus an ordinal among equal keys, in anchor order: two
    notebook cells are two programs whose trees have equal keys (both start at 1:1),
    and the ordinal keeps them apart while a re-parse of one source still matches."""
    keyed: dict[tuple, Any] = {}
    for anchor in sorted(forest.trees):
        tree = forest.trees[anchor]
        key = anchor_key(tree)
        ordinal = sum(1 for k in keyed if k[:-1] == key)
        keyed[key + (ordinal,)] = tree
    return keyed


@dataclass
class TreeDiffData:
    """What ``TreeDiff`` shows: per anchor label, the DOT of each side (``None`` where
    that forest has no such tree), the SVG ids of nodes only in b (added) and only in a
    (removed), and both forests' statistics."""

    dots: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    added: dict[str, set[str]] = field(default_factory=dict)
    removed: dict[str, set[str]] = field(default_factory=dict)
    #: per anchor label, branch traces of b whose first node is new (a new way out of a guard)
    added_branches: dict[str, int] = field(default_factory=dict)
    stats: list[tuple[str, Any, Any]] = field(default_factory=list)
    default_anchor: str | None = None


def tree_diff_data(forest_a: Any, forest_b: Any, programs: Any = None) -> TreeDiffData:
    """Compare two forests of the same source (trees matched by ``anchor_key``, nodes
    by ``node_paths``): e.g. before and after more training runs, or a linear recording
    against a recursion-aware one. ``programs`` (optional) names the anchors' places."""
    from jsrust_core.dot import tree_to_dot

    data = TreeDiffData()
    most = -1
    trees_a, trees_b = _keyed_trees(forest_a), _keyed_trees(forest_b)
    for key in list(trees_a) + [k for k in trees_b if k not in trees_a]:
        ta, tb = trees_a.get(key), trees_b.get(key)
        some = tb if tb is not None else ta
        where = _where(programs, some.anchor) if programs is not None else f"site {some.anchor}"
        label = _anchor_label(some, where)
        pa = node_paths(ta) if ta is not None else {}
        pb = node_paths(tb) if tb is not None else {}
        in_a, in_b = set(pa.values()), set(pb.values())
        data.dots[label] = (tree_to_dot(ta, forest=forest_a) if ta is not None else None,
                            tree_to_dot(tb, forest=forest_b) if tb is not None else None)
        data.added[label] = {f"n{i}" for i, p in pb.items() if p not in in_a}
        data.removed[label] = {f"n{i}" for i, p in pa.items() if p not in in_b}
        data.added_branches[label] = sum(1 for t in (tb.traces if tb is not None else [])
                                         if t.parent is not None and t.nodes and pb[t.nodes[0].id] not in in_a)
        # a tree both forests have and that changed is where more training grew something
        changed = len(data.added[label]) + len(data.removed[label])
        changed += (1 << 20) if changed and ta is not None and tb is not None else 0
        if changed > most:
            data.default_anchor, most = label, changed
    sa, sb = forest_a.stats, forest_b.stats
    data.stats = [(k, sa.get(k, "–"), sb.get(k, "–")) for k in list(sa) + [k for k in sb if k not in sa]]
    return data
