"""Pure functions that turn core results into SVG and HTML text.

Views (``views.py``) only hold state and call these, so every picture can be tested
without a browser and shown in an exported notebook without a kernel. Nothing here
imports ipywidgets.
"""
from __future__ import annotations

import html
import math
import re
from typing import Iterable, Mapping

import graphviz

#: a qualitative palette; JS line ``n`` gets colour ``n % len``
PALETTE = ("#fde2e4", "#e2ece9", "#dfe7fd", "#fff1c1", "#e9e2fd", "#d8f3dc", "#ffe5d9", "#e0f4ff")


def dot_to_svg(dot: str) -> str:
    """Lay out DOT text with graphviz ``dot`` and return the SVG element (no XML prolog,
    so it can be embedded in HTML)."""
    svg = graphviz.Source(dot).pipe(format="svg", encoding="utf-8")
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg


#: inline click handler of a tree SVG. Why markup and not a custom widget: an
#: ipywidgets ``HTML`` view sets its value as ``innerHTML``, which keeps event
#: attributes, so the click needs no front-end extension, and the exported HTML
#: (rendered by the stock html-manager from stored state) needs no extra module
#: that would have to be fetched from a CDN. The handler writes the clicked node's
#: id into the view's node Text input and fires ``change``, which is what a user
#: typing there does: ipywidgets syncs that trait to the kernel, and the kernel
#: redraws the detail pane. Outside a TreeView (static HTML) it does nothing.
TREE_CLICK_JS = ("var g=event.target.closest('g.node');var v=this.closest('.jsr-tree-widget');"
                 "if(!g||!v||!/^n[0-9]+$/.test(g.id))return;"
                 "var i=v.querySelector('.jsr-node-input input');if(!i)return;"
                 "i.value=g.id.slice(1);i.dispatchEvent(new Event('change',{bubbles:true}))")


def highlight_svg(svg: str, element_id: str, scope: str) -> str:
    """Wrap an SVG in ``<div id=scope>`` with a rule that outlines the element with
    ``element_id`` (graphviz writes DOT node ids as SVG ids, e.g. ``n12``); the scope
    keeps two views of the same forest on one page from highlighting each other.
    Clicking a node selects it when the SVG sits in a ``TreeView`` (``TREE_CLICK_JS``)."""
    scope = re.sub(r"[^\w-]", "", scope) or "jsr"
    rule = f"#{scope} g.node{{cursor:pointer}}"
    if element_id and re.fullmatch(r"[\w-]+", element_id):
        rule += (f"#{scope} #{element_id} polygon,#{scope} #{element_id} ellipse,"
                 f"#{scope} #{element_id} path{{stroke:#d32f2f;stroke-width:3}}")
    return f'<div id="{scope}" class="jsr-tree-svg" onclick="{TREE_CLICK_JS}"><style>{rule}</style>{svg}</div>'


def mark_svg_nodes(svg: str, marks: Mapping[str, Iterable[str]], scope: str) -> str:
    """Wrap an SVG in ``<div id=scope>`` with CSS that colours groups of nodes by SVG
    id: ``marks`` maps a fill colour to the ids to fill (the diff view paints nodes
    only in one forest this way, leaving the layout graphviz made untouched)."""
    scope = re.sub(r"[^\w-]", "", scope) or "jsr"
    rules = []
    for colour, ids in marks.items():
        sel = ",".join(f"#{scope} #{i} polygon,#{scope} #{i} ellipse,#{scope} #{i} path" for i in sorted(ids) if re.fullmatch(r"[\w-]+", i))
        if sel and re.fullmatch(r"#?[\w]+", colour):
            rules.append(f"{sel}{{fill:{colour};stroke-width:2}}")
    return f'<div id="{scope}" class="jsr-diff-svg"><style>{"".join(rules)}</style>{svg}</div>'


def _fmt_seconds(s: float) -> str:
    if s != s:
        return "–"
    if s >= 1:
        return f"{s:.2f} s"
    if s >= 1e-3:
        return f"{s * 1e3:.1f} ms"
    return f"{s * 1e6:.0f} µs"


def timing_chart_svg(groups: Mapping[str, Mapping[str, float]], baseline: str | None = "node",
                     title: str = "") -> str:
    """Horizontal bar chart: one group per measure (e.g. one-shot, steady state), one
    bar per engine, each labelled with its time and its ratio to ``baseline``.

    Bars use a log scale when the times differ by more than 100×, because a Python
    tracer and a Rust binary can be four orders of magnitude apart; the scale is
    written on the chart.
    """
    values = [v for g in groups.values() for v in g.values() if v and v > 0 and v == v]
    if not values:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="30"><text x="4" y="20">no timings</text></svg>'
    lo, hi = min(values), max(values)
    log = hi / lo > 100
    bar_x, bar_w, row_h, label_w = 110, 360, 20, 230
    rows = sum(len(g) + 1 for g in groups.values())
    height = 30 + rows * row_h + 20
    width = bar_x + bar_w + label_w

    def length(v: float) -> float:
        if v <= 0 or v != v:
            return 0.0
        if log:
            span = math.log10(hi) - math.log10(lo) or 1.0
            return 8 + (bar_w - 8) * (math.log10(v) - math.log10(lo)) / span
        return bar_w * v / hi

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'font-family="sans-serif" font-size="12" class="jsr-timing-chart">']
    scale = "log scale" if log else "linear scale"
    out.append(f'<text x="4" y="16" font-weight="bold">{html.escape(title or "timings")}</text>'
               f'<text x="{width - 4}" y="16" text-anchor="end" fill="#666">{scale}</text>')
    y = 30
    engines = sorted({e for g in groups.values() for e in g})
    colours = {e: c for e, c in zip(engines, ("#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2"))}
    for measure, bars in groups.items():
        out.append(f'<text x="4" y="{y + 14}" font-weight="bold">{html.escape(measure)}</text>')
        y += row_h
        base = bars.get(baseline) if baseline else None
        for engine, v in bars.items():
            w = length(v)
            ratio = ""
            if base and v and v > 0 and engine != baseline:
                r = v / base
                ratio = f" ({r:.1f}× slower than {baseline})" if r >= 1 else f" ({1 / r:.1f}× faster than {baseline})"
            out.append(f'<text x="{bar_x - 6}" y="{y + 14}" text-anchor="end">{html.escape(engine)}</text>')
            out.append(f'<rect x="{bar_x}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" '
                       f'fill="{colours.get(engine, "#888")}"><title>{html.escape(engine)}: {v!r} s</title></rect>')
            out.append(f'<text x="{bar_x + w + 4:.1f}" y="{y + 14}">{_fmt_seconds(v)}{html.escape(ratio)}</text>')
            y += row_h
    out.append("</svg>")
    return "".join(out)


def html_table(header: Iterable[str], rows: Iterable[Iterable[object]], css_class: str = "jsr-table") -> str:
    """A plain HTML table; cells are escaped text."""
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{css_class}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


#: inline click handler of the side-by-side view (markup, for the reasons given at
#: ``TREE_CLICK_JS``): clicking a linked line gives it and all its partner lines the
#: class ``jsr-sel``; clicking a selected line again clears the selection.
RUST_CLICK_JS = ("var r=event.target.closest('tr[data-l]');if(!r)return;var on=r.classList.contains('jsr-sel');"
                 "this.querySelectorAll('tr.jsr-sel').forEach(function(e){e.classList.remove('jsr-sel')});"
                 "if(!on)this.querySelectorAll('tr.jsr-l'+r.getAttribute('data-l'))"
                 ".forEach(function(e){e.classList.add('jsr-sel')})")


def rust_view_html(js: str, rust: str, line_map: Mapping[int, int] | Iterable[tuple[int, int]],
                   view_id: str = "jsr") -> str:
    """JS and Rust side by side. ``line_map`` maps a Rust line (1-based) to the JS line
    it came from (a dict, or ``(rust line, js line)`` pairs as ``RustUnit`` keeps it).
    Linked lines share a class ``jsr-lN`` and a background colour; a CSS ``:has()``
    rule outlines every line of the same class while one is hovered (no script, so it
    works in any exported HTML), and a click keeps the partners selected
    (``RUST_CLICK_JS``). Cells are forced left-aligned and monospace because
    JupyterLab's rendered-HTML stylesheet right-aligns table cells."""
    line_map = dict(line_map)
    js_lines = js.split("\n")
    rust_lines = rust.rstrip("\n").split("\n")
    used = sorted(set(line_map.values()))

    def row(n: int, text: str, js_line: int | None) -> str:
        code = f'<td class="jsr-n">{n}</td><td class="jsr-code"><code>{html.escape(text) or "&nbsp;"}</code></td>'
        if js_line is None:
            return f"<tr>{code}</tr>"
        colour = PALETTE[js_line % len(PALETTE)]
        return (f'<tr class="jsr-l{js_line}" data-l="{js_line}" style="background:{colour}" '
                f'title="JS line {js_line}">{code}</tr>')

    used_set = set(used)
    js_rows = "".join(row(i, t, i if i in used_set else None) for i, t in enumerate(js_lines, 1))
    rust_rows = "".join(row(i, t, line_map.get(i)) for i, t in enumerate(rust_lines, 1))
    scope = re.sub(r"[^\w-]", "", view_id) or "jsr"
    rules = "".join(f"#{scope}:has(.jsr-l{n}:hover) .jsr-l{n}{{outline:2px solid #333}}" for n in used)
    mono = "font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,'DejaVu Sans Mono',monospace"
    style = (f"<style>#{scope} td,#{scope} th{{text-align:left!important;vertical-align:top}}"
             f"#{scope} table.jsr-src td{{padding:0 6px;white-space:pre;{mono}}}"
             f"#{scope} table.jsr-src code{{{mono};background:none}}"
             f"#{scope} table.jsr-src td.jsr-n{{color:#999;text-align:right!important;user-select:none}}"
             f"#{scope} tr[data-l]{{cursor:pointer}}{rules}"
             f"#{scope} tr.jsr-sel{{outline:2px solid #d32f2f!important;font-weight:bold}}</style>")
    return (f'<div id="{scope}" class="jsr-rust-view" onclick="{RUST_CLICK_JS}">{style}'
            f'<table><tr><th>JavaScript</th><th>Rust</th></tr><tr>'
            f'<td><table class="jsr-src">{js_rows}</table></td>'
            f'<td><table class="jsr-src">{rust_rows}</table></td>'
            f"</tr></table></div>")


def detail_html(fields: Mapping[str, object]) -> str:
    """A two-column definition table for one selected item (a tree node, a binding)."""
    if not fields:
        return "<i>click a node (or type its id) to see its details</i>"
    rows = "".join(f"<tr><th style='text-align:left'>{html.escape(str(k))}</th>"
                   f"<td><code>{html.escape(str(v))}</code></td></tr>" for k, v in fields.items())
    return f'<table class="jsr-detail">{rows}</table>'


def tree_diff_html(svg_a: str | None, svg_b: str | None, added: Iterable[str], removed: Iterable[str],
                   stats: Iterable[tuple[str, object, object]], scope: str,
                   titles: tuple[str, str] = ("a", "b"), colours: tuple[str, str] = ("#b7e4c7", "#f8c9c9")) -> str:
    """Two laid-out trees side by side: in b, nodes absent from a filled with
    ``colours[0]`` (added); in a, nodes absent from b filled with ``colours[1]``
    (removed); under them, each statistic of both forests and the change. A missing
    side (``None``) says that forest has no such tree."""
    scope = re.sub(r"[^\w-]", "", scope) or "jsr"
    added, removed = sorted(added), sorted(removed)

    def side(svg: str | None, suffix: str, marks: Mapping[str, Iterable[str]]) -> str:
        return mark_svg_nodes(svg, marks, f"{scope}-{suffix}") if svg is not None else "<i>no such tree</i>"

    rows = []
    for name, a, b in stats:
        delta = f"{b - a:+g}" if isinstance(a, (int, float)) and isinstance(b, (int, float)) else ""
        rows.append((name, a, b, delta))
    head = (f"<th>{html.escape(titles[0])}: {len(removed)} nodes only here</th>"
            f"<th>{html.escape(titles[1])}: {len(added)} nodes only here</th>")
    return (f'<div id="{scope}" class="jsr-tree-diff"><style>#{scope} td,#{scope} th{{text-align:left!important;'
            f'vertical-align:top}}</style><table><tr>{head}</tr><tr>'
            f'<td>{side(svg_a, "a", {colours[1]: removed})}</td><td>{side(svg_b, "b", {colours[0]: added})}</td>'
            f"</tr></table>"
            + html_table(("statistic", titles[0], titles[1], "change"), rows, "jsr-diff-stats") + "</div>")
