"""The call graph: cycle detection on new edges, statuses, JSON and view data."""
from __future__ import annotations

from jsrust_core.callgraph import CallGraph, Status


def test_acyclic_edges_are_not_loops() -> None:
    g = CallGraph()
    assert g.register_call(0, 1) is False
    assert g.register_call(1, 2) is False
    assert g.register_call(0, 2) is False
    assert g.cycles() == []
    assert not g.is_recursive(1)
    assert g.status_of(2) is Status.NOT_LOOP
    assert g.edges[0] == {1: 1, 2: 1}


def test_direct_recursion_marks_header() -> None:
    g = CallGraph()
    g.register_call(0, 5)
    assert g.register_call(5, 5) is True
    assert g.register_call(5, 5) is False  # known edge: counted, no new cycle
    assert g.edges[5][5] == 2
    assert g.cycles() == [[5]]
    assert g.status_of(5) is Status.LOOP_HEADER
    assert g.is_recursive(5) and not g.is_recursive(0)


def test_mutual_recursion_header_and_participants() -> None:
    g = CallGraph()
    g.register_call(0, 10)  # program -> isEven
    g.register_call(10, 20)  # isEven -> isOdd
    assert g.register_call(20, 10) is True  # isOdd -> isEven closes the cycle
    assert g.cycles() == [[10, 20]]
    assert g.status_of(10) is Status.LOOP_HEADER
    assert g.status_of(20) is Status.LOOP_PARTICIPANT
    assert not g.is_recursive(0)


def test_three_cycle_through_longer_path() -> None:
    g = CallGraph()
    for a, b in [(1, 2), (2, 3), (3, 4), (2, 9)]:
        assert g.register_call(a, b) is False
    assert g.register_call(4, 2) is True
    assert sorted(g.cycles()[0]) == [2, 3, 4]
    assert g.status_of(2) is Status.LOOP_HEADER
    assert {g.status_of(3), g.status_of(4)} == {Status.LOOP_PARTICIPANT}
    assert g.status_of(9) is Status.NOT_LOOP


def test_deep_chain_search_does_not_recurse() -> None:
    g = CallGraph()
    n = 5000  # deeper than Python's recursion limit
    for i in range(n):
        g.register_call(i, i + 1)
    assert g.register_call(n, 0) is True
    assert len(g.cycles()[0]) == n + 1


def test_json_round_trip_and_view() -> None:
    g = CallGraph()
    g.names[10] = "isEven"
    g.register_call(0, 10)
    g.register_call(10, 20)
    g.register_call(20, 10)
    data = g.to_json()
    h = CallGraph.from_json(data)
    assert h.to_json() == data
    assert h.is_recursive(20) and h.cycles() == g.cycles()
    view = h.view()
    statuses = {n["id"]: n["status"] for n in view["nodes"]}
    assert statuses == {0: "NOT_LOOP", 10: "LOOP_HEADER", 20: "LOOP_PARTICIPANT"}
    cyc = {(e["from"], e["to"]) for e in view["edges"] if e["cycle"]}
    assert cyc == {(10, 20), (20, 10)}
    assert {n["label"] for n in view["nodes"]} >= {"isEven", "fn 20"}
