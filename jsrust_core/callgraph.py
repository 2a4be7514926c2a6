"""Dynamic call graph and recursion detection, after Pycket's ``callgraph.py``.

Why: a tracer that inlines every call unrolls recursion into a trace as long as
the run (fib(25) has ~250k calls). Pycket's answer is to watch the *dynamic*
call graph: when a new caller→callee edge closes a cycle, the functions on the
cycle are loops in disguise; the cycle's entry becomes a loop *header* and the
others loop *participants*, and the recorder then calls their own trees instead
of copying their bodies.

One graph belongs to one tracing session (no module-level state), and results
live here, never in AST flags. Nodes are function site ids (the program's root
site stands for top-level code).
"""
from __future__ import annotations

from enum import Enum


class Status(str, Enum):
    """What the graph knows about one function."""

    NOT_LOOP = "NOT_LOOP"
    LOOP_PARTICIPANT = "LOOP_PARTICIPANT"
    LOOP_HEADER = "LOOP_HEADER"


class CallGraph:
    """Caller → callees edges with call counts, statuses and the cycles found."""

    def __init__(self) -> None:
        #: caller sid -> {callee sid: number of calls seen on that edge}
        self.edges: dict[int, dict[int, int]] = {}
        #: functions on a cycle; absent means NOT_LOOP
        self.status: dict[int, Status] = {}
        #: each cycle as the list of its members, header first, in call order
        self._cycles: list[list[int]] = []
        self._cycle_keys: set[frozenset[int]] = set()
        #: display names for views (``fib``, ``<program>``); optional
        self.names: dict[int, str] = {}

    def register_call(self, caller: int, callee: int) -> bool:
        """Count one call; return True when it is a *new* edge that closes a cycle.

        The common case (an edge seen before) is two dict lookups: this runs on
        every traced call.
        """
        targets = self.edges.get(caller)
        if targets is None:
            targets = self.edges[caller] = {}
        count = targets.get(callee)
        if count is not None:
            targets[callee] = count + 1
            return False
        targets[callee] = 1
        self.edges.setdefault(callee, {})
        path = self._path(callee, caller)
        if path is None:
            return False
        self._mark_cycle(path)
        return True

    def _path(self, start: int, goal: int) -> list[int] | None:
        """A call path start → … → goal, by depth-first search on an explicit stack
        (recursion here would hit Python's limit on deep programs)."""
        if start == goal:
            return [start]
        parent: dict[int, int] = {start: start}
        stack = [start]
        while stack:
            node = stack.pop()
            for nxt in self.edges.get(node, ()):
                if nxt in parent:
                    continue
                parent[nxt] = node
                if nxt == goal:
                    path = [nxt]
                    while path[-1] != start:
                        path.append(parent[path[-1]])
                    path.reverse()
                    return path
                stack.append(nxt)
        return None

    def _mark_cycle(self, path: list[int]) -> None:
        """``path`` runs from the callee of the closing edge to its caller; the callee
        is where the cycle is re-entered, so it becomes the header."""
        header = path[0]
        self.status[header] = Status.LOOP_HEADER
        for member in path[1:]:
            if self.status.get(member) is not Status.LOOP_HEADER:
                self.status[member] = Status.LOOP_PARTICIPANT
        key = frozenset(path)
        if key not in self._cycle_keys:
            self._cycle_keys.add(key)
            self._cycles.append(list(path))

    # -- queries ---------------------------------------------------------------

    def status_of(self, fn_sid: int) -> Status:
        return self.status.get(fn_sid, Status.NOT_LOOP)

    def is_recursive(self, fn_sid: int) -> bool:
        """True when ``fn_sid`` lies on some cycle found so far (direct or mutual)."""
        return fn_sid in self.status

    def cycles(self) -> list[list[int]]:
        """Every cycle found, each as its member list (header first)."""
        return [list(c) for c in self._cycles]

    def callees(self, caller: int) -> set[int]:
        return set(self.edges.get(caller, ()))

    def functions(self) -> list[int]:
        """Every function that appeared as caller or callee, sorted."""
        return sorted(self.edges)

    def label(self, fn_sid: int) -> str:
        return self.names.get(fn_sid, f"fn {fn_sid}")

    def view(self) -> dict:
        """What a DOT view needs: nodes with status and label, edges with counts and
        whether they lie on a cycle."""
        on_cycle: set[tuple[int, int]] = set()
        for cycle in self._cycles:
            for i, member in enumerate(cycle):
                on_cycle.add((member, cycle[(i + 1) % len(cycle)]))
        return {
            "nodes": [
                {"id": f, "label": self.label(f), "status": self.status_of(f).value} for f in self.functions()
            ],
            "edges": [
                {"from": a, "to": b, "count": n, "cycle": (a, b) in on_cycle}
                for a in self.functions()
                for b, n in sorted(self.edges[a].items())
            ],
        }

    # -- JSON ------------------------------------------------------------------

    def to_json(self) -> dict:
        return {
            "edges": {str(a): {str(b): n for b, n in targets.items()} for a, targets in self.edges.items()},
            "status": {str(f): s.value for f, s in self.status.items()},
            "cycles": self.cycles(),
            "names": {str(f): n for f, n in self.names.items()},
        }

    @classmethod
    def from_json(cls, data: dict) -> "CallGraph":
        g = cls()
        g.edges = {int(a): {int(b): n for b, n in t.items()} for a, t in data["edges"].items()}
        g.status = {int(f): Status(s) for f, s in data["status"].items()}
        for cycle in data["cycles"]:
            g._cycles.append(list(cycle))
            g._cycle_keys.add(frozenset(cycle))
        g.names = {int(f): n for f, n in data.get("names", {}).items()}
        return g
