"""jsrust_widgets: views of trace trees, types, Rust and timings.

``render`` holds pure SVG/HTML functions, ``view_data`` reads core results into plain
data, ``views`` holds the ipywidgets that show that data (each with a static HTML form).
"""
from .render import (detail_html, dot_to_svg, highlight_svg, html_table, mark_svg_nodes, rust_view_html,
                     timing_chart_svg, tree_diff_html)
from .view_data import (TreeData, recursion_report, rust_lines_for, timing_groups, timing_rows, timing_table_html,
                        timing_text, tree_data, tree_diff_data, types_rows)
from .views import RustView, TimingChart, TreeDiff, TreeView, TypesTable

__all__ = [
    "RustView", "TimingChart", "TreeData", "TreeDiff", "TreeView", "TypesTable", "detail_html", "dot_to_svg", "highlight_svg",
    "html_table", "mark_svg_nodes", "recursion_report", "rust_lines_for", "rust_view_html", "timing_chart_svg", "timing_groups",
    "timing_rows", "timing_table_html", "timing_text", "tree_data", "tree_diff_data", "tree_diff_html", "types_rows",
]
