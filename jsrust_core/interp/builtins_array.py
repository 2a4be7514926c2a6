"""``Array`` and ``Array.prototype``.

A ``JSArray`` keeps its elements in the Python list ``elems`` (``HOLE`` marks a
hole), so the methods work on that list directly: ``push`` is ``list.append``,
``indexOf`` is ``list.index`` plus a type check. Callback-taking methods follow the
spec's observable order — the length is read once, holes are skipped (except by
``find*``), and an element removed by the callback is not visited.

Methods called on something that is not a ``JSArray`` (``Array.prototype.map.call(
arrayLike, f)``) read it through ``length`` and indexed ``get``; the mutating ones
run on a copy whose elements are written back (``generic_mutator``).
"""
from __future__ import annotations

import math
from typing import Any, Callable, Iterator, Optional

from ..values import HOLE, NULL, SYMBOL_ITERATOR, UNDEFINED, JSArray, JSFunction, JSObject
from .arraysort import sort_values
from .functions import JSThrow
from .builtins_common import (
    arg, is_array, live_list_iter, make_iterator, not_iterable, relative_index, require_callable, to_integer,
)

MAX_LENGTH = 4294967295


def strict_equals(a: Any, b: Any) -> bool:
    """``===``: NaN is unequal to itself, +0 equals -0, ``true`` is not ``1``."""
    t = type(a)
    if t is float or t is str or t is bool:
        return type(b) is t and a == b
    return a is b


def same_value_zero(a: Any, b: Any) -> bool:
    """SameValueZero (``includes``): like ``===`` except that NaN equals NaN."""
    t = type(a)
    if t is float:
        return type(b) is float and (a == b or (a != a and b != b))
    if t is str or t is bool:
        return type(b) is t and a == b
    return a is b


def elements(realm: Any, this: Any) -> list:
    """The receiver's elements: the live list of a ``JSArray``, or a snapshot of an
    array-like object (missing indices as ``HOLE``)."""
    if isinstance(this, JSArray):
        return this.elems
    if this is UNDEFINED or this is NULL:
        raise realm.type_error("Array.prototype method called on null or undefined")
    if type(this) is str:
        return list(this)
    obj = realm.to_object(this)
    n = to_integer(realm, realm.get(obj, "length"))
    if n > MAX_LENGTH:
        # (V8 would walk up to 2^53 - 1 indices; an array of them cannot exist)
        raise realm.range_error("Invalid array length")
    n = 0 if n <= 0 else int(n)
    out = []
    for i in range(n):
        k = str(i)
        out.append(realm.get(obj, k) if _has(obj, k) else HOLE)
    return out


def _has(obj: JSObject, key: str) -> bool:
    """HasProperty along the prototype chain (the array-like path only)."""
    o = obj
    while o is not None:
        if key in o.props:
            return True
        o = o.proto
    return False


def _array(realm: Any, this: Any, method: str) -> JSArray:
    """The receiver of a mutating method: always an array here, because
    ``generic_mutator`` runs the method on a copy for any other object."""
    if isinstance(this, JSArray):
        return this
    raise realm.type_error(f"Array.prototype.{method} called on a non-array")


# --- closed arrays: what Object.freeze / seal / preventExtensions make the mutating
# built-ins throw (in any mode), V8's first refused step. The compiled runtime follows the
# same rules (runtime/closedarr.rs).

def _level(arr: JSArray) -> str:
    """How far a non-extensible array is closed: ``frozen``, ``sealed`` or ``closed``
    (no new elements only)."""
    if arr.frozen and arr.attrs is None:
        return "frozen"
    if arr.elems and not arr.configurable(str(len(arr.elems) - 1)):
        return "sealed"
    return "closed"


def _read_only(realm: Any, what: Any) -> JSThrow:
    return realm.type_error(f"Cannot assign to read only property '{what}' of object '[object Array]'")


def _not_extensible(realm: Any, i: int) -> JSThrow:
    return realm.type_error(f"Cannot add property {i}, object is not extensible")


def _not_deletable(realm: Any, i: int) -> JSThrow:
    return realm.type_error(f"Cannot delete property '{i}' of [object Array]")


def _check_push(realm: Any, arr: JSArray, k: int) -> None:
    """``push`` / ``unshift`` of ``k`` items: adding is refused at every level; with nothing
    to add, only a frozen array's read-only ``length`` refuses the final write."""
    if arr.extensible:
        return
    if k:
        raise _not_extensible(realm, len(arr.elems))
    if _level(arr) == "frozen":
        raise _read_only(realm, "length")


def _check_pop(realm: Any, arr: JSArray, shift: bool) -> None:
    """``pop`` / ``shift``: a sealed array's ``shift`` moves its elements down before it
    fails to delete the last one, as V8 leaves it."""
    if arr.extensible:
        return
    level, n = _level(arr), len(arr.elems)
    if level == "closed":
        return
    if n == 0:
        if level == "frozen":
            raise _read_only(realm, "length")
        return
    if level == "frozen":
        raise _read_only(realm, 0) if shift else _not_deletable(realm, n - 1)
    if shift:
        arr.elems[0:n - 1] = arr.elems[1:n]
    raise _not_deletable(realm, n - 1)


def _check_rewrite(realm: Any, arr: JSArray, first: Optional[int]) -> None:
    """A built-in rewriting elements in place whose first write is at ``first`` (None:
    it writes nothing): only a frozen array refuses."""
    if not arr.extensible and first is not None and _level(arr) == "frozen":
        raise _read_only(realm, first)


def _check_splice(realm: Any, arr: JSArray, start: int, count: int, k: int) -> None:
    """``splice`` (``start``, ``count`` clamped, ``k`` items): removing more than it inserts
    moves the tail down first, then deletes from the end, so a sealed array is left with the
    tail moved and a frozen one fails at the first move."""
    if arr.extensible:
        return
    level, n = _level(arr), len(arr.elems)
    if k > count:
        raise _not_extensible(realm, n)
    if k == count:
        if level == "frozen":
            raise _read_only(realm, start if k else "length")
        return
    if level == "closed":
        return
    if level == "frozen":
        raise _read_only(realm, start + k) if start + count < n else _not_deletable(realm, n - 1)
    arr.elems[start + k:n - count + k] = arr.elems[start + count:n]
    raise _not_deletable(realm, n - 1)


def generic_mutator(impl: Callable) -> Callable:
    """Let a mutating method (push, reverse, splice, ...) work on any array-like
    object, as the spec's generic algorithms do: run it on an array holding the
    object's elements, then write the elements and ``length`` back. (The order of
    the individual reads and writes differs from the spec's; the final state and
    the result are the same.)"""
    def method(realm: Any, this: Any, args: list) -> Any:
        if isinstance(this, JSArray):
            return impl(realm, this, args)
        old = elements(realm, this)
        obj = realm.to_object(this)
        tmp = realm.new_array(list(old))
        result = impl(realm, tmp, args)
        new = tmp.elems
        for i, v in enumerate(new):
            if v is HOLE:
                obj.props.pop(str(i), None)
            else:
                realm.set(obj, str(i), v)
        for i in range(len(new), len(old)):
            obj.props.pop(str(i), None)
        realm.set(obj, "length", float(len(new)))
        return obj if result is tmp else result
    method.__name__ = impl.__name__
    return method


def _callback(realm: Any, args: list) -> tuple[Callable, Any]:
    """The callback argument's ``call`` and the ``thisArg``."""
    fn = require_callable(realm, arg(args, 0))
    return fn.call, arg(args, 1)


# --- adding and removing ----------------------------------------------------------

def push(realm: Any, this: Any, args: list) -> float:
    if type(this) is JSArray and this.extensible:
        elems = this.elems
    else:
        arr = _array(realm, this, "push")
        _check_push(realm, arr, len(args))
        elems = arr.elems
    if len(args) == 1:
        elems.append(args[0])
    else:
        elems.extend(args)
    return float(len(elems))


def pop(realm: Any, this: Any, args: list) -> Any:
    arr = _array(realm, this, "pop")
    _check_pop(realm, arr, shift=False)
    elems = arr.elems
    if not elems:
        return UNDEFINED
    v = elems.pop()
    return UNDEFINED if v is HOLE else v


def shift(realm: Any, this: Any, args: list) -> Any:
    arr = _array(realm, this, "shift")
    _check_pop(realm, arr, shift=True)
    elems = arr.elems
    if not elems:
        return UNDEFINED
    v = elems.pop(0)
    return UNDEFINED if v is HOLE else v


def unshift(realm: Any, this: Any, args: list) -> float:
    arr = _array(realm, this, "unshift")
    _check_push(realm, arr, len(args))
    elems = arr.elems
    elems[0:0] = args
    return float(len(elems))


def splice(realm: Any, this: Any, args: list) -> JSArray:
    arr = _array(realm, this, "splice")
    elems = arr.elems
    n = len(elems)
    start = relative_index(realm, arg(args, 0), n, 0)
    if not args:
        count = 0
    elif len(args) == 1:
        count = n - start
    else:
        c = to_integer(realm, args[1])
        count = 0 if c < 0 else min(int(c) if c != math.inf else n, n - start)
    _check_splice(realm, arr, start, count, len(args[2:]))
    removed = elems[start:start + count]
    elems[start:start + count] = args[2:]
    return realm.new_array(removed)


def slice_(realm: Any, this: Any, args: list) -> JSArray:
    elems = elements(realm, this)
    n = len(elems)
    start = relative_index(realm, arg(args, 0), n, 0)
    end = relative_index(realm, arg(args, 1), n, n)
    return realm.new_array(elems[start:end])


def concat(realm: Any, this: Any, args: list) -> JSArray:
    out = list(this.elems) if is_array(this) else [realm.to_object(this)]
    for a in args:
        if is_array(a):
            out.extend(a.elems)
        else:
            out.append(a)
    return realm.new_array(out)


def fill(realm: Any, this: Any, args: list) -> JSArray:
    arr = _array(realm, this, "fill")
    elems = arr.elems
    n = len(elems)
    start = relative_index(realm, arg(args, 1), n, 0)
    end = relative_index(realm, arg(args, 2), n, n)
    _check_rewrite(realm, arr, start if start < end else None)
    if start < end:
        elems[start:end] = [arg(args, 0)] * (end - start)
    return arr


def reverse(realm: Any, this: Any, args: list) -> JSArray:
    arr = _array(realm, this, "reverse")
    _check_rewrite(realm, arr, 0 if len(arr.elems) >= 2 else None)
    arr.elems.reverse()
    return arr


def copy_within(realm: Any, this: Any, args: list) -> JSArray:
    arr = _array(realm, this, "copyWithin")
    elems = arr.elems
    n = len(elems)
    target = relative_index(realm, arg(args, 0), n, 0)
    start = relative_index(realm, arg(args, 1), n, 0)
    end = relative_index(realm, arg(args, 2), n, n)
    count = min(end - start, n - target)
    # (an overlapping copy to the right runs backwards, from its last element)
    _check_rewrite(realm, arr, None if count <= 0 else target + count - 1 if start < target < start + count else target)
    if count > 0:
        elems[target:target + count] = elems[start:start + count]
    return arr


# --- copying variants (ES2023): a new array, holes read as undefined ---------------

def _dense(realm: Any, this: Any) -> list:
    return [UNDEFINED if v is HOLE else v for v in elements(realm, this)]


def to_sorted(realm: Any, this: Any, args: list) -> JSArray:
    cmp = arg(args, 0)
    if cmp is not UNDEFINED and not isinstance(cmp, JSFunction):
        raise realm.type_error("The comparison function must be either a function or undefined")
    return realm.new_array(sorted_elements(realm, _dense(realm, this), cmp))


def to_reversed(realm: Any, this: Any, args: list) -> JSArray:
    return realm.new_array(_dense(realm, this)[::-1])


def to_spliced(realm: Any, this: Any, args: list) -> JSArray:
    elems = _dense(realm, this)
    n = len(elems)
    start = relative_index(realm, arg(args, 0), n, 0)
    if not args:
        skip = 0
    elif len(args) == 1:
        skip = n - start
    else:
        c = to_integer(realm, args[1])
        skip = 0 if c < 0 else int(min(c, n - start))
    return realm.new_array(elems[:start] + list(args[2:]) + elems[start + skip:])


def with_(realm: Any, this: Any, args: list) -> JSArray:
    elems = _dense(realm, this)
    n = len(elems)
    rel = to_integer(realm, arg(args, 0))
    i = rel + n if rel < 0 else rel
    if not 0 <= i < n:
        raise realm.range_error(f"Invalid index : {realm.to_string(float(rel))}")
    elems[int(i)] = arg(args, 1)
    return realm.new_array(elems)


# --- joining ----------------------------------------------------------------------

#: arrays being joined right now: a cycle joins as "" (V8), not infinite recursion
_joining: set = set()


def join_elements(realm: Any, arr: Any, elems: list, sep: str) -> str:
    """``Array.prototype.join`` over ``elems``: undefined, null and holes are empty."""
    key = id(arr)
    if key in _joining:
        return ""
    _joining.add(key)
    try:
        to_string = realm.to_string
        return sep.join(
            v if type(v) is str else "" if v is UNDEFINED or v is NULL or v is HOLE else to_string(v)
            for v in elems
        )
    finally:
        _joining.discard(key)


def join(realm: Any, this: Any, args: list) -> str:
    s = arg(args, 0)
    sep = "," if s is UNDEFINED else s if type(s) is str else realm.to_string(s)
    return join_elements(realm, this, elements(realm, this), sep)


def to_string(realm: Any, this: Any, args: list) -> str:
    return join_elements(realm, this, elements(realm, this), ",")


def to_locale_string(realm: Any, this: Any, args: list) -> str:
    """Elements' own ``toLocaleString()`` joined by commas (null/undefined empty)."""
    parts = []
    for v in elements(realm, this):
        if v is UNDEFINED or v is NULL or v is HOLE:
            parts.append("")
        else:
            parts.append(realm.to_string(realm.call(realm.get(v, "toLocaleString"), v, [])))
    return ",".join(parts)


# --- searching --------------------------------------------------------------------

def _from_index(realm: Any, v: Any, n: int) -> int:
    """``fromIndex`` of indexOf/includes: negative counts from the end, clamped at 0."""
    if v is UNDEFINED:
        return 0
    i = to_integer(realm, v)
    if i < 0:
        i = n + i
        return 0 if i < 0 else int(i)
    return int(min(i, n))


def index_of(realm: Any, this: Any, args: list) -> float:
    elems = elements(realm, this)
    x = arg(args, 0)
    start = _from_index(realm, arg(args, 1), len(elems)) if len(args) > 1 else 0
    t = type(x)
    if t is float and x != x:
        return -1.0
    while True:
        try:
            i = elems.index(x, start)
        except ValueError:
            return -1.0
        if type(elems[i]) is t:  # list.index also matches 1.0 == True
            return float(i)
        start = i + 1


def last_index_of(realm: Any, this: Any, args: list) -> float:
    elems = elements(realm, this)
    x = arg(args, 0)
    n = len(elems)
    if len(args) > 1:
        k = to_integer(realm, args[1])
        k = min(k, n - 1) if k >= 0 else n + k
    else:
        k = n - 1
    i = int(k) if k != -math.inf else -1
    while i >= 0:
        if strict_equals(elems[i], x):
            return float(i)
        i -= 1
    return -1.0


def includes(realm: Any, this: Any, args: list) -> bool:
    elems = elements(realm, this)
    x = arg(args, 0)
    start = _from_index(realm, arg(args, 1), len(elems)) if len(args) > 1 else 0
    if x is UNDEFINED:
        return any(v is UNDEFINED or v is HOLE for v in elems[start:])
    for i in range(start, len(elems)):
        if same_value_zero(x, elems[i]):
            return True
    return False


def _find(realm: Any, this: Any, args: list, reverse: bool, want_index: bool) -> Any:
    """find / findIndex / findLast / findLastIndex: holes are visited as undefined."""
    elems = elements(realm, this)
    call, this_arg = _callback(realm, args)
    n = len(elems)
    order = range(n - 1, -1, -1) if reverse else range(n)
    for i in order:
        v = elems[i] if i < len(elems) else UNDEFINED
        if v is HOLE:
            v = UNDEFINED
        if realm.truthy(call(this_arg, [v, float(i), this])):
            return float(i) if want_index else v
    return -1.0 if want_index else UNDEFINED


def find(realm: Any, this: Any, args: list) -> Any:
    return _find(realm, this, args, False, False)


def find_index(realm: Any, this: Any, args: list) -> Any:
    return _find(realm, this, args, False, True)


def find_last(realm: Any, this: Any, args: list) -> Any:
    return _find(realm, this, args, True, False)


def find_last_index(realm: Any, this: Any, args: list) -> Any:
    return _find(realm, this, args, True, True)


def at(realm: Any, this: Any, args: list) -> Any:
    elems = elements(realm, this)
    i = to_integer(realm, arg(args, 0))
    if i < 0:
        i += len(elems)
    if 0 <= i < len(elems):
        v = elems[int(i)]
        return UNDEFINED if v is HOLE else v
    return UNDEFINED


# --- iteration with callbacks ----------------------------------------------------

def _visit(elems: list) -> Iterator[tuple[int, Any]]:
    """Index/value pairs a callback method visits: the length is fixed at the
    start, holes and indices removed meanwhile are skipped."""
    n = len(elems)
    for i in range(n):
        if i >= len(elems):
            return
        v = elems[i]
        if v is not HOLE:
            yield i, v


def for_each(realm: Any, this: Any, args: list) -> Any:
    elems = elements(realm, this)
    call, this_arg = _callback(realm, args)
    for i, v in _visit(elems):
        call(this_arg, [v, float(i), this])
    return UNDEFINED


def map_(realm: Any, this: Any, args: list) -> JSArray:
    elems = elements(realm, this)
    call, this_arg = _callback(realm, args)
    out = [HOLE] * len(elems)
    for i, v in _visit(elems):
        out[i] = call(this_arg, [v, float(i), this])
    return realm.new_array(out)


def filter_(realm: Any, this: Any, args: list) -> JSArray:
    elems = elements(realm, this)
    call, this_arg = _callback(realm, args)
    truthy = realm.truthy
    return realm.new_array([v for i, v in _visit(elems) if truthy(call(this_arg, [v, float(i), this]))])


def some(realm: Any, this: Any, args: list) -> bool:
    elems = elements(realm, this)
    call, this_arg = _callback(realm, args)
    truthy = realm.truthy
    return any(truthy(call(this_arg, [v, float(i), this])) for i, v in _visit(elems))


def every(realm: Any, this: Any, args: list) -> bool:
    elems = elements(realm, this)
    call, this_arg = _callback(realm, args)
    truthy = realm.truthy
    return all(truthy(call(this_arg, [v, float(i), this])) for i, v in _visit(elems))


def _reduce(realm: Any, this: Any, args: list, pairs: Iterator[tuple[int, Any]]) -> Any:
    call = require_callable(realm, arg(args, 0)).call
    if len(args) > 1:
        acc = args[1]
    else:
        first = next(pairs, None)
        if first is None:
            raise realm.type_error("Reduce of empty array with no initial value")
        acc = first[1]
    for i, v in pairs:
        acc = call(UNDEFINED, [acc, v, float(i), this])
    return acc


def reduce(realm: Any, this: Any, args: list) -> Any:
    return _reduce(realm, this, args, _visit(elements(realm, this)))


def _visit_backwards(elems: list) -> Iterator[tuple[int, Any]]:
    for i in range(len(elems) - 1, -1, -1):
        if i < len(elems):
            v = elems[i]
            if v is not HOLE:
                yield i, v


def reduce_right(realm: Any, this: Any, args: list) -> Any:
    return _reduce(realm, this, args, _visit_backwards(elements(realm, this)))


# --- sorting ----------------------------------------------------------------------

def sort(realm: Any, this: Any, args: list) -> JSArray:
    cmp = arg(args, 0)
    if cmp is not UNDEFINED and not isinstance(cmp, JSFunction):
        raise realm.type_error("The comparison function must be either a function or undefined")
    arr = _array(realm, this, "sort")
    _check_rewrite(realm, arr, 0 if len(arr.elems) >= 2 else None)
    arr.elems[:] = sorted_elements(realm, arr.elems, cmp)
    return arr


def sorted_elements(realm: Any, elems: list, cmp: Any) -> list:
    """The elements in sort order: values (stable), then undefineds, then holes.
    Without a comparator values compare as strings by UTF-16 code units — which is
    Python's ``str`` order, since our strings hold code units."""
    values = [v for v in elems if v is not UNDEFINED and v is not HOLE]
    undefs = sum(1 for v in elems if v is UNDEFINED)
    holes = len(elems) - len(values) - undefs
    if cmp is UNDEFINED:
        if all(type(v) is str for v in values):
            values.sort()
        else:
            to_str = realm.to_string
            values.sort(key=lambda v: v if type(v) is str else to_str(v))
    else:
        call = cmp.call
        to_number = realm.to_number

        def compare(a: Any, b: Any) -> int:
            r = call(UNDEFINED, [a, b])
            if type(r) is not float:
                r = to_number(r)
            return -1 if r < 0 else 1 if r > 0 else 0

        # the comparator's calls in V8's order, as the compiled runtime makes them
        sort_values(values, compare)
    return values + [UNDEFINED] * undefs + [HOLE] * holes


# --- flattening -------------------------------------------------------------------

def _flatten(elems: list, depth: float, out: list) -> None:
    for v in elems:
        if v is HOLE:
            continue
        if depth >= 1 and isinstance(v, JSArray):
            _flatten(v.elems, depth - 1, out)
        else:
            out.append(v)


def flat(realm: Any, this: Any, args: list) -> JSArray:
    d = arg(args, 0)
    depth = 1 if d is UNDEFINED else to_integer(realm, d)
    out: list = []
    _flatten(elements(realm, this), depth, out)
    return realm.new_array(out)


def flat_map(realm: Any, this: Any, args: list) -> JSArray:
    elems = elements(realm, this)
    call, this_arg = _callback(realm, args)
    out: list = []
    for i, v in _visit(elems):
        r = call(this_arg, [v, float(i), this])
        if isinstance(r, JSArray):
            out.extend(x for x in r.elems if x is not HOLE)
        else:
            out.append(r)
    return realm.new_array(out)


# --- iterators --------------------------------------------------------------------

def _keys_iter(elems: list) -> Iterator[float]:
    i = 0
    while i < len(elems):
        yield float(i)
        i += 1


def _entries_iter(realm: Any, elems: list) -> Iterator[JSArray]:
    i = 0
    while i < len(elems):
        v = elems[i]
        yield realm.new_array([float(i), UNDEFINED if v is HOLE else v])
        i += 1


def values(realm: Any, this: Any, args: list) -> JSObject:
    return make_iterator(realm, live_list_iter(elements(realm, this)), "Array Iterator")


def keys(realm: Any, this: Any, args: list) -> JSObject:
    return make_iterator(realm, _keys_iter(elements(realm, this)), "Array Iterator")


def entries(realm: Any, this: Any, args: list) -> JSObject:
    return make_iterator(realm, _entries_iter(realm, elements(realm, this)), "Array Iterator")


# --- the Array constructor --------------------------------------------------------

def array_call(realm: Any, this: Any, args: list) -> JSArray:
    """``Array(...)`` and ``new Array(...)``: one number argument is a length."""
    if len(args) == 1 and type(args[0]) is float:
        n = args[0]
        if not (0 <= n <= MAX_LENGTH and n == int(n)):
            raise realm.range_error("Invalid array length")
        realm.check_hole_run(0, int(n))
        return realm.new_array([HOLE] * int(n))
    return realm.new_array(list(args))


def array_is_array(realm: Any, this: Any, args: list) -> bool:
    return is_array(arg(args, 0))


def array_of(realm: Any, this: Any, args: list) -> JSArray:
    return realm.new_array(list(args))


def array_from(realm: Any, this: Any, args: list) -> JSArray:
    items = arg(args, 0)
    fn = arg(args, 1)
    this_arg = arg(args, 2)
    if fn is not UNDEFINED:
        require_callable(realm, fn)
    if items is UNDEFINED or items is NULL:
        raise not_iterable(realm, items)
    if isinstance(items, JSArray) or type(items) is str or _iterable(realm, items):
        source = list(realm.iterate(items))
    else:
        source = [UNDEFINED if v is HOLE else v for v in elements(realm, items)]
    if fn is not UNDEFINED:
        call = fn.call
        source = [call(this_arg, [v, float(i)]) for i, v in enumerate(source)]
    return realm.new_array(source)


def _iterable(realm: Any, v: Any) -> bool:
    """Whether ``v`` has a ``[Symbol.iterator]`` method (else it is array-like)."""
    if not isinstance(v, JSObject):
        return False
    return realm.get(v, SYMBOL_ITERATOR) is not UNDEFINED


PROTO_METHODS: dict[str, tuple[Callable, int]] = {
    "push": (push, 1), "pop": (pop, 0), "shift": (shift, 0), "unshift": (unshift, 1),
    "slice": (slice_, 2), "splice": (splice, 2), "concat": (concat, 1), "join": (join, 1),
    "reverse": (reverse, 0), "indexOf": (index_of, 1), "lastIndexOf": (last_index_of, 1),
    "includes": (includes, 1), "find": (find, 1), "findIndex": (find_index, 1),
    "findLast": (find_last, 1), "findLastIndex": (find_last_index, 1), "fill": (fill, 1),
    "map": (map_, 1), "filter": (filter_, 1), "reduce": (reduce, 1), "reduceRight": (reduce_right, 1),
    "forEach": (for_each, 1), "some": (some, 1), "every": (every, 1), "sort": (sort, 1),
    "flat": (flat, 0), "flatMap": (flat_map, 1), "keys": (keys, 0), "entries": (entries, 0),
    "at": (at, 1), "toString": (to_string, 0), "copyWithin": (copy_within, 2),
    "toSorted": (to_sorted, 1), "toReversed": (to_reversed, 0), "toSpliced": (to_spliced, 2),
    "with": (with_, 2), "toLocaleString": (to_locale_string, 0),
}


def _construct_array(realm: Any, args: list, new_target: JSFunction) -> JSArray:
    """``new Array(...)`` (also ``super()`` in ``class X extends Array``)."""
    arr = array_call(realm, UNDEFINED, args)
    proto = realm.get(new_target, "prototype")
    if isinstance(proto, JSObject) and proto is not arr.proto:
        arr.proto = proto
    return arr


#: the methods that change their receiver (generic over array-likes via a copy)
MUTATORS = ("push", "pop", "shift", "unshift", "splice", "reverse", "fill", "sort", "copyWithin")


#: the methods whose V8 builtin checks its receiver itself, naming itself when called on
#: null or undefined (`Array.prototype.map.call(null, f)`); the others convert it with
#: ToObject first: "Cannot convert undefined or null to object"
SELF_NAMING = ("map", "forEach", "filter", "reduce", "reduceRight", "indexOf", "every", "some",
               "find", "findIndex", "findLast", "findLastIndex", "concat")


def _object_coercible(name: str, impl: Any) -> Any:
    """``impl`` refusing a null or undefined receiver with the TypeError V8 gives for ``name``."""
    message = f"Array.prototype.{name} called on null or undefined" if name in SELF_NAMING \
        else "Cannot convert undefined or null to object"

    def method(realm: Any, this: Any, args: list) -> Any:
        if this is UNDEFINED or this is NULL:
            raise realm.type_error(message)
        return impl(realm, this, args)
    return method


def install(realm: Any) -> None:
    """Add ``Array.prototype`` methods and the ``Array`` constructor to ``realm``."""
    proto = realm.array_proto
    for name, (impl, length) in PROTO_METHODS.items():
        impl = generic_mutator(impl) if name in MUTATORS else impl
        realm.define_native(proto, name, _object_coercible(name, impl), length)
    values_fn = realm.define_native(proto, "values", _object_coercible("values", values), 0)
    proto.set_hidden(SYMBOL_ITERATOR, values_fn)
    ctor = realm.native_constructor("Array", array_call, 1, proto, ctor=_construct_array)
    realm.define_native(ctor, "isArray", array_is_array, 1)
    realm.define_native(ctor, "of", array_of, 0)
    realm.define_native(ctor, "from", array_from, 1)
