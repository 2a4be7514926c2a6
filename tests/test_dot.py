"""DOT views: pure text, checked for content and accepted by graphviz's ``dot``."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from jsrust_core.dot import callgraph_to_dot, tree_to_dot
from jsrust_core.recorder import TreeRecorder
from jsrust_core.values import JSObject
from test_recorder import FIB, MAIN_CALL, fib, loop


def _forest():
    rec = TreeRecorder(None)
    fib(rec, 6.0, MAIN_CALL)
    loop(rec, 4)
    return rec.forest()


def _dot_accepts(text: str) -> str:
    if shutil.which("dot") is None:
        pytest.skip("graphviz dot not installed")
    proc = subprocess.run(["dot", "-Tsvg"], input=text, capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_forest_dot_has_every_node_and_the_special_edges() -> None:
    forest = _forest()
    text = tree_to_dot(forest)
    for n in forest.all_nodes():
        assert f"n{n.id} [id=\"n{n.id}\"" in text
    assert "cluster_tree_0" in text and f"cluster_tree_{FIB}" in text
    assert "color=red" in text  # recursive CALL_TREE
    assert "color=blue" in text  # back edge
    assert "color=darkgreen" in text  # LOOP -> nested tree
    assert "cluster_f" in text  # inlined first call of fib in the program tree
    assert 'label="true x' in text  # guard exit with its count
    svg = _dot_accepts(text)
    first = next(forest.all_nodes())
    assert f'id="n{first.id}"' in svg


def test_single_tree_and_budget() -> None:
    forest = _forest()
    tree = forest.tree_for(FIB)
    alone = tree_to_dot(tree)
    assert f"t{FIB} [label=\"tree {FIB}\"" in alone  # target drawn as a stub without the forest
    _dot_accepts(alone)
    small = tree_to_dot(forest, max_nodes=5)
    assert small.count("[id=") == 5 and "more nodes not drawn" in small
    _dot_accepts(small)


def test_labels_are_escaped() -> None:
    obj = JSObject(None)
    obj.props['say "hi"\\'] = 1.0  # the shape tag carries the key into the label
    rec = TreeRecorder(None)
    rec.op(1, "get", (obj, "k"), 1.0)
    text = tree_to_dot(rec.forest())
    assert '\\"hi\\"' in text
    _dot_accepts(text)


def test_callgraph_dot_marks_cycles() -> None:
    forest = _forest()
    cg = forest.callgraph
    text = callgraph_to_dot(cg)
    assert f'f{FIB} [id="f{FIB}"' in text and "LOOP_HEADER" in text
    assert f"f{FIB} -> f{FIB}" in text and "color=red" in text
    svg = _dot_accepts(text)
    assert f'id="f{FIB}"' in svg
