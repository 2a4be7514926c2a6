"""The recorder protocol: what the interpreter tells a recorder while tracing.

The interpreter compiles the AST twice on demand: once plain (no hooks at all on the
hot path) and once with calls to a ``Recorder``. Views, logs and the trace-tree
builder subscribe by implementing this class (LuaJIT's ``jit.attach`` idea): the
interpreter never knows what listens.

Every method takes site ids (see ``frontend.Program``). Values are live JS values
(``values.py``); a recorder must not keep references to mutable objects past the
call if it needs their state later: it should take what it needs (type, shape) now.
"""
from __future__ import annotations

from typing import Any


#: the comparisons a fused run may end in (``Recorder.num_run``): on two numbers Python's
#: float comparison is JS's (NaN compares false), and the result is a boolean
RUN_COMPARISONS = frozenset(("<", ">", "<=", ">="))


class Recorder:
    """No-op base: subclass and override what you need."""

    #: whether this recorder takes fused runs (``num_run`` and its variants): arithmetic
    #: over local numbers reported in one call, without the intermediate operands, which
    #: a recorder of operand values would miss; without it, the traced code reports each
    #: operator through ``num_op``/``num_cmp`` as before
    fuses_runs = False

    def num_run(self, run: tuple, result: Any) -> Any:
        """An arithmetic expression over numbers, computed inline (only when
        ``fuses_runs``): ``run`` holds ``(sid, operator)`` for each of its operators in
        evaluation order, each of which took two numbers and gave a number (a comparison,
        last, a boolean); ``result`` is the last operator's."""
        return result

    def num_run_bind(self, bind_sid: int, name: str, run: tuple, result: float) -> float:
        """``num_run`` whose result is stored in the binding declared at ``bind_sid``."""
        self.num_run(run, result)
        self.bind(bind_sid, name, result)
        return result

    def num_run_test(self, run: tuple, branch_sid: int, result: bool) -> bool:
        """``num_run`` of a comparison deciding the conditional at ``branch_sid``."""
        self.num_run(run, result)
        return self.test(branch_sid, result)

    def enter_function(self, fn_sid: int, call_sid: int | None, func: Any, this: Any, args: list) -> None:
        """A user function's body starts. ``call_sid`` is the call site (None at top level
        or when called from a built-in such as ``Array.prototype.map``)."""

    def leave_function(self, fn_sid: int, result: Any) -> None:
        """The function returned ``result`` normally."""

    def unwind_function(self, fn_sid: int) -> None:
        """The function is left by an exception."""

    def branch(self, sid: int, taken: bool) -> None:
        """A conditional decided at ``sid`` (if/while/for/do test, ``?:``, ``&&``, ``||``,
        ``??``, a ``switch`` case comparison, ``?.`` short-circuit)."""

    def test(self, sid: int, taken: bool) -> bool:
        """``branch``, returning ``taken`` so the traced code can branch on the hook's value."""
        self.branch(sid, taken)
        return taken

    def loop_enter(self, sid: int) -> None:
        """Execution reaches the loop statement ``sid`` (before the first test)."""

    def loop_iter(self, sid: int) -> None:
        """The loop at ``sid`` takes its back edge (a new iteration begins)."""

    def loop_exit(self, sid: int) -> None:
        """The loop at ``sid`` is left (test false, ``break``, ``return`` or ``throw``)."""

    def op(self, sid: int, opname: str, operands: tuple, result: Any) -> None:
        """An operation at ``sid``: binary/unary/update/compare operators (``opname`` the JS
        operator), ``get`` (operands ``(obj, key)``), ``set`` (``(obj, key, value)``),
        ``new``, ``call_native`` (operands ``(callee, this, *args)``), ``literal``, ``template``."""

    def op2(self, sid: int, opname: str, a: Any, b: Any, result: Any) -> None:
        """A binary operator: ``op(sid, opname, (a, b), result)``, which is what this
        default does. The interpreter calls it for every traced ``a + b``, so a recorder
        on a budget overrides it to spare the tuple and the operand-count checks."""
        self.op(sid, opname, (a, b), result)

    def op1(self, sid: int, opname: str, a: Any, result: Any) -> None:
        """A unary or update operator: ``op(sid, opname, (a,), result)`` (see ``op2``)."""
        self.op(sid, opname, (a,), result)

    def num_op(self, sid: int, opname: str, a: float, b: float, result: float) -> float:
        """A binary operator on two numbers that gave a number (``op2`` with float operands
        and result), returning ``result``. Why a separate hook: the traced code computes
        the common case inline, as the plain code does, and reports it in one call whose
        types are known in advance; a recorder on a budget keeps a constant expectation."""
        self.op2(sid, opname, a, b, result)
        return result

    def num_op1(self, sid: int, opname: str, a: float, result: float) -> float:
        """A unary or update operator on a number that gave a number (``i++``): ``num_op``
        for ``op1``."""
        self.op1(sid, opname, a, result)
        return result

    def num_cmp(self, sid: int, opname: str, a: float, b: float, result: bool) -> bool:
        """A comparison of two numbers (``<``, ``===``, ...): ``num_op`` with a boolean result."""
        self.op2(sid, opname, a, b, result)
        return result

    def num_cmp_test(self, branch_sid: int, sid: int, opname: str, a: float, b: float, result: bool) -> bool:
        """A comparison of two numbers deciding the conditional at ``branch_sid``: ``num_cmp``
        then ``test``, in one call (a loop condition such as ``i < n`` pays one hook, not two)."""
        self.num_cmp(sid, opname, a, b, result)
        return self.test(branch_sid, result)

    def op2_test(self, branch_sid: int, sid: int, opname: str, a: Any, b: Any, result: bool) -> bool:
        """``op2_value`` then ``test``: an identity comparison (``x !== null``) deciding the
        conditional at ``branch_sid``, in one call."""
        self.op2_value(sid, opname, a, b, result)
        return self.test(branch_sid, result)

    def num_op_bind(self, bind_sid: int, name: str, sid: int, opname: str, a: float, b: float, result: float) -> float:
        """``num_op`` whose result is stored in the binding declared at ``bind_sid``:
        ``num_op`` then ``bind``, in one call (``total += x``, ``i = i + 1``)."""
        self.num_op(sid, opname, a, b, result)
        self.bind(bind_sid, name, result)
        return result

    def num_op1_bind(self, bind_sid: int, name: str, sid: int, opname: str, a: float, result: float) -> float:
        """``num_op1`` then ``bind``: ``i++`` as a statement, in one call."""
        self.num_op1(sid, opname, a, result)
        self.bind(bind_sid, name, result)
        return result

    def str_op(self, sid: int, opname: str, a: str, b: str, result: str) -> str:
        """``+`` of two strings: ``num_op`` for concatenation."""
        self.op2(sid, opname, a, b, result)
        return result

    def get(self, sid: int, obj: Any, key: Any, result: Any) -> None:
        """A property read ``obj[key]`` / ``obj.key``: ``op(sid, "get", (obj, key), result)``
        (see ``op2``; reads of object fields are the commonest traced event in object code)."""
        self.op(sid, "get", (obj, key), result)

    def get_value(self, sid: int, obj: Any, key: Any, result: Any) -> Any:
        """``get``, returning ``result``: the traced code reads the property inline, as the
        plain code does, and passes the read value through this hook."""
        self.get(sid, obj, key, result)
        return result

    def put(self, sid: int, obj: Any, key: Any, value: Any) -> None:
        """A property store ``obj[key] = value``: ``op(sid, "set", (obj, key, value), value)``
        (see ``op2``: a recorder on a budget spares the tuple and the generic dispatch)."""
        self.op(sid, "set", (obj, key, value), value)

    def get_bind(self, bind_sid: int, name: str, sid: int, obj: Any, key: Any, result: Any) -> Any:
        """A property read stored in the binding declared at ``bind_sid`` (``h = h.left``):
        ``get_value`` then ``bind``, in one call."""
        self.get_value(sid, obj, key, result)
        self.bind(bind_sid, name, result)
        return result

    def op2_value(self, sid: int, opname: str, a: Any, b: Any, result: Any) -> Any:
        """``op2``, returning ``result`` (for operators the traced code computes inline on
        operands of any type, such as ``x === null``)."""
        self.op2(sid, opname, a, b, result)
        return result

    def call(self, sid: int, callee: Any, this: Any, args: list) -> None:
        """A call site ``sid`` is about to call ``callee`` (any callable)."""

    def bind(self, sid: int, name: str, value: Any) -> None:
        """Variable ``name`` declared at binding site ``sid`` (the declaring Identifier's
        site) receives ``value``: declarations, assignments, parameters, catch params."""

    def throw(self, sid: int, value: Any) -> None:
        """A ``throw`` (or a runtime error raised by the engine) at ``sid``."""
