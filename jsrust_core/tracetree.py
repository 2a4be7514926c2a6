"""The trace-tree IR: operations declared as data, nodes, traces, trees and the forest.

A *tree* is rooted at an anchor (the program, a function entry or a loop header).
Its root trace is the first path recorded there; when a later run leaves a
recorded path at a guard, the new path is recorded as a *branch trace* attached
to that guard (a side exit grown into a trace, TraceMonkey style). Loops are
their own trees, called from the enclosing trace with a ``LOOP`` node and closed
by a ``BACK_EDGE``; recursive calls (and calls past the inline bound) are
``CALL_TREE`` nodes naming the callee's tree.

Every node carries an *expected outcome* as a string: the branch direction of a
``GUARD_BRANCH``, the callee id of a ``GUARD_CALLEE``, or the type tags
(``profile.type_tag``) of a typed node: ``"number,number>number"`` for an
operator, the bound value's tag for ``BIND``, the argument tags for an entry.
A run that sees a different outcome at that node leaves through an *exit*,
keyed by the outcome seen, into a branch trace — so typed nodes are type guards
in the LuaJIT sense (a load carries its type check) and need no separate node.

Trees are data: ``TraceForest.to_json()`` / ``from_json()`` round-trip exactly,
``to_text()`` prints them for tests and teaching, ``check()`` lists broken
invariants.
"""
from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any, Iterator

from .callgraph import CallGraph
from .profile import Profile
from .values import to_js_string


class Op(str, Enum):
    """Trace-tree operations; properties in ``OPS``."""

    ENTER = "ENTER"
    OP = "OP"
    BIND = "BIND"
    GUARD_BRANCH = "GUARD_BRANCH"
    GUARD_CALLEE = "GUARD_CALLEE"
    CALL_INLINE = "CALL_INLINE"
    RETURN_INLINE = "RETURN_INLINE"
    CALL_TREE = "CALL_TREE"
    LOOP = "LOOP"
    HEADER = "HEADER"
    BACK_EDGE = "BACK_EDGE"
    SIDE_EXIT = "SIDE_EXIT"
    RETURN = "RETURN"
    THROW = "THROW"
    UNWIND_INLINE = "UNWIND_INLINE"
    UNWIND = "UNWIND"
    ABORT = "ABORT"


class End(str, Enum):
    """How a trace ends (a trace with no end is still open: being recorded, or cut
    off by an interrupted run)."""

    LOOP = "LOOP"  # back edge to its loop header
    RETURN = "RETURN"  # the anchor function (or program) returns
    TAILREC = "TAILREC"  # returns right after calling its own tree: tail recursion
    EXIT = "EXIT"  # leaves its loop tree to the enclosing code
    THROW = "THROW"  # the anchor is left by an exception
    ABORT = "ABORT"  # recording gave up; see ``ABORTS``


@dataclass(frozen=True)
class OpInfo:
    """One row of the operation table."""

    #: the ``events.Recorder`` hook that produces it
    event: str
    #: what the expected outcome checks ("branch", "callee", "types") or None
    checks: str | None
    #: True for explicit guards (counted in ``stats["guards"]``)
    guard: bool
    #: the trace end a node of this op makes, if it ends its trace
    ends: End | None
    doc: str


OPS: dict[Op, OpInfo] = {
    Op.ENTER: OpInfo("enter_function", "types", False, None, "anchor entry; expects the argument types"),
    Op.OP: OpInfo("op", "types", False, None, "an operator/get/set/new/native call; expects operand>result types"),
    Op.BIND: OpInfo("bind", "types", False, None, "a variable receives a value; expects its type"),
    Op.GUARD_BRANCH: OpInfo("branch", "branch", True, None, "a conditional's direction"),
    Op.GUARD_CALLEE: OpInfo("call", "callee", True, None, "the identity of the function a call site calls"),
    Op.CALL_INLINE: OpInfo("enter_function", "types", False, None, "inlined frame starts; expects argument types"),
    Op.RETURN_INLINE: OpInfo("leave_function", "types", False, None, "inlined frame ends; expects the result type"),
    Op.CALL_TREE: OpInfo("enter_function", "types", False, None, "call of the target function's own tree"),
    Op.LOOP: OpInfo("loop_enter", None, False, None, "run the nested tree of an inner loop"),
    Op.HEADER: OpInfo("loop_iter", None, False, None, "loop header: every iteration after the first starts here"),
    Op.BACK_EDGE: OpInfo("loop_iter", None, False, End.LOOP, "next iteration: jump to the loop header"),
    Op.SIDE_EXIT: OpInfo("loop_exit", None, False, End.EXIT, "leave this loop tree to the enclosing trace"),
    Op.RETURN: OpInfo("leave_function", "types", False, End.RETURN, "the anchor returns; expects the result type"),
    Op.THROW: OpInfo("throw", "types", False, None, "a throw (or engine error); expects the thrown value's type"),
    Op.UNWIND_INLINE: OpInfo("unwind_function", None, False, None, "inlined frame left by an exception"),
    Op.UNWIND: OpInfo("unwind_function", None, False, End.THROW, "the anchor function is left by an exception"),
    Op.ABORT: OpInfo("-", None, False, End.ABORT, "recording stopped here; the reason is on the trace"),
}

#: every abort reason, declared once with its message
ABORTS: dict[str, str] = {
    "TOO_LONG": "trace tree exceeds the node bound (max_nodes); the rest of this path is not recorded",
}

#: prefix of exit keys for divergences that are not a guard outcome (e.g. an
#: exception raised inside an operator, so a different event arrives there)
STRUCTURAL = "!"


class Node:
    """One trace-tree node. ``target``: the anchor sid of a ``LOOP``/``CALL_TREE``/
    ``CALL_INLINE``, or the header node id of a ``BACK_EDGE``. ``exits``: outcome key →
    branch trace, for the outcomes seen here that differ from ``expect``."""

    __slots__ = ("id", "op", "sid", "line", "col", "expect", "name", "target", "exits", "run")

    def __init__(
        self, id: int, op: Op, sid: int, line: int, col: int, expect: str = "", name: str = "", target: int | None = None
    ) -> None:
        self.id = id
        self.op = op
        self.sid = sid
        self.line = line
        self.col = col
        self.expect = expect
        self.name = name
        self.target = target
        self.exits: dict[str, Trace] | None = None
        #: the recorder's memo, not part of the tree (never saved): the fused run of
        #: operator events (``TreeRecorder.num_run``) found to match the nodes from here on
        self.run: tuple | None = None

    @property
    def operand_types(self) -> list[str]:
        """Operand type tags of a typed node (``OP``: before ``>``; entries: all)."""
        text = self.expect.split(">", 1)[0] if ">" in self.expect else self.expect
        return text.split(",") if text and self.op in (Op.OP, Op.ENTER, Op.CALL_INLINE, Op.CALL_TREE) else []

    @property
    def result_type(self) -> str | None:
        if self.op is Op.OP:
            return self.expect.split(">", 1)[1] if ">" in self.expect else None
        if self.op in (Op.BIND, Op.RETURN, Op.RETURN_INLINE, Op.THROW):
            return self.expect
        return None

    @property
    def exit_count(self) -> int:
        """How many times runs left the recorded path at this node."""
        return sum(t.hits for t in self.exits.values()) if self.exits else 0

    def to_json(self) -> list:
        exits = {k: t.id for k, t in self.exits.items()} if self.exits else None
        return [self.id, self.op.value, self.sid, self.line, self.col, self.expect, self.name, self.target, exits]

    def __repr__(self) -> str:
        return f"<#{self.id} {self.op.value} {self.sid} {self.expect!r}>"


class Trace:
    """A straight path of nodes. ``parent``: the guard node id a branch trace hangs
    from (None for a root trace); ``hits``: times a run entered it through that exit."""

    __slots__ = ("id", "parent", "nodes", "end", "abort", "hits")

    def __init__(self, id: int, parent: int | None = None) -> None:
        self.id = id
        self.parent = parent
        self.nodes: list[Node] = []
        self.end: End | None = None
        self.abort: str | None = None
        self.hits = 0

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "parent": self.parent,
            "end": self.end.value if self.end else None,
            "abort": self.abort,
            "hits": self.hits,
            "nodes": [n.to_json() for n in self.nodes],
        }


class TraceTree:
    """All traces grown from one anchor. ``entries``: node ids where runs enter the
    tree — the root ``ENTER``, a loop's ``HEADER``, and, for non-tail recursion, the
    ``CALL_TREE`` nodes after which a run resumes when the recursive call returns
    (the return points).

    A loop tree has two traces without a parent: the root (first iteration, from
    ``ENTER``) and ``header`` (every later iteration, from ``HEADER``, the target of
    all back edges): the interpreter runs a ``for`` update at the top of the next
    iteration, so the first iteration's path differs from the others'."""

    def __init__(self, anchor: int, kind: str, name: str, root: Trace) -> None:
        self.anchor = anchor
        self.kind = kind  # "program" | "function" | "loop"
        self.name = name
        self.root = root
        self.traces: list[Trace] = [root]
        self.entries: list[int] = []
        self.activations = 0
        self.header: Trace | None = None

    def nodes(self) -> Iterator[Node]:
        for t in self.traces:
            yield from t.nodes

    def to_json(self) -> dict:
        return {
            "anchor": self.anchor,
            "kind": self.kind,
            "name": self.name,
            "entries": list(self.entries),
            "activations": self.activations,
            "traces": [t.to_json() for t in self.traces],
        }


class TraceForest:
    """Every tree of a tracing session, its call graph and its profile."""

    def __init__(self, callgraph: CallGraph | None = None, profile: Profile | None = None) -> None:
        self.trees: dict[int, TraceTree] = {}
        self.callgraph = callgraph if callgraph is not None else CallGraph()
        self.profile = profile if profile is not None else Profile()
        self.record_seconds = 0.0
        self.next_node = 1
        self.next_trace = 0
        self._index: dict[int, list[Node]] | None = None
        self._index_size = -1

    # -- building (used by the recorder) ---------------------------------------

    def new_trace(self, parent: int | None = None) -> Trace:
        t = Trace(self.next_trace, parent)
        self.next_trace += 1
        return t

    def new_node(self, op: Op, sid: int, line: int, col: int, expect: str, name: str, target: int | None) -> Node:
        n = Node(self.next_node, op, sid, line, col, expect, name, target)
        self.next_node += 1
        return n

    # -- iteration ----------------------------------------------------------------

    def all_traces(self) -> Iterator[Trace]:
        for tree in self.trees.values():
            yield from tree.traces

    def all_nodes(self) -> Iterator[Node]:
        for tree in self.trees.values():
            yield from tree.nodes()

    def _by_sid(self) -> dict[int, list[Node]]:
        """Nodes per site id, rebuilt when the forest has grown since last asked."""
        if self._index is None or self._index_size != self.next_node:
            index: dict[int, list[Node]] = {}
            for n in self.all_nodes():
                index.setdefault(n.sid, []).append(n)
                if n.target is not None and n.op in (Op.CALL_INLINE, Op.CALL_TREE, Op.LOOP):
                    index.setdefault(n.target, [])
            self._index, self._index_size = index, self.next_node
        return self._index

    # -- queries for later stages -------------------------------------------------

    def outcomes(self, sid: int) -> set[bool]:
        """Branch directions recorded at a conditional's site."""
        return {n.expect == "true" for n in self._by_sid().get(sid, ()) if n.op is Op.GUARD_BRANCH}

    def observed_types(self, sid: int) -> set[str]:
        """Result type tags recorded at a site (operators, bindings, returns, throws)."""
        out: set[str] = set()
        for n in self._by_sid().get(sid, ()):
            tag = n.result_type
            if tag is not None:
                out.add(tag)
        return out

    def callees(self, sid: int) -> set[str]:
        """Callee ids (``profile.callee_id``) recorded at a call site."""
        return {n.expect for n in self._by_sid().get(sid, ()) if n.op is Op.GUARD_CALLEE}

    def recursive_functions(self) -> set[int]:
        return set(self.callgraph.status)

    def executed(self, sid: int) -> bool:
        """True when some recorded path passed the site (or entered the function/loop)."""
        return sid in self._by_sid() or sid in self.trees

    def tree_for(self, sid: int) -> TraceTree | None:
        """The tree anchored at a function, loop or program root site."""
        return self.trees.get(sid)

    def node(self, node_id: int) -> Node | None:
        for n in self.all_nodes():
            if n.id == node_id:
                return n
        return None

    # -- statistics --------------------------------------------------------------

    @property
    def stats(self) -> dict:
        nodes = guards = exits = branches = 0
        for tree in self.trees.values():
            branches += len(tree.traces) - 1
            for n in tree.nodes():
                nodes += 1
                if OPS[n.op].guard:
                    guards += 1
                if n.exits:
                    exits += n.exit_count
        return {
            "nodes": nodes,
            "guards": guards,
            "side_exits": exits,
            "branch_traces": branches,
            "loops": sum(1 for t in self.trees.values() if t.kind == "loop"),
            "recursion_cycles": len(self.callgraph.cycles()),
            "aborts": sum(1 for t in self.all_traces() if t.end is End.ABORT),
            "bytes": len(self.dumps()),
            "record_seconds": self.record_seconds,
        }

    def summary(self) -> str:
        """A few lines for ``jsrust trace``."""
        s = self.stats
        lines = [
            f"trees: {len(self.trees)} ({s['loops']} loops)  nodes: {s['nodes']}  guards: {s['guards']}  "
            f"branch traces: {s['branch_traces']}  side exits taken: {s['side_exits']}",
            f"recursion cycles: {s['recursion_cycles']}  aborts: {s['aborts']}  json: {s['bytes']} bytes  "
            f"recorded in {s['record_seconds']:.3f} s",
        ]
        for cycle in self.callgraph.cycles():
            lines.append("  cycle: " + " -> ".join(self.callgraph.label(f) for f in cycle))
        for t in self.all_traces():
            if t.abort:
                lines.append(f"  abort in trace T{t.id}: {ABORTS[t.abort]}")
        return "\n".join(lines)

    # -- JSON ----------------------------------------------------------------------

    def to_json(self) -> dict:
        return {
            "version": 1,
            "next_node": self.next_node,
            "next_trace": self.next_trace,
            "record_seconds": self.record_seconds,
            "trees": [t.to_json() for t in self.trees.values()],
            "callgraph": self.callgraph.to_json(),
            "profile": self.profile.to_json(),
        }

    def dumps(self) -> str:
        """Compact JSON text (what ``stats["bytes"]`` measures)."""
        return json.dumps(self.to_json(), separators=(",", ":"))

    @classmethod
    def from_json(cls, data: dict) -> "TraceForest":
        forest = cls(CallGraph.from_json(data["callgraph"]), Profile.from_json(data["profile"]))
        forest.next_node = data["next_node"]
        forest.next_trace = data["next_trace"]
        forest.record_seconds = data["record_seconds"]
        for td in data["trees"]:
            traces: dict[int, Trace] = {}
            pending: list[tuple[Node, dict]] = []
            for trd in td["traces"]:
                t = Trace(trd["id"], trd["parent"])
                t.end = End(trd["end"]) if trd["end"] else None
                t.abort = trd["abort"]
                t.hits = trd["hits"]
                for nid, op, sid, line, col, expect, name, target, exits in trd["nodes"]:
                    # (outcomes hold type tags, JS strings: see ``Profile.from_json``)
                    n = Node(nid, Op(op), sid, line, col, to_js_string(expect) if type(expect) is str else expect,
                             name, target)
                    t.nodes.append(n)
                    if exits is not None:
                        pending.append((n, {to_js_string(k): tid for k, tid in exits.items()}))
                traces[t.id] = t
            for n, exits in pending:
                n.exits = {k: traces[tid] for k, tid in exits.items()}
            ordered = [traces[trd["id"]] for trd in td["traces"]]
            tree = TraceTree(td["anchor"], td["kind"], td["name"], ordered[0])
            tree.traces = ordered
            tree.header = _find_header(ordered)
            tree.entries = list(td["entries"])
            tree.activations = td["activations"]
            forest.trees[tree.anchor] = tree
        return forest

    # -- text -----------------------------------------------------------------------

    def to_text(self, max_nodes: int | None = None) -> str:
        """One block per tree, one line per node (``node_line``); exits name the
        branch trace they lead to. ``parse_text`` reads it back (trees only: the
        call graph and profile are not part of the text)."""
        out: list[str] = []
        budget = max_nodes if max_nodes is not None else -1
        for tree in self.trees.values():
            out.append(f"tree {_fields(anchor=tree.anchor, kind=tree.kind, name=tree.name, entries=tree.entries, runs=tree.activations)}")
            for t in tree.traces:
                end = t.end.value if t.end else None
                out.append(f"  trace {_fields(id=t.id, parent=t.parent, hits=t.hits, end=end, abort=t.abort)}")
                for n in t.nodes:
                    if budget == 0:
                        out.append("  ...")
                        return "\n".join(out)
                    budget -= 1
                    out.append("    " + node_line(n))
        return "\n".join(out)

    # -- consistency ----------------------------------------------------------------

    def check(self) -> list[str]:
        """Broken invariants, as messages (empty when the forest is consistent)."""
        errors: list[str] = []
        seen_nodes: set[int] = set()
        seen_traces: set[int] = set()
        for tree in self.trees.values():
            by_id: dict[int, Node] = {}
            trace_of: dict[int, Trace] = {}
            for t in tree.traces:
                if t.id in seen_traces:
                    errors.append(f"trace id T{t.id} used twice")
                seen_traces.add(t.id)
                for n in t.nodes:
                    if n.id in seen_nodes:
                        errors.append(f"node id #{n.id} used twice")
                    seen_nodes.add(n.id)
                    by_id[n.id] = n
                    trace_of[n.id] = t
            root = tree.root
            if not root.nodes or root.nodes[0].op is not Op.ENTER or root.nodes[0].sid != tree.anchor:
                errors.append(f"tree {tree.anchor}: root trace does not start with ENTER at its anchor")
                continue
            header_trace = tree.header
            header = header_trace.nodes[0].id if header_trace is not None and header_trace.nodes else None
            if header_trace is not None and (not header_trace.nodes or header_trace.nodes[0].op is not Op.HEADER):
                errors.append(f"tree {tree.anchor}: header trace T{header_trace.id} does not start with HEADER")
            for t in tree.traces[1:]:
                if t.parent is None and t is not header_trace:
                    errors.append(f"tree {tree.anchor}: T{t.id} has no parent guard and is not the header")
            for e in tree.entries:
                if e not in by_id:
                    errors.append(f"tree {tree.anchor}: entry #{e} is not a node of the tree")
            for t in tree.traces:
                errors.extend(self._check_trace(tree, t, by_id, header))
            errors.extend(self._check_frames(tree))
        return errors

    def _check_trace(self, tree: TraceTree, t: Trace, by_id: dict[int, Node], header: int | None) -> list[str]:
        errors: list[str] = []
        where = f"tree {tree.anchor} T{t.id}"
        if t.parent is not None:
            guard = by_id.get(t.parent)
            if guard is None or not guard.exits or t not in guard.exits.values():
                errors.append(f"{where}: parent #{t.parent} does not list it as an exit")
            elif t.nodes:
                key = next(k for k, v in guard.exits.items() if v is t)
                first = t.nodes[0]
                if not key.startswith(STRUCTURAL) and (first.op is not guard.op or first.sid != guard.sid):
                    errors.append(f"{where}: branch trace does not start at its guard #{guard.id}")
                elif not key.startswith(STRUCTURAL) and first.expect != key:
                    errors.append(f"{where}: first node expects {first.expect!r}, exit key is {key!r}")
        for i, n in enumerate(t.nodes):
            info = OPS[n.op]
            last = i == len(t.nodes) - 1
            if info.ends is not None and not last:
                errors.append(f"{where}: #{n.id} {n.op.value} ends the trace but nodes follow")
            if last and info.ends is not None and t.end is not info.ends and not (
                n.op is Op.RETURN and t.end is End.TAILREC
            ):
                errors.append(f"{where}: ends with {n.op.value} but end={t.end}")
            if n.op is Op.BACK_EDGE and (tree.kind != "loop" or header is None or n.target != header):
                errors.append(f"{where}: back edge #{n.id} does not point at the loop header #{header}")
            if n.op in (Op.LOOP, Op.CALL_TREE) and n.target not in self.trees:
                errors.append(f"{where}: #{n.id} names tree {n.target}, which does not exist")
            if n.exits:
                for k, sub in n.exits.items():
                    if sub.parent != n.id or sub not in tree.traces:
                        errors.append(f"{where}: exit {k!r} of #{n.id} leads to a trace of another guard")
        if t.end is not None and t.end is not End.TAILREC and (not t.nodes or OPS[t.nodes[-1].op].ends is not t.end):
            errors.append(f"{where}: end={t.end.value} but the last node does not end it")
        if t.end is End.ABORT and t.abort not in ABORTS:
            errors.append(f"{where}: unknown abort reason {t.abort!r}")
        return errors

    def _check_frames(self, tree: TraceTree) -> list[str]:
        """Inline frames nest: along every path, RETURN_INLINE never closes more
        frames than CALL_INLINE opened (a branch trace inherits its guard's depth)."""
        errors: list[str] = []
        stack: list[tuple[Trace, int]] = [(tree.root, 0)]
        if tree.header is not None:
            stack.append((tree.header, 0))
        while stack:
            t, depth = stack.pop()
            for n in t.nodes:
                if n.exits:
                    for sub in n.exits.values():
                        stack.append((sub, depth))
                if n.op is Op.CALL_INLINE:
                    depth += 1
                elif n.op is Op.RETURN_INLINE or n.op is Op.UNWIND_INLINE:
                    depth -= 1
                    if depth < 0:
                        errors.append(f"tree {tree.anchor} T{t.id}: #{n.id} closes a frame never opened")
                        break
        return errors


def _find_header(traces: list[Trace]) -> Trace | None:
    return next((t for t in traces[1:] if t.parent is None), None)


def _fields(**values: Any) -> str:
    """``key=literal, ...``: Python literals, so ``parse_text`` can read them back."""
    return ", ".join(f"{k}={v!r}" for k, v in values.items())


def _read_fields(text: str) -> dict[str, Any]:
    call = ast.parse(f"f({text})", mode="eval").body
    assert isinstance(call, ast.Call)
    return {kw.arg: ast.literal_eval(kw.value) for kw in call.keywords}


def node_line(n: Node) -> str:
    """``#7 GUARD_BRANCH 20 @4:9 expect='true', exits={'false': 2}``: id, op, site,
    location, then only the fields that are set (exits map outcome → trace id)."""
    extra: dict[str, Any] = {}
    if n.expect:
        extra["expect"] = n.expect
    if n.name:
        extra["name"] = n.name
    if n.target is not None:
        extra["target"] = n.target
    if n.exits:
        extra["exits"] = {k: t.id for k, t in n.exits.items()}
    head = f"#{n.id} {n.op.value} {n.sid} @{n.line}:{n.col}"
    return head + (" " + _fields(**extra) if extra else "")


_NODE_RE = re.compile(r"#(\d+) (\w+) (-?\d+) @(\d+):(\d+) ?(.*)$")


def parse_text(text: str) -> TraceForest:
    """The trees of a ``to_text()`` listing (PyPy-style: tests can state expected
    traces as text). Raises ``ValueError`` on a line it cannot read."""
    forest = TraceForest()
    tree: TraceTree | None = None
    trace: Trace | None = None
    traces: dict[int, Trace] = {}
    pending: list[tuple[Node, dict]] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        try:
            if line.startswith("tree "):
                f = _read_fields(line[5:])
                trace = None
                tree = TraceTree(f["anchor"], f["kind"], f["name"], Trace(-1))
                tree.traces = []
                tree.entries = list(f["entries"])
                tree.activations = f["runs"]
                forest.trees[tree.anchor] = tree
            elif line.startswith("trace ") and tree is not None:
                f = _read_fields(line[6:])
                trace = Trace(f["id"], f["parent"])
                trace.hits, trace.abort = f["hits"], f["abort"]
                trace.end = End(f["end"]) if f["end"] else None
                if not tree.traces:
                    tree.root = trace
                tree.traces.append(trace)
                traces[trace.id] = trace
            elif line.startswith("#") and trace is not None:
                m = _NODE_RE.match(line)
                if m is None:
                    raise ValueError("not a node line")
                nid, op, sid, ln, col, rest = m.groups()
                f = _read_fields(rest) if rest else {}
                n = Node(int(nid), Op(op), int(sid), int(ln), int(col), f.get("expect", ""), f.get("name", ""),
                         f.get("target"))
                trace.nodes.append(n)
                if "exits" in f:
                    pending.append((n, f["exits"]))
            elif line:
                raise ValueError("unexpected line")
        except (SyntaxError, KeyError, ValueError, AssertionError) as exc:
            raise ValueError(f"line {lineno}: {exc}: {raw!r}") from None
    for n, exits in pending:
        n.exits = {k: traces[tid] for k, tid in exits.items()}
    for tree in forest.trees.values():
        tree.header = _find_header(tree.traces)
    forest.next_node = 1 + max((n.id for n in forest.all_nodes()), default=0)
    forest.next_trace = 1 + max(traces, default=-1)
    return forest


def load(text: str) -> TraceForest:
    """A forest from its JSON text (``TraceForest.dumps()``)."""
    data: Any = json.loads(text)
    return TraceForest.from_json(data)
