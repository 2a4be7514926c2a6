"""Splitting a cell into JavaScript chunks and magic invocations.

A cell whose first non-blank line starts with ``%%name`` is a cell magic: that line
holds its arguments, the rest is its body. Otherwise lines beginning ``%name`` are
line magics, run in order with the JavaScript between them. A ``%`` line only counts
as a magic where the JavaScript before it is closed (no open bracket or template),
so ``a\\n% b`` inside an expression stays the modulo operator.

JavaScript chunks keep their line numbers: a chunk starting on cell line ``k`` is
prefixed with ``k - 1`` newlines so errors point at the line the user sees.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .completeness import scan_end_state

_LINE_MAGIC = re.compile(r"^\s*%(?!%)([A-Za-z_][\w]*)(\?)?(?:[ \t]+(.*))?\s*$")
_CELL_MAGIC = re.compile(r"^\s*%%([A-Za-z_][\w]*)(\?)?(?:[ \t]+(.*))?\s*$")


@dataclass
class JsChunk:
    source: str  # padded with newlines so line numbers match the cell
    first_line: int


@dataclass
class MagicCall:
    name: str
    args: str
    body: str | None  # the cell body for ``%%`` magics, None for line magics
    help: bool  # ``%name?``: show the documentation instead of running
    line: int


def split_cell(code: str) -> list:
    """The cell as a list of ``JsChunk`` and ``MagicCall`` in execution order."""
    lines = code.split("\n")
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is None:
        return []
    m = _CELL_MAGIC.match(lines[first])
    if m:
        return [MagicCall(m.group(1), m.group(3) or "", "\n".join(lines[first + 1:]), bool(m.group(2)), first + 1)]
    parts: list = []
    chunk: list[str] = []
    chunk_start = 0
    for i, ln in enumerate(lines):
        m = _LINE_MAGIC.match(ln)
        if m and _closed("\n".join(chunk)):
            _flush(parts, chunk, chunk_start)
            parts.append(MagicCall(m.group(1), m.group(3) or "", None, bool(m.group(2)), i + 1))
            chunk, chunk_start = [], i + 1
        else:
            chunk.append(ln)
    _flush(parts, chunk, chunk_start)
    return parts


def _closed(js: str) -> bool:
    end = scan_end_state(js)
    return not end.brackets and not end.in_multiline_token


def _flush(parts: list, chunk: list[str], start: int) -> None:
    if any(ln.strip() for ln in chunk):
        parts.append(JsChunk("\n" * start + "\n".join(chunk), start + 1))
