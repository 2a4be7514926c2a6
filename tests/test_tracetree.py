"""The trace-tree IR: JSON round trip, text form, consistency checker, queries."""
from __future__ import annotations

import json

from jsrust_core.recorder import TreeRecorder
import pytest

from jsrust_core.tracetree import ABORTS, OPS, End, Op, TraceForest, load, parse_text
from test_recorder import FIB, LADD, LOOP, LTEST, MAIN_CALL, TEST, fib, loop


def _forest() -> TraceForest:
    rec = TreeRecorder(None)
    fib(rec, 8.0, MAIN_CALL)
    loop(rec, 5)
    rec.end_run()
    loop(rec, 2, step_kind="string")
    return rec.forest()


def test_op_table_is_complete() -> None:
    assert set(OPS) == set(Op)
    ends = {info.ends for info in OPS.values() if info.ends}
    assert ends <= set(End)
    assert all(msg for msg in ABORTS.values())


def test_json_round_trip_is_exact() -> None:
    forest = _forest()
    data = forest.to_json()
    text = json.dumps(data)
    back = load(text)
    assert back.to_json() == json.loads(text)
    assert back.check() == []
    assert back.stats == forest.stats
    assert back.to_text() == forest.to_text()
    assert back.outcomes(TEST) == forest.outcomes(TEST) == {True, False}
    assert back.recursive_functions() == {FIB}


def test_text_lists_every_node_and_exit() -> None:
    forest = _forest()
    text = forest.to_text()
    assert text.count("    #") == forest.stats["nodes"]
    assert "exits={'true': " in text
    assert "BACK_EDGE" in text and "CALL_TREE" in text
    assert forest.to_text(max_nodes=3).endswith("...")
    assert "recursion cycles: 1" in forest.summary()


def test_queries() -> None:
    forest = _forest()
    assert forest.observed_types(LADD) == {"number", "string"}
    assert forest.executed(LTEST) and forest.executed(FIB) and not forest.executed(9999)
    assert forest.tree_for(LOOP).kind == "loop"
    assert forest.tree_for(9999) is None
    s = forest.stats
    assert s["nodes"] == sum(1 for _ in forest.all_nodes())
    assert s["branch_traces"] == sum(len(t.traces) - 1 for t in forest.trees.values())
    assert s["bytes"] == len(forest.dumps())
    assert s["loops"] == 1 and s["recursion_cycles"] == 1


def test_check_finds_broken_invariants() -> None:
    forest = _forest()
    loop_tree = forest.tree_for(LOOP)
    back = loop_tree.header.nodes[-1]
    assert back.op is Op.BACK_EDGE
    back.target = 12345
    guard = next(n for n in loop_tree.header.nodes if n.exits)
    branch = next(iter(guard.exits.values()))
    branch.parent = back.id
    dup = forest.tree_for(FIB).root.nodes[1]
    dup.id = forest.tree_for(FIB).root.nodes[0].id
    errors = forest.check()
    assert any("back edge" in e for e in errors)
    assert any("does not list it as an exit" in e for e in errors)
    assert any("used twice" in e for e in errors)


def test_check_finds_unbalanced_frames_and_missing_trees() -> None:
    forest = _forest()
    prog = forest.tree_for(0)
    call = next(n for n in prog.nodes() if n.op is Op.CALL_INLINE)
    call.op = Op.OP
    tree_call = next(n for n in forest.tree_for(FIB).nodes() if n.op is Op.CALL_TREE)
    tree_call.target = 4242
    errors = forest.check()
    assert any("closes a frame never opened" in e for e in errors)
    assert any("4242" in e for e in errors)


def test_text_parses_back() -> None:
    forest = _forest()
    text = forest.to_text()
    back = parse_text(text)
    assert back.to_text() == text
    assert back.check() == []
    assert back.outcomes(TEST) == {True, False}
    assert back.stats["nodes"] == forest.stats["nodes"]


def test_text_states_an_expected_trace() -> None:
    text = """
tree anchor=5, kind='loop', name='loop@1', entries=[1, 4], runs=1
  trace id=0, parent=None, hits=0, end='LOOP', abort=None
    #1 ENTER 5 @1:0
    #2 GUARD_BRANCH 6 @1:7 expect='true'
    #3 BACK_EDGE 5 @1:0 target=4
  trace id=1, parent=None, hits=0, end='LOOP', abort=None
    #4 HEADER 5 @1:0
    #5 GUARD_BRANCH 6 @1:7 expect='true', exits={'false': 2}
    #6 BACK_EDGE 5 @1:0 target=4
  trace id=2, parent=5, hits=1, end='EXIT', abort=None
    #7 GUARD_BRANCH 6 @1:7 expect='false'
    #8 SIDE_EXIT 5 @1:0
"""
    forest = parse_text(text)
    assert forest.check() == []
    assert forest.outcomes(6) == {True, False}
    assert forest.tree_for(5).header.nodes[0].id == 4
    with pytest.raises(ValueError, match="line 2"):
        parse_text("tree anchor=1, kind='loop', name='x', entries=[], runs=0\n  trace id=0, oops")


def test_json_round_trip_keeps_astral_keys(tmp_path) -> None:
    """Type tags hold JS strings (UTF-16 code units): an object key outside the BMP is two
    surrogates in memory, which a JSON reader joins into one character; loading splits it
    again, so the forest read back equals the one saved (corpus 432 found this)."""
    from jsrust_core.replay import record_and_replay_file

    js = tmp_path / "astral.js"
    js.write_text("function f(o) { return o['\U0001F600'] + 1; }\nconsole.log(f({'\U0001F600': 1}), f({'\U0001F600': 2}));\n")
    forest, _ = record_and_replay_file(str(js), [])
    data = forest.to_json()
    assert any("\ud83d\ude00" in t for ts in data["profile"]["types"].values() for t in ts)
    back = load(json.dumps(data))
    assert back.to_json() == data and back.check() == []
