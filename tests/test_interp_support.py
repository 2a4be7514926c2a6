"""Helpers for the interpreter tests: run a JS snippet under Node and under our
``Realm.run_main`` and return (stdout, stderr, status) for both.

Node runs several snippets in parallel threads (each its own process) so a test file
with dozens of snippets stays within a few seconds on two cores.
"""
from __future__ import annotations

import os
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Iterable

from jsrust_core.interp import Realm


def write_tmp(source: str, directory: str, name: str = "main.js") -> str:
    path = os.path.join(directory, name)
    Path(path).write_text(source, encoding="utf-8")
    return path


def run_node(path: str, args: Iterable[str] = ()) -> tuple[str, str, int]:
    p = subprocess.run(["node", path, *args], capture_output=True, text=True, timeout=60)
    return p.stdout, p.stderr, p.returncode


def run_ours(path: str, args: Iterable[str] = ()) -> tuple[str, str, int]:
    out: list[str] = []
    err: list[str] = []
    realm = Realm(stdout=out.append, stderr=err.append)
    status = realm.run_main(path, argv=list(args))
    return "".join(out), "".join(err), status


def run_both(snippets: dict[str, str]) -> dict[str, tuple[tuple, tuple]]:
    """name -> (node result, our result) for each snippet, each in its own directory."""
    with tempfile.TemporaryDirectory() as d:
        paths = {}
        for name, src in snippets.items():
            sub = os.path.join(d, name)
            os.makedirs(sub)
            paths[name] = write_tmp(src, sub)
        with ThreadPoolExecutor(max_workers=4) as pool:
            node = {name: pool.submit(run_node, p) for name, p in paths.items()}
            ours = {name: run_ours(p) for name, p in paths.items()}
            return {name: (node[name].result(), ours[name]) for name in snippets}


def first_error_line(stderr: str) -> str:
    """The ``Name: message`` line of Node's uncaught-error report."""
    for line in stderr.splitlines():
        if line and not line.startswith((" ", "/", "\t")) and ":" in line and not line.startswith("Node.js"):
            if line.split(":", 1)[0].replace("Error", "").isidentifier() or line.split(":", 1)[0].endswith("Error"):
                return line
    return ""
