"""Observations per site: the facts every later stage asks of a traced run.

A ``Profile`` is the flat summary of what the recorder saw — value type tags per site,
branch directions per site, callees per call site, argument and return types per
function. The trace tree (``tracetree.py``) keeps the *paths*; the profile keeps the
*sets*, which is what type inference and the Rust emitter need. ``ProfileRecorder``
fills one from interpreter events; ``recorder.TreeRecorder`` extends it.
"""
from __future__ import annotations

import math
from collections import defaultdict
from typing import Any, Optional

from .events import RUN_COMPARISONS, Recorder
from .values import HOLE, NULL, UNDEFINED, JSArray, JSFunction, JSMap, JSObject, JSRegExp, JSSet, JSSymbol, to_js_string

#: type tags of primitive values, by Python type
_PRIM_TAGS = {float: "number", str: "string", bool: "boolean"}


def shape_of(obj: JSObject) -> str:
    """A hidden-class name: objects made by the same class, or literals with the same
    keys in the same order, share it."""
    if obj.class_name:
        return obj.class_name
    return "{" + ",".join(k for k in obj.props if type(k) is str) + "}"


def type_tag(value: Any) -> str:
    """The observed type of one value, as a short stable string.

    ``number``, ``string``, ``boolean``, ``undefined``, ``null``, ``symbol``,
    ``function``, ``array``, ``map``, ``set``, ``regexp`` or ``object:<shape>``.

    The recorder asks this for nearly every operand it sees, so the answer for a
    Python type is looked up (``_KIND_OF_TYPE``, filled on first sight) instead of
    walking the isinstance chain each time, and a class instance's tag is built once
    per class name.
    """
    kind = _KIND_OF_TYPE.get(type(value))
    if kind is None:
        kind = _KIND_OF_TYPE[type(value)] = _kind_of(value)
        if kind != "object" and kind != "singleton":
            _FIXED_TAGS[type(value)] = kind
    if kind == "object":
        cls = value.class_name
        if cls:
            tag = _CLASS_TAGS.get(cls)
            if tag is None:
                tag = _CLASS_TAGS[cls] = "object:" + cls
            return tag
        return "object:{" + ",".join(k for k in value.props if type(k) is str) + "}"
    if kind == "singleton":
        return "undefined" if value is UNDEFINED else "null" if value is NULL else "unknown"
    return kind


def _kind_of(value: Any) -> str:
    """The tag (or ``object``/``singleton`` when the value decides) of ``value``'s Python type."""
    tag = _PRIM_TAGS.get(type(value))
    if tag is not None:
        return tag
    if type(value) is type(UNDEFINED):  # undefined, null and the hole share one Python type
        return "singleton"
    for cls, tag in ((JSFunction, "function"), (JSArray, "array"), (JSMap, "map"), (JSSet, "set"),
                     (JSRegExp, "regexp"), (JSObject, "object"), (JSSymbol, "symbol")):
        if isinstance(value, cls):
            return tag
    return "unknown"


#: Python type -> its tag (see ``type_tag``); ``_CLASS_TAGS``: class name -> ``object:<name>``
_KIND_OF_TYPE: dict[type, str] = {}
_CLASS_TAGS: dict[str, str] = {}
#: Python type -> the tag of every value of that type (primitives, arrays, functions, ...;
#: not plain objects, whose shape decides, nor undefined/null): one lookup, for hot callers
_FIXED_TAGS: dict[type, str] = dict(_PRIM_TAGS)


def small_int(v: float) -> bool:
    """Is ``v`` an integer in the int32 range, and not ``-0``?"""
    return v.is_integer() and -2147483648.0 <= v <= 2147483647.0 and (v != 0.0 or math.copysign(1.0, v) > 0)


def callee_id(callee: Any) -> str:
    """``fn:<sid>`` for user functions, ``native:<name>`` for built-ins."""
    if isinstance(callee, JSFunction):
        if callee.fn_sid is not None:
            return f"fn:{callee.fn_sid}"
        return f"native:{callee.name}"
    return f"value:{type_tag(callee)}"


class Profile:
    """Sets of observations keyed by site id (see ``frontend.Program``)."""

    def __init__(self) -> None:
        self.types: dict[int, set[str]] = defaultdict(set)
        self.outcomes: dict[int, set[bool]] = defaultdict(set)
        self.callees: dict[int, set[str]] = defaultdict(set)
        self.arg_types: dict[int, list[set[str]]] = {}
        self.ret_types: dict[int, set[str]] = defaultdict(set)
        self.elem_types: dict[int, set[str]] = defaultdict(set)
        self.calls: dict[int, int] = defaultdict(int)
        #: deepest simultaneous activation count per function (recursion depth), for the
        #: linear (unrolling) Rust baseline
        self.max_depth: dict[int, int] = defaultdict(int)
        self.executed: set[int] = set()
        #: bindings set at least once to a number that is no small integer (see
        #: ``note_number``); None for a profile loaded from before it was recorded
        self.fractions: Optional[set[int]] = set()

    def note_number(self, sid: int, value: float) -> None:
        """Binding ``sid`` was set to number ``value``: remember it when the value is no
        integer in the int32 range (a fraction, ``-0``, NaN, ±Infinity, a big one). Why:
        the tags say only "number", and the emitter may store a binding whose every
        observed value was a small integer as an ``i64`` behind a guard
        (``rustgen/counters.py``); a binding seen holding anything else keeps its ``f64``,
        so no trained input ever fails that guard."""
        if not small_int(value) and self.fractions is not None:
            self.fractions.add(sid)

    def observe(self, sid: int, value: Any) -> None:
        if isinstance(value, JSArray):
            self.observe_array(sid, value)
        else:
            self.types[sid].add(type_tag(value))

    def observe_array(self, sid: int, value: JSArray) -> None:
        """``observe`` of a value the caller knows is an array (its tag already computed)."""
        self.types[sid].add("array")
        elems = self.elem_types[sid]
        sample = value.elems
        if len(sample) > 64:
            sample = sample[:64]
        # arrays of one type are the common case: tag each Python type once, unless
        # the type alone does not decide the tag (objects, undefined/null)
        for t in set(map(type, sample)):
            tag = _FIXED_TAGS.get(t)
            if tag is not None:
                elems.add(tag)
            else:
                elems.update(type_tag(e) for e in sample if type(e) is t)

    def store(self, sid: int, obj: Any, key: Any) -> None:
        """``obj[key] = v`` was done at ``sid``: if ``obj`` is an array that is no longer
        a dense run of elements (the key was not an integer index, or the store left a
        hole before it), tag the site ``hole``. Why: the Rust emitter gives arrays whose
        every element site saw numbers a ``Vec<f64>`` that cannot hold holes or named
        properties; without this fact a trained input that makes a hole would side-exit
        in every rebuild instead of growing the trace."""
        if type(obj) is not JSArray:
            return
        elems = obj.elems
        if type(key) is str and key.isascii() and key.isdigit() and (key == "0" or key[0] != "0"):
            key = float(key)  # compound stores (`a[i] += x`) pass the canonical property key
        if type(key) is float and key.is_integer() and 0 <= key < len(elems):
            k = int(key)
            if k == 0 or elems[k - 1] is not HOLE:
                return
        self.types[sid].add("hole")

    def to_json(self) -> dict:
        return {
            "types": {str(k): sorted(v) for k, v in self.types.items()},
            "outcomes": {str(k): sorted(v) for k, v in self.outcomes.items()},
            "callees": {str(k): sorted(v) for k, v in self.callees.items()},
            "arg_types": {str(k): [sorted(s) for s in v] for k, v in self.arg_types.items()},
            "ret_types": {str(k): sorted(v) for k, v in self.ret_types.items()},
            "elem_types": {str(k): sorted(v) for k, v in self.elem_types.items()},
            "calls": {str(k): v for k, v in self.calls.items()},
            "max_depth": {str(k): v for k, v in self.max_depth.items()},
            "executed": sorted(self.executed),
            **({"fractions": sorted(self.fractions)} if self.fractions is not None else {}),
        }

    @classmethod
    def from_json(cls, data: dict) -> "Profile":
        """The profile ``to_json`` gave. Tags hold JS strings (an object's keys, in UTF-16
        code units), and a JSON reader joins a surrogate pair's two escapes into one
        character: ``_tags`` splits it again, so the profile equals the one saved."""
        p = cls()
        for k, v in data["types"].items():
            p.types[int(k)] = _tags(v)
        for k, v in data["outcomes"].items():
            p.outcomes[int(k)] = set(v)
        for k, v in data["callees"].items():
            p.callees[int(k)] = _tags(v)
        for k, v in data["arg_types"].items():
            p.arg_types[int(k)] = [_tags(s) for s in v]
        for k, v in data["ret_types"].items():
            p.ret_types[int(k)] = _tags(v)
        for k, v in data.get("elem_types", {}).items():
            p.elem_types[int(k)] = _tags(v)
        for k, v in data.get("calls", {}).items():
            p.calls[int(k)] = v
        for k, v in data.get("max_depth", {}).items():
            p.max_depth[int(k)] = v
        p.executed = set(data["executed"])
        # (a profile saved before this was recorded: unknown, so nothing may be guarded)
        p.fractions = set(data["fractions"]) if "fractions" in data else None
        return p


def _tags(tags: list) -> set[str]:
    """Type tags read from JSON, their text back in JS strings' code units (``from_json``)."""
    return {to_js_string(t) for t in tags}


class ProfileRecorder(Recorder):
    """Fills a ``Profile`` from interpreter events; the cheapest useful recorder."""

    def __init__(self) -> None:
        self.profile = Profile()
        self._depth: dict[int, int] = defaultdict(int)

    def enter_function(self, fn_sid: int, call_sid: int | None, func: Any, this: Any, args: list) -> None:
        p = self.profile
        p.executed.add(fn_sid)
        p.calls[fn_sid] += 1
        d = self._depth[fn_sid] = self._depth[fn_sid] + 1
        if d > p.max_depth[fn_sid]:
            p.max_depth[fn_sid] = d
        slots = p.arg_types.get(fn_sid)
        if slots is None:
            slots = p.arg_types[fn_sid] = []
        while len(slots) < len(args):
            slots.append(set())
        for i, a in enumerate(args):
            slots[i].add(type_tag(a))

    def leave_function(self, fn_sid: int, result: Any) -> None:
        self.profile.ret_types[fn_sid].add(type_tag(result))
        self._depth[fn_sid] -= 1

    def unwind_function(self, fn_sid: int) -> None:
        self._depth[fn_sid] -= 1

    fuses_runs = True

    def num_run(self, run: tuple, result: Any) -> Any:
        types = self.profile.types
        for sid, opname in run:
            types[sid].add("boolean" if opname in RUN_COMPARISONS else "number")
        return result

    def branch(self, sid: int, taken: bool) -> None:
        self.profile.outcomes[sid].add(taken)

    def loop_enter(self, sid: int) -> None:
        self.profile.executed.add(sid)

    def op(self, sid: int, opname: str, operands: tuple, result: Any) -> None:
        self.profile.observe(sid, result)
        if opname == "set":
            self.profile.store(sid, operands[0], operands[1])

    def call(self, sid: int, callee: Any, this: Any, args: list) -> None:
        self.profile.callees[sid].add(callee_id(callee))

    def bind(self, sid: int, name: str, value: Any) -> None:
        self.profile.observe(sid, value)
        if type(value) is float:
            self.profile.note_number(sid, value)
