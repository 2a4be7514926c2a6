"""``TreeRecorder``: grows trace trees online from interpreter events.

Why online: a 1e6-iteration loop must not store 1e6 event records. Each anchor
activation (a program run, a function's tree being called, a loop being entered)
keeps one *position* in its tree and walks it in step with the events: an event
that matches the node at the position (same operation, site and expected
outcome) just advances; a different outcome leaves through that node's exit into
a branch trace, grown on first sight; past the end of an open trace, new nodes
are appended. Work per event is a few attribute reads and one string compare.

Recursion (Pycket): every call registers caller→callee in the session's
``CallGraph``; a function on a cycle is never inlined again but called as
``CALL_TREE`` to its own tree, so fib records one small tree instead of an
unrolled copy of the run. ``linear=True`` turns detection off (every call is
inlined as recorded, as a first-generation tracer would), bounded by
``max_nodes`` per tree with an ``ABORT`` so fib(25) cannot eat the memory.

The same walker checks a finished forest (``frozen``): see ``replay.py``.
"""
from __future__ import annotations

import sys
import time
from typing import Any

from .events import RUN_COMPARISONS
from .profile import _CLASS_TAGS, _FIXED_TAGS, _PRIM_TAGS, ProfileRecorder, callee_id, small_int, type_tag
from .values import NULL, UNDEFINED, JSArray, JSFunction, JSObject
from .tracetree import OPS, STRUCTURAL, End, Op, Trace, TraceForest, TraceTree

#: tunables, in one place (LuaJIT keeps its ``callunroll`` etc. in one table)
DEFAULTS = {
    # inlined frames one activation may hold before further calls go to their own trees
    "inline_limit": 3,
    # nodes one tree may hold before recording there aborts (TOO_LONG)
    "max_nodes": 100_000,
    # replay violations kept (the count goes on)
    "max_violations": 50,
}

#: Python frames kept free below the recursion limit when a traced call is entered.
#: The hooks need stack too: were Python's own RecursionError to strike inside one,
#: half an event would be recorded, and where it strikes depends on the recorder's
#: code path (recording grows nodes, replay only walks), so a replay would leave the
#: recorded paths. ``enter_function`` raises the RecursionError itself, before any
#: bookkeeping, once fewer frames than this are left: at the same JS call in every
#: traced run, since the interpreter's frames below a call are the same in each.
STACK_HEADROOM = 1000
#: JS call depth below which the Python stack is not measured (a few frames per call
#: cannot come near the limit), and how often it is measured above it: a walk up
#: the stack costs its depth, so once every 64 calls keeps deep recursion cheap
#: (64 calls use far fewer frames than the headroom)
_DEPTH_UNCHECKED, _DEPTH_CHECK_MASK = 2000, 63

_CALL_OPS = (Op.CALL_INLINE, Op.CALL_TREE)
_OP, _BIND, _BACK_EDGE, _GUARD_BRANCH = Op.OP, Op.BIND, Op.BACK_EDGE, Op.GUARD_BRANCH
_RETURN, _RETURN_INLINE, _GUARD_CALLEE = Op.RETURN, Op.RETURN_INLINE, Op.GUARD_CALLEE
_LOOP, _SIDE_EXIT = Op.LOOP, Op.SIDE_EXIT


def _tag(value: Any) -> str:
    """``type_tag``, with its common answers looked up first: by Python type, by class
    name for class instances, by identity for null and undefined."""
    t = type(value)
    tag = _FIXED_TAGS.get(t)
    if tag is not None:
        return tag
    if t is JSObject:
        tag = _CLASS_TAGS.get(value.class_name)
        if tag is not None:
            return tag
    elif value is NULL:
        return "null"
    elif value is UNDEFINED:
        return "undefined"
    return type_tag(value)


def _op_expects() -> dict[tuple, tuple[str, str]]:
    """(operand types..., result type) -> (expect string, result tag) for operators
    on primitives: the per-event string building done once, up front."""
    table: dict[tuple, tuple[str, str]] = {}
    for ta, a in _PRIM_TAGS.items():
        for tr, r in _PRIM_TAGS.items():
            table[(ta, tr)] = (f"{a}>{r}", r)
            for tb, b in _PRIM_TAGS.items():
                table[(ta, tb, tr)] = (f"{a},{b}>{r}", r)
    return table


_OP_EXPECT = _op_expects()


def _known_types_hook(cached: tuple[str, str]):
    """The event of an operator whose operand and result types are known (``cached``,
    from ``_OP_EXPECT``): ``op1``/``op2`` on primitives, and the hooks the traced code
    calls when it has checked the types inline (``num_op``...). Replaying a recorded node
    is the common case, so the match is inlined; the expectation is a constant."""

    def hook(self: "TreeRecorder", sid: int, opname: str, a: Any, b: Any, result: Any) -> Any:
        expect = cached[0]
        stack = self._stack
        if stack:
            act = stack[-1]
            if nodes := act.nodes:
                i = act.i
                if i < len(nodes):
                    n = nodes[i]
                    if n.sid == sid and n.expect == expect and n.op is _OP:
                        act.i = i + 1
                        return result
        else:
            act = self._top(sid)
        self.profile.types[sid].add(cached[1])
        self._step(act, Op.OP, sid, expect, opname)
        return result

    return hook


#: the known-types hook of each expectation in ``_OP_EXPECT``
_KNOWN = {cached: _known_types_hook(cached) for cached in set(_OP_EXPECT.values())}
_NUM_TO_NUM = _KNOWN[_OP_EXPECT[(float, float)]]
#: ``callee_id`` of user functions, by function site: a call site's guard asks it per call
_FN_IDS: dict[int, str] = {}
#: the expectations of an operator on two numbers, on one, and of a comparison of two
_NUM_EXPECT = _OP_EXPECT[(float, float, float)][0]
_NUM1_EXPECT = _OP_EXPECT[(float, float)][0]
_CMP_EXPECT = _OP_EXPECT[(float, float, bool)][0]
_NUM_CACHED, _CMP_CACHED = _OP_EXPECT[(float, float, float)], _OP_EXPECT[(float, float, bool)]


class _Activation:
    """One live run through one tree. ``fn``: the function whose code runs at the
    base (the program root for top-level code; the enclosing function for a loop);
    ``frames``: inlined callees on top of it; ``lost``: the walk has no position
    (after an abort, a desync or a replay violation) until the next loop header."""

    __slots__ = ("tree", "trace", "nodes", "i", "fn", "frames", "lost")

    def __init__(self, tree: TraceTree, fn: int) -> None:
        self.tree = tree
        self.trace = tree.root
        #: ``trace.nodes``, or an empty tuple while ``lost``: the hooks' fast paths test
        #: one attribute for both (a lost walk never matches a node)
        self.nodes: Any = tree.root.nodes
        self.i = 0
        self.fn = fn
        self.frames: list[int] = []
        self.lost = False


class TreeRecorder(ProfileRecorder):
    """Builds a ``TraceForest`` while the interpreter runs; ``forest()`` returns it.

    ``program``: a ``frontend.Program`` or ``ProgramSet`` (for source locations and
    the top-level anchor). Several runs (``run_program`` again, ``realm.call`` of an
    entry function) extend the same forest; ``end_run()`` separates them (``forest()``
    calls it).
    """

    def __init__(
        self,
        program: Any,
        linear: bool = False,
        inline_limit: int = DEFAULTS["inline_limit"],
        max_nodes: int = DEFAULTS["max_nodes"],
        *,
        forest: TraceForest | None = None,
        frozen: bool = False,
    ) -> None:
        super().__init__()
        self.program = program
        self.linear = linear
        self.inline_limit = inline_limit
        self.max_nodes = max_nodes
        self.frozen = frozen
        if forest is None:
            forest = TraceForest(profile=self.profile)
        elif not frozen:
            self.profile = forest.profile  # a later run extends the same observations
        self._forest = forest
        self.callgraph = forest.callgraph
        self._stack: list[_Activation] = []
        self._sizes: dict[int, int] = {a: sum(len(t.nodes) for t in tr.traces) for a, tr in forest.trees.items()}
        self._run_started: float | None = None
        #: loops closed early by a return through them, whose ``loop_exit`` is still to come
        self._late_exits: list[int] = []
        #: JS functions active (entered, not yet left or unwound): see ``STACK_HEADROOM``
        self._call_depth = 0
        #: replay only: where a run left the recorded paths
        self.violations: list[dict] = []
        self.violation_count = 0
        #: replay only: events not checked because the walk had no position (after an ABORT)
        self.unchecked = 0

    # -- public -------------------------------------------------------------------

    def forest(self) -> TraceForest:
        self.end_run()
        return self._forest

    def end_run(self, threw: bool = False) -> None:
        """Close the current run: the top-level trace returns (or unwinds when the
        program died of an uncaught exception); activations still open are dropped."""
        if self._run_started is not None and not self.frozen:
            self._forest.record_seconds += time.perf_counter() - self._run_started
        self._run_started = None
        if self._stack:
            base = self._stack[0]
            if base.tree.kind == "program" and not base.frames:
                self._step(base, Op.UNWIND if threw else Op.RETURN, base.tree.anchor, "")
        self._stack.clear()
        self._late_exits.clear()
        self._call_depth = 0

    # -- helpers ------------------------------------------------------------------

    def _knows(self, sid: int) -> bool:
        """Whether ``program`` holds the site (a required module's sites may lie
        outside it; a ``Program`` would index them from its end)."""
        owns = getattr(self.program, "owns", None)
        return owns(sid) if owns is not None else self.program is not None

    def _loc(self, sid: int) -> tuple[int, int]:
        try:
            s = self.program.site(sid) if self._knows(sid) else None
        except (AttributeError, IndexError, KeyError):
            s = None
        return (s.line, s.col) if s is not None else (0, 0)

    def _name(self, sid: int) -> str:
        try:
            node = self.program.node(sid) if self._knows(sid) else None
        except (AttributeError, IndexError, KeyError):
            return ""
        ident = getattr(node, "id", None)
        return getattr(ident, "name", None) or ""

    def _program_root(self, sid: int) -> int:
        prog = self.program
        if hasattr(prog, "program_of"):
            try:
                return prog.program_of(sid).base
            except KeyError:
                return 0
        return getattr(prog, "base", 0)

    def _tree(self, anchor: int, kind: str, hint: str = "") -> TraceTree:
        tree = self._forest.trees.get(anchor)
        if tree is None and self.frozen:
            # replay met an anchor the forest never saw: walk an empty detached tree,
            # so the first step reports the violation
            return TraceTree(anchor, kind, "<unrecorded>", Trace(-1))
        if tree is None:
            if kind == "function" and anchor == self._program_root(anchor):
                kind = "program"  # the interpreter enters a script like a function
            if kind == "loop":
                name = f"loop@{self._loc(anchor)[0]}"
            elif kind == "program":
                name = "<program>"
            else:
                name = self._name(anchor) or hint or "<anonymous>"
            tree = TraceTree(anchor, kind, name, self._forest.new_trace())
            self._forest.trees[anchor] = tree
            self._sizes[anchor] = 0
            if kind != "loop":
                self.callgraph.names.setdefault(anchor, name)
        return tree

    def _push(self, anchor: int, kind: str, fn: int, expect: str, hint: str = "") -> _Activation:
        tree = self._tree(anchor, kind, hint)
        act = _Activation(tree, fn)
        self._stack.append(act)
        if not self.frozen:
            tree.activations += 1
        root = tree.root.nodes
        if root and root[0].expect == expect:  # the usual entry: walk past ENTER
            act.i = 1
            return act
        node = self._step(act, Op.ENTER, anchor, expect)
        if node is not None and not tree.entries:
            tree.entries.append(node.id)
        return act

    def _top(self, sid: int) -> _Activation:
        if self._stack:
            return self._stack[-1]
        if self._run_started is None:
            self._run_started = time.perf_counter()
        root = self._program_root(sid)
        return self._push(root, "program", root, "")

    def _violate(self, act: _Activation, op: Op, sid: int, expect: str, why: str) -> None:
        self.violation_count += 1
        if len(self.violations) < DEFAULTS["max_violations"]:
            line, col = self._loc(sid)
            self.violations.append(
                {"tree": act.tree.anchor, "trace": act.trace.id, "op": op.value, "sid": sid, "line": line,
                 "col": col, "seen": expect, "why": why}
            )
        act.lost, act.nodes = True, ()

    def _step(self, act: _Activation, op: Op, sid: int, expect: str, name: str = "", target: int | None = None):
        """Advance ``act`` over one event; returns the node it matched or grew (None
        when the walk is lost)."""
        if act.lost:
            self.unchecked += 1
            return None
        while True:
            t = act.trace
            nodes = t.nodes
            i = act.i
            if i >= len(nodes):
                break
            n = nodes[i]
            if n.op is op and n.sid == sid:
                if n.expect == expect:
                    act.i = i + 1
                    return n
                key = expect
            elif n.op is Op.ABORT:
                act.lost, act.nodes = True, ()
                self.unchecked += 1
                return None
            else:
                key = f"{STRUCTURAL}{op.value}:{sid}:{expect}"
            sub = n.exits.get(key) if n.exits else None
            if sub is None:
                if self.frozen:
                    self._violate(act, op, sid, expect, f"unseen outcome at #{n.id} (expects {n.expect!r})")
                    return None
                sub = self._forest.new_trace(n.id)
                if n.exits is None:
                    n.exits = {}
                n.exits[key] = sub
                act.tree.traces.append(sub)
            if not self.frozen:
                sub.hits += 1
            act.trace = sub
            act.nodes = sub.nodes
            act.i = 0
        if self.frozen:
            self._violate(act, op, sid, expect, f"no recorded node after position {i} of trace T{t.id}")
            return None
        if t.end is not None:  # the event stream went past a finished trace: stop here
            act.lost, act.nodes = True, ()
            return None
        anchor = act.tree.anchor
        size = self._sizes[anchor]
        line, col = self._loc(sid)
        if size >= self.max_nodes:
            nodes.append(self._forest.new_node(Op.ABORT, sid, line, col, "", "", None))
            t.end, t.abort = End.ABORT, "TOO_LONG"
            self._sizes[anchor] = size + 1
            act.lost, act.nodes = True, ()
            return None
        node = self._forest.new_node(op, sid, line, col, expect, name, target)
        nodes.append(node)
        self._sizes[anchor] = size + 1
        act.i = i + 1
        end = OPS[op].ends
        if end is not None:
            if op is Op.RETURN and i > 0 and nodes[i - 1].op is Op.CALL_TREE and nodes[i - 1].target == anchor:
                end = End.TAILREC
            t.end = end
        return node

    def _close_loops(self, keep: int) -> None:
        """A ``return`` (or an exception) leaves the loops above ``self._stack[keep]``.
        The interpreter reports ``leave_function`` before those loops' ``loop_exit``
        (they run in ``finally`` blocks afterwards): record the exits now and
        remember to ignore the late events."""
        while len(self._stack) > keep:
            act = self._stack.pop()
            self._step(act, Op.SIDE_EXIT, act.tree.anchor, "")
            self._late_exits.append(act.tree.anchor)

    def _loop_act(self, sid: int) -> _Activation | None:
        """The activation a ``loop_iter``/``loop_exit`` of ``sid`` belongs to: the top
        one, when it runs that loop with no inlined frame open (otherwise the event
        stream is not one we understand, and the event is ignored)."""
        if self._stack:
            act = self._stack[-1]
            if act.tree.anchor == sid and act.tree.kind == "loop" and not act.frames:
                return act
        return None

    # -- events -------------------------------------------------------------------

    # Calls, returns and unwinds always reach ProfileRecorder too (its per-call
    # bookkeeping, such as recursion depth, needs every one of them).

    def enter_function(self, fn_sid: int, call_sid: int | None, func: Any, this: Any, args: list) -> None:
        depth = self._call_depth
        if depth > _DEPTH_UNCHECKED and not depth & _DEPTH_CHECK_MASK:
            try:
                sys._getframe(sys.getrecursionlimit() - STACK_HEADROOM)
            except ValueError:  # the stack is not that deep
                pass
            else:  # (the interpreter turns it into "Maximum call stack size exceeded")
                raise RecursionError("maximum recursion depth exceeded (traced call)")
        self._call_depth = depth + 1
        # ``ProfileRecorder.enter_function``, inlined, with the argument tags computed once
        # for the profile and the expectation
        tags = list(map(_FIXED_TAGS.get, map(type, args)))  # (primitives: no Python call per argument)
        if None in tags:
            tags = [_tag(a) for a in args]
        p = self.profile
        p.executed.add(fn_sid)
        p.calls[fn_sid] += 1
        d = self._depth[fn_sid] = self._depth[fn_sid] + 1
        if d > p.max_depth[fn_sid]:
            p.max_depth[fn_sid] = d
        slots = p.arg_types.get(fn_sid)
        if slots is None:
            slots = p.arg_types[fn_sid] = []
        while len(slots) < len(tags):
            slots.append(set())
        for slot, tag in zip(slots, tags):
            slot.add(tag)
        expect = ",".join(tags)
        if not self._stack:
            if self._run_started is None:
                self._run_started = time.perf_counter()
            self._push(fn_sid, "function", fn_sid, expect, getattr(func, "name", ""))
            return
        act = self._stack[-1]
        caller = act.frames[-1] if act.frames else act.fn
        if not self.linear and not self.frozen:
            cg = self.callgraph
            targets = cg.edges.get(caller)
            seen = targets.get(fn_sid) if targets is not None else None
            if seen is not None:  # ``register_call`` of an edge seen before, inlined
                targets[fn_sid] = seen + 1
            else:
                cg.register_call(caller, fn_sid)
            if fn_sid not in cg.names:
                cg.names[fn_sid] = self._name(fn_sid) or getattr(func, "name", "") or "<anonymous>"
        site = call_sid if call_sid is not None else fn_sid
        op = None
        if nodes := act.nodes:
            i = act.i
            if i < len(nodes):
                n = nodes[i]
                if n.op in _CALL_OPS and n.sid == site and n.target == fn_sid:
                    op = n.op  # follow what was recorded here
                    if n.expect == expect:  # and it was recorded from these argument types
                        act.i = i + 1
                        if op is Op.CALL_INLINE:
                            act.frames.append(fn_sid)
                            return
                        tree = self._forest.trees.get(fn_sid)
                        root = tree.root.nodes if tree is not None else None
                        if root and root[0].expect == expect:  # ``_push``'s usual entry, inlined
                            callee = _Activation(tree, fn_sid)
                            callee.i = 1
                            self._stack.append(callee)
                            if not self.frozen:
                                tree.activations += 1
                        else:
                            self._push(fn_sid, "function", fn_sid, expect, getattr(func, "name", ""))
                        return
        if op is None:
            if self.linear:
                op = Op.CALL_INLINE
            elif len(act.frames) < self.inline_limit and not self.callgraph.is_recursive(fn_sid):
                op = Op.CALL_INLINE
            else:
                op = Op.CALL_TREE
        fresh = self._forest.next_node
        node = self._step(act, op, site, expect, "", fn_sid)
        if op is Op.CALL_INLINE or (self.frozen and act.lost):
            # (a lost replay cannot know what recording did here: the callee stays
            # inside the unchecked region rather than guessing a tree)
            act.frames.append(fn_sid)
            return
        if node is not None and node.id >= fresh and act.tree.kind == "function":  # a CALL_TREE just recorded
            if self.callgraph.is_recursive(act.tree.anchor) and self.callgraph.is_recursive(fn_sid):
                act.tree.entries.append(node.id)  # a return point of non-tail recursion
        self._push(fn_sid, "function", fn_sid, expect, getattr(func, "name", ""))

    def leave_function(self, fn_sid: int, result: Any) -> None:
        self._call_depth -= 1
        tag = _tag(result)
        self.profile.ret_types[fn_sid].add(tag)  # ``ProfileRecorder.leave_function``, inlined
        self._depth[fn_sid] -= 1
        stack = self._stack
        if stack:  # the recorded return at the position, inline (``_leave`` otherwise)
            act = stack[-1]
            frames = act.frames
            nodes = act.nodes
            if nodes and (frames or (act.tree.anchor == fn_sid and act.tree.kind != "loop")):
                i = act.i
                if i < len(nodes):
                    n = nodes[i]
                    if n.sid == fn_sid and n.expect == tag and n.op is (_RETURN_INLINE if frames else _RETURN):
                        act.i = i + 1
                        if frames:
                            frames.pop()
                        else:
                            stack.pop()
                        return
        self._leave(fn_sid, tag, Op.RETURN_INLINE, Op.RETURN)

    def unwind_function(self, fn_sid: int) -> None:
        self._call_depth -= 1
        super().unwind_function(fn_sid)
        self._leave(fn_sid, "", Op.UNWIND_INLINE, Op.UNWIND)

    def _leave(self, fn_sid: int, expect: str, inline_op: Op, tree_op: Op) -> None:
        if not self._stack:
            return
        act = self._stack[-1]
        if not act.frames and not (act.tree.kind != "loop" and act.tree.anchor == fn_sid):
            found = None
            for k in range(len(self._stack) - 1, -1, -1):
                cand = self._stack[k]
                if cand.frames or cand.tree.kind != "loop":
                    found = k
                    break
            if found is None:
                return
            self._close_loops(found + 1)
            act = self._stack[-1]
        if act.frames:
            act.frames.pop()
            self._step(act, inline_op, fn_sid, expect)
        elif act.tree.kind != "loop" and act.tree.anchor == fn_sid:
            self._step(act, tree_op, fn_sid, expect)
            self._stack.pop()

    # The hooks below run for nearly every event. Each first tries the
    # common case inline — the node at the position expects exactly this — and
    # only calls ``_step`` otherwise. A matched node was recorded from an event
    # with the same outcome at the same site, so the profile already holds that
    # observation and is not touched (arrays excepted: their elements vary).

    def _match(self, sid: int, op: Op, expect: str) -> _Activation | None:
        """None when the node at the position matched (and the walk advanced);
        otherwise the activation ``_step`` must handle."""
        stack = self._stack
        if not stack:
            return self._top(sid)
        act = stack[-1]
        if nodes := act.nodes:
            i = act.i
            if i < len(nodes):
                n = nodes[i]
                if n.sid == sid and n.expect == expect and n.op is op:
                    act.i = i + 1
                    return None
        return act

    def branch(self, sid: int, taken: bool) -> None:
        self.test(sid, taken)

    def test(self, sid: int, taken: bool) -> bool:
        expect = "true" if taken else "false"
        stack = self._stack
        if stack:  # _match, inlined: every condition of every loop comes here
            act = stack[-1]
            if nodes := act.nodes:
                i = act.i
                if i < len(nodes):
                    n = nodes[i]
                    if n.sid == sid and n.op is _GUARD_BRANCH:
                        if n.expect == expect:
                            act.i = i + 1
                            return taken
                        # the other outcome, seen before: into its branch trace, which
                        # begins with this guard (``_step``'s walk, inlined)
                        sub = n.exits.get(expect) if n.exits else None
                        if sub is not None:
                            sn = sub.nodes
                            if sn and sn[0].sid == sid and sn[0].expect == expect and sn[0].op is _GUARD_BRANCH:
                                self.profile.outcomes[sid].add(taken)
                                if not self.frozen:
                                    sub.hits += 1
                                act.trace = sub
                                act.nodes = sn
                                act.i = 1
                                return taken
        else:
            act = self._top(sid)
        self.profile.outcomes[sid].add(taken)
        self._step(act, Op.GUARD_BRANCH, sid, expect)
        return taken

    def loop_enter(self, sid: int) -> None:
        self.profile.executed.add(sid)
        act = self._top(sid)
        nodes, i = act.nodes, act.i  # the recorded LOOP at the position (``_step`` otherwise)
        if i < len(nodes) and nodes[i].op is _LOOP and nodes[i].sid == sid:
            act.i = i + 1
        else:
            self._step(act, Op.LOOP, sid, "", "", sid)
        self._push(sid, "loop", act.frames[-1] if act.frames else act.fn, "")

    def loop_iter(self, sid: int) -> None:
        stack = self._stack  # ``_loop_act``, inlined: this runs once per iteration
        if not stack:
            return
        act = stack[-1]
        tree = act.tree
        if tree.anchor != sid or tree.kind != "loop" or act.frames:
            return
        header = tree.header
        nodes = act.nodes
        if header is not None and nodes:  # fast path: the recorded back edge
            i = act.i
            if i < len(nodes) and nodes[i].op is _BACK_EDGE and nodes[i].sid == sid:
                act.trace = header
                act.nodes = header.nodes
                act.i = 1
                return
        if header is None and not self.frozen:
            header = self._new_header(tree, sid)
        self._step(act, Op.BACK_EDGE, sid, "", "", header.nodes[0].id if header is not None else None)
        if header is None:  # replay of a loop that never iterated while recording
            self._violate(act, Op.BACK_EDGE, sid, "", "no loop header recorded")
            return
        act.trace = header
        act.nodes = header.nodes
        act.i = 1
        act.lost = False

    def _new_header(self, tree: TraceTree, sid: int) -> Trace:
        trace = self._forest.new_trace()
        line, col = self._loc(sid)
        node = self._forest.new_node(Op.HEADER, sid, line, col, "", "", None)
        trace.nodes.append(node)
        tree.traces.append(trace)
        tree.header = trace
        tree.entries.append(node.id)
        self._sizes[tree.anchor] += 1
        return trace

    def loop_exit(self, sid: int) -> None:
        if sid in self._late_exits:
            self._late_exits.remove(sid)
            return
        act = self._loop_act(sid)
        if act is None:
            return
        nodes, i = act.nodes, act.i  # the recorded exit at the position (``_step`` otherwise)
        if i < len(nodes) and nodes[i].op is _SIDE_EXIT and nodes[i].sid == sid:
            act.i = i + 1
        else:
            self._step(act, Op.SIDE_EXIT, sid, "")
        self._stack.pop()

    def op(self, sid: int, opname: str, operands: tuple, result: Any) -> None:
        if len(operands) == 2:
            a, b = operands
            cached = _OP_EXPECT.get((type(a), type(b), type(result)))
        elif len(operands) == 1:
            cached = _OP_EXPECT.get((type(operands[0]), type(result)))
        else:
            cached = None
            if opname == "set":  # three operands: only stores (and `new`) come this way
                self.profile.store(sid, operands[0], operands[1])
        if cached is None:
            rt = _tag(result)
            expect = ",".join([_tag(o) for o in operands]) + ">" + rt
        else:
            expect, rt = cached
        self._op_tagged(sid, opname, expect, rt, result)

    def get_value(self, sid: int, obj: Any, key: Any, result: Any) -> Any:
        # ``op`` for a property read, with the expectation built in one step (and
        # ``_tag`` inlined: a read tags three values, and this is the commonest event)
        t = type(result)
        rt = _FIXED_TAGS.get(t) or (t is JSObject and _CLASS_TAGS.get(result.class_name)) or type_tag(result)
        t = type(obj)
        ot = (t is JSObject and _CLASS_TAGS.get(obj.class_name)) or _FIXED_TAGS.get(t) or type_tag(obj)
        kt = "string" if type(key) is str else _tag(key)
        expect = f"{ot},{kt}>{rt}"
        if rt == "array":
            self.profile.observe_array(sid, result)
        stack = self._stack
        if stack:  # ``_op_tagged``, inlined: a read is the commonest event
            act = stack[-1]
            if nodes := act.nodes:
                i = act.i
                if i < len(nodes):
                    n = nodes[i]
                    if n.sid == sid and n.expect == expect and n.op is _OP:
                        act.i = i + 1
                        return result
        else:
            act = self._top(sid)
        self.profile.types[sid].add(rt)
        self._step(act, Op.OP, sid, expect, "get")
        return result

    get = get_value

    def get_bind(self, bind_sid: int, name: str, sid: int, obj: Any, key: Any, result: Any) -> Any:
        # the read's node and the binding's, when they follow each other at the position,
        # are walked past at once (arrays excepted: both events observe their elements)
        t = type(result)
        rt = _FIXED_TAGS.get(t) or (t is JSObject and _CLASS_TAGS.get(result.class_name)) or _tag(result)
        if rt != "array":
            stack = self._stack
            if stack:
                act = stack[-1]
                nodes = act.nodes
                i = act.i
                if i + 1 < len(nodes):
                    n = nodes[i]
                    if n.sid == sid and n.op is _OP:
                        to = type(obj)
                        ot = (to is JSObject and _CLASS_TAGS.get(obj.class_name)) or _FIXED_TAGS.get(to) or _tag(obj)
                        kt = "string" if type(key) is str else _tag(key)
                        if n.expect == f"{ot},{kt}>{rt}":
                            n = nodes[i + 1]
                            if n.sid == bind_sid and n.expect == rt and n.op is _BIND:
                                if t is float:
                                    fractions = self.profile.fractions  # as in ``bind``
                                    if fractions is not None and bind_sid not in fractions and not (
                                            result.is_integer() and -2147483648.0 <= result <= 2147483647.0
                                            and (result or small_int(result))):
                                        fractions.add(bind_sid)
                                act.i = i + 2
                                return result
        self.get_value(sid, obj, key, result)
        self.bind(bind_sid, name, result)
        return result

    def put(self, sid: int, obj: Any, key: Any, value: Any) -> None:
        # ``op`` for a store, without the operand tuple and the operand-count dispatch
        if type(obj) is JSArray:
            self.profile.store(sid, obj, key)
        vt = _tag(value)
        kt = "string" if type(key) is str else _tag(key)
        self._op_tagged(sid, "set", f"{_tag(obj)},{kt},{vt}>{vt}", vt, value)

    def _op_tagged(self, sid: int, opname: str, expect: str, rt: str, result: Any) -> None:
        """The part of ``op`` after the operand and result tags are known."""
        if rt == "array":
            self.profile.observe_array(sid, result)
        stack = self._stack
        if stack:  # _match, inlined: this is the hottest hook
            act = stack[-1]
            if nodes := act.nodes:
                i = act.i
                if i < len(nodes):
                    n = nodes[i]
                    if n.sid == sid and n.expect == expect and n.op is _OP:
                        act.i = i + 1
                        return
        else:
            act = self._top(sid)
        self.profile.types[sid].add(rt)
        self._step(act, Op.OP, sid, expect, opname)

    def op2_value(self, sid: int, opname: str, a: Any, b: Any, result: Any) -> Any:
        # ``op`` for two operands: no operand tuple, no count checks
        cached = _OP_EXPECT.get((type(a), type(b), type(result)))
        if cached is None:
            rt = _tag(result)
            self._op_tagged(sid, opname, f"{_tag(a)},{_tag(b)}>{rt}", rt, result)
        else:
            _KNOWN[cached](self, sid, opname, a, b, result)
        return result

    op2 = op2_value

    def op2_test(self, branch_sid: int, sid: int, opname: str, a: Any, b: Any, result: bool) -> bool:
        # ``num_cmp_test`` for an identity comparison (``h !== null``) on any operand types;
        # its result is a Python bool, and one operand is null or undefined, most often
        # compared with a class instance: those tags are looked up here without ``_tag``
        t = type(a)
        ta = (t is JSObject and _CLASS_TAGS.get(a.class_name)) or _FIXED_TAGS.get(t) or _tag(a)
        tb = "null" if b is NULL else "undefined" if b is UNDEFINED else _tag(b)
        rt = "boolean"
        expect = f"{ta},{tb}>boolean"
        stack = self._stack
        if stack:
            act = stack[-1]
            if nodes := act.nodes:
                i = act.i
                if i + 1 < len(nodes):
                    n = nodes[i]
                    if n.sid == sid and n.expect == expect and n.op is _OP:
                        n = nodes[i + 1]
                        if n.sid == branch_sid and n.op is _GUARD_BRANCH and \
                                n.expect == ("true" if result else "false"):
                            act.i = i + 2
                            return result
                        act.i = i + 1  # the test matched; the branch went the other way
                        return self.test(branch_sid, result)
        self._op_tagged(sid, opname, expect, rt, result)
        return self.test(branch_sid, result)

    def op1(self, sid: int, opname: str, a: Any, result: Any) -> None:
        # ``op2`` for one operand (``-x``, ``!x``, ``i++``)
        cached = _OP_EXPECT.get((type(a), type(result)))
        if cached is None:
            self.op(sid, opname, (a,), result)
        else:
            _KNOWN[cached](self, sid, opname, a, None, result)

    def num_op1(self, sid: int, opname: str, a: float, result: float) -> float:
        return _NUM_TO_NUM(self, sid, opname, a, None, result)

    num_op = _KNOWN[_OP_EXPECT[(float, float, float)]]
    num_cmp = _KNOWN[_OP_EXPECT[(float, float, bool)]]

    def num_op_bind(self, bind_sid: int, name: str, sid: int, opname: str, a: float, b: float, result: float) -> float:
        return self._num_bind(_NUM_EXPECT, bind_sid, name, sid, opname, a, b, result)

    def num_op1_bind(self, bind_sid: int, name: str, sid: int, opname: str, a: float, result: float) -> float:
        return self._num_bind(_NUM1_EXPECT, bind_sid, name, sid, opname, a, None, result)

    def _num_bind(self, expect: str, bind_sid: int, name: str, sid: int, opname: str, a: float, b: Any,
                  result: float) -> float:
        """``num_op_bind``: the operator's node and the binding's, when they follow each
        other at the position, are walked past at once; else the two hooks run."""
        stack = self._stack
        if stack:
            act = stack[-1]
            if nodes := act.nodes:
                i = act.i
                if i + 1 < len(nodes):
                    n = nodes[i]
                    if n.sid == sid and n.expect == expect and n.op is _OP:
                        n = nodes[i + 1]
                        if n.sid == bind_sid and n.expect == "number" and n.op is _BIND:
                            fractions = self.profile.fractions  # as in ``bind``
                            if fractions is not None and bind_sid not in fractions and not (
                                    result.is_integer() and -2147483648.0 <= result <= 2147483647.0
                                    and (result or small_int(result))):
                                fractions.add(bind_sid)
                            act.i = i + 2
                            return result
        if b is None:
            self.num_op1(sid, opname, a, result)
        else:
            self.num_op(sid, opname, a, b, result)
        self.bind(bind_sid, name, result)
        return result

    def num_cmp_test(self, branch_sid: int, sid: int, opname: str, a: float, b: float, result: bool) -> bool:
        # the usual case inline: the comparison's node and the branch's node follow each
        # other at the position; anything else is the two hooks, one after the other
        stack = self._stack
        if stack:
            act = stack[-1]
            if nodes := act.nodes:
                i = act.i
                if i + 1 < len(nodes):
                    n = nodes[i]
                    if n.sid == sid and n.expect == _CMP_EXPECT and n.op is _OP:
                        n = nodes[i + 1]
                        if n.sid == branch_sid and n.op is _GUARD_BRANCH and \
                                n.expect == ("true" if result else "false"):
                            act.i = i + 2
                            return result
                        act.i = i + 1  # the comparison matched; the branch went the other way
                        return self.test(branch_sid, result)
        self.num_cmp(sid, opname, a, b, result)
        return self.test(branch_sid, result)
    str_op = _KNOWN[_OP_EXPECT[(str, str, str)]]

    # Fused runs: the traced code computed an arithmetic expression over numbers inline
    # (``Compiler.numeric_run``) and reports all its operators' events in one call.
    # ``run`` is a constant of that code: ``(sid, operator)`` per operator, in evaluation
    # order. Once the events were walked one by one and matched consecutive nodes of one
    # trace, the first node keeps ``run`` as a memo, and later walks skip them at once:
    # traces only grow at their ends, so those nodes stay what they were.

    def num_run(self, run: tuple, result: Any) -> Any:
        stack = self._stack
        if stack:
            act = stack[-1]
            if nodes := act.nodes:
                i = act.i
                if i < len(nodes) and nodes[i].run is run:
                    act.i = i + len(run)
                    return result
        self._walk_run(run)
        return result

    def num_run_bind(self, bind_sid: int, name: str, run: tuple, result: float) -> float:
        """``num_run`` and the binding of its (number) result, as ``num_op_bind``."""
        stack = self._stack
        if stack:
            act = stack[-1]
            if nodes := act.nodes:
                i = act.i
                k = i + len(run)
                if k < len(nodes) and nodes[i].run is run:
                    n = nodes[k]
                    if n.sid == bind_sid and n.expect == "number" and n.op is _BIND:
                        fractions = self.profile.fractions  # as in ``bind``
                        if fractions is not None and bind_sid not in fractions and not (
                                result.is_integer() and -2147483648.0 <= result <= 2147483647.0
                                and (result or small_int(result))):
                            fractions.add(bind_sid)
                        act.i = k + 1
                        return result
        self.num_run(run, result)
        self.bind(bind_sid, name, result)
        return result

    def num_run_test(self, run: tuple, branch_sid: int, result: bool) -> bool:
        """``num_run`` of a comparison and the branch it decides, as ``num_cmp_test``."""
        stack = self._stack
        if stack:
            act = stack[-1]
            if nodes := act.nodes:
                i = act.i
                k = i + len(run)
                if k < len(nodes) and nodes[i].run is run:
                    n = nodes[k]
                    if n.sid == branch_sid and n.op is _GUARD_BRANCH and n.expect == ("true" if result else "false"):
                        act.i = k + 1
                        return result
                    act.i = k  # the run matched; the branch went the other way
                    return self.test(branch_sid, result)
        self.num_run(run, result)
        return self.test(branch_sid, result)

    def _walk_run(self, run: tuple) -> None:
        """``run``'s events one at a time (growing the tree where they are new); then the
        memo, if they matched consecutive nodes of the trace the walk was in."""
        stack = self._stack
        act = stack[-1] if stack else None
        nodes, start = (act.nodes, act.i) if act is not None else ((), 0)
        for sid, opname in run:
            _KNOWN[_CMP_CACHED if opname in RUN_COMPARISONS else _NUM_CACHED](self, sid, opname, None, None, None)
        if act is None or not stack or stack[-1] is not act or act.nodes is not nodes or act.i != start + len(run):
            return
        for k, (sid, opname) in enumerate(run):
            n = nodes[start + k]
            if n.sid != sid or n.op is not _OP or n.expect != (_CMP_EXPECT if opname in RUN_COMPARISONS else _NUM_EXPECT):
                return
        nodes[start].run = run

    def call(self, sid: int, callee: Any, this: Any, args: list) -> None:
        fn = callee.fn_sid if isinstance(callee, JSFunction) else None
        cid = _FN_IDS.get(fn) if fn is not None else None
        if cid is None:
            cid = callee_id(callee)
            if fn is not None:
                _FN_IDS[fn] = cid
        stack = self._stack
        if stack:  # ``_match``, inlined: every traced call comes here
            act = stack[-1]
            if nodes := act.nodes:
                i = act.i
                if i < len(nodes):
                    n = nodes[i]
                    if n.sid == sid and n.expect == cid and n.op is _GUARD_CALLEE:
                        act.i = i + 1
                        return
        act = self._match(sid, Op.GUARD_CALLEE, cid)
        if act is not None:
            self.profile.callees[sid].add(cid)
            self._step(act, Op.GUARD_CALLEE, sid, cid)

    def bind(self, sid: int, name: str, value: Any) -> None:
        if type(value) is float:
            t = "number"
            fractions = self.profile.fractions  # ``Profile.note_number``, inlined
            if fractions is not None and sid not in fractions and not (
                    value.is_integer() and -2147483648.0 <= value <= 2147483647.0 and (value or small_int(value))):
                # (``small_int`` inlined but for zero, where only it tells -0 apart)
                fractions.add(sid)
        else:
            tv = type(value)
            t = _FIXED_TAGS.get(tv) or (tv is JSObject and _CLASS_TAGS.get(value.class_name)) or _tag(value)
            if t == "array":
                self.profile.observe_array(sid, value)
        stack = self._stack
        if stack:  # _match, inlined: the second hottest hook
            act = stack[-1]
            if nodes := act.nodes:
                i = act.i
                if i < len(nodes):
                    n = nodes[i]
                    if n.sid == sid and n.expect == t and n.op is _BIND:
                        act.i = i + 1
                        return
        else:
            act = self._top(sid)
        self.profile.types[sid].add(t)
        self._step(act, Op.BIND, sid, t, name)

    def throw(self, sid: int, value: Any) -> None:
        self._step(self._stack[-1] if self._stack else self._top(sid), Op.THROW, sid, _tag(value))
