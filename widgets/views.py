"""ipywidgets views over core results. They hold data and draw it; they decide nothing.

Every view renders through ``render.py`` and also has a static form
(``_repr_html_``), which ``_repr_mimebundle_`` adds next to the widget view so an
exported notebook (or a frontend without the widget manager) still shows it.
"""
from __future__ import annotations

import html
import uuid
from typing import Any, Iterable, Mapping

import ipywidgets as w

from . import render
from .view_data import ADDED, REMOVED, TreeData, TreeDiffData, tree_diff_data, types_rows


class _StaticForm:
    """Mixin: put the static HTML form in the widget's MIME bundle."""

    def _repr_html_(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs: Any) -> dict:
        bundle = dict(super()._repr_mimebundle_(**kwargs) or {})  # type: ignore[misc]
        bundle["text/html"] = self._repr_html_()
        # ipywidgets' repr would repeat the whole HTML value as text
        bundle["text/plain"] = f"<{type(self).__name__}>"
        return bundle


class TreeView(_StaticForm, w.VBox):
    """A trace forest: anchor selector, the selected tree as SVG, and a detail pane for
    the selected node. ``node_selector.value`` (a synced Text trait) holds the selected
    node id, so a frontend update of that trait alone changes the detail pane; clicking
    a node in the SVG (``render.TREE_CLICK_JS``, found through the CSS classes set
    here) and the ``node_picker`` menu (the current tree's nodes) write the same trait.

    Folding: ``fold_input`` (synced Text) holds the ids of folded nodes — a folded guard
    hides its branch traces, a folded inline call its frame — and the buttons fold
    the selected node, unfold it, fold every foldable node or unfold all."""

    def __init__(self, data: TreeData, anchor: str | None = None, **kwargs: Any) -> None:
        self.data = data
        self._scope = "jsr-tree-" + uuid.uuid4().hex[:8]
        self._svg = ""
        labels = list(data.anchors)
        if anchor not in data.anchors:
            anchor = data.default_anchor if data.default_anchor in data.anchors else (labels[0] if labels else None)
        self.anchor_selector = w.Dropdown(options=labels, description="anchor", value=anchor)
        self.svg = w.HTML()
        self.node_selector = w.Text(description="node", placeholder="node id, e.g. n3", continuous_update=False)
        self.node_selector.add_class("jsr-node-input")
        self.node_picker = w.Dropdown(description="pick", options=self._menu(anchor), value="")
        self.detail = w.HTML(render.detail_html({}))
        self.stats = w.HTML(render.html_table(["statistic", "value"], data.stats.items()))
        self.fold_input = w.Text(description="folded", placeholder="node ids, e.g. 4, 9", continuous_update=False)
        self.fold_input.add_class("jsr-fold-input")
        buttons = [w.Button(description=text, tooltip=tip) for text, tip in (
            ("fold", "fold the selected node (guard: its branch traces; inline call: its frame)"),
            ("unfold", "unfold the selected node"), ("fold all", "fold every guard and inline call"),
            ("unfold all", "show the whole tree"))]
        for button, action in zip(buttons, (self.fold_selected, self.unfold_selected, self.fold_all, self.unfold_all)):
            button.on_click(lambda _b, act=action: act())
            button.disabled = not data.drawers
        self.fold_buttons = buttons
        self._switching = False
        self.anchor_selector.observe(self._draw_tree, names="value")
        self.node_selector.observe(self._show_node, names="value")
        self.node_picker.observe(self._pick_node, names="value")
        self.fold_input.observe(self._refold, names="value")
        super().__init__([self.anchor_selector, self.svg, w.HBox([self.node_picker, self.node_selector]),
                          w.HBox([self.fold_input, *buttons]), self.detail, self.stats], **kwargs)
        self.add_class("jsr-tree-widget")
        self._draw_tree()

    @property
    def selected_node(self) -> str:
        return self.node_selector.value

    @selected_node.setter
    def selected_node(self, node_id: str) -> None:
        self.node_selector.value = node_id

    @property
    def folded(self) -> frozenset[int]:
        """Node ids folded in the current tree (from the synced ``fold_input``)."""
        return frozenset(int(part) for part in self.fold_input.value.replace("#", " ").replace(",", " ").split()
                         if part.isdigit())

    def _set_folded(self, ids: Iterable[int]) -> None:
        self.fold_input.value = ", ".join(str(i) for i in sorted(set(ids)))

    def fold_selected(self) -> None:
        if self.node_selector.value.lstrip("#n").isdigit():
            self._set_folded(self.folded | {int(self.node_selector.value.lstrip("#n"))})

    def unfold_selected(self) -> None:
        if self.node_selector.value.lstrip("#n").isdigit():
            self._set_folded(self.folded - {int(self.node_selector.value.lstrip("#n"))})

    def fold_all(self) -> None:
        self._set_folded(int(v) for _, v in self.data.foldable.get(self.anchor_selector.value, []))

    def unfold_all(self) -> None:
        self._set_folded(())

    def _refold(self, _change: Any = None) -> None:
        if not self._switching:
            self._redraw()

    def _draw_tree(self, _change: Any = None) -> None:
        """A new anchor: folds named nodes of the previous tree, so they go."""
        self._switching = True
        try:
            self.fold_input.value = ""
        finally:
            self._switching = False
        self._redraw()
        self.node_picker.options = self._menu(self.anchor_selector.value)
        self.node_picker.value = ""

    def _redraw(self) -> None:
        anchor = self.anchor_selector.value
        dot = self.data.dot(anchor, self.folded) if anchor is not None else None
        self._svg = render.dot_to_svg(dot) if dot is not None else "<i>no trace trees</i>"
        self._highlight()

    def _menu(self, anchor: str | None) -> list[tuple[str, str]]:
        return [("(pick a node)", "")] + self.data.anchor_nodes.get(anchor, [])

    def _pick_node(self, change: Any) -> None:
        if change["new"]:
            self.node_selector.value = change["new"]

    def _highlight(self) -> None:
        node = self.node_selector.value.lstrip("#n")
        self.svg.value = render.highlight_svg(self._svg, f"n{node}" if node else "", self._scope)

    def _show_node(self, change: Any) -> None:
        self._highlight()
        fields = self.data.nodes.get(change["new"])
        if fields is None:
            self.detail.value = f"<i>no node {html.escape(change['new'])!s} in this forest</i>"
        else:
            self.detail.value = render.detail_html(fields)

    def _repr_html_(self) -> str:
        anchor = self.anchor_selector.value
        parts = [f"<h4>trace tree: {html.escape(str(anchor))}</h4>", self.svg.value, self.detail.value, self.stats.value]
        return "<div class='jsr-tree-view'>" + "".join(parts) + "</div>"


class TreeDiff(_StaticForm, w.VBox):
    """Two forests of one program side by side, tree by tree (anchor selector): nodes
    only in ``forest_b`` filled green, nodes only in ``forest_a`` red, and both
    forests' statistics. For "what did more training add?" (snapshot a forest with
    ``TraceForest.from_json(forest.to_json())`` before extending it) or "linear vs
    recursion-aware"."""

    def __init__(self, forest_a: Any, forest_b: Any, programs: Any = None, titles: tuple[str, str] = ("a", "b"),
                 **kwargs: Any) -> None:
        self.data: TreeDiffData = tree_diff_data(forest_a, forest_b, programs)
        self.titles = titles
        self._scope = "jsr-diff-" + uuid.uuid4().hex[:8]
        labels = list(self.data.dots)
        self.anchor_selector = w.Dropdown(options=labels, description="anchor", value=self.data.default_anchor)
        self.diff = w.HTML()
        self.anchor_selector.observe(self._draw, names="value")
        super().__init__([self.anchor_selector, self.diff], **kwargs)
        self._draw()

    def _draw(self, _change: Any = None) -> None:
        label = self.anchor_selector.value
        if label is None:
            self.diff.value = "<i>no trace trees</i>"
            return
        dot_a, dot_b = self.data.dots[label]
        grown = self.data.added_branches.get(label, 0)
        summary = f"<p class='jsr-diff-summary'>{grown} new branch trace{'s' if grown != 1 else ''} in {html.escape(self.titles[1])}</p>"
        self.diff.value = summary + render.tree_diff_html(
            render.dot_to_svg(dot_a) if dot_a is not None else None,
            render.dot_to_svg(dot_b) if dot_b is not None else None,
            self.data.added[label], self.data.removed[label], self.data.stats, self._scope, self.titles,
            (ADDED, REMOVED))

    def _repr_html_(self) -> str:
        label = html.escape(str(self.anchor_selector.value))
        return f"<div class='jsr-tree-diff-view'><h4>trace tree diff: {label}</h4>{self.diff.value}</div>"


class TimingChart(_StaticForm, w.HTML):
    """The SVG bar chart of ``{measure: {engine: seconds}}``, ratios against ``baseline``."""

    def __init__(self, timings: Mapping[str, Mapping[str, float]], baseline: str | None = "node", title: str = "",
                 **kwargs: Any) -> None:
        self.timings = {k: dict(v) for k, v in timings.items()}
        super().__init__(render.timing_chart_svg(self.timings, baseline, title), **kwargs)

    def _repr_html_(self) -> str:
        return self.value


class RustView(_StaticForm, w.HTML):
    """JS | Rust side by side, lines linked by colour and hover outline."""

    def __init__(self, js: str, rust: str, line_map: Mapping[int, int] | Iterable[tuple[int, int]],
                 **kwargs: Any) -> None:
        self.js, self.rust, self.line_map = js, rust, dict(line_map)
        super().__init__(render.rust_view_html(js, rust, self.line_map, view_id="jsr-" + uuid.uuid4().hex[:8]), **kwargs)

    def _repr_html_(self) -> str:
        return self.value


class TypesTable(_StaticForm, w.HTML):
    """Inferred types: one row per binding / function signature."""

    HEADER = ("name", "where", "JS type", "Rust type", "why")

    def __init__(self, types: Any, programs: Any = None, name: str | None = None, **kwargs: Any) -> None:
        self.rows = types_rows(types, programs, name)
        note = getattr(types, "lowering_note", "")
        caption = f'<p class="jsr-note">Rust type column from the types only: {html.escape(note)}</p>' if note else ""
        super().__init__(render.html_table(self.HEADER, self.rows, "jsr-types") + caption, **kwargs)

    def _repr_html_(self) -> str:
        return self.value
