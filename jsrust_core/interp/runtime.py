"""The helpers generated code calls: the general (non-float) paths of every operator,
property access, calls, object/class construction and the traced variants.

``build_namespace(realm)`` returns the globals dict every compiled program of that
realm starts from. Helpers are closures over the realm's bound methods, so a call
from generated code is one plain Python call.
"""
from __future__ import annotations

import math
import re
from typing import Any, Callable, Optional

from ..errors import Unsupported
from ..numconv import to_int32, to_uint32
from ..values import (
    HOLE,
    NULL,
    SYMBOL_ITERATOR,
    UNDEFINED,
    Accessor,
    JSArray,
    JSError,
    JSFunction,
    JSObject,
    JSSymbol,
    NC,
    RO,
)
from .builtins_common import not_iterable
from .builtins_math import js_pow
from .builtins_regexp import new_regexp
from .functions import ClassFunction, JSThrow, NativeFunction, PrivateName, UserFunction
from .nodeglobals import NODE_GLOBAL_NAMES, NODE_GLOBAL_TYPES
from .stack import caller_site


def key_name(key: Any) -> str:
    """The function name a property key gives (SetFunctionName): a string key as it is,
    a symbol key as ``[description]``, and ``""`` for a symbol made without one."""
    if isinstance(key, JSSymbol):
        return f"[{key.description}]" if key.described else ""
    return key

_MISSING = object()
#: how the compiler names a JS variable held in a Python local (``v<uid>_<name>``)
_JS_LOCAL = re.compile(r"'v\d+_(\w+)'")


def catch_value(realm: Any, e: BaseException) -> Any:
    """The JS value a ``catch`` clause receives for a Python exception it caught (also
    for one nothing caught, see ``Realm._run``)."""
    if type(e) is JSThrow:
        return e.value
    from .stack import raised_error

    if isinstance(e, RecursionError):
        return raised_error(realm, "RangeError", "Maximum call stack size exceeded", e)
    if isinstance(e, UnboundLocalError):
        # a let/const read in its temporal dead zone (a Python local not yet bound)
        m = _JS_LOCAL.search(str(e))
        if m is None:
            raise e  # not a JS variable: an interpreter bug, do not disguise it
        return raised_error(realm, "ReferenceError", f"Cannot access '{m.group(1)}' before initialization", e)
    raise e


def build_namespace(realm: Any) -> dict:  # noqa: C901 - one closure per helper
    """Globals for generated code (see ``compiler.py`` for who calls what)."""
    from .realm import MappedEnv

    get = realm.get
    getv = realm.getv
    put_ = realm.set
    to_number = realm.to_number
    to_string = realm.to_string
    to_primitive = realm.to_primitive
    to_key = realm.to_key
    truthy = realm.truthy
    type_error = realm.type_error
    rec_cell = realm.rec_cell
    tstate = realm.trace_state
    TDZ = __import__("jsrust_core.interp.realm", fromlist=["TDZ"]).TDZ

    def tn(v: Any) -> float:
        return v if type(v) is float else to_number(v)

    def tstr(v: Any) -> str:
        return v if type(v) is str else to_string(v)

    def add(a: Any, b: Any) -> Any:
        ta, tb = type(a), type(b)
        if ta is str and tb is str:
            return a + b
        if ta is float and tb is float:
            return a + b
        a = to_primitive(a)
        b = to_primitive(b)
        if type(a) is str or type(b) is str:
            return to_string(a) + to_string(b)
        return to_number(a) + to_number(b)

    def sub(a: Any, b: Any) -> float:
        return tn(a) - tn(b)

    def mul(a: Any, b: Any) -> float:
        return tn(a) * tn(b)

    def div(a: Any, b: Any) -> float:
        a, b = tn(a), tn(b)
        if b == 0.0:
            if a != a or a == 0.0:
                return math.nan
            return math.inf if (a > 0) == (math.copysign(1.0, b) > 0) else -math.inf
        return a / b

    def mod(a: Any, b: Any) -> float:
        a, b = tn(a), tn(b)
        if b == 0.0 or a != a or b != b or math.isinf(a):
            return math.nan
        if math.isinf(b):
            return a
        if a == 0.0:
            return a
        r = math.fmod(a, b)
        if r == 0.0:
            return math.copysign(0.0, a)
        return r

    def pow_(a: Any, b: Any) -> float:
        # JS's ** (builtins_math.js_pow): NaN exponents and (±1) ** ±Infinity
        return js_pow(tn(a), tn(b))

    def compare(a: Any, b: Any, left_first: bool = True) -> Any:
        """Abstract relational comparison a < b: True, False or None (undefined)."""
        if left_first:
            a = to_primitive(a, "number")
            b = to_primitive(b, "number")
        else:
            b = to_primitive(b, "number")
            a = to_primitive(a, "number")
        if type(a) is str and type(b) is str:
            return a < b
        a, b = to_number(a), to_number(b)
        if a != a or b != b:
            return None
        return a < b

    def lt(a: Any, b: Any) -> bool:
        return compare(a, b) is True

    def gt(a: Any, b: Any) -> bool:
        return compare(b, a, False) is True

    def le(a: Any, b: Any) -> bool:
        r = compare(b, a, False)
        return r is False

    def ge(a: Any, b: Any) -> bool:
        r = compare(a, b)
        return r is False

    def seq(a: Any, b: Any) -> bool:
        ta = type(a)
        if ta is not type(b):
            return False
        if ta is float or ta is str:
            return a == b
        return a is b

    def leq(a: Any, b: Any) -> bool:
        ta, tb = type(a), type(b)
        if ta is tb:
            if ta is float or ta is str:
                return a == b
            if a is b:
                return True
        an = a is UNDEFINED or a is NULL
        bn = b is UNDEFINED or b is NULL
        if an or bn:
            return an and bn
        if ta is tb:
            return False
        if ta is float and tb is str:
            return a == to_number(b)
        if ta is str and tb is float:
            return to_number(a) == b
        if ta is bool:
            return leq(1.0 if a else 0.0, b)
        if tb is bool:
            return leq(a, 1.0 if b else 0.0)
        ao, bo = isinstance(a, JSObject), isinstance(b, JSObject)
        if ao and not bo:
            return leq(to_primitive(a), b)
        if bo and not ao:
            return leq(a, to_primitive(b))
        return False

    def band(a: Any, b: Any) -> float:
        return float(to_int32(tn(a)) & to_int32(tn(b)))

    def bor(a: Any, b: Any) -> float:
        return float(to_int32(tn(a)) | to_int32(tn(b)))

    def bxor(a: Any, b: Any) -> float:
        return float(to_int32(tn(a)) ^ to_int32(tn(b)))

    def shl(a: Any, b: Any) -> float:
        return float(to_int32(float(to_int32(tn(a)) << (to_uint32(tn(b)) & 31))))

    def sar(a: Any, b: Any) -> float:
        return float(to_int32(tn(a)) >> (to_uint32(tn(b)) & 31))

    def shr(a: Any, b: Any) -> float:
        return float(to_uint32(tn(a)) >> (to_uint32(tn(b)) & 31))

    def bnot(a: Any) -> float:
        return float(~to_int32(tn(a)))

    def neg(a: Any) -> float:
        return -tn(a)

    def typeof(v: Any) -> str:
        t = type(v)
        if t is float:
            return "number"
        if t is str:
            return "string"
        if t is bool:
            return "boolean"
        if v is UNDEFINED:
            return "undefined"
        if v is NULL:
            return "object"
        if t is JSSymbol:
            return "symbol"
        if isinstance(v, JSFunction):
            return "function"
        return "object"

    def typeof_global(name: str) -> str:
        try:
            return typeof(gl(name))
        except JSThrow:
            return "undefined"
        except Unsupported:  # a Node global not modelled here: its type is still known
            return NODE_GLOBAL_TYPES.get(name, "function")

    def instanceof(o: Any, f: Any) -> bool:
        if not isinstance(f, JSFunction):
            what = "callable" if isinstance(f, JSObject) else "an object"
            raise type_error(f"Right-hand side of 'instanceof' is not {what}")
        while type(f).__name__ == "BoundFunction":
            f = f.target  # type: ignore[attr-defined]
        if not isinstance(o, JSObject):
            return False
        proto = get(f, "prototype")
        p = o.proto
        while p is not None:
            if p is proto:
                return True
            p = p.proto
        return False

    def in_(k: Any, o: Any) -> bool:
        if not isinstance(o, JSObject):
            what = k.description if type(k) is PrivateName else tstr(k) if type(k) is not JSSymbol else k
            raise type_error(f"Cannot use 'in' operator to search for '{what}' in {tstr(o)}")
        return realm.has_property(o, to_key(k))

    def delete(o: Any, k: Any, strict: bool = False) -> bool:
        if o is UNDEFINED or o is NULL:
            raise type_error(f"Cannot convert undefined or null to object")
        if not isinstance(o, JSObject):
            return True
        k = to_key(k)
        if (not o.configurable(k) and realm.has_own(o, k)) or (k == "prototype" and isinstance(o, JSFunction)) \
                or (k == "length" and isinstance(o, JSArray)):
            if strict:  # (a function's `prototype` and an array's `length` are never configurable)
                what = "[object Array]" if isinstance(o, JSArray) else \
                    to_string(o) if isinstance(o, JSFunction) else realm.describe_value(o)
                raise type_error(f"Cannot delete property '{realm.key_text(k)}' of {what}")
            return False
        if o.attrs:
            o.attrs.pop(k, None)
        if isinstance(o, JSArray) and type(k) is str:
            from .realm import array_index

            i = array_index(k)
            if i >= 0:
                if i < len(o.elems):
                    if getattr(o, "mapped", None) is not None:
                        o.mapped.unmap(i)  # the parameter keeps its value, no longer aliased
                    o.elems[i] = HOLE
                return True
        o.props.pop(k, None)
        if o.hidden:
            o.hidden.discard(k)
        return True

    # ---- variables -----------------------------------------------------------------
    genv = realm.genv
    gslots = realm.gslots
    gobj = realm.global_obj

    def gl(name: str) -> Any:
        i = gslots.get(name)
        if i is not None:
            v = genv[i]
            if v is TDZ:
                raise realm.reference_error(f"Cannot access '{name}' before initialization")
            return v
        o = gobj
        while o is not None:
            v = o.props.get(name, _MISSING)
            if v is not _MISSING:
                if type(v) is Accessor:
                    return v.getter.call(gobj, []) if v.getter else UNDEFINED
                return v
            o = o.proto
        if name in NODE_GLOBAL_NAMES:  # Node has it: not defined here is not modelled, not an error
            raise Unsupported(f"the Node global `{name}`", *caller_site(realm))
        raise realm.reference_error(f"{name} is not defined")

    def gs(name: str, v: Any, strict: bool = False) -> Any:
        i = gslots.get(name)
        if i is not None:
            if genv[i] is TDZ:
                raise realm.reference_error(f"Cannot access '{name}' before initialization")
            if name in realm.gconst:
                raise type_error("Assignment to constant variable.")
            genv[i] = v
            return v
        if strict and not realm.has_property(gobj, name):
            raise realm.reference_error(f"{name} is not defined")  # strict code creates no globals
        put_(gobj, name, v, strict)
        return v

    def chk(v: Any, name: str) -> Any:
        if v is TDZ:
            raise realm.reference_error(f"Cannot access '{name}' before initialization")
        return v

    def constassign(_v: Any) -> Any:
        raise type_error("Assignment to constant variable.")

    def setslot(env: list, i: int, v: Any) -> Any:
        env[i] = v
        return v

    def setslot_chk(env: list, i: int, v: Any, name: str) -> Any:
        if env[i] is TDZ:
            raise realm.reference_error(f"Cannot access '{name}' before initialization")
        env[i] = v
        return v

    # ---- objects -------------------------------------------------------------------
    object_proto = realm.object_proto
    array_proto = realm.array_proto

    def arr(items: list) -> JSArray:
        return JSArray(array_proto, items)

    def obj() -> JSObject:
        return JSObject(object_proto)

    def objlit(d: dict) -> JSObject:
        o = JSObject(object_proto)
        o.props = d
        return o

    def obj_put(o: JSObject, k: Any, v: Any) -> None:
        realm.define(o, k, v)

    def fname(f: JSFunction, key: Any, prefix: str = "") -> JSFunction:
        """Name a function defined under a computed key, as SetFunctionName does when the
        key is only known at run time: a symbol key names it ``[description]`` (nothing
        for ``Symbol()``), an accessor gets ``get ``/``set `` before the key."""
        f.name = prefix + key_name(key)
        return f

    def obj_accessor(o: JSObject, k: Any, f: JSFunction, is_get: bool) -> None:
        cur = o.props.get(k)
        if type(cur) is not Accessor:
            cur = Accessor(None, None)
            o.props[k] = cur
        if is_get:
            cur.getter = f
        else:
            cur.setter = f

    def obj_spread(o: JSObject, src: Any) -> None:
        if src is UNDEFINED or src is NULL or not isinstance(src, (JSObject, str)):
            return
        if type(src) is str:
            for i, c in enumerate(src):
                o.props[str(i)] = c
            return
        for k in realm.own_keys(src):
            realm.define(o, k, get(src, k))
        for k in list(src.props):
            if type(k) is JSSymbol:
                o.props[k] = get(src, k)

    def obj_setproto(o: JSObject, p: Any) -> None:
        if isinstance(p, JSObject):
            o.proto = p
        elif p is NULL:
            o.proto = None

    def reqobj(v: Any, key: Optional[str] = None, src: Optional[str] = None) -> Any:
        """``v`` if an object pattern can destructure it, else V8's TypeError: naming the
        first key when it is a plain one, and ``src``, the value's source text (``""``: the
        value described, for a parameter; None: a nested pattern, worded as a read)."""
        if v is UNDEFINED or v is NULL:
            what = repr(v)
            if src is None and key is not None:
                raise type_error(f"Cannot read properties of {what} (reading '{key}')")
            if not src:
                src = "object null" if v is NULL and src == "" else what
            if key is None:
                raise type_error(f"Cannot destructure '{src}' as it is {what}.")
            raise type_error(f"Cannot destructure property '{key}' of '{src}' as it is {what}.")
        return v

    def objrest(src: Any, taken: list) -> JSObject:
        o = JSObject(object_proto)
        if isinstance(src, JSObject):
            skip = set(taken)
            for k in realm.own_keys(src):
                if k not in skip:
                    o.props[k] = get(src, k)
        return o

    def tolist(v: Any, src: Optional[str] = None) -> list:
        """The values an array pattern takes from ``v``. One that is not iterable is a
        TypeError naming ``src`` (the source text V8 quotes) or, without it, describing ``v``."""
        if type(v) is JSArray and SYMBOL_ITERATOR not in v.props:
            return [UNDEFINED if x is HOLE else x for x in v.elems]
        if type(v) is not str and not (isinstance(v, JSObject) and isinstance(get(v, SYMBOL_ITERATOR), JSFunction)):
            raise type_error(f"{src} is not iterable") if src is not None else not_iterable(realm, v)
        return list(realm.iterate(v))

    def spread(v: Any, text: str = "", in_call: bool = False) -> Any:
        if type(v) is JSArray and SYMBOL_ITERATOR not in v.props:
            return [UNDEFINED if x is HOLE else x for x in v.elems]
        return realm.iterate(v, text, in_call)

    def iter_(v: Any, text: str = "") -> Any:
        return realm.iterate(v, text)

    def forin(o: Any) -> Any:
        """The keys `for (k in o)` visits: enumerable string keys, own then inherited."""
        if o is UNDEFINED or o is NULL:
            return []
        if not isinstance(o, JSObject):
            if type(o) is str:
                return [str(i) for i in range(len(o))]
            return []
        out = []
        seen: set = set()
        p = o
        while p is not None:
            for k in realm.own_keys(p):
                if k not in seen:
                    seen.add(k)
                    out.append(k)
            for k in p.props:
                seen.add(k)
            p = p.proto
        # a key deleted by an earlier iteration is not visited (V8 checks each before its turn)
        return (k for k in out if realm.has_property(o, k))

    def mkargs(args: list) -> JSArray:
        from .realm import Arguments

        a = Arguments(object_proto, list(args))
        a.class_name = "Arguments"
        a.mapped = None
        return a

    def pad(args: list, n: int) -> list:
        if len(args) > n:
            return args[:n]
        return args + [UNDEFINED] * (n - len(args))

    def getlen(o: Any) -> Any:
        t = type(o)
        if t is JSArray:
            return float(len(o.elems))
        if t is str:
            return float(len(o))
        return get(o, "length")

    def update_member(o: Any, k: Any, delta: float, prefix: bool, strict: bool = False) -> float:
        old = tn(get(o, k))
        put_(o, k, old + delta, strict)
        return old + delta if prefix else old

    def writers(strict: bool) -> tuple[Callable, Callable]:
        """``o[k] = v`` (computed) and ``o.k = v`` for sloppy or strict code: the common
        cases inline, everything else (and every refused write) through ``realm.set``."""
        def putv(o: Any, k: Any, v: Any) -> Any:
            if type(k) is float and type(o) is JSArray:
                elems = o.elems
                if 0 <= k < len(elems) and k.is_integer() and not o.frozen:
                    elems[int(k)] = v
                    return v
                if k == len(elems) and o.extensible:
                    elems.append(v)
                    return v
            put_(o, to_key(k) if type(k) is not str else k, v, strict)
            return v

        def put(o: Any, k: Any, v: Any) -> Any:
            if type(o) is JSObject:
                props = o.props
                cur = props.get(k, _MISSING)
                if cur is _MISSING:
                    # a new property: only a setter up the prototype chain can intercept it
                    p = o.proto
                    while p is not None:
                        if k in p.props:
                            break
                        p = p.proto
                    else:
                        if o.extensible and type(k) is not PrivateName:  # (a missing #x: realm.set throws)
                            props[k] = v
                            return v
                elif type(cur) is not Accessor and not o.frozen:
                    props[k] = v
                    return v
            put_(o, k, v, strict)
            return v

        return putv, put

    putv, put = writers(False)
    putv_strict, put_strict = writers(True)

    def getfast(o: Any, k: Any) -> Any:
        if type(o) is JSObject:
            v = o.props.get(k, _MISSING)
            if v is not _MISSING and type(v) is not Accessor:
                return v
        return get(o, k)

    # ---- calls ---------------------------------------------------------------------
    def call(f: Any, this: Any, args: list, desc: str = "") -> Any:
        if isinstance(f, JSFunction):
            return f.call(this, args)
        raise type_error(f"{desc or realm.describe_value(f)} is not a function")

    def callm(o: Any, k: Any, args: list, desc: str) -> Any:
        if type(o) is JSObject:
            # the method is usually on a prototype: walk the chain inline
            p = o
            f = _MISSING
            while p is not None:
                f = p.props.get(k, _MISSING)
                if f is not _MISSING:
                    break
                p = p.proto
            if f is _MISSING or type(f) is Accessor:
                f = get(o, k)
        else:
            f = get(o, k)
        if type(f) is UserFunction:
            return f.tmpl.code(f, o, args)
        if isinstance(f, JSFunction):
            return f.call(o, args)
        raise type_error(f"{desc} is not a function")

    def callmv(o: Any, k: Any, args: list, desc: str) -> Any:
        f = getv(o, k)
        if isinstance(f, JSFunction):
            return f.call(o, args)
        raise type_error(f"{desc} is not a function")

    def constructible(f: Any) -> bool:
        """Whether `new f(..)` may run: V8 refuses arrows, methods, accessors and built-ins
        that are no constructors, quoting the callee (`o.m`, `Math.max`)."""
        if type(f) is UserFunction:
            return f.tmpl.kind == "function"
        if type(f) is NativeFunction:
            return f.ctor is not None
        return isinstance(f, JSFunction)

    def new(f: Any, args: list, desc: str) -> Any:
        if not constructible(f):
            raise type_error(f"{desc} is not a constructor")
        return f.construct(args)

    # ---- functions and classes -----------------------------------------------------
    def mkfn(tmpl: Any, env: Any, home: Any = None) -> UserFunction:
        f = UserFunction(realm, tmpl, env, home)
        if tmpl.kind == "function":
            p = JSObject(object_proto)
            p.set_hidden("constructor", f)
            f.set_hidden("prototype", p)
        return f

    def mkfn_self(tmpl: Any, env: Any) -> UserFunction:
        e = [env, None]
        f = mkfn(tmpl, e)
        e[1] = f
        return f

    def mkclass(name: str, tmpl: Any, env: Any, sup: Any, derived: bool, members: list, sid: int,
                src: str, inner_binding: Optional[tuple] = None) -> ClassFunction:
        """Create a class; ``inner_binding`` (env, slot) is the class's own name inside
        its body, initialised before static fields and blocks run (they may use it)."""
        if derived:
            if sup is NULL:
                parent_proto = None
                parent = realm.function_proto
            elif not isinstance(sup, JSFunction):
                raise type_error(f"Class extends value {realm.describe_value(sup) if not isinstance(sup, JSObject) else '#<Object>'} is not a constructor or null")
            else:
                parent = sup
                pp = get(sup, "prototype")
                parent_proto = pp if isinstance(pp, JSObject) else None
        else:
            parent = realm.function_proto
            parent_proto = object_proto
        cls = ClassFunction(realm, tmpl, env, name, derived)
        cls.source = src  # the whole class text, which `String(C)` shows
        cls.fn_sid = tmpl.fn_sid if tmpl is not None else sid
        if tmpl is None:
            cls.length = 0
        cls.proto = parent
        if derived and isinstance(sup, JSFunction):
            cls.extends_name = sup.name
        proto = JSObject(parent_proto)
        proto.set_hidden("constructor", cls)
        cls.set_hidden("prototype", proto)
        cls.set_attrs("prototype", RO | NC)  # (a class's `prototype` is read-only)
        cls.home = proto
        statics = []
        for kind, static, key, make in members:
            target = cls if static else proto
            if kind == "block":
                statics.append((None, make(cls)))  # run in order with static fields; home = the class
                continue
            if kind == "field":
                init = None if make is None else make(cls)
                if static:
                    statics.append((key, init))
                else:
                    cls.fields.append((key, init))
                continue
            fn = make(cls)
            if not isinstance(key, PrivateName):  # (a private method keeps its `#name`)
                fname(fn, key, "" if kind == "method" else kind + " ")
            if kind == "method":
                target.set_hidden(key, fn)
            else:
                cur = target.props.get(key)
                if type(cur) is not Accessor:
                    cur = Accessor(None, None, enumerable=False)
                    target.props[key] = cur
                if kind == "get":
                    cur.getter = fn
                else:
                    cur.setter = fn
        if inner_binding is not None:
            inner_binding[0][inner_binding[1]] = cls
        for key, init in statics:
            if key is None:
                init.tmpl.code(init, cls, [])
            else:
                realm.define(cls, key, UNDEFINED if init is None else init.tmpl.code(init, cls, []))
        return cls

    def class_bind(env: list, slot: int, make: Any) -> Any:
        cls = make()
        env[slot] = cls
        return cls

    def superc(F: Any, args: list, nt: Any) -> Any:
        cls = F
        while cls is not None and not isinstance(cls, ClassFunction):
            cls = getattr(cls, "home", None)
        return realm.super_construct(cls, args, nt if nt is not UNDEFINED else cls)

    def superget(F: Any, key: Any, this: Any) -> Any:
        home = F.home
        if home is None:
            raise realm.syntax_error("'super' keyword unexpected here")
        p = home.proto
        if p is None:
            return UNDEFINED
        key = to_key(key)
        o = p
        while o is not None:
            v = o.props.get(key, _MISSING)
            if v is not _MISSING:
                if type(v) is Accessor:
                    return v.getter.call(this, []) if v.getter else UNDEFINED
                return v
            o = o.proto
        if isinstance(p, JSFunction) and key in ("name", "length"):
            return get(p, key)
        return UNDEFINED

    def derived_ret(v: Any, this: Any) -> Any:
        if isinstance(v, JSObject):
            return v
        return thischk(this)

    def thischk(this: Any) -> Any:
        if this is UNDEFINED:
            raise realm.reference_error(
                "Must call super constructor in derived class before accessing 'this' or returning from derived constructor")
        return this

    # ---- exceptions ----------------------------------------------------------------
    def catchval(e: BaseException) -> Any:
        return catch_value(realm, e)

    # ---- tracing -------------------------------------------------------------------
    def tcall(sid: int, f: Any, this: Any, args: list, desc: str) -> Any:
        r = rec_cell[0]
        r.call(sid, f, this, args)
        if not isinstance(f, JSFunction):
            raise type_error(f"{desc} is not a function")
        if type(f) is UserFunction or type(f) is ClassFunction:
            tstate.pending = sid
        else:
            tstate.pending = None
        return f.call(this, args)

    def tcallm(sid: int, o: Any, k: Any, args: list, desc: str) -> Any:
        f = getv(o, k)
        rec_cell[0].get(sid, o, k, f)
        return tcall(sid, f, o, args, desc)

    def tnew(sid: int, f: Any, args: list, desc: str) -> Any:
        r = rec_cell[0]
        r.call(sid, f, UNDEFINED, args)
        if not constructible(f):
            raise type_error(f"{desc} is not a constructor")
        tstate.pending = sid if isinstance(f, UserFunction) else None
        res = f.construct(args)
        r.op(sid, "new", (f, *args), res)
        return res

    binops = {"+": add, "-": sub, "*": mul, "/": div, "%": mod, "**": pow_, "<": lt, ">": gt, "<=": le,
              ">=": ge, "===": seq, "!==": lambda a, b: not seq(a, b), "==": leq, "!=": lambda a, b: not leq(a, b),
              "&": band, "|": bor, "^": bxor, "<<": shl, ">>": sar, ">>>": shr, "instanceof": instanceof,
              "in": in_}
    unops = {"-": neg, "+": tn, "!": lambda a: not truthy(a), "~": bnot, "typeof": typeof}

    def tbin(sid: int, op: str, a: Any, b: Any) -> Any:
        r = binops[op](a, b)
        rec_cell[0].op2(sid, op, a, b, r)
        return r

    def tun(sid: int, op: str, a: Any) -> Any:
        r = unops[op](a)
        rec_cell[0].op1(sid, op, a, r)
        return r

    def tupd(sid: int, op: str, a: Any) -> float:
        r = tn(a) + (1.0 if op == "++" else -1.0)
        rec_cell[0].op1(sid, op, a, r)
        return r

    def tput(sid: int, o: Any, k: Any, v: Any, computed: bool, strict: bool = False) -> Any:
        if computed:
            (putv_strict if strict else putv)(o, k, v)
        else:
            put_(o, k, v, strict)
        rec_cell[0].put(sid, o, k, v)
        return v

    def bindv(sid: int, name: str, v: Any) -> Any:
        rec_cell[0].bind(sid, name, v)
        return v

    def mkre(program: Any) -> Any:
        """A regex literal's value: a new RegExp per evaluation, sharing the compiled program."""
        return new_regexp(realm, program)

    def sloppy_this(this: Any) -> Any:
        if this is UNDEFINED or this is NULL:
            return gobj
        return realm.to_object(this)

    return {
        "U": UNDEFINED, "N": NULL, "_TDZ": TDZ, "_HOLE": HOLE, "_NAN": math.nan, "_INF": math.inf,
        "_NINF": -math.inf, "_GE": genv, "_GOBJ": gobj, "_JSThrow": JSThrow, "_UF": UserFunction, "_JSArray": JSArray,
        "_CATCHABLE": (JSThrow, RecursionError, UnboundLocalError), "_catchval": catchval,
        "_tr": truthy, "_tn": tn, "_tstr": tstr, "_tokey": to_key,
        "_add": add, "_sub": sub, "_mul": mul, "_div": div, "_mod": mod, "_pow": pow_,
        "_lt": lt, "_gt": gt, "_le": le, "_ge": ge, "_seq": seq, "_leq": leq,
        "_band": band, "_bor": bor, "_bxor": bxor, "_shl": shl, "_sar": sar, "_shr": shr, "_bnot": bnot,
        "_neg": neg, "_typeof": typeof, "_typeof_global": typeof_global, "_instanceof": instanceof, "_in": in_,
        "_delete": delete, "_gl": gl, "_gs": gs, "_chk": chk, "_constassign": constassign, "_setslot": setslot,
        "_setslot_chk": setslot_chk, "_arr": arr, "_obj": obj, "_objlit": objlit, "_obj_put": obj_put, "_fname": fname,
        "_obj_accessor": obj_accessor, "_obj_spread": obj_spread, "_obj_setproto": obj_setproto,
        "_reqobj": reqobj, "_objrest": objrest, "_tolist": tolist, "_spread": spread, "_iter": iter_,
        "_forin": forin, "_mkargs": mkargs, "_MappedEnv": MappedEnv, "_pad": pad, "_get": getfast, "_getv": getv, "_getlen": getlen,
        "_put": put, "_putv": putv, "_puts": put_strict, "_putvs": putv_strict, "_update_member": update_member, "_call": call, "_callm": callm,
        "_callmv": callmv, "_new": new, "_mkfn": mkfn, "_mkfn_self": mkfn_self, "_mkclass": mkclass,
        "_class_bind": class_bind, "_superc": superc, "_superget": superget, "_derived_ret": derived_ret, "_thischk": thischk,
        "_RL": rec_cell, "_ST": tstate, "_tcall": tcall, "_tcallm": tcallm, "_tnew": tnew, "_tbin": tbin,
        "_tun": tun, "_tupd": tupd, "_tput": tput, "_bindv": bindv,
        "_sloppy_this": sloppy_this, "_JSObject": JSObject, "_mkre": mkre,
    }
