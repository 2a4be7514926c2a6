"""Small conversions shared by the built-in library modules (``builtins_*.py``).

Why a module of its own: String, Array, Number and the collections all clamp
indices, read optional arguments and build iterator objects the same way; keeping
one copy keeps their edge cases (NaN → 0, ±Infinity, negative relative indices)
identical and the hot paths lean.
"""
from __future__ import annotations

import math
import weakref
from typing import Any, Iterator

from ..values import HOLE, NULL, SYMBOL_ITERATOR, UNDEFINED, JSArray, JSFunction, JSMap, JSObject, JSRegExp, JSSet, JSSymbol

INF = math.inf


#: the well-known symbol ``Symbol.toStringTag`` (inspect recognises it by its
#: description and prints ``Object [Math] {}``); builtins_misc exposes it on ``Symbol``
TO_STRING_TAG = JSSymbol("Symbol.toStringTag")


def arg(args: list, i: int) -> Any:
    """The i-th argument, or ``undefined`` when the call passed fewer."""
    return args[i] if len(args) > i else UNDEFINED


def to_integer(realm: Any, v: Any) -> float | int:
    """ToIntegerOrInfinity: an ``int``, or ±``math.inf`` (NaN becomes 0)."""
    n = v if type(v) is float else realm.to_number(v)
    if n != n:
        return 0
    if n == INF or n == -INF:
        return n
    return int(n)


def relative_index(realm: Any, v: Any, length: int, default: int) -> int:
    """A start/end argument of ``slice``-like methods: negative counts from the end,
    the result is clamped to ``[0, length]``; ``undefined`` gives ``default``."""
    if v is UNDEFINED:
        return default
    n = to_integer(realm, v)
    if n < 0:
        n = length + n
        return 0 if n < 0 else int(n)
    return length if n > length else int(n)


def clamp_index(realm: Any, v: Any, length: int, default: int) -> int:
    """A position argument that does not count from the end (``indexOf``'s
    ``fromIndex`` on strings, ``substring``): clamped to ``[0, length]``."""
    if v is UNDEFINED:
        return default
    n = to_integer(realm, v)
    if n < 0:
        return 0
    return length if n > length else int(n)


def require_callable(realm: Any, fn: Any) -> JSFunction:
    """Check a callback argument; Node names the offending value in the message."""
    if not isinstance(fn, JSFunction):
        raise realm.type_error(f"{describe(realm, fn)} is not a function")
    return fn


def describe(realm: Any, v: Any) -> str:
    """How V8 shows a value in ``x is not a function`` / ``incompatible receiver``
    messages: primitives as their string, arrays as ``[object Array]``, other
    objects as ``#<Ctor>`` (a Map, a Set by their class), regular expressions by tag."""
    if type(v) is str:
        return v
    if isinstance(v, JSSymbol):
        return f"Symbol({v.description})"
    if isinstance(v, JSArray):
        return "[object Array]"
    if isinstance(v, JSRegExp):
        return "[object RegExp]"
    if isinstance(v, (JSMap, JSSet)):
        return "#<Map>" if isinstance(v, JSMap) else "#<Set>"
    if isinstance(v, JSObject):
        return f"#<{v.class_name or 'Object'}>"
    return realm.to_string(v)


def is_array(v: Any) -> bool:
    """IsArray: a ``JSArray`` but not the ``arguments`` object, which shares its
    representation (array-like, yet ``Array.isArray(arguments)`` is false)."""
    return isinstance(v, JSArray) and type(v).__name__ != "Arguments"


def not_iterable(realm: Any, v: Any) -> Any:
    """The TypeError V8 throws when a built-in (``new Map(5)``, ``Array.from(null)``)
    is given a non-iterable: the value's type, then the value for primitives."""
    if v is UNDEFINED:
        what = "undefined"
    elif v is NULL:
        what = "object null"
    elif type(v) is float or type(v) is bool:
        what = f"{'number' if type(v) is float else 'boolean'} {realm.to_string(v)}"
    elif isinstance(v, JSSymbol):
        what = "symbol"
    elif isinstance(v, JSFunction):
        what = "function"
    else:
        what = "object"
    return realm.type_error(f"{what} is not iterable (cannot read property Symbol(Symbol.iterator))")


def iterate_checked(realm: Any, v: Any) -> Iterator[Any]:
    """``realm.iterate(v)``, raising V8's built-in message when ``v`` has no iterator."""
    if type(v) is str or type(v) is JSArray:
        return realm.iterate(v)
    if not isinstance(v, JSObject) or not isinstance(realm.get(v, SYMBOL_ITERATOR), JSFunction):
        raise not_iterable(realm, v)
    return realm.iterate(v)


class NativeIterator(JSObject):
    """An iterator object made by a built-in (array, string, map, set iterators).

    ``it`` is a Python iterator yielding JS values; ``next()`` on the shared
    prototype drains it. Keeping the state in a Python iterator makes
    ``for (const x of map.keys())`` cost one generator step per element.
    """

    __slots__ = ("it",)

    def __init__(self, proto: JSObject, it: Iterator[Any]) -> None:
        JSObject.__init__(self, proto)
        self.it = it


def iter_result(realm: Any, value: Any, done: bool) -> JSObject:
    """The ``{ value, done }`` object ``next()`` returns."""
    o = realm.new_object()
    o.props["value"] = value
    o.props["done"] = done
    return o


#: per realm, the prototype of each kind of built-in iterator (weak: realms come and go)
_iterator_protos: "weakref.WeakKeyDictionary[Any, dict]" = weakref.WeakKeyDictionary()


def iterator_proto(realm: Any, class_name: str) -> JSObject:
    """The prototype of one kind of built-in iterator (``Array Iterator`` etc.),
    made on first use per realm: ``next`` plus the inherited ``[Symbol.iterator]``
    from ``realm.iterator_proto``."""
    protos = _iterator_protos.get(realm)
    if protos is None:
        protos = _iterator_protos[realm] = {}
    proto = protos.get(class_name)
    if proto is not None:
        return proto
    p = JSObject(realm.iterator_proto)
    p.set_hidden(TO_STRING_TAG, class_name)

    def next_(realm: Any, this: Any, args: list) -> Any:
        if not isinstance(this, NativeIterator):
            raise realm.type_error(f"next method called on incompatible receiver {describe(realm, this)}")
        it = this.it
        for v in it:
            return iter_result(realm, v, False)
        return iter_result(realm, UNDEFINED, True)

    realm.define_native(p, "next", next_, 0)
    realm.define_native(p, SYMBOL_ITERATOR, _return_this, 0)
    protos[class_name] = p
    return p


def _return_this(realm: Any, this: Any, args: list) -> Any:
    """``[Symbol.iterator]()`` of an iterator: iterators are iterable."""
    return this


def make_iterator(realm: Any, it: Iterator[Any], class_name: str) -> NativeIterator:
    """A JS iterator over a Python iterator of JS values."""
    return NativeIterator(iterator_proto(realm, class_name), it)


def live_list_iter(elems: list) -> Iterator[Any]:
    """Iterate a Python list that may grow or shrink meanwhile, as JS array
    iteration does (it re-reads ``length`` each step); holes read as undefined."""
    i = 0
    while i < len(elems):
        v = elems[i]
        yield UNDEFINED if v is HOLE else v
        i += 1
