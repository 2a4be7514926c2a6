"""docs/semantics.md names, for each rule, the function that implements it and the test
that checks it. This test keeps the document honest: every named function and test
must exist."""
from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DOC = (REPO / "docs" / "semantics.md").read_text()
IMPLS = re.findall(r"^impl: `([\w.]+)`", DOC, re.M)
TESTS = re.findall(r"^test: `([\w/.]+)::(\w+)`", DOC, re.M)


def _resolve(dotted: str) -> object:
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            obj = getattr(obj, name)
        return obj
    raise ImportError(dotted)


def test_every_rule_names_an_impl_and_a_test() -> None:
    rules = re.findall(r"^\*\*\[([A-Z-]+)\]\*\*", DOC, re.M)
    assert len(rules) >= 15
    assert len(IMPLS) >= len(rules) and len(TESTS) >= len(rules)


def test_named_functions_exist() -> None:
    missing = []
    for dotted in IMPLS:
        try:
            assert callable(_resolve(dotted))
        except (ImportError, AttributeError, AssertionError):
            missing.append(dotted)
    assert not missing, f"semantics.md names functions that do not exist: {missing}"


def test_named_tests_exist() -> None:
    missing = []
    for path, name in TESTS:
        f = REPO / path
        names = set()
        if f.exists():
            tree = ast.parse(f.read_text())
            names = {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
        if name not in names:
            missing.append(f"{path}::{name}")
    assert not missing, f"semantics.md names tests that do not exist: {missing}"


def test_cites_the_borrowed_work() -> None:
    assert "Guo and Palsberg" in DOC and "POPL 2011" in DOC
    assert "Pycket" in DOC and "ICFP 2015" in DOC
