"""The realm: one global environment, the built-in prototypes, the JS abstract
operations (ToNumber, ToString, [[Get]], [[Set]], Call, Construct) and the entry
points that compile and run programs.

Why one class holds the abstract operations: built-ins (``builtins_*.py``) and the
generated code both need them, and bound methods of one object are the cheapest
stable way to hand them around. Hot paths in generated code never reach here for
floats; these are the general (slow) paths.
"""
from __future__ import annotations

import math
import os
import sys
import threading
from typing import Any, Callable, Iterator, Optional

from .datastack import run_on_big_chunk
from ..errors import Interrupted, JsrustError, Unsupported
from ..frontend import Program, parse
from ..numconv import number_to_string, string_to_number
from ..values import (
    HOLE,
    NULL,
    SYMBOL_ITERATOR,
    UNDEFINED,
    Accessor,
    JSArray,
    JSError,
    JSFunction,
    JSMap,
    JSObject,
    JSSet,
    JSSymbol,
    _Singleton,
)
from .functions import BoundFunction, ClassFunction, JSThrow, NativeFunction, PrivateName, UserFunction

_MISSING = object()
#: the value a let/const/class binding holds before its declaration runs
TDZ = _Singleton("<tdz>")
#: the Node version this interpreter imitates (``process.version``, uncaught-error trailer)
NODE_VERSION = "v20.20.2"
#: Python frames allowed; one JS call costs one to three, so JS gets ~10k frames
RECURSION_LIMIT = 24000
#: the most holes one write or `length` change may add to an array (see ``check_hole_run``)
MAX_HOLE_RUN = 1 << 24
THREAD_STACK = 768 * 1024 * 1024

_tls = threading.local()


class PrimitiveObject(JSObject):
    """A wrapper object around a primitive (``new Number(1)``, ``Object('s')``)."""

    __slots__ = ("primitive",)

    def __init__(self, proto: JSObject, primitive: Any, class_name: Optional[str] = None) -> None:
        JSObject.__init__(self, proto, class_name)
        self.primitive = primitive


class Arguments(JSArray):
    """The ``arguments`` object: array-like (indices, length) but not an Array.
    ``mapped``: the ``MappedEnv`` of a sloppy function whose parameters alias its
    first elements (None when unmapped)."""

    __slots__ = ("mapped",)


class MappedEnv(list):
    """The environment list of a sloppy-mode function with simple parameters that uses
    ``arguments``: as in JS, each parameter given an argument is the same variable as
    ``arguments[i]``. Its slot reads and writes go to the arguments object's element
    while mapped; ``delete arguments[i]`` (``unmap``) ends that, keeping the value.
    Generated code reaches environment slots only by subscripting, so overriding
    ``__getitem__`` / ``__setitem__`` covers every access."""

    __slots__ = ("args", "slots")

    def __init__(self, items: list) -> None:
        list.__init__(self, items)
        self.args: Optional[Arguments] = None
        self.slots: dict = {}

    def attach(self, args: Arguments, slots: dict) -> None:
        """Map environment slot -> argument index (only indices an argument was passed for)."""
        self.args = args
        self.slots = {slot: i for slot, i in slots.items() if i < len(args.elems)}
        args.mapped = self

    def unmap(self, i: int) -> None:
        for slot, k in list(self.slots.items()):
            if k == i:
                list.__setitem__(self, slot, self.args.elems[i])
                del self.slots[slot]

    def __getitem__(self, slot):  # type: ignore[override]
        k = self.slots.get(slot)
        if k is not None and k < len(self.args.elems):
            return self.args.elems[k]
        return list.__getitem__(self, slot)

    def __setitem__(self, slot, value) -> None:  # type: ignore[override]
        list.__setitem__(self, slot, value)
        k = self.slots.get(slot)
        if k is not None and k < len(self.args.elems):
            self.args.elems[k] = value


def array_index(k: str) -> int:
    """The array index a property key names, or -1."""
    if k.isdigit() and (k[0] != "0" or k == "0") and len(k) < 11:
        i = int(k)
        if i < 4294967295:
            return i
    return -1


def key_of_float(v: float) -> str:
    if v.is_integer() and -9007199254740992.0 <= v <= 9007199254740992.0:
        return str(int(v))
    return number_to_string(v)


class Realm:
    """A JS global environment. See docs/architecture.md for the contract."""

    def __init__(self, stdout: Optional[Callable[[str], Any]] = None, stderr: Optional[Callable[[str], Any]] = None,
                 argv: Optional[list] = None) -> None:
        self.stdout = stdout or sys.stdout.write
        self.stderr = stderr or sys.stderr.write
        self.argv = list(argv) if argv is not None else []
        self.object_proto = JSObject(None)
        self.function_proto = NativeFunction.__new__(NativeFunction)
        JSFunction.__init__(self.function_proto, self.object_proto, "", 0)
        self.function_proto.realm = self
        self.function_proto.impl = lambda realm, this, args: UNDEFINED
        self.function_proto.ctor = None
        self.array_proto = JSObject(self.object_proto)
        self.string_proto = PrimitiveObject(self.object_proto, "")
        self.number_proto = PrimitiveObject(self.object_proto, 0.0)
        self.boolean_proto = PrimitiveObject(self.object_proto, False)
        self.symbol_proto = JSObject(self.object_proto)
        self.error_proto = JSObject(self.object_proto)
        self.iterator_proto = JSObject(self.object_proto)
        self.map_proto = JSObject(self.object_proto)
        self.set_proto = JSObject(self.object_proto)
        self.global_obj = JSObject(self.object_proto)
        self.error_ctors: dict[str, JSFunction] = {}
        # REPL global environment: top-level bindings of every program run here
        self.genv: list = [None]
        self.gslots: dict[str, int] = {}
        self.gconst: set = set()
        # compiled programs and tracing state
        self._compiled: dict[int, Any] = {}
        self._traced_mode = False
        self.rec_cell: list = [None]
        self.trace_state = _TraceState()
        self._worker: Optional[threading.Thread] = None
        self._interrupt_requested = False
        self.modules: dict[str, Any] = {}
        #: each required file's parse, by path (see ``modules.load_module``)
        self.module_programs: dict[str, Program] = {}
        self.main_filename = "<repl>"
        from .runtime import build_namespace

        self.ns_base = build_namespace(self)
        from . import builtins_core

        builtins_core.install(self)
        import importlib

        for mod in ("builtins_string", "builtins_array", "builtins_math", "builtins_json", "builtins_collections",
                    "builtins_misc", "builtins_regexp"):
            name = f"{__package__}.{mod}"
            try:
                m = importlib.import_module(name)
            except ModuleNotFoundError as e:
                if e.name != name:
                    raise
                continue  # that library is not written yet
            m.install(self)

    # ---- object creation -----------------------------------------------------------
    def new_object(self) -> JSObject:
        return JSObject(self.object_proto)

    def new_array(self, items: Optional[list] = None) -> JSArray:
        return JSArray(self.array_proto, list(items) if items is not None else [])

    def define_native(self, obj: JSObject, name: Any, impl: Callable, length: int = 0) -> NativeFunction:
        """Install a non-enumerable built-in method ``name`` on ``obj``."""
        label = name if isinstance(name, str) else f"[{name.description}]"
        f = NativeFunction(self, label, impl, length)
        obj.set_hidden(name, f)
        return f

    def native_constructor(self, name: str, impl: Callable, length: int, proto: JSObject,
                           prim_type: Optional[type] = None, ctor: Optional[Callable] = None) -> NativeFunction:
        """A global constructor ``name`` whose calls run ``impl`` and whose ``new``
        runs ``ctor(realm, args, new_target)``; with ``prim_type`` (float/bool/str),
        ``new`` wraps ``impl``'s result in a primitive wrapper object."""
        if ctor is None and prim_type is not None:
            def ctor(realm: Realm, args: list, nt: JSFunction) -> JSObject:
                p = realm.get(nt, "prototype")
                return PrimitiveObject(p if isinstance(p, JSObject) else proto, impl(realm, UNDEFINED, args), name)
        f = NativeFunction(self, name, impl, length, ctor)
        f.set_hidden("prototype", proto)
        proto.set_hidden("constructor", f)
        self.global_obj.set_hidden(name, f)
        return f

    def make_error(self, kind: str, message: str) -> JSError:
        ctor = self.error_ctors[kind]
        e = JSError(ctor.props["prototype"])
        from .stack import install_stack

        install_stack(self, e, raised=("call", "") if _inside_builtin(sys._getframe(1)) else ("op", message))
        e.set_hidden("message", message)
        return e

    def type_error(self, msg: str) -> JSThrow:
        return JSThrow(self.make_error("TypeError", msg))

    def range_error(self, msg: str) -> JSThrow:
        return JSThrow(self.make_error("RangeError", msg))

    def reference_error(self, msg: str) -> JSThrow:
        return JSThrow(self.make_error("ReferenceError", msg))

    def syntax_error(self, msg: str) -> JSThrow:
        return JSThrow(self.make_error("SyntaxError", msg))

    # ---- conversions ---------------------------------------------------------------
    def truthy(self, v: Any) -> bool:
        t = type(v)
        if t is bool:
            return v
        if t is float:
            return v == v and v != 0.0
        if t is str:
            return v != ""
        return v is not UNDEFINED and v is not NULL

    def to_number(self, v: Any) -> float:
        t = type(v)
        if t is float:
            return v
        if t is bool:
            return 1.0 if v else 0.0
        if t is str:
            return string_to_number(v)
        if v is UNDEFINED:
            return math.nan
        if v is NULL:
            return 0.0
        if t is JSSymbol:
            raise self.type_error("Cannot convert a Symbol value to a number")
        if isinstance(v, JSObject):
            return self.to_number(self.to_primitive(v, "number"))
        raise self.type_error(f"cannot convert {v!r} to a number")

    def to_string(self, v: Any) -> str:
        t = type(v)
        if t is str:
            return v
        if t is float:
            if v.is_integer() and -9007199254740992.0 <= v <= 9007199254740992.0:
                return str(int(v))
            return number_to_string(v)
        if t is bool:
            return "true" if v else "false"
        if v is UNDEFINED:
            return "undefined"
        if v is NULL:
            return "null"
        if t is JSSymbol:
            raise self.type_error("Cannot convert a Symbol value to a string")
        if isinstance(v, JSObject):
            return self.to_string(self.to_primitive(v, "string"))
        raise self.type_error(f"cannot convert {v!r} to a string")

    def to_primitive(self, v: Any, hint: str = "default") -> Any:
        if not isinstance(v, JSObject):
            return v
        if type(v) is PrimitiveObject and hint != "string" or (type(v) is PrimitiveObject and type(v.primitive) is str):
            pass
        order = ("toString", "valueOf") if hint == "string" else ("valueOf", "toString")
        for name in order:
            f = self.get(v, name)
            if isinstance(f, JSFunction):
                r = f.call(v, [])
                if not isinstance(r, JSObject):
                    return r
        raise self.type_error("Cannot convert object to primitive value")

    def to_object(self, v: Any) -> JSObject:
        if isinstance(v, JSObject):
            return v
        t = type(v)
        if t is float:
            return PrimitiveObject(self.number_proto, v, "Number")
        if t is str:
            return PrimitiveObject(self.string_proto, v, "String")
        if t is bool:
            return PrimitiveObject(self.boolean_proto, v, "Boolean")
        if t is JSSymbol:
            return PrimitiveObject(self.symbol_proto, v, "Symbol")
        raise self.type_error("Cannot convert undefined or null to object")

    def to_key(self, v: Any) -> Any:
        """ToPropertyKey: a ``str`` or a ``JSSymbol``."""
        t = type(v)
        if t is str:
            return v
        if t is float:
            return key_of_float(v)
        if isinstance(v, JSSymbol):
            return v
        if isinstance(v, JSObject):
            v = self.to_primitive(v, "string")
            if type(v) is JSSymbol:
                return v
        return self.to_string(v)

    # ---- properties ----------------------------------------------------------------
    def proto_of_primitive(self, v: Any) -> JSObject:
        t = type(v)
        if t is str:
            return self.string_proto
        if t is float:
            return self.number_proto
        if t is bool:
            return self.boolean_proto
        if t is JSSymbol:
            return self.symbol_proto
        raise AssertionError(v)

    def get(self, o: Any, k: Any) -> Any:
        """``o[k]`` for a property key ``k`` (str or symbol); primitives read their
        prototype with ``this`` = the primitive."""
        if isinstance(o, JSObject):
            if type(k) is str:
                if isinstance(o, JSArray):
                    if k == "length":
                        return float(len(o.elems))
                    if k[:1].isdigit():
                        i = array_index(k)
                        if 0 <= i < len(o.elems):
                            v = o.elems[i]
                            if v is not HOLE:
                                return v
                elif isinstance(o, JSFunction) and (k == "name" or k == "length") and k not in o.props:
                    return o.name if k == "name" else float(o.length)
                elif type(o) is PrimitiveObject and type(o.primitive) is str:
                    s = o.primitive
                    if k == "length":
                        return float(len(s))
                    i = array_index(k)
                    if 0 <= i < len(s):
                        return s[i]
            obj = o
            while obj is not None:
                v = obj.props.get(k, _MISSING)
                if v is not _MISSING:
                    if type(v) is Accessor:
                        return v.getter.call(o, []) if v.getter is not None else UNDEFINED
                    return v
                obj = obj.proto
            if type(k) is PrivateName:  # (only on a miss: reads that find it pay nothing)
                raise self.type_error(k.read_error)
            return UNDEFINED
        if type(k) is PrivateName:
            raise self.type_error(k.read_error)
        t = type(o)
        if t is str:
            if k == "length":
                return float(len(o))
            if type(k) is str and k[:1].isdigit():
                i = array_index(k)
                if 0 <= i < len(o):
                    return o[i]
        elif o is UNDEFINED or o is NULL:
            raise self.type_error(f"Cannot read properties of {o!r} (reading '{self.key_text(k)}')")
        proto = self.proto_of_primitive(o)
        obj = proto
        while obj is not None:
            v = obj.props.get(k, _MISSING)
            if v is not _MISSING:
                if type(v) is Accessor:
                    return v.getter.call(o, []) if v.getter is not None else UNDEFINED
                return v
            obj = obj.proto
        return UNDEFINED

    def key_text(self, k: Any) -> str:
        return f"Symbol({k.description})" if type(k) is JSSymbol else k

    def getv(self, o: Any, k: Any) -> Any:
        """``o[k]`` for any value ``k`` (computed member access)."""
        if type(k) is float:
            if isinstance(o, JSArray) or type(o) is str:
                if k.is_integer() and 0 <= k < len(o.elems if type(o) is not str else o):  # type: ignore[union-attr]
                    v = o.elems[int(k)] if type(o) is not str else o[int(k)]  # type: ignore[union-attr]
                    if v is not HOLE:
                        return v
            return self.get(o, key_of_float(k))
        if type(k) is str or type(k) is JSSymbol:
            return self.get(o, k)
        if o is UNDEFINED or o is NULL:
            raise self.type_error(f"Cannot read properties of {o!r} (reading '{self.to_string(k)}')")
        return self.get(o, self.to_key(k))

    def _private_set(self, o: Any, k: PrivateName, v: Any) -> None:
        """``o.#k = v``: an own private field takes it (frozen or not: private fields are
        not properties); a private method or accessor lives on the class's prototype."""
        if isinstance(o, JSObject):
            if k in o.props and type(o.props[k]) is not Accessor:
                o.props[k] = v
                return
            p = o
            while p is not None:
                cur = p.props.get(k, _MISSING)
                if type(cur) is Accessor:
                    if cur.setter is None:
                        raise self.type_error(f"'{k.description}' was defined without a setter")
                    cur.setter.call(o, [v])
                    return
                if cur is not _MISSING:
                    raise self.type_error(f"Private method '{k.description}' is not writable")
                p = p.proto
        raise self.type_error(k.write_error)

    def set(self, o: Any, k: Any, v: Any, strict: bool = False) -> None:
        """``o[k] = v``. A write the object refuses (read-only property, frozen or
        non-extensible object, getter without setter, property on a primitive) is
        silently dropped in sloppy code and a TypeError in strict code and built-ins."""
        if type(k) is PrivateName:
            self._private_set(o, k, v)
            return
        if not isinstance(o, JSObject):
            if o is UNDEFINED or o is NULL:
                raise self.type_error(f"Cannot set properties of {o!r} (setting '{self.key_text(k)}')")
            if strict:
                kind = {str: "string", float: "number", bool: "boolean"}.get(type(o), "symbol")
                raise self.type_error(f"Cannot create property '{self.key_text(k)}' on {kind} '{self.to_string(o)}'")
            return
        if type(o) is JSArray or isinstance(o, JSArray):
            if type(k) is str:
                if k == "length":
                    if not o.writable("length"):
                        self.refuse(strict, o, k, "read only")
                        return
                    n = len(o.elems)  # type: ignore[attr-defined]
                    if n and not o.configurable(str(n - 1)) and self.to_number(v) < n:
                        # a sealed array's elements cannot be deleted by shrinking it
                        if strict:
                            raise self.type_error(f"Cannot delete property '{n - 1}' of [object Array]")
                        return
                    self.set_length(o, v)  # type: ignore[arg-type]
                    return
                i = array_index(k)
                if i >= 0:
                    elems = o.elems  # type: ignore[attr-defined]
                    n = len(elems)
                    if i < n and elems[i] is not HOLE:
                        if o.frozen and not o.writable(k):
                            self.refuse(strict, o, k, "read only")
                            return
                        elems[i] = v
                        return
                    if not o.extensible:
                        self.refuse(strict, o, k, "not extensible")
                        return
                    if i < n:
                        elems[i] = v
                    elif i == n:
                        elems.append(v)
                    else:
                        self.check_hole_run(n, i)
                        elems.extend([HOLE] * (i - n))
                        elems.append(v)
                    return
        props = o.props
        cur = props.get(k, _MISSING)
        if cur is not _MISSING:
            if type(cur) is Accessor:
                if cur.setter is not None:
                    cur.setter.call(o, [v])
                elif strict:
                    raise self.type_error(f"Cannot set property {self.key_text(k)} of {self.describe_value(o)} "
                                          "which has only a getter")
                return
            if o.frozen and not o.writable(k):
                self.refuse(strict, o, k, "read only")
                return
            props[k] = v
            return
        p = o.proto
        while p is not None:
            a = p.props.get(k, _MISSING)
            if a is not _MISSING:
                if type(a) is Accessor:
                    if a.setter is not None:
                        a.setter.call(o, [v])
                    elif strict:
                        raise self.type_error(f"Cannot set property {self.key_text(k)} of {self.describe_value(o)} "
                                              "which has only a getter")
                    return
                if p.frozen and not p.writable(k):
                    self.refuse(strict, o, k, "read only")  # an inherited read-only property shadows writes
                    return
                break
            p = p.proto
        if o.extensible:
            props[k] = v
        else:
            self.refuse(strict, o, k, "not extensible")

    def refuse(self, strict: bool, o: JSObject, k: Any, why: str) -> None:
        """A refused write: nothing in sloppy code, V8's TypeError in strict code."""
        if not strict:
            return
        if why == "read only":
            what = "[object Array]" if isinstance(o, JSArray) else self.describe_value(o)
            raise self.type_error(f"Cannot assign to read only property '{self.key_text(k)}' of object '{what}'")
        raise self.type_error(f"Cannot add property {self.key_text(k)}, object is not extensible")

    def set_length(self, arr: JSArray, v: Any) -> None:
        n = self.to_number(v)
        if not (0 <= n < 4294967296 and n == int(n)):  # (NaN fails the first test, before int())
            raise self.range_error("Invalid array length")
        n = int(n)
        elems = arr.elems
        if n < len(elems):
            del elems[n:]
        else:
            self.check_hole_run(len(elems), n)
            elems.extend([HOLE] * (n - len(elems)))

    def check_hole_run(self, length: int, new_length: int) -> None:
        """Refuse, by name, to grow an array by more than ``MAX_HOLE_RUN`` holes.

        Why: elements are a Python list with a ``HOLE`` per empty slot, where V8 turns
        a very sparse array into a dictionary; ``a[1e9] = 1`` would exhaust memory here
        while Node runs it. The compiled runtime has the same limit (``ops::grow_check``).
        """
        if new_length - length > MAX_HOLE_RUN:
            from .stack import caller_site

            raise Unsupported("a very sparse array (growing an array by more than 2^24 holes)", *caller_site(self))

    def define(self, o: JSObject, k: Any, v: Any) -> None:
        """Create or overwrite an own data property (object literals, class fields)."""
        if isinstance(o, JSArray) and type(k) is str and array_index(k) >= 0:
            self.set(o, k, v)
            return
        o.props[k] = v
        if o.hidden and k in o.hidden:
            o.hidden.discard(k)

    def has_property(self, o: JSObject, k: Any) -> bool:
        obj: Optional[JSObject] = o
        while obj is not None:
            if self.has_own(obj, k):
                return True
            obj = obj.proto
        return False

    def has_own(self, o: JSObject, k: Any) -> bool:
        if isinstance(o, JSArray) and type(k) is str:
            if k == "length":
                return True
            i = array_index(k)
            if i >= 0:
                return i < len(o.elems) and o.elems[i] is not HOLE
        if isinstance(o, JSFunction) and k in ("name", "length"):
            return True
        if type(o) is PrimitiveObject and type(o.primitive) is str and type(k) is str:
            if k == "length":
                return True
            i = array_index(k)
            if 0 <= i < len(o.primitive):
                return True
        return k in o.props

    def own_keys(self, o: JSObject) -> list:
        """Own enumerable string keys in JS order (arrays: indices first)."""
        keys = o.enumerable_keys()
        if isinstance(o, JSArray):
            idx = [str(i) for i, v in enumerate(o.elems) if v is not HOLE]
            return idx + keys
        if type(o) is PrimitiveObject and type(o.primitive) is str:
            return [str(i) for i in range(len(o.primitive))] + keys
        return keys

    # ---- calls ---------------------------------------------------------------------
    def call(self, func: Any, this: Any, args: list) -> Any:
        if isinstance(func, JSFunction):
            return func.call(this, args)
        raise self.type_error(f"{self.describe_value(func)} is not a function")

    def construct(self, func: Any, args: list, new_target: Any = None) -> Any:
        if isinstance(func, JSFunction):
            return func.construct(args, new_target)
        raise self.type_error(f"{self.describe_value(func)} is not a constructor")

    def describe_value(self, v: Any) -> str:
        if type(v) is str:
            return f'"{v}"'
        if isinstance(v, JSArray):
            return "object"
        if isinstance(v, JSObject):
            return "#<Object>" if not v.class_name else f"#<{v.class_name}>"
        if type(v) is JSSymbol:
            return f"Symbol({v.description})"
        return self.to_string(v)

    def super_construct(self, cls: ClassFunction, args: list, new_target: JSFunction) -> JSObject:
        """``super(...args)`` in (or the implicit constructor of) derived class ``cls``."""
        parent = cls.proto
        # (`class A extends null`: its constructor's prototype is Function.prototype, no constructor)
        if not isinstance(parent, JSFunction) or parent is self.function_proto:
            raise self.type_error(f"Super constructor null of {cls.name or 'anonymous class'} is not a constructor")
        obj = parent.construct(args, new_target)
        cls.init_fields(obj)
        return obj

    # ---- iteration -----------------------------------------------------------------
    def iterate(self, v: Any, text: str = "", in_call: bool = False) -> Iterator[Any]:
        """A Python iterator over a JS iterable (arrays live, strings by code point).
        ``text``: how V8 names the iterated expression when it is not iterable
        (``calleetext.iterable_text``); ``in_call``: it is spread into call arguments,
        where V8 words the error its own way."""
        if (type(v) is JSArray or type(v) is Arguments) and SYMBOL_ITERATOR not in v.props:
            return _array_iter(v)
        if type(v) is str:
            return _string_iter(v)
        if isinstance(v, JSObject):
            f = self.get(v, SYMBOL_ITERATOR)
            if isinstance(f, JSFunction):
                it = f.call(v, [])
                fast = getattr(it, "it", None)
                if fast is not None and type(it).__name__ == "NativeIterator":
                    return fast
                return self._protocol_iter(it)
        if in_call:
            if v is NULL or v is UNDEFINED:
                what = "null" if v is NULL else "undefined"
                raise self.type_error(f"{text or what} is not iterable (cannot read property {what})")
            raise self.type_error("Spread syntax requires ...iterable[Symbol.iterator] to be a function")
        desc = text or (self.describe_value(v) if not isinstance(v, JSObject) else "object")
        raise self.type_error(f"{desc} is not iterable")

    def _protocol_iter(self, it: Any) -> Iterator[Any]:
        nxt = self.get(it, "next")
        while True:
            r = self.call(nxt, it, [])
            if not isinstance(r, JSObject):
                raise self.type_error(f"Iterator result {self.to_string(r)} is not an object")
            if self.truthy(self.get(r, "done")):
                return
            yield self.get(r, "value")

    # ---- REPL globals --------------------------------------------------------------
    def global_slot(self, name: str) -> int:
        i = self.gslots.get(name)
        if i is None:
            i = len(self.genv)
            self.genv.append(TDZ)
            self.gslots[name] = i
        return i

    # ---- running -------------------------------------------------------------------
    def compiled(self, program: Program, repl: bool) -> Any:
        from .loader import CompiledProgram

        cp = self._compiled.get(id(program))
        if cp is None:
            cp = CompiledProgram(self, program, repl)
            self._compiled[id(program)] = cp
            if self._traced_mode:
                cp.ensure_traced()
                cp.set_mode(True)
        return cp

    def set_tracing(self, recorder: Any) -> None:
        """Switch every compiled function to its plain or traced variant."""
        traced = recorder is not None
        self.rec_cell[0] = recorder
        self.trace_state.pending = None
        if traced == self._traced_mode:
            return
        for cp in self._compiled.values():
            if traced:
                cp.ensure_traced()
            cp.set_mode(traced)
        self._traced_mode = traced

    def run_program(self, program: Program, recorder: Any = None) -> Any:
        """Run ``program`` as a REPL script in this realm; return its completion value."""
        cp = self.compiled(program, repl=True)
        return self._run(lambda: cp.run_script(), recorder)

    def run_file(self, path: str, recorder: Any = None, argv: Optional[list] = None) -> Any:
        """Run ``path`` as Node runs a CommonJS main module."""
        from .modules import run_main_module

        path = os.path.abspath(path)
        self.main_filename = path
        if argv is not None:
            self.argv = list(argv)
        return self._run(lambda: run_main_module(self, path), recorder)

    def run_main(self, path: str, argv: Optional[list] = None, recorder: Any = None) -> int:
        """``node FILE.js``: run, print an uncaught error like Node, return the exit status."""
        from .stack import format_uncaught
        from .exitcode import exit_status
        from .modules import ProcessExit

        try:
            self.run_file(path, recorder=recorder, argv=argv)
        except ProcessExit as e:
            return e.code
        except JSThrow as e:
            self.stderr(format_uncaught(e, self))
            return 1
        except JsrustError as e:
            if hasattr(e, "line"):
                self.stderr(_host_error_text(e))
            else:
                self.stderr(f"{e}\n")
            return 1
        return exit_status(self, self.get(self.global_obj.props["process"], "exitCode"))

    def _run(self, body: Callable[[], Any], recorder: Any) -> Any:
        if getattr(_tls, "in_js", False):
            # nested (require, a native calling back): already on the JS thread
            return body()
        self.set_tracing(recorder)
        box: dict = {}
        # an Event, not Thread.join: on Python 3.11 a KeyboardInterrupt landing inside
        # join() marks the thread finished while it is still running
        done = threading.Event()

        def target() -> None:
            _tls.in_js = True
            try:
                box["v"] = run_on_big_chunk(body)
            except BaseException as e:  # handed to the calling thread
                box["e"] = e
            finally:
                _tls.in_js = False
                done.set()

        if sys.getrecursionlimit() < RECURSION_LIMIT:
            sys.setrecursionlimit(RECURSION_LIMIT)
        old = threading.stack_size()
        threading.stack_size(THREAD_STACK)
        try:
            t = threading.Thread(target=target, name="jsrust-js", daemon=True)
            self._worker = t
            self._interrupt_requested = False
            t.start()
        finally:
            threading.stack_size(old)
        try:
            while not done.is_set():
                try:
                    done.wait(0.05)
                except KeyboardInterrupt:
                    self.request_interrupt()
        finally:
            self._worker = None
            if recorder is not None:
                self.rec_cell[0] = None
        e = box.get("e")
        if e is not None:
            if isinstance(e, (KeyboardInterrupt, Interrupted)):
                raise Interrupted("interrupted") from None
            if isinstance(e, (RecursionError, UnboundLocalError)):
                from .runtime import catch_value

                raise JSThrow(catch_value(self, e)).with_traceback(e.__traceback__) from None
            raise e
        return box.get("v", UNDEFINED)

    def request_interrupt(self) -> None:
        """Make the running program raise ``Interrupted`` soon (safe from any thread).

        Uses CPython's asynchronous exception delivery to the JS thread: no flag is
        polled on the hot paths, so it costs nothing until used."""
        t = self._worker
        self._interrupt_requested = True
        if t is None or t.ident is None:
            return
        import ctypes

        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(t.ident), ctypes.py_object(Interrupted))

    def parse(self, source: str, filename: str) -> Program:
        base = self.next_sid_base()
        return parse(source, filename, sid_base=base)

    def loaded_programs(self) -> list[Program]:
        """Every program this realm has compiled: the main file and the modules it required."""
        return [cp.program for cp in self._compiled.values()]

    def next_sid_base(self) -> int:
        end = 0
        for cp in self._compiled.values():
            end = max(end, cp.program.end)
        return end


class _TraceState:
    """Tracing bookkeeping shared by the traced code: the call site of the call in flight."""

    __slots__ = ("pending",)

    def __init__(self) -> None:
        self.pending: Optional[int] = None


def _inside_builtin(frame: Any) -> bool:
    """Whether an engine error is being raised by a built-in function (``toFixed``,
    ``JSON.parse``) rather than by an operator: then the innermost JS frame is stopped
    at the call to it, which is the position V8 reports for that frame."""
    from .loader import unit_for_code

    f = frame
    while f is not None and unit_for_code(f.f_code.co_filename) is None:
        if os.path.basename(f.f_code.co_filename).startswith("builtins_"):
            return True
        f = f.f_back
    return False


def _array_iter(arr: JSArray) -> Iterator[Any]:
    elems = arr.elems
    i = 0
    while i < len(elems):
        v = elems[i]
        yield UNDEFINED if v is HOLE else v
        i += 1


def _string_iter(s: str) -> Iterator[str]:
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if "\ud800" <= c <= "\udbff" and i + 1 < n and "\udc00" <= s[i + 1] <= "\udfff":
            yield s[i:i + 2]
            i += 2
        else:
            yield c
            i += 1


def _host_error_text(e: Any) -> str:
    """Node's report of a syntax error (file:line, source line, caret, message), and
    ours for an unsupported feature."""
    from ..errors import JSSyntaxError, Unsupported

    if isinstance(e, JSSyntaxError):
        try:
            with open(e.filename, encoding="utf-8") as fh:
                lines = fh.read().splitlines()
            src = lines[e.line - 1] if 0 < e.line <= len(lines) else ""
        except OSError:
            src = ""
        caret = " " * max(e.column - 1, 0) + "^"
        msg = e.message
        if msg.startswith("Unexpected token ") and not msg.endswith("'"):
            msg = f"Unexpected token '{msg[len('Unexpected token '):]}'"  # V8 quotes the token
        return f"{e.filename}:{e.line}\n{src}\n{caret}\n\nSyntaxError: {msg}\n\nNode.js {NODE_VERSION}\n"
    if isinstance(e, Unsupported):
        return f"{e}\n"  # "Unsupported: <feature> at FILE:LINE:COL", the one form every stage prints
    return f"{e}\n"
