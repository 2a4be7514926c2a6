"""Graphviz DOT text for trace trees and call graphs: pure functions, no drawing.

Views (the widget, ``jsrust trace --dot``) render the text; tests check it without
a browser. Every trace node's DOT id (and SVG element id) is ``n<node id>`` and
every call-graph node's is ``f<function sid>``, so a click in the SVG maps back
to the node and from there to its JS site.

Colours: guards and their exits orange, back edges blue, loop calls green,
recursive tree calls red, other tree calls purple; inlined frames are clusters.
"""
from __future__ import annotations

from .callgraph import CallGraph, Status
from .tracetree import Node, Op, Trace, TraceForest, TraceTree

_GUARD_FILL = "#ffe0b2"
_STYLE: dict[Op, str] = {
    Op.ENTER: 'shape=house style=filled fillcolor="#c8e6c9"',
    Op.GUARD_BRANCH: f'shape=box style="rounded,filled" fillcolor="{_GUARD_FILL}"',
    Op.GUARD_CALLEE: f'shape=box style="rounded,filled" fillcolor="{_GUARD_FILL}"',
    Op.CALL_TREE: 'shape=box style=filled fillcolor="#f8bbd0"',
    Op.LOOP: 'shape=box style=filled fillcolor="#dcedc8"',
    Op.BACK_EDGE: "shape=ellipse",
    Op.SIDE_EXIT: 'shape=ellipse style=filled fillcolor="#eeeeee"',
    Op.RETURN: "shape=ellipse",
    Op.UNWIND: 'shape=ellipse style=filled fillcolor="#ffcdd2"',
    Op.ABORT: 'shape=octagon style=filled fillcolor="#ef9a9a"',
}
_DEFAULT_STYLE = "shape=box"


def _q(text: str) -> str:
    """A DOT double-quoted string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _label(n: Node) -> str:
    head = f"#{n.id} {n.op.value}"
    if n.name:
        head += f" {n.name}"
    detail = f"site {n.sid} @{n.line}:{n.col}"
    if n.expect:
        detail += f"\n{n.expect}"
    return head + "\n" + detail


def _folds(tree: TraceTree, collapsed: frozenset[int]) -> tuple[set[int], set[int]]:
    """What folding the nodes in ``collapsed`` hides: (branch trace ids, ids of nodes
    inside collapsed inline frames). A collapsed guard hides the branch traces grown
    from its exits; a collapsed ``CALL_INLINE`` hides the frame's body and the branch
    traces grown inside it; either way, branch traces of hidden traces go too."""
    inner: set[int] = set()
    seeds: list[Trace] = []
    for t in tree.traces:
        depth = 0
        for n in t.nodes:
            if depth:
                inner.add(n.id)
                depth += (n.op is Op.CALL_INLINE) - (n.op in (Op.RETURN_INLINE, Op.UNWIND_INLINE))
                seeds.extend(n.exits.values() if n.exits else ())
            elif n.id in collapsed:
                depth = int(n.op is Op.CALL_INLINE)
                seeds.extend(n.exits.values() if n.exits else ())
    hidden: set[int] = set()
    while seeds:
        t = seeds.pop()
        if t.id not in hidden:
            hidden.add(t.id)
            seeds.extend(sub for n in t.nodes if n.exits for sub in n.exits.values())
    return hidden, inner


class _Writer:
    """Accumulates DOT lines for one graph; ``budget`` caps the nodes drawn.

    ``collapsed`` holds node ids the viewer folded (see ``_folds``); what they hide
    is drawn as one ``c<id>`` note saying how many nodes it stands for, so a reader
    can fold away what they have understood in a big tree."""

    def __init__(self, forest: TraceForest | None, budget: int, collapsed: frozenset[int] = frozenset()) -> None:
        self.forest = forest
        self.budget = budget
        self.collapsed = collapsed
        self.skipped = 0
        self.lines: list[str] = []
        self.edges: list[str] = []
        self.drawn: set[int] = set()
        self.hidden_traces: set[int] = set()
        self.inner: set[int] = set()

    def node(self, n: Node, indent: str) -> bool:
        if self.budget <= 0:
            self.skipped += 1
            return False
        self.budget -= 1
        self.drawn.add(n.id)
        style = _STYLE.get(n.op, _DEFAULT_STYLE)
        self.lines.append(f"{indent}n{n.id} [id={_q(f'n{n.id}')} label={_q(_label(n))} {style}];")
        return True

    def tree(self, tree: TraceTree) -> None:
        self.hidden_traces, self.inner = _folds(tree, self.collapsed)
        self.lines.append(f"  subgraph cluster_tree_{tree.anchor} {{")
        self.lines.append(f"    label={_q(f'{tree.kind} {tree.name} (site {tree.anchor}, {tree.activations} runs)')};")
        for t in tree.traces:
            if t.id not in self.hidden_traces:
                self.trace(tree, t)
        self.lines.append("  }")

    def _fold_note(self, owner: int, count: int, what: str, indent: str) -> str:
        """Draw the placeholder of a fold made at node ``owner``; returns its DOT id."""
        ref = f"c{owner}"
        self.lines.append(f"{indent}{ref} [id={_q(ref)} label={_q(f'+{count} nodes: {what} (collapsed)')} shape=note];")
        self.edges.append(f"  n{owner} -> {ref} [style=dotted];")
        return ref

    def trace(self, tree: TraceTree, t: Trace) -> None:
        indent = "    "
        opened = 0
        prev: str | None = None  # DOT id of the last thing drawn on this trace
        folded, fold_owner = 0, 0
        for n in t.nodes:
            if n.id in self.inner:
                folded += 1
                continue
            if folded:
                prev = self._fold_note(fold_owner, folded, "inlined frame", indent)
                folded = 0
            if n.op is Op.CALL_INLINE and n.id not in self.collapsed:
                self.lines.append(f"{indent}subgraph cluster_f{n.id} {{")
                callee = self.forest.callgraph.label(n.target) if self.forest else f"fn {n.target}"
                self.lines.append(f"{indent}  label={_q(f'inline {callee}')} style=dashed color=gray;")
                indent += "  "
                opened += 1
            if not self.node(n, indent):
                break
            if prev is not None:
                self.edges.append(f"  {prev} -> n{n.id};")
            if n.op in (Op.RETURN_INLINE, Op.UNWIND_INLINE) and opened:
                indent = indent[:-2]
                opened -= 1
                self.lines.append(f"{indent}}}")
            self._extra_edges(tree, n)
            prev, fold_owner = f"n{n.id}", n.id
        if folded:
            self._fold_note(fold_owner, folded, "inlined frame", indent)
        for _ in range(opened):
            indent = indent[:-2]
            self.lines.append(f"{indent}}}")

    def _extra_edges(self, tree: TraceTree, n: Node) -> None:
        if n.exits and n.id in self.collapsed:
            count = sum(len(t.nodes) for t in tree.traces if t.id in _folds(tree, frozenset({n.id}))[0])
            self._fold_note(n.id, count, f"{len(n.exits)} branch trace(s)", "    ")
        elif n.exits:
            for key, sub in n.exits.items():
                if sub.nodes:
                    label = f"{key} x{sub.hits}"
                    self.edges.append(f"  n{n.id} -> n{sub.nodes[0].id} [label={_q(label)} color=orange fontcolor=orange penwidth=2];")
        if n.op is Op.BACK_EDGE and n.target is not None:
            self.edges.append(f"  n{n.id} -> n{n.target} [color=blue style=dashed constraint=false];")
        if n.op in (Op.CALL_TREE, Op.LOOP) and n.target is not None:
            callee = self.forest.trees.get(n.target) if self.forest else None
            if n.op is Op.LOOP:
                colour = "darkgreen"
            elif self.forest and self.forest.callgraph.is_recursive(n.target):
                colour = "red"
            else:
                colour = "purple"
            if callee is not None and callee.root.nodes:
                dest = f"n{callee.root.nodes[0].id}"
            else:
                dest = f"t{n.target}"
                self.lines.append(f"  {dest} [label={_q(f'tree {n.target}')} shape=folder];")
            self.edges.append(f"  n{n.id} -> {dest} [color={colour} style=dashed constraint=false];")

    def finish(self, name: str) -> str:
        if self.skipped:
            self.lines.append(f"  more [label={_q(f'... {self.skipped} more nodes not drawn')} shape=note];")
        # edges to nodes cut by the budget would make graphviz invent bare nodes
        kept = [e for e in self.edges if self._ends_drawn(e)]
        return "\n".join([f"digraph {name} {{", "  rankdir=TB;", '  node [fontname="monospace" fontsize=10];',
                          *self.lines, *kept, "}"]) + "\n"

    def _ends_drawn(self, edge: str) -> bool:
        head = edge.split("[", 1)[0]
        for part in head.replace(";", "").split("->"):
            ident = part.strip()
            if ident.startswith("n") and int(ident[1:]) not in self.drawn:
                return False
        return True


def tree_to_dot(subject: TraceTree | TraceForest, *, forest: TraceForest | None = None, max_nodes: int = 2000,
                collapsed: frozenset[int] = frozenset()) -> str:
    """DOT for one tree or a whole forest (one cluster per tree). Pass ``forest``
    with a single tree so its tree calls can point at their target trees'
    entries; ``max_nodes`` keeps a view of a huge linear trace drawable;
    ``collapsed`` folds guards' branch traces and inlined frames (``_folds``)."""
    if isinstance(subject, TraceForest):
        forest, trees = subject, list(subject.trees.values())
    else:
        trees = [subject]
    w = _Writer(forest, max_nodes, collapsed)
    for tree in trees:
        w.tree(tree)
    return w.finish("tracetree")


_STATUS_STYLE = {
    Status.NOT_LOOP: "shape=box",
    Status.LOOP_PARTICIPANT: 'shape=box style=filled fillcolor="#ffe0b2"',
    Status.LOOP_HEADER: 'shape=box style="filled,bold" fillcolor="#ef9a9a" peripheries=2',
}


def callgraph_to_dot(cg: CallGraph) -> str:
    """DOT for the dynamic call graph: edges labelled with call counts, cycle edges
    red, loop headers double-bordered red, participants orange."""
    view = cg.view()
    lines = ["digraph callgraph {", '  node [fontname="monospace" fontsize=10];']
    for n in view["nodes"]:
        label = f"{n['label']}\nsite {n['id']}" + ("" if n["status"] == "NOT_LOOP" else f"\n{n['status']}")
        ident = f"f{n['id']}"
        lines.append(f"  {ident} [id={_q(ident)} label={_q(label)} {_STATUS_STYLE[Status(n['status'])]}];")
    for e in view["edges"]:
        colour = ' color=red fontcolor=red penwidth=2' if e["cycle"] else ""
        lines.append(f"  f{e['from']} -> f{e['to']} [label={_q(str(e['count']))}{colour}];")
    lines.append("}")
    return "\n".join(lines) + "\n"

