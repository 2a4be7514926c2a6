"""The JavaScript object model shared by the interpreter, the recorder, the type
inference and the console formatter.

Why these representations: the interpreter's hot paths test types with
``type(v) is float`` and identity checks, so primitives are plain Python values:

* number    -> ``float`` (always ``float``, never ``int``; ``bool`` is *not* a number)
* string    -> ``str`` holding UTF-16 code units (astral characters stored as a
               surrogate pair, so ``len`` and indexing match JS ``length``/``[i]``)
* boolean   -> ``bool``
* undefined -> the singleton ``UNDEFINED``; null -> the singleton ``NULL``
* symbol    -> ``JSSymbol``
* objects   -> ``JSObject`` and its subclasses below.
"""
from __future__ import annotations

from typing import Any, Callable, Optional


class _Singleton:
    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def __repr__(self) -> str:
        return self._name

    def __bool__(self) -> bool:
        return False


UNDEFINED = _Singleton("undefined")
NULL = _Singleton("null")
#: marks a hole in a sparse array (``new Array(3)``); reads give ``undefined``.
HOLE = _Singleton("<hole>")


class JSSymbol:
    """A JS symbol; identity is the value."""

    __slots__ = ("description", "described")

    def __init__(self, description: str, described: bool = True) -> None:
        self.description = description
        #: False for `Symbol()`: its `description` is undefined (it prints as `Symbol()`)
        self.described = described

    def __repr__(self) -> str:
        return f"Symbol({self.description})"


SYMBOL_ITERATOR = JSSymbol("Symbol.iterator")

PropertyKey = Any  # str | JSSymbol


class Accessor:
    """A getter/setter pair stored in ``JSObject.props`` in place of a value."""

    __slots__ = ("getter", "setter", "enumerable")

    def __init__(self, getter: Optional["JSFunction"], setter: Optional["JSFunction"], enumerable: bool = True) -> None:
        self.getter = getter
        self.setter = setter
        self.enumerable = enumerable


#: the largest array index, 2**32 - 2: integer-like keys up to it are listed first, ascending
MAX_ARRAY_INDEX = 4294967294

#: property attribute bits in ``JSObject.attrs``: read-only, non-configurable
RO = 1
NC = 2


class JSObject:
    """An ordinary object: a prototype link and an insertion-ordered property dict.

    ``props`` maps a key (``str`` or ``JSSymbol``) to a value or an ``Accessor``.
    Keys that are array indices must be enumerated in ascending numeric order first,
    as JS does; ``own_keys`` does that. ``hidden`` holds non-enumerable keys
    (methods installed on prototypes, ``constructor``), so inspection skips them.
    ``class_name`` is set for instances created by ``new C`` so console output can
    print ``C { ... }`` without walking the prototype chain each time.
    """

    __slots__ = ("proto", "props", "hidden", "extensible", "frozen", "attrs", "class_name")

    def __init__(self, proto: Optional["JSObject"] = None, class_name: Optional[str] = None) -> None:
        self.proto = proto
        self.props: dict = {}
        self.hidden: Optional[set] = None
        self.extensible = True
        #: the one flag hot write paths test: some own property may refuse a write —
        #: every one when ``attrs`` is None (``Object.freeze``), else those marked RO
        self.frozen = False
        #: per-key attribute bits (``RO``, ``NC``) from ``defineProperty``/``seal``
        self.attrs: Optional[dict] = None
        self.class_name = class_name

    def writable(self, k: Any) -> bool:
        """Whether a data property ``k`` accepts writes (``writable`` attribute)."""
        if not self.frozen:
            return True
        return self.attrs is not None and not self.attrs.get(k, 0) & RO

    def configurable(self, k: Any) -> bool:
        """Whether ``k`` may be deleted or redefined (``configurable`` attribute)."""
        if self.frozen and self.attrs is None:
            return False
        return not (self.attrs and self.attrs.get(k, 0) & NC)

    def set_attrs(self, k: Any, bits: int) -> None:
        """Mark ``k`` read-only (``RO``) and/or non-configurable (``NC``)."""
        if self.frozen and self.attrs is None:
            return  # frozen: every property already is both
        if self.attrs is None:
            self.attrs = {}
        self.attrs[k] = self.attrs.get(k, 0) | bits
        if bits & RO:
            self.frozen = True

    def own_keys(self) -> list:
        """Own string keys in JS order: integer-like keys ascending, then insertion order."""
        ints = []
        strs = []
        for k in self.props:
            if type(k) is str:
                if k.isascii() and k.isdigit() and (k == "0" or k[0] != "0") and \
                        (len(k) < 10 or (len(k) == 10 and int(k) <= MAX_ARRAY_INDEX)):
                    ints.append(k)
                else:
                    strs.append(k)
        if ints:
            ints.sort(key=int)
            return ints + strs
        return strs

    def enumerable_keys(self) -> list:
        hidden = self.hidden
        keys = self.own_keys()
        out = []
        for k in keys:
            if hidden and k in hidden:
                continue
            v = self.props[k]
            if type(v) is Accessor and not v.enumerable:
                continue
            out.append(k)
        return out

    def set_hidden(self, key: PropertyKey, value: Any) -> None:
        """Define a non-enumerable data property (as built-in and class methods are)."""
        self.props[key] = value
        if self.hidden is None:
            self.hidden = set()
        self.hidden.add(key)


class JSArray(JSObject):
    """An array: elements live in the Python list ``elems`` (``HOLE`` for holes);
    other own properties (rare) live in ``props``."""

    __slots__ = ("elems",)

    def __init__(self, proto: Optional[JSObject], elems: Optional[list] = None) -> None:
        JSObject.__init__(self, proto)
        self.elems = elems if elems is not None else []


class JSRegExp(JSObject):
    """A RegExp: ``program`` is its compiled pattern (``interp.regex.Program``, which
    carries ``source`` and ``flags``); ``lastIndex`` is an ordinary own property."""

    __slots__ = ("program",)

    def __init__(self, proto: Optional[JSObject], program: Any) -> None:
        JSObject.__init__(self, proto, "RegExp")
        self.program = program


class JSFunction(JSObject):
    """Base of every callable. ``call(this, args)`` runs it; ``construct(args, new_target)``
    runs ``new``. ``fn_sid`` is the site id of the defining AST node for user functions
    (the recorder's callee identity) and ``None`` for built-ins."""

    __slots__ = ("name", "length", "fn_sid", "is_class", "extends_name")

    def __init__(self, proto: Optional[JSObject], name: str = "", length: int = 0, fn_sid: Optional[int] = None) -> None:
        JSObject.__init__(self, proto)
        self.name = name
        self.length = length
        self.fn_sid = fn_sid
        #: ``class`` constructors print as ``[class A extends B]`` in Node
        self.is_class = False
        self.extends_name: Optional[str] = None

    def call(self, this: Any, args: list) -> Any:  # pragma: no cover - overridden
        raise TypeError("abstract")

    def construct(self, args: list, new_target: Optional["JSFunction"] = None) -> Any:  # pragma: no cover
        raise TypeError("abstract")


class JSError(JSObject):
    """An object created by ``Error`` or a subclass (also via ``super()`` in
    ``class E extends Error``). ``stack`` is kept as a property like V8 does; the
    type lets ``inspect`` print errors the way Node does without walking prototypes.
    ``origin``, set only on errors the engine raises: (program, statement sid, where
    in it), the failing operation or built-in call (``interp/stack.py``)."""

    __slots__ = ("origin",)


NativeImpl = Callable[[Any, Any, list], Any]  # (realm, this, args) -> value


class JSMap(JSObject):
    """``Map``: ``data`` maps a normalised key (see ``map_key``) to ``(key, value)``,
    keeping JS insertion order."""

    __slots__ = ("data",)

    def __init__(self, proto: Optional[JSObject]) -> None:
        JSObject.__init__(self, proto)
        self.data: dict = {}


class JSSet(JSObject):
    """``Set``: ``data`` maps a normalised key to the original value, in insertion order."""

    __slots__ = ("data",)

    def __init__(self, proto: Optional[JSObject]) -> None:
        JSObject.__init__(self, proto)
        self.data: dict = {}


class _NaNKey:
    __slots__ = ()


_NAN_KEY = _NaNKey()


def map_key(v: Any) -> Any:
    """SameValueZero as a Python dict key: NaN equals NaN, -0 equals +0, and
    ``True``/``1.0`` (equal in Python) stay distinct."""
    t = type(v)
    if t is float:
        if v != v:
            return _NAN_KEY
        return ("n", v + 0.0)
    if t is bool:
        return ("b", v)
    if t is str:
        return v
    return ("o", id(v), v) if not isinstance(v, _Singleton) else v


def to_js_string(s: str) -> str:
    """Python text (code points) -> JS string (UTF-16 code units)."""
    if s.isascii():
        return s
    return "".join(c if ord(c) < 0x10000 else _surrogates(ord(c)) for c in s)


def _surrogates(cp: int) -> str:
    cp -= 0x10000
    return chr(0xD800 + (cp >> 10)) + chr(0xDC00 + (cp & 0x3FF))


def from_js_string(s: str) -> str:
    """JS string (UTF-16 code units) -> Python text for output; lone surrogates become
    U+FFFD exactly as Node writes them to a UTF-8 stream."""
    if s.isascii():
        return s
    return s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
