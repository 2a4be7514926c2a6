"""The core built-ins the interpreter itself relies on: ``Object``, ``Function``,
the ``Error`` family, ``Symbol``, iterators' root, ``globalThis``, ``console``,
``process`` and ``require``. (Strings, arrays, numbers, JSON, Map/Set live in the
other ``builtins_*`` modules.)
"""
from __future__ import annotations

import math
import os
from typing import Any

from ..inspect import format_log, inspect
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
    JSRegExp,
    NC,
    RO,
    JSSymbol,
    from_js_string,
)
from .builtins_common import TO_STRING_TAG, to_integer
from .functions import BoundFunction, ClassFunction, JSThrow, NativeFunction, UserFunction, instance_proto

#: the most arguments ``apply`` passes before V8 runs out of stack (Node 20 here: 125,000 pass,
#: 130,000 throw; the exact bound depends on the stack, so this is the measured lower one)
APPLY_MAX_ARGS = 125_000

ERROR_KINDS = ("Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError")


def same_value(a: Any, b: Any) -> bool:
    """``Object.is``: like ``===`` except NaN equals NaN and +0 differs from -0."""
    if type(a) is float and type(b) is float:
        if a != a and b != b:
            return True
        if a == 0.0 and b == 0.0:
            return math.copysign(1.0, a) == math.copysign(1.0, b)
        return a == b
    if type(a) is not type(b):
        return False
    return a == b if type(a) is str else a is b

def _arg(args: list, i: int) -> Any:
    return args[i] if len(args) > i else UNDEFINED


def _require_object(realm: Any, v: Any, what: str) -> JSObject:
    if not isinstance(v, JSObject):
        if v is UNDEFINED or v is NULL:
            raise realm.type_error("Cannot convert undefined or null to object")
        return realm.to_object(v)
    return v


# ---- Object -----------------------------------------------------------------------

def install_object(realm: Any) -> None:
    op = realm.object_proto

    def object_call(realm: Any, this: Any, args: list) -> Any:
        v = _arg(args, 0)
        if v is UNDEFINED or v is NULL:
            return realm.new_object()
        return realm.to_object(v)

    def object_ctor(realm: Any, args: list, nt: Any) -> Any:
        return object_call(realm, UNDEFINED, args)

    ctor = NativeFunction(realm, "Object", object_call, 1, object_ctor)
    ctor.set_hidden("prototype", op)
    op.set_hidden("constructor", ctor)
    realm.global_obj.set_hidden("Object", ctor)

    def keys(realm: Any, this: Any, args: list) -> Any:
        o = _require_object(realm, _arg(args, 0), "keys")
        return realm.new_array(realm.own_keys(o))

    def values(realm: Any, this: Any, args: list) -> Any:
        o = _require_object(realm, _arg(args, 0), "values")
        return realm.new_array([realm.get(o, k) for k in realm.own_keys(o)])

    def entries(realm: Any, this: Any, args: list) -> Any:
        o = _require_object(realm, _arg(args, 0), "entries")
        return realm.new_array([realm.new_array([k, realm.get(o, k)]) for k in realm.own_keys(o)])

    def assign(realm: Any, this: Any, args: list) -> Any:
        target = _require_object(realm, _arg(args, 0), "assign")
        for src in args[1:]:
            if isinstance(src, JSObject):
                for k in realm.own_keys(src):
                    realm.set(target, k, realm.get(src, k), True)
                for k in list(src.props):
                    if type(k) is JSSymbol:
                        realm.set(target, k, realm.get(src, k))
            elif type(src) is str:
                for i, c in enumerate(src):
                    realm.set(target, str(i), c)
        return target

    def all_own_keys(o: JSObject) -> list:
        """Every own key, hidden ones and array indices included (attributes apply to all)."""
        keys = list(o.props)
        if isinstance(o, JSArray):
            keys = [str(i) for i, v in enumerate(o.elems) if v is not HOLE] + keys
        return keys

    def freeze(realm: Any, this: Any, args: list) -> Any:
        o = _arg(args, 0)
        if isinstance(o, JSObject):
            o.frozen = True
            o.attrs = None  # frozen with no per-key table: every property read-only, non-configurable
            o.extensible = False
        return o

    def is_frozen(realm: Any, this: Any, args: list) -> Any:
        o = _arg(args, 0)
        if not isinstance(o, JSObject):
            return True
        if o.extensible:
            return False
        return all(not o.configurable(k) and (type(o.props.get(k)) is Accessor or not o.writable(k))
                   for k in all_own_keys(o))

    def seal(realm: Any, this: Any, args: list) -> Any:
        o = _arg(args, 0)
        if isinstance(o, JSObject):
            for k in all_own_keys(o):
                o.set_attrs(k, NC)
            o.extensible = False
        return o

    def prevent_extensions(realm: Any, this: Any, args: list) -> Any:
        o = _arg(args, 0)
        if isinstance(o, JSObject):
            o.extensible = False
        return o

    def is_sealed(realm: Any, this: Any, args: list) -> Any:
        o = _arg(args, 0)
        if not isinstance(o, JSObject):
            return True
        return not o.extensible and all(not o.configurable(k) for k in all_own_keys(o))

    def is_extensible(realm: Any, this: Any, args: list) -> Any:
        o = _arg(args, 0)
        return isinstance(o, JSObject) and o.extensible

    def create(realm: Any, this: Any, args: list) -> Any:
        p = _arg(args, 0)
        if p is not NULL and not isinstance(p, JSObject):
            raise realm.type_error(f"Object prototype may only be an Object or null: {realm.to_string(p)}")
        o = JSObject(p if p is not NULL else None)
        props = _arg(args, 1)
        if isinstance(props, JSObject):
            define_properties(realm, UNDEFINED, [o, props])
        return o

    def get_proto(realm: Any, this: Any, args: list) -> Any:
        o = _arg(args, 0)
        if not isinstance(o, JSObject):
            if o is UNDEFINED or o is NULL:
                raise realm.type_error("Cannot convert undefined or null to object")
            return realm.proto_of_primitive(o)
        return o.proto if o.proto is not None else NULL

    def set_proto(realm: Any, this: Any, args: list) -> Any:
        o, p = _arg(args, 0), _arg(args, 1)
        if isinstance(o, JSObject):
            o.proto = p if isinstance(p, JSObject) else None
        return o

    def define_property(realm: Any, this: Any, args: list) -> Any:
        """``Object.defineProperty``: attributes a descriptor leaves out keep their
        current values on an existing property and default to false on a new one;
        a non-configurable property accepts only a value change while writable."""
        o, k, desc = _arg(args, 0), _arg(args, 1), _arg(args, 2)
        if not isinstance(o, JSObject):
            raise realm.type_error("Object.defineProperty called on non-object")
        if not isinstance(desc, JSObject):
            raise realm.type_error(f"Property description must be an object: {realm.to_string(desc)}")
        k = realm.to_key(k)

        def field(name: str) -> Any:
            return realm.get(desc, name) if realm.has_property(desc, name) else None

        enumerable, configurable, writable = field("enumerable"), field("configurable"), field("writable")
        getter, setter, value = field("get"), field("set"), field("value")
        if (getter is not None or setter is not None) and (value is not None or writable is not None):
            raise realm.type_error("Invalid property descriptor. Cannot both specify accessors and a value or "
                                   f"writable attribute, {realm.describe_value(desc)}")
        existed = realm.has_own(o, k)
        if not existed and not o.extensible:
            raise realm.type_error(f"Cannot define property {realm.key_text(k)}, object is not extensible")
        if existed and not o.configurable(k):
            cur = o.props.get(k)
            redefines = (configurable is not None and realm.truthy(configurable)) or getter is not None or \
                setter is not None or type(cur) is Accessor or \
                (enumerable is not None and realm.truthy(enumerable) == bool(o.hidden and k in o.hidden)) or \
                (not o.writable(k) and ((writable is not None and realm.truthy(writable)) or
                                        (value is not None and not same_value(value, realm.get(o, k)))))
            if redefines:
                raise realm.type_error(f"Cannot redefine property: {realm.key_text(k)}")
        # an accessor turned into a data property has no `writable` to keep: it defaults to false
        was_accessor = existed and type(o.props.get(k)) is Accessor and getter is None and setter is None
        hide = not realm.truthy(enumerable) if enumerable is not None else \
            (not existed or bool(o.hidden and k in o.hidden))
        if getter is not None or setter is not None:
            o.props[k] = Accessor(getter if isinstance(getter, JSFunction) else None,
                                  setter if isinstance(setter, JSFunction) else None, not hide)
        elif isinstance(o, JSArray) and type(k) is str and k != "length" and k.isdigit():
            if value is not None:
                o.frozen, was_frozen = False, o.frozen  # defining is not assigning: attributes do not apply
                realm.set(o, k, value)
                o.frozen = was_frozen
        elif value is not None or not existed:
            o.props[k] = UNDEFINED if value is None else value
        if hide:
            if o.hidden is None:
                o.hidden = set()
            o.hidden.add(k)
        elif o.hidden:
            o.hidden.discard(k)
        bits = 0
        if (configurable is not None and not realm.truthy(configurable)) or (configurable is None and not existed):
            bits |= NC
        if getter is None and setter is None and \
                ((writable is not None and not realm.truthy(writable)) or
                 (writable is None and (not existed or was_accessor))):
            bits |= RO
        if bits:
            o.set_attrs(k, bits)
        if writable is not None and realm.truthy(writable) and o.attrs and o.attrs.get(k, 0) & RO:
            o.attrs[k] &= ~RO
        return o

    def define_properties(realm: Any, this: Any, args: list) -> Any:
        o, props = _arg(args, 0), _arg(args, 1)
        for k in realm.own_keys(props):
            define_property(realm, UNDEFINED, [o, k, realm.get(props, k)])
        return o

    def from_entries(realm: Any, this: Any, args: list) -> Any:
        o = realm.new_object()
        for entry in realm.iterate(_arg(args, 0)):
            realm.define(o, realm.to_key(realm.getv(entry, 0.0)), realm.getv(entry, 1.0))
        return o

    def get_own_property_names(realm: Any, this: Any, args: list) -> Any:
        o = _require_object(realm, _arg(args, 0), "getOwnPropertyNames")
        keys = realm.own_keys(o)
        if isinstance(o, JSArray) or isinstance(getattr(o, "primitive", None), str):
            keys.append("length")  # (a String wrapper's too, after its indices)
        seen = set(keys)
        # then the non-enumerable ones: hidden data properties and accessors defined non-enumerable
        return realm.new_array(keys + [k for k in o.own_keys() if k not in seen])

    def get_own_property_descriptor(realm: Any, this: Any, args: list) -> Any:
        o, k = _arg(args, 0), realm.to_key(_arg(args, 1))
        if not isinstance(o, JSObject) or not realm.has_own(o, k):
            return UNDEFINED
        d = realm.new_object()
        raw = o.props.get(k)
        if type(raw) is Accessor:
            d.props["get"] = raw.getter or UNDEFINED
            d.props["set"] = raw.setter or UNDEFINED
            d.props["enumerable"] = raw.enumerable
            d.props["configurable"] = o.configurable(k)
            return d
        d.props["value"] = realm.get(o, k)
        d.props["writable"] = o.writable(k)
        d.props["enumerable"] = not (o.hidden and k in o.hidden)
        d.props["configurable"] = o.configurable(k)
        return d

    def is_(realm: Any, this: Any, args: list) -> Any:
        return same_value(_arg(args, 0), _arg(args, 1))

    def has_own_static(realm: Any, this: Any, args: list) -> Any:
        o = _require_object(realm, _arg(args, 0), "hasOwn")
        return realm.has_own(o, realm.to_key(_arg(args, 1)))

    def get_own_property_symbols(realm: Any, this: Any, args: list) -> Any:
        o = _require_object(realm, _arg(args, 0), "getOwnPropertySymbols")
        return realm.new_array([k for k in o.props if type(k) is JSSymbol])

    for name, impl, n in (("keys", keys, 1), ("values", values, 1), ("entries", entries, 1), ("assign", assign, 2),
                          ("freeze", freeze, 1), ("isFrozen", is_frozen, 1), ("seal", seal, 1),
                          ("isSealed", is_sealed, 1), ("preventExtensions", prevent_extensions, 1),
                          ("isExtensible", is_extensible, 1), ("create", create, 2),
                          ("getPrototypeOf", get_proto, 1), ("setPrototypeOf", set_proto, 2),
                          ("defineProperty", define_property, 3), ("defineProperties", define_properties, 2),
                          ("fromEntries", from_entries, 1), ("getOwnPropertyNames", get_own_property_names, 1),
                          ("getOwnPropertyDescriptor", get_own_property_descriptor, 2), ("is", is_, 2),
                          ("hasOwn", has_own_static, 2), ("getOwnPropertySymbols", get_own_property_symbols, 1)):
        realm.define_native(ctor, name, impl, n)

    def has_own_property(realm: Any, this: Any, args: list) -> Any:
        o = _require_object(realm, this, "hasOwnProperty")
        return realm.has_own(o, realm.to_key(_arg(args, 0)))

    def to_string(realm: Any, this: Any, args: list) -> Any:
        if this is UNDEFINED:
            return "[object Undefined]"
        if this is NULL:
            return "[object Null]"
        if isinstance(this, JSArray) and this.class_name != "Arguments":
            return "[object Array]"
        if isinstance(this, JSFunction):
            return "[object Function]"
        if isinstance(this, JSError):
            return "[object Error]"
        if type(this) is float:
            return "[object Number]"
        if type(this) is str:
            return "[object String]"
        if type(this) is bool:
            return "[object Boolean]"
        if isinstance(this, JSObject) and this.class_name == "Arguments":
            return "[object Arguments]"
        if isinstance(this, JSRegExp):
            return "[object RegExp]"
        # an object's own or inherited Symbol.toStringTag names it (Map, Math, iterators...)
        tag = realm.get(this, TO_STRING_TAG) if isinstance(this, JSObject) else UNDEFINED
        return f"[object {tag}]" if type(tag) is str else "[object Object]"

    def value_of(realm: Any, this: Any, args: list) -> Any:
        return _require_object(realm, this, "valueOf")

    def is_prototype_of(realm: Any, this: Any, args: list) -> Any:
        v = _arg(args, 0)
        if not isinstance(v, JSObject):
            return False
        p = v.proto
        while p is not None:
            if p is this:
                return True
            p = p.proto
        return False

    def property_is_enumerable(realm: Any, this: Any, args: list) -> Any:
        o = _require_object(realm, this, "propertyIsEnumerable")
        k = realm.to_key(_arg(args, 0))
        return realm.has_own(o, k) and k in realm.own_keys(o)

    def to_locale_string(realm: Any, this: Any, args: list) -> Any:
        return realm.call(realm.get(this, "toString"), this, [])

    for name, impl, n in (("hasOwnProperty", has_own_property, 1), ("toString", to_string, 0),
                          ("valueOf", value_of, 0), ("isPrototypeOf", is_prototype_of, 1),
                          ("propertyIsEnumerable", property_is_enumerable, 1),
                          ("toLocaleString", to_locale_string, 0)):
        realm.define_native(op, name, impl, n)

    def proto_get(realm: Any, this: Any, args: list) -> Any:
        if isinstance(this, JSObject):
            return this.proto if this.proto is not None else NULL
        return realm.proto_of_primitive(this) if this is not UNDEFINED and this is not NULL else UNDEFINED

    def proto_set(realm: Any, this: Any, args: list) -> Any:
        p = _arg(args, 0)
        if isinstance(this, JSObject) and (isinstance(p, JSObject) or p is NULL):
            this.proto = p if p is not NULL else None
        return UNDEFINED

    op.set_hidden("__proto__", Accessor(NativeFunction(realm, "get __proto__", proto_get),
                                        NativeFunction(realm, "set __proto__", proto_set, 1), enumerable=False))


# ---- Function ---------------------------------------------------------------------

def install_function(realm: Any) -> None:
    fp = realm.function_proto

    def function_call(realm: Any, this: Any, args: list) -> Any:
        from ..errors import Unsupported

        raise Unsupported("the Function constructor (code from strings)", realm.main_filename, 0, 0)

    ctor = NativeFunction(realm, "Function", function_call, 1, lambda realm, args, nt: function_call(realm, None, args))
    ctor.set_hidden("prototype", fp)
    fp.set_hidden("constructor", ctor)
    realm.global_obj.set_hidden("Function", ctor)

    def this_function(realm: Any, this: Any, method: str) -> JSFunction:
        if not isinstance(this, JSFunction):
            raise realm.type_error(f"Function.prototype.{method} called on non-function")
        return this

    def call(realm: Any, this: Any, args: list) -> Any:
        f = this_function(realm, this, "call")
        return f.call(_arg(args, 0), list(args[1:]))

    def _apply_length(realm: Any, length: Any) -> int:
        """How many arguments ``f.apply(t, arrayLike)`` passes: ToLength of ``length`` (NaN
        and negatives are 0), V8's RangeErrors past what an array or its stack can hold."""
        n = to_integer(realm, length)
        if n <= 0:
            return 0
        if n > 4294967295:
            raise realm.range_error("Invalid array length")
        if n > APPLY_MAX_ARGS:
            raise realm.range_error("Maximum call stack size exceeded")
        return int(n)

    def apply(realm: Any, this: Any, args: list) -> Any:
        f = this_function(realm, this, "apply")
        arr = _arg(args, 1)
        if arr is UNDEFINED or arr is NULL:
            items: list = []
        elif isinstance(arr, JSArray):
            items = [UNDEFINED if v is HOLE else v for v in arr.elems]
        elif isinstance(arr, JSObject):
            items = [realm.get(arr, str(i)) for i in range(_apply_length(realm, realm.get(arr, "length")))]
        else:
            raise realm.type_error("CreateListFromArrayLike called on non-object")
        return f.call(_arg(args, 0), items)

    def bind(realm: Any, this: Any, args: list) -> Any:
        f = this_function(realm, this, "bind")
        return BoundFunction(realm, f, _arg(args, 0), list(args[1:]))

    def to_string(realm: Any, this: Any, args: list) -> Any:
        f = this_function(realm, this, "toString")
        if isinstance(f, ClassFunction):
            return f.source
        if isinstance(f, UserFunction):
            return f.tmpl.source
        if isinstance(f, BoundFunction):
            return "function () { [native code] }"
        return f"function {f.name}() {{ [native code] }}"

    for name, impl, n in (("call", call, 1), ("apply", apply, 2), ("bind", bind, 1), ("toString", to_string, 0)):
        realm.define_native(fp, name, impl, n)


# ---- Errors -----------------------------------------------------------------------

def install_errors(realm: Any) -> None:
    from .stack import install_stack

    base_ctor = None
    for kind in ERROR_KINDS:
        proto = realm.error_proto if kind == "Error" else JSObject(realm.error_proto)
        proto.set_hidden("name", kind)
        proto.set_hidden("message", "")

        def construct(realm: Any, args: list, nt: Any, _proto: JSObject = proto) -> Any:
            e = JSError(instance_proto(realm, nt, _proto))
            install_stack(realm, e, nt)  # first: V8's own-key order is stack, message, cause
            msg = _arg(args, 0)
            if msg is not UNDEFINED:
                e.set_hidden("message", realm.to_string(msg))
            opts = _arg(args, 1)
            if isinstance(opts, JSObject) and realm.has_property(opts, "cause"):
                e.set_hidden("cause", realm.get(opts, "cause"))
            if nt is not None and getattr(nt, "is_class", False):
                e.class_name = nt.name
            return e

        def call(realm: Any, this: Any, args: list, _construct: Any = construct, _kind: str = kind) -> Any:
            return _construct(realm, args, realm.error_ctors[_kind])

        ctor = NativeFunction(realm, kind, call, 1, construct)
        ctor.set_hidden("prototype", proto)
        proto.set_hidden("constructor", ctor)
        if base_ctor is not None:
            ctor.proto = base_ctor
        else:
            base_ctor = ctor
        realm.error_ctors[kind] = ctor
        realm.global_obj.set_hidden(kind, ctor)

    def error_to_string(realm: Any, this: Any, args: list) -> Any:
        if not isinstance(this, JSObject):
            raise realm.type_error("Error.prototype.toString requires that 'this' be an Object")
        from .stack import error_header

        return error_header(realm, this)

    realm.define_native(realm.error_proto, "toString", error_to_string, 0)

    def capture_stack_trace(realm: Any, this: Any, args: list) -> Any:
        o = _arg(args, 0)
        if isinstance(o, JSObject):
            install_stack(realm, o)
        return UNDEFINED

    realm.define_native(base_ctor, "captureStackTrace", capture_stack_trace, 2)
    base_ctor.props["stackTraceLimit"] = 10.0


# ---- Symbol, iterators, globals ---------------------------------------------------

def install_symbol(realm: Any) -> None:
    sp = realm.symbol_proto

    def symbol_call(realm: Any, this: Any, args: list) -> Any:
        d = _arg(args, 0)
        return JSSymbol("", False) if d is UNDEFINED else JSSymbol(realm.to_string(d))

    ctor = NativeFunction(realm, "Symbol", symbol_call, 0)
    ctor.set_hidden("prototype", sp)
    sp.set_hidden("constructor", ctor)
    ctor.set_hidden("iterator", SYMBOL_ITERATOR)
    registry: dict = {}

    def symbol_for(realm: Any, this: Any, args: list) -> Any:
        key = realm.to_string(_arg(args, 0))
        s = registry.get(key)
        if s is None:
            s = registry[key] = JSSymbol(key)
        return s

    realm.define_native(ctor, "for", symbol_for, 1)

    def key_for(realm: Any, this: Any, args: list) -> Any:
        s = _arg(args, 0)
        if type(s) is not JSSymbol:
            raise realm.type_error(f"{realm.to_string(s)} is not a symbol")
        return s.description if registry.get(s.description) is s else UNDEFINED

    realm.define_native(ctor, "keyFor", key_for, 1)
    realm.global_obj.set_hidden("Symbol", ctor)

    def this_symbol(realm: Any, this: Any) -> JSSymbol:
        if type(this) is JSSymbol:
            return this
        if isinstance(this, JSObject) and type(getattr(this, "primitive", None)) is JSSymbol:
            return this.primitive  # type: ignore[attr-defined]
        raise realm.type_error("Symbol.prototype.toString requires that 'this' be a Symbol")

    def to_string(realm: Any, this: Any, args: list) -> Any:
        return f"Symbol({this_symbol(realm, this).description})"

    def description(realm: Any, this: Any, args: list) -> Any:
        sym = this_symbol(realm, this)
        return sym.description if sym.described else UNDEFINED

    realm.define_native(sp, "toString", to_string, 0)
    sp.set_hidden("description", Accessor(NativeFunction(realm, "get description", description), None, False))

    def iter_self(realm: Any, this: Any, args: list) -> Any:
        return this

    realm.define_native(realm.iterator_proto, SYMBOL_ITERATOR, iter_self, 0)


def install_console(realm: Any) -> None:
    console = realm.new_object()
    console.class_name = "console"

    def fmt(args: list) -> str:
        return from_js_string(format_log(list(args), to_string=realm.to_string, to_number=realm.to_number))

    def log(realm: Any, this: Any, args: list) -> Any:
        realm.stdout(fmt(args) + "\n")
        return UNDEFINED

    def err(realm: Any, this: Any, args: list) -> Any:
        realm.stderr(fmt(args) + "\n")
        return UNDEFINED

    def dir_(realm: Any, this: Any, args: list) -> Any:
        realm.stdout(from_js_string(inspect(_arg(args, 0))) + "\n")
        return UNDEFINED

    for name, impl in (("log", log), ("info", log), ("debug", log), ("error", err), ("warn", err),
                       ("trace", err), ("dir", dir_)):
        f = NativeFunction(realm, name, impl, 0)
        console.props[name] = f
    realm.global_obj.set_hidden("console", console)


def install_globals(realm: Any) -> None:
    from .modules import make_process, make_require

    g = realm.global_obj
    g.set_hidden("globalThis", g)
    g.set_hidden("process", make_process(realm))
    g.set_hidden("require", make_require(realm, os.getcwd()))


def install(realm: Any) -> None:
    """Install the core built-ins into a fresh realm (before the other modules)."""
    install_object(realm)
    install_function(realm)
    install_errors(realm)
    install_symbol(realm)
    install_console(realm)
    install_globals(realm)
