"""Recursion cycles among directly-called functions, for the linear (unrolling) mode.

The recursion-aware compiler needs nothing from here: a recursive JS function is a
recursive Rust function. The *linear* baseline models a tracer without recursion
detection (it can only inline calls): every function in a recursion cycle is copied
once per recursion level, level k calling level k+1, down to the deepest level the
traced run reached (``profile.max_depth``), and a deeper call side-exits. The cost
of that choice — code size growing with the observed depth, and a side exit for any
input that recurses deeper than the training run — is what the comparison shows.
"""
from __future__ import annotations

from typing import Any

from ..frontend import child_nodes
from .scopes import FUNCTION_TYPES, FnInfo, Scopes

#: most levels a cycle is unrolled to, however deep the trace went (a tracer's unroll limit)
MAX_UNROLL = 200


class Cycles:
    """``scc[fn_sid]``: the cycle (strongly connected component) a static function is
    in, for functions that are recursive; ``limit[scc]``: how many levels to unroll."""

    def __init__(self, scopes: Scopes, profile: Any) -> None:
        self.edges = {f.sid: _direct_callees(scopes, f) for f in scopes.functions.values() if f.static}
        self.scc: dict[int, int] = {}
        self.limit: dict[int, int] = {}
        depths = getattr(profile, "max_depth", {})
        for i, comp in enumerate(_components(self.edges)):
            recursive = len(comp) > 1 or comp[0] in self.edges.get(comp[0], ())
            if not recursive:
                continue
            for sid in comp:
                self.scc[sid] = i
            self.limit[i] = min(MAX_UNROLL, max(1, sum(depths.get(sid, 0) for sid in comp)))


def _direct_callees(scopes: Scopes, f: FnInfo) -> set[int]:
    """Static functions ``f``'s own body calls by name (nested functions are their own nodes)."""
    out: set[int] = set()
    stack = list(child_nodes(f.node.body))
    while stack:
        n = stack.pop()
        if n.type in FUNCTION_TYPES:
            continue
        if n.type == "CallExpression" and n.callee.type == "Identifier":
            b = scopes.binding_of(n.callee)
            target = scopes.fn_of_binding(b) if b is not None else None
            if target is not None and target.static:
                out.add(target.sid)
        stack.extend(child_nodes(n))
    return out


def _components(edges: dict[int, set[int]]) -> list[list[int]]:
    """Tarjan's strongly connected components, iteratively (deep programs, no recursion)."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[int] = []
    out: list[list[int]] = []
    counter = 0
    for root in edges:
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            v, it = work[-1]
            advanced = False
            for w in it:
                if w not in edges:
                    continue
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(edges.get(w, ())))))
                    advanced = True
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                out.append(comp)
    return out
