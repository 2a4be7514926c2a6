"""Callable JS values: user functions, classes, bound functions and natives.

A user function is a ``FunctionTemplate`` (code shared by every closure of one
function node) plus the environment list it closed over. Calling it runs the
template's current generated Python function ``code(F, this, args, new_target)``.
"""
from __future__ import annotations

from typing import Any, Optional

from ..values import UNDEFINED, JSError, JSFunction, JSObject, JSSymbol, NativeImpl


class JSThrow(Exception):
    """A JS exception travelling through Python: ``value`` is the thrown JS value."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        Exception.__init__(self)
        self.value = value

    def __str__(self) -> str:
        v = self.value
        if isinstance(v, JSObject):
            msg = v.props.get("message")
            name = _error_name(v)
            if isinstance(msg, str):
                return f"{name}: {msg}" if msg else name
        return repr(v)


def _error_name(obj: JSObject) -> str:
    o: Optional[JSObject] = obj
    while o is not None:
        n = o.props.get("name")
        if isinstance(n, str):
            return n
        o = o.proto
    return "Error"


class PrivateName(JSSymbol):
    """The key of a ``#name`` class member: a symbol no user code can reach, stored
    as a hidden property so inspection (like Node's) does not show it. An object
    without it is a TypeError, not ``undefined`` (``read_error``/``write_error``: V8's
    messages, which name the class for a method)."""

    __slots__ = ("read_error", "write_error")

    def __init__(self, name: str, method: bool, static: bool, owner: str) -> None:
        JSSymbol.__init__(self, name)
        if method:
            self.read_error = f"Receiver must be {'class' if static else 'an instance of class'} {owner}"
        else:
            self.read_error = f"Cannot read private member {name} from an object whose class did not declare it"
        self.write_error = f"Cannot write private member {name} to an object whose class did not declare it"


class UserFunction(JSFunction):
    """A closure of a JS function or arrow (``tmpl.kind`` says which)."""

    __slots__ = ("tmpl", "env", "home", "realm")

    def __init__(self, realm: Any, tmpl: Any, env: Any, home: Any = None) -> None:
        JSFunction.__init__(self, realm.function_proto, tmpl.name, tmpl.length, tmpl.fn_sid)
        self.tmpl = tmpl
        self.env = env
        #: the object whose prototype ``super`` looks in (methods only)
        self.home = home
        self.realm = realm

    def call(self, this: Any, args: list) -> Any:
        return self.tmpl.code(self, this, args)

    def construct(self, args: list, new_target: Optional[JSFunction] = None) -> Any:
        realm = self.realm
        if self.tmpl.kind not in ("function",):
            raise realm.type_error(f"{self.name or 'anonymous'} is not a constructor")
        nt = new_target or self
        proto = realm.get(nt, "prototype")
        if not isinstance(proto, JSObject):
            proto = realm.object_proto
        obj = JSObject(proto, nt.name or None)
        r = self.tmpl.code(self, obj, args, nt)
        return r if isinstance(r, JSObject) else obj


class ClassFunction(UserFunction):
    """A ``class`` constructor. ``fields`` are (key, initializer-or-None) pairs run on
    each new instance; ``derived`` classes get their ``this`` from ``super(...)``."""

    __slots__ = ("fields", "derived", "parent_ctor", "source")

    def __init__(self, realm: Any, tmpl: Any, env: Any, name: str, derived: bool) -> None:
        # ``tmpl`` is None for a class without an explicit constructor
        JSFunction.__init__(self, realm.function_proto, name, tmpl.length if tmpl is not None else 0,
                            tmpl.fn_sid if tmpl is not None else None)
        self.tmpl = tmpl
        self.env = env
        self.home = None
        self.realm = realm
        self.is_class = True
        self.fields: list = []
        self.derived = derived
        self.source = f"class {name} {{ }}"  # replaced by the class's own text when it has one

    def call(self, this: Any, args: list) -> Any:
        raise self.realm.type_error(f"Class constructor {self.name} cannot be invoked without 'new'")

    def construct(self, args: list, new_target: Optional[JSFunction] = None) -> Any:
        realm = self.realm
        nt = new_target or self
        if self.derived:
            if self.tmpl is None:
                obj = realm.super_construct(self, args, nt)
                return obj
            r = self.tmpl.code(self, UNDEFINED, args, nt)
            return r
        proto = nt.props.get("prototype")
        if not isinstance(proto, JSObject):
            proto = realm.get(nt, "prototype")
            if not isinstance(proto, JSObject):
                proto = realm.object_proto
        obj = JSObject(proto, nt.name or None)
        if self.fields:
            self.init_fields(obj)
        if self.tmpl is not None:
            r = self.tmpl.code(self, obj, args, nt)
            if isinstance(r, JSObject):
                return r
        return obj

    def init_fields(self, obj: JSObject) -> None:
        for key, init in self.fields:
            v = UNDEFINED if init is None else init.tmpl.code(init, obj, [])
            if type(key) is PrivateName:
                obj.set_hidden(key, v)
            else:
                self.realm.define(obj, key, v)


class BoundFunction(JSFunction):
    """``f.bind(thisArg, ...args)``."""

    __slots__ = ("target", "bound_this", "bound_args")

    def __init__(self, realm: Any, target: JSFunction, bound_this: Any, bound_args: list) -> None:
        JSFunction.__init__(self, realm.function_proto, "bound " + target.name,
                            max(0, target.length - len(bound_args)))
        self.target = target
        self.bound_this = bound_this
        self.bound_args = bound_args

    def call(self, this: Any, args: list) -> Any:
        return self.target.call(self.bound_this, self.bound_args + args)

    def construct(self, args: list, new_target: Optional[JSFunction] = None) -> Any:
        nt = new_target if new_target is not None and new_target is not self else self.target
        return self.target.construct(self.bound_args + args, nt)


class NativeFunction(JSFunction):
    """A built-in: ``impl(realm, this, args) -> value``.

    ``new`` on a native: when ``ctor`` is given it is called as
    ``ctor(realm, args, new_target) -> object`` (Error, Map, Set, Array use this so
    ``class X extends Map`` works); otherwise a native is not a constructor."""

    __slots__ = ("realm", "impl", "ctor")

    def __init__(self, realm: Any, name: str, impl: NativeImpl, length: int = 0, ctor: Any = None) -> None:
        JSFunction.__init__(self, realm.function_proto, name, length)
        self.realm = realm
        self.impl = impl
        self.ctor = ctor

    def call(self, this: Any, args: list) -> Any:
        return self.impl(self.realm, this, args)

    def construct(self, args: list, new_target: Optional[JSFunction] = None) -> Any:
        if self.ctor is None:
            raise self.realm.type_error(f"{self.name} is not a constructor")
        return self.ctor(self.realm, args, new_target or self)


def instance_proto(realm: Any, new_target: JSFunction, fallback: JSObject) -> JSObject:
    """The prototype a constructor gives a new instance: ``new_target.prototype``."""
    p = realm.get(new_target, "prototype")
    return p if isinstance(p, JSObject) else fallback


__all__ = ["JSThrow", "UserFunction", "ClassFunction", "BoundFunction", "NativeFunction", "JSError", "instance_proto"]
