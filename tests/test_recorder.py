"""TreeRecorder on synthetic event streams (the recorder is a pure consumer of
``events.Recorder`` calls) and, when the interpreter is present, on real programs."""
from __future__ import annotations

import pytest

from jsrust_core.events import Recorder
from jsrust_core.recorder import TreeRecorder
from jsrust_core.tracetree import End, Op
from jsrust_core.values import UNDEFINED, JSFunction

# site ids of a pretend program:
#   function fib(n) { if (n < 2) return n; return fib(n - 1) + fib(n - 2); }
FIB, PARAM, LT, TEST, SUB1, CALL1, SUB2, CALL2, ADD, MAIN_CALL = 10, 11, 12, 13, 14, 15, 16, 17, 18, 3
FIB_FN = JSFunction(None, "fib", 1, FIB)


def fib(rec: TreeRecorder, n: float, call_sid: int) -> float:
    """Emit the events the interpreter would emit for one call of fib."""
    rec.call(call_sid, FIB_FN, UNDEFINED, [n])
    rec.enter_function(FIB, call_sid, FIB_FN, UNDEFINED, [n])
    rec.bind(PARAM, "n", n)
    rec.op(LT, "<", (n, 2.0), n < 2)
    rec.branch(TEST, n < 2)
    if n < 2:
        rec.leave_function(FIB, n)
        return n
    a = n - 1
    rec.op(SUB1, "-", (n, 1.0), a)
    r1 = fib(rec, a, CALL1)
    b = n - 2
    rec.op(SUB2, "-", (n, 2.0), b)
    r2 = fib(rec, b, CALL2)
    rec.op(ADD, "+", (r1, r2), r1 + r2)
    rec.leave_function(FIB, r1 + r2)
    return r1 + r2


# a loop:  for (let i = 0; i < n; i++) { s = s + i; }
LOOP, LTEST, LCMP, LADD, LBIND, LINC = 40, 41, 42, 43, 44, 45


def loop(rec: TreeRecorder, n: int, step_kind: str = "number") -> None:
    rec.loop_enter(LOOP)
    s, i = 0.0, 0.0
    while True:
        rec.op(LCMP, "<", (i, float(n)), i < n)
        rec.branch(LTEST, i < n)
        if not i < n:
            break
        s = s + i if step_kind == "number" else str(s) + str(i)
        rec.op(LADD, "+", (s, i), s)
        rec.bind(LBIND, "s", s)
        i += 1
        rec.op(LINC, "++", (i - 1,), i)
        rec.loop_iter(LOOP)
    rec.loop_exit(LOOP)


def test_loop_closes_with_back_edge_and_grows_exit() -> None:
    rec = TreeRecorder(None)
    loop(rec, 1000)
    forest = rec.forest()
    assert forest.check() == []
    tree = forest.tree_for(LOOP)
    assert tree is not None and tree.kind == "loop"
    # a thousand iterations walk two recorded bodies (the first iteration from ENTER,
    # the others from HEADER) plus the exit at the test
    assert len(tree.traces) == 3
    body = [Op.OP, Op.GUARD_BRANCH, Op.OP, Op.BIND, Op.OP, Op.BACK_EDGE]
    assert [n.op for n in tree.root.nodes] == [Op.ENTER, *body]
    header = tree.header
    assert header is not None and [n.op for n in header.nodes] == [Op.HEADER, *body]
    assert tree.root.end is End.LOOP and header.end is End.LOOP
    assert tree.root.nodes[-1].target == header.nodes[-1].target == header.nodes[0].id
    assert tree.entries == [tree.root.nodes[0].id, header.nodes[0].id]
    guard = header.nodes[2]
    assert guard.expect == "true" and guard.exit_count == 1
    exit_trace = guard.exits["false"]
    assert [n.op for n in exit_trace.nodes] == [Op.GUARD_BRANCH, Op.SIDE_EXIT]
    assert exit_trace.end is End.EXIT
    assert forest.outcomes(LTEST) == {True, False}
    assert forest.stats["loops"] == 1 and forest.stats["side_exits"] == 1
    # the program tree holds the LOOP node, not the body
    prog = forest.tree_for(0)
    assert [n.op for n in prog.root.nodes] == [Op.ENTER, Op.LOOP, Op.RETURN]


def test_loop_runs_again_reuses_and_counts_exits() -> None:
    rec = TreeRecorder(None)
    loop(rec, 10)
    rec.end_run()
    loop(rec, 10)
    forest = rec.forest()
    tree = forest.tree_for(LOOP)
    assert len(tree.traces) == 3
    assert tree.header.nodes[2].exit_count == 2
    assert forest.tree_for(0).activations == 2
    assert forest.check() == []


def test_type_change_grows_a_branch_trace_at_the_typed_node() -> None:
    rec = TreeRecorder(None)
    loop(rec, 3)
    rec.end_run()
    loop(rec, 3, step_kind="string")
    forest = rec.forest()
    add = forest.tree_for(LOOP).header.nodes[3]
    assert add.op is Op.OP and add.expect == "number,number>number"
    assert "string,number>string" in add.exits
    assert forest.observed_types(LADD) == {"number", "string"}
    assert forest.check() == []


def test_recursion_aware_fib_is_small_and_uses_call_tree() -> None:
    rec = TreeRecorder(None)
    fib(rec, 15.0, MAIN_CALL)
    forest = rec.forest()
    assert forest.check() == []
    assert forest.recursive_functions() == {FIB}
    assert forest.callgraph.cycles() == [[FIB]]
    tree = forest.tree_for(FIB)
    ops = [n.op for n in tree.nodes()]
    assert Op.CALL_TREE in ops and Op.CALL_INLINE not in ops
    assert all(n.target == FIB for n in tree.nodes() if n.op is Op.CALL_TREE)
    # return points of the non-tail recursion are entries of the tree
    assert len(tree.entries) >= 2
    assert forest.stats["nodes"] < 60
    assert forest.outcomes(TEST) == {True, False}
    assert forest.callees(CALL1) == {f"fn:{FIB}"}


def test_linear_fib_unrolls_and_aborts_at_the_bound() -> None:
    rec = TreeRecorder(None, linear=True)
    fib(rec, 10.0, MAIN_CALL)
    small = rec.forest()
    assert small.recursive_functions() == set()
    assert small.check() == []
    aware = TreeRecorder(None)
    fib(aware, 10.0, MAIN_CALL)
    assert small.stats["nodes"] >= 10 * aware.forest().stats["nodes"]

    capped = TreeRecorder(None, linear=True, max_nodes=500)
    fib(capped, 15.0, MAIN_CALL)
    forest = capped.forest()
    assert forest.stats["nodes"] <= 501
    assert forest.stats["aborts"] == 1
    assert forest.check() == []
    assert "TOO_LONG" in forest.to_text() or "abort" in forest.summary()


def test_mutual_recursion_calls_trees() -> None:
    EVEN, ODD, ECALL, OCALL, ETEST, OTEST = 50, 60, 55, 65, 52, 62
    even_fn, odd_fn = JSFunction(None, "isEven", 1, EVEN), JSFunction(None, "isOdd", 1, ODD)

    def is_even(rec: TreeRecorder, n: float, call_sid: int, fn: int) -> bool:
        me, other, test, nxt = (EVEN, ODD, ETEST, OCALL) if fn == EVEN else (ODD, EVEN, OTEST, ECALL)
        rec.call(call_sid, even_fn if fn == EVEN else odd_fn, UNDEFINED, [n])
        rec.enter_function(me, call_sid, None, UNDEFINED, [n])
        rec.branch(test, n == 0)
        if n == 0:
            res = fn == EVEN
        else:
            res = is_even(rec, n - 1, nxt, other)
        rec.leave_function(me, res)
        return res

    rec = TreeRecorder(None)
    assert is_even(rec, 30.0, 1, EVEN) is True
    forest = rec.forest()
    assert forest.check() == []
    assert forest.recursive_functions() == {EVEN, ODD}
    assert forest.callgraph.status_of(EVEN).value == "LOOP_HEADER"
    assert forest.stats["nodes"] < 40
    assert forest.tree_for(ODD) is not None and forest.tree_for(EVEN) is not None
    # tail calls of a tree into itself or its partner end as TAILREC / RETURN
    ends = {t.end for tree in forest.trees.values() for t in tree.traces}
    assert End.RETURN in ends


def test_inline_limit_sends_deep_calls_to_their_trees() -> None:
    fns = [JSFunction(None, f"f{k}", 0, 100 + k) for k in range(6)]

    def chain(rec: TreeRecorder, k: int) -> None:
        rec.call(200 + k, fns[k], UNDEFINED, [])
        rec.enter_function(100 + k, 200 + k, fns[k], UNDEFINED, [])
        if k + 1 < len(fns):
            chain(rec, k + 1)
        rec.leave_function(100 + k, 1.0)

    rec = TreeRecorder(None, inline_limit=2)
    chain(rec, 0)
    forest = rec.forest()
    assert forest.check() == []
    prog_ops = [n.op for n in forest.tree_for(0).nodes()]
    assert prog_ops.count(Op.CALL_INLINE) == 2 and prog_ops.count(Op.CALL_TREE) == 1
    assert forest.tree_for(102) is not None
    assert forest.recursive_functions() == set()


def test_exception_unwinds_inline_frames_and_trees() -> None:
    rec = TreeRecorder(None)
    f = JSFunction(None, "f", 0, 70)
    rec.call(1, f, UNDEFINED, [])
    rec.enter_function(70, 1, f, UNDEFINED, [])
    rec.loop_enter(71)
    rec.throw(72, "boom")
    # the interpreter leaves the loop and the frame by the exception
    rec.unwind_function(70)
    rec.bind(2, "e", "boom")  # program-level catch parameter
    forest = rec.forest()
    assert forest.check() == []
    ops = [n.op for n in forest.tree_for(0).nodes()]
    assert ops == [Op.ENTER, Op.GUARD_CALLEE, Op.CALL_INLINE, Op.LOOP, Op.UNWIND_INLINE, Op.BIND, Op.RETURN]


def test_entry_function_called_repeatedly_extends_its_tree() -> None:
    rec = TreeRecorder(None)
    for n in (1.0, 5.0, 8.0):
        rec.enter_function(FIB, None, FIB_FN, UNDEFINED, [n])
        rec.branch(TEST, n < 2)
        rec.leave_function(FIB, n)
    forest = rec.forest()
    tree = forest.tree_for(FIB)
    assert tree.activations == 3 and len(tree.traces) == 2
    assert forest.check() == []


def test_online_recording_keeps_no_event_log() -> None:
    rec = TreeRecorder(None)
    loop(rec, 20000)
    forest = rec.forest()
    # program 3 + first iteration 7 + later iterations 7 + exit 2, whatever the trip count
    assert forest.stats["nodes"] == 19
    assert forest.stats["record_seconds"] > 0


def test_frozen_walk_accepts_recorded_paths_and_reports_new_ones() -> None:
    rec = TreeRecorder(None)
    fib(rec, 8.0, MAIN_CALL)
    loop(rec, 5)
    forest = rec.forest()
    before = forest.dumps()

    same = TreeRecorder(None, forest=forest, frozen=True)
    fib(same, 8.0, MAIN_CALL)
    loop(same, 50)  # more iterations walk the same body
    same.end_run()
    assert same.violation_count == 0 and same.violations == []

    other = TreeRecorder(None, forest=forest, frozen=True)
    fib(other, 8.0, MAIN_CALL)
    loop(other, 3, step_kind="string")
    other.end_run()
    assert other.violation_count >= 1
    v = other.violations[0]
    assert v["sid"] == LADD and v["seen"] == "string,number>string" and "unseen outcome" in v["why"]
    assert forest.dumps() == before  # checking never grows the forest


def test_return_from_inside_a_loop_closes_it_before_its_late_loop_exit() -> None:
    # the interpreter reports leave_function, then the loop's loop_exit (a finally block)
    g = JSFunction(None, "find", 0, 80)
    rec = TreeRecorder(None)
    rec.loop_enter(90)  # an outer loop in the program calls find() twice
    for k in range(2):
        if k:
            rec.loop_iter(90)
        rec.call(91, g, UNDEFINED, [])
        rec.enter_function(80, 91, g, UNDEFINED, [])
        rec.loop_enter(81)
        rec.branch(82, True)
        rec.leave_function(80, 1.0)  # return inside the loop
        rec.loop_exit(81)
    rec.loop_exit(90)
    forest = rec.forest()
    assert forest.check() == []
    inner = forest.tree_for(81)
    assert [n.op for n in inner.root.nodes] == [Op.ENTER, Op.GUARD_BRANCH, Op.SIDE_EXIT]
    outer = forest.tree_for(90)
    assert outer.root.end is End.LOOP and outer.activations == 1
    assert any(t.end is End.EXIT for t in outer.traces)


# -- real programs through the interpreter ------------------------------------------

def _interp():
    try:
        from jsrust_core.interp import Realm  # noqa: F401
    except ImportError as exc:  # the interpreter lands separately
        pytest.skip(f"interpreter not available: {exc}")


REAL_PROGRAMS = {
    "fib": "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\nconsole.log(fib(12));",
    "mutual": (
        "function isEven(n) { return n === 0 ? true : isOdd(n - 1); }\n"
        "function isOdd(n) { return n === 0 ? false : isEven(n - 1); }\n"
        "console.log(isEven(20), isOdd(7));"
    ),
    "loops": (
        "let s = 0;\nfor (let i = 0; i < 50; i++) {\n  if (i % 7 === 0) continue;\n  for (let j = 0; j < 4; j++) s += i * j;\n"
        "  if (s > 5000) break;\n}\nconsole.log(s);"
    ),
    "return_in_loop": (
        "function find(a, x) { for (let i = 0; i < a.length; i++) { if (a[i] === x) return i; } return -1; }\n"
        "console.log(find([3, 4, 5], 4), find([3, 4, 5], 9), find([1], 1));"
    ),
    "exceptions": (
        "function f(x) { if (x > 2) throw new Error('big ' + x); return x; }\nlet out = [];\n"
        "for (let i = 0; i < 5; i++) { try { out.push(f(i)); } catch (e) { out.push(e.message); } }\nconsole.log(out);"
    ),
    "uncaught": "function f(n) { if (n === 0) throw new RangeError('bottom'); return f(n - 1); }\nf(5);",
    "callbacks_and_classes": (
        "class P { constructor(x) { this.x = x; } twice() { return this.x * 2; } }\n"
        "const ps = [1, 2, 3].map(x => new P(x));\nconsole.log(ps.map(p => p.twice()).join(','), 'a' + 1, 1 + 1);"
    ),
}


@pytest.mark.parametrize("name", sorted(REAL_PROGRAMS))
@pytest.mark.parametrize("linear", [False, True])
def test_real_programs_record_check_and_replay(name: str, linear: bool) -> None:
    _interp()
    from jsrust_core.replay import record_and_replay

    forest, report = record_and_replay(REAL_PROGRAMS[name], f"{name}.js", linear=linear)
    assert forest.check() == []
    assert report.results_equal, report.outputs
    assert report.violation_count == 0, report.violations
    back = type(forest).from_json(forest.to_json())
    assert back.to_json() == forest.to_json()


def test_real_fib_recursion_aware_is_much_smaller_than_linear() -> None:
    _interp()
    from jsrust_core.replay import record_and_replay

    aware, _ = record_and_replay(REAL_PROGRAMS["fib"], "fib.js")
    linear, _ = record_and_replay(REAL_PROGRAMS["fib"], "fib.js", linear=True)
    assert len(aware.recursive_functions()) == 1
    assert linear.recursive_functions() == set()
    assert linear.stats["nodes"] >= 10 * aware.stats["nodes"]


def test_real_mutual_recursion_found() -> None:
    _interp()
    from jsrust_core.replay import record_and_replay

    forest, _ = record_and_replay(REAL_PROGRAMS["mutual"], "mutual.js")
    assert len(forest.recursive_functions()) == 2
    assert len(forest.callgraph.cycles()) == 1


def test_real_inner_loop_is_a_nested_tree_not_a_copy() -> None:
    _interp()
    from jsrust_core.replay import record_and_replay

    forest, report = record_and_replay(REAL_PROGRAMS["loops"], "loops.js")
    assert report.ok
    loops = [t for t in forest.trees.values() if t.kind == "loop"]
    assert len(loops) == 2
    outer, inner = sorted(loops, key=lambda t: t.anchor)
    # (BIND nodes are keyed by the declaring identifier, which both loops may share)
    inner_sites = {n.sid for n in inner.nodes() if n.op is not Op.BIND} - {inner.anchor}
    outer_nodes = list(outer.nodes())
    assert any(n.op is Op.LOOP and n.target == inner.anchor for n in outer_nodes)
    assert not inner_sites & {n.sid for n in outer_nodes if n.op is not Op.BIND}
    # every outer iteration that got past the `continue` (38 of them before the
    # `break`) entered the inner tree, which kept one body
    assert inner.activations == 38 and len(inner.traces) <= 4


def test_profile_matches_a_plain_profile_recorder() -> None:
    # the recorder skips profile updates on matched nodes; the profile must not notice
    from jsrust_core.profile import ProfileRecorder

    plain, tree = ProfileRecorder(), TreeRecorder(None)
    for rec in (plain, tree):
        fib(rec, 9.0, MAIN_CALL)
        loop(rec, 30)
        loop(rec, 3, step_kind="string")
    assert tree.forest().profile.to_json() == plain.profile.to_json()


def test_stack_overflow_strikes_at_the_same_call_in_record_and_replay() -> None:
    # Python's own RecursionError used to strike inside a hook at a depth that
    # depends on the recorder's code path, so replays left the recorded paths; the
    # traced call now raises it itself, at a stack depth every traced run shares
    _interp()
    from jsrust_core.replay import record_and_replay

    source = (
        "let d = 0;\nfunction down() { d++; return down() + 1; }\n"
        "function guarded(n) { try { return guarded(n + 1); } catch (e) { return n; } }\n"
        "try { down(); } catch (e) { console.log(e.name, e.message, d, guarded(0) > 1000); }\n"
    )
    for linear in (False, True):
        forest, report = record_and_replay(source, "overflow.js", linear=linear)
        assert report.violation_count == 0, report.violations
        assert report.outputs["traced"] == report.outputs["replayed"]
        assert report.outputs["traced"].startswith("RangeError Maximum call stack size exceeded")
        assert forest.check() == []


def test_file_replay_runs_like_node(tmp_path) -> None:
    # process.argv, process.exit and uncaught errors only exist for a program run as a file
    _interp()
    from jsrust_core.replay import record_and_replay_file

    exits = tmp_path / "exits.js"
    exits.write_text("const n = Number(process.argv[2]);\nconsole.log('n', n);\nif (n > 2) process.exit(n);\n"
                     "console.log('not reached');\n")
    throws = tmp_path / "throws.js"
    throws.write_text("function f(x) { if (x > 1) throw new TypeError('x is ' + x); return f(x + 1); }\nf(0);\n")
    for linear in (False, True):
        _, report = record_and_replay_file(str(exits), ["3"], linear=linear)
        assert report.ok, (report.violations, report.values)
        assert report.outputs["plain"] == "n 3\n" and report.values["plain"] == "status 3\n"
        _, report = record_and_replay_file(str(throws), linear=linear)
        assert report.ok, (report.violations, report.values)
        lines = [line for line in report.values["replayed"].splitlines() if line]
        assert lines[:2] == ["status 1", "TypeError: x is 2"], report.values


class _Forwarding:
    """Forwards every event to a TreeRecorder; subclasses reroute some."""

    def __init__(self, rec: TreeRecorder) -> None:
        self.rec = rec

    def __getattr__(self, name: str):
        return getattr(self.rec, name)


class _Unrolled(_Forwarding):
    """Sends ``op`` with one or two operands through the interpreter's shortcuts
    ``op1`` / ``op2``."""

    def op(self, sid: int, opname: str, operands: tuple, result) -> None:
        if len(operands) == 2:
            self.rec.op2(sid, opname, operands[0], operands[1], result)
        elif len(operands) == 1:
            self.rec.op1(sid, opname, operands[0], result)
        else:
            self.rec.op(sid, opname, operands, result)


def test_op1_op2_record_exactly_what_op_records() -> None:
    # the shortcuts skip the operand tuple; trees and profile must not tell the difference
    forests = []
    for wrap in (lambda r: r, _Unrolled):
        rec = TreeRecorder(None)
        events = wrap(rec)
        fib(events, 7.0, MAIN_CALL)
        loop(events, 20)
        loop(events, 3, step_kind="string")
        rec.op2(LADD, "+", JSFunction(None, "f", 0, 99), 1.0, "function f() {}1")  # not primitive: general path
        forests.append(rec.forest().to_json())
    for f in forests:
        f.pop("record_seconds")
    assert forests[0] == forests[1]


def test_type_tags_do_not_depend_on_which_value_was_tagged_first() -> None:
    """``type_tag`` caches a kind per Python type; undefined, null and the array hole share
    one, so the value itself must decide (a hole tagged first once made null "unknown")."""
    from jsrust_core import profile
    from jsrust_core.values import HOLE, NULL, UNDEFINED, JSObject

    for first in (HOLE, NULL, UNDEFINED):
        profile._KIND_OF_TYPE.clear()
        profile.type_tag(first)
        assert [profile.type_tag(v) for v in (UNDEFINED, NULL, HOLE)] == ["undefined", "null", "unknown"]
    point = JSObject(None)
    point.props.update({"x": 1.0, "y": 2.0})
    assert profile.type_tag(point) == "object:{x,y}" and profile.type_tag(JSObject(None, "Node")) == "object:Node"


class _Typed(_Forwarding):
    """Sends each event through the hook the traced code uses when it has checked the
    types inline (``num_op``, ``num_cmp``, ``str_op``, ``num_op1``, ``test``), asserting
    that each hook hands back the result."""

    def op(self, sid: int, opname: str, operands: tuple, result) -> None:
        types = tuple(type(o) for o in operands) + (type(result),)
        if types == (float, float, float):
            hook = self.rec.num_op
        elif types == (float, float, bool):
            hook = self.rec.num_cmp
        elif types == (str, str, str):
            hook = self.rec.str_op
        elif types == (float, float):
            assert self.rec.num_op1(sid, opname, operands[0], result) is result
            return
        else:
            assert self.rec.op2_value(sid, opname, *operands, result) is result
            return
        assert hook(sid, opname, *operands, result) is result

    def branch(self, sid: int, taken: bool) -> None:
        assert self.rec.test(sid, taken) is taken


def test_typed_hooks_record_exactly_what_op_and_branch_record() -> None:
    # the traced code's inline fast paths report through these; trees and profile must
    # not tell the difference
    forests = []
    for wrap in (lambda r: r, _Typed):
        rec = TreeRecorder(None)
        events = wrap(rec)
        fib(events, 7.0, MAIN_CALL)
        loop(events, 20)
        loop(events, 3, step_kind="string")
        forests.append(rec.forest().to_json())
    for f in forests:
        f.pop("record_seconds")
    assert forests[0] == forests[1]


class _OpsOnly(Recorder):
    """A third-party recorder that overrides only the basic events: the interpreter's
    typed hooks must reach it through the protocol's defaults."""

    def __init__(self) -> None:
        self.ops: list = []
        self.branches: list = []

    def op(self, sid, opname, operands, result):
        self.ops.append((opname, result))

    def branch(self, sid, taken):
        self.branches.append(taken)


def test_inline_fast_paths_reach_a_recorder_that_overrides_only_op_and_branch(tmp_path) -> None:
    _interp()
    from jsrust_core.interp import Realm

    source = ("const o = { p: 2 };\nlet s = 'a';\nfor (let i = 0; i < 2; i++) { s = s + 'b'; }\n"
              "console.log(o.p * 3 / 4 - 1 + 0.5 % 2, s === null, o.p <= 2, s);")
    path = tmp_path / "ops.js"
    path.write_text(source)
    rec = _OpsOnly()
    out: list = []
    Realm(stdout=out.append, stderr=out.append).run_main(str(path), recorder=rec)
    assert "".join(out) == "1 false true abb\n"
    ops = rec.ops
    for expected in [("++", 1.0), ("+", "ab"), ("+", "abb"), ("get", 2.0), ("*", 6.0), ("/", 1.5), ("-", 0.5),
                     ("%", 0.5), ("+", 1.0), ("===", False), ("<=", True)]:
        assert expected in ops, (expected, ops)
    assert rec.branches == [True, True, False]


def test_fused_runs_record_what_their_operators_record_one_by_one(tmp_path) -> None:
    # arithmetic over local numbers is reported as one fused run (``num_run``): the
    # profile and the trees must equal those recorded one operator at a time (a recorder
    # that does not take runs), and a recorder of operand values still sees every one
    _interp()
    from pathlib import Path

    from jsrust_core.frontend import parse
    from jsrust_core.interp import Realm
    from jsrust_core.profile import ProfileRecorder

    path = Path(__file__).parent / "programs" / "470-numeric-runs.js"
    program = parse(path.read_text(), str(path))

    class _OneByOne(TreeRecorder):
        fuses_runs = False

    class _ProfileOneByOne(ProfileRecorder):
        fuses_runs = False

    results = []
    for cls in (TreeRecorder, _OneByOne, ProfileRecorder, _ProfileOneByOne):
        rec = cls(program) if issubclass(cls, TreeRecorder) else cls()
        out: list = []
        Realm(stdout=out.append, stderr=out.append).run_program(program, recorder=rec)
        saved = rec.forest().to_json() if isinstance(rec, TreeRecorder) else {"profile": rec.profile.to_json()}
        saved.pop("record_seconds", None)
        results.append(("".join(out), saved))
    assert results[0] == results[1]
    assert results[2] == results[3]
    assert results[0][0] == results[2][0]

    source = "function f(a, b, c) { const x = a * b + c; return x > 4 ? x - 1 : x; }\nconsole.log(f(2, 3, 1));"
    small = tmp_path / "run.js"
    small.write_text(source)
    ops = _OpsOnly()
    Realm(stdout=lambda s: None, stderr=lambda s: None).run_main(str(small), recorder=ops)
    assert [o for o in ops.ops if o[0] in "*+->"] == [("*", 6.0), ("+", 7.0), (">", True), ("-", 6.0)]
