"""This kernel session's input history, answering ``history_request``.

Entries are ``(session, line_number, input)`` triples as the protocol wants; the
session number is always 0 because history is not persisted across kernel restarts
(a restart begins a fresh JS realm, so old cells would not describe its state).
"""
from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field

SESSION = 0


@dataclass
class CellHistory:
    entries: list[tuple[int, int, str]] = field(default_factory=list)

    def add(self, execution_count: int, code: str) -> None:
        self.entries.append((SESSION, execution_count, code))

    def tail(self, n: int) -> list[tuple[int, int, str]]:
        return self.entries[-n:] if n > 0 else []

    def range(self, start: int, stop: int | None) -> list[tuple[int, int, str]]:
        """Cells with ``start <= line_number < stop`` (``stop`` None: to the end)."""
        return [e for e in self.entries if e[1] >= start and (stop is None or e[1] < stop)]

    def search(self, pattern: str, n: int | None, unique: bool) -> list[tuple[int, int, str]]:
        """Glob search, newest ``n`` matches (IPython's semantics: ``*`` wildcards)."""
        hits = [e for e in self.entries if fnmatch.fnmatchcase(e[2], pattern)]
        if unique:
            seen: set[str] = set()
            kept = []
            for e in reversed(hits):
                if e[2] not in seen:
                    seen.add(e[2])
                    kept.append(e)
            hits = kept[::-1]
        return hits[-n:] if n else hits

    def query(self, access: str, *, n: int | None = None, start: int = 0, stop: int | None = None,
              pattern: str = "*", unique: bool = False) -> list[tuple[int, int, str]]:
        if access == "tail":
            return self.tail(n or 10)
        if access == "range":
            return self.range(start, stop)
        if access == "search":
            return self.search(pattern, n, unique)
        return []
