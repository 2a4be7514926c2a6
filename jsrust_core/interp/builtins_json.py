"""``JSON.parse`` and ``JSON.stringify``.

``JSON.parse`` runs Python's C JSON scanner first (JSON's grammar is the same; we
only reject ``NaN``/``Infinity``, which Python accepts) and converts its result to
JS values. Only when that fails does ``json_error_message`` rescan the text to find
the error V8 would report and the exact message Node 20 prints: V8's messages
depend on the parser state (``Expected ',' or ']' after array element``) and quote
a window of the source for unexpected characters.

``JSON.stringify`` follows SerializeJSONProperty: ``toJSON``, the replacer
function or property list, wrapper unboxing, the indent/gap rules, and V8's
multi-line ``Converting circular structure to JSON`` message.
"""
from __future__ import annotations

import json
from typing import Any, Callable

from ..numconv import number_to_string
from ..values import (
    HOLE, NULL, UNDEFINED, Accessor, JSArray, JSFunction, JSObject, JSSymbol, to_js_string,
)
from .builtins_common import TO_STRING_TAG, arg, is_array, to_integer

_WS = " \t\n\r"


class _JsonError(Exception):
    """A V8 JSON.parse error message, raised inside the rescanner."""


def _reject_constant(name: str) -> Any:
    raise ValueError(name)


def parse_text(realm: Any, text: str) -> Any:
    """Parse JSON ``text`` (a JS string) into JS values, or raise the SyntaxError Node does."""
    try:
        data = json.loads(text, parse_int=float, parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        raise realm.syntax_error(json_error_message(text)) from None
    return _to_js(realm, data)


def _to_js(realm: Any, v: Any) -> Any:
    """Python JSON data -> JS values; strings become UTF-16 code units (an escaped
    surrogate pair arrives from ``json`` as one astral character)."""
    t = type(v)
    if t is str:
        return v if v.isascii() else to_js_string(v)
    if t is dict:
        o = realm.new_object()
        props = o.props
        for k, x in v.items():
            props[k if k.isascii() else to_js_string(k)] = _to_js(realm, x)
        return o
    if t is list:
        return realm.new_array([_to_js(realm, x) for x in v])
    if v is None:
        return NULL
    return v  # float, bool


# --- V8's parse error messages ----------------------------------------------------

_SPECIAL_SOURCES = ("undefined", "NaN", "Infinity", "[object Object]")


def json_error_message(text: str) -> str:
    """The message of the SyntaxError V8 throws for invalid JSON ``text``."""
    try:
        _Rescanner(text).document()
    except _JsonError as e:
        return str(e)
    except RecursionError:
        return "Maximum call stack size exceeded"
    return "Unexpected end of JSON input"  # pragma: no cover - only reached for valid text


class _Rescanner:
    """A validating JSON scanner that raises ``_JsonError`` with V8's message at the
    first error; it builds no values (the fast path already failed)."""

    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0

    # errors
    def fail(self, message: str, pos: int) -> None:
        raise _JsonError(f"{message} in JSON at position {pos}")

    def unexpected(self, pos: int) -> None:
        """V8's message for an unexpected token at ``pos`` when no state-specific
        message applies: EOS, number, string, or the character with context."""
        s = self.s
        if pos >= len(s):
            raise _JsonError("Unexpected end of JSON input")
        c = s[pos]
        if c in "-0123456789":
            self.fail("Unexpected number", pos)
        if c == '"':
            self.fail("Unexpected string", pos)
        if s in _SPECIAL_SOURCES:
            raise _JsonError(f'"{s}" is not valid JSON')
        if len(s) <= 20:
            raise _JsonError(f"Unexpected token '{c}', \"{s}\" is not valid JSON")
        start = max(0, pos - 10)
        end = min(len(s), pos + 10)
        pre = "..." if start > 0 else ""
        post = "..." if end < len(s) else ""
        raise _JsonError(f"Unexpected token '{c}', {pre}\"{s[start:end]}\"{post} is not valid JSON")

    def skip_ws(self) -> None:
        s = self.s
        i = self.i
        while i < len(s) and s[i] in _WS:
            i += 1
        self.i = i

    def peek(self) -> str:
        self.skip_ws()
        return self.s[self.i] if self.i < len(self.s) else ""

    # grammar
    def document(self) -> None:
        self.value()
        if self.peek():
            raise _JsonError(f"Unexpected non-whitespace character after JSON at position {self.i}")

    def value(self) -> None:
        c = self.peek()
        if c == "{":
            self.obj()
        elif c == "[":
            self.arr()
        elif c == '"':
            self.string()
        elif c == "-" or c.isdigit() and c.isascii():
            self.number()
        elif c in ("t", "f", "n"):
            self.literal({"t": "true", "f": "false", "n": "null"}[c])
        else:
            self.unexpected(self.i)

    def literal(self, word: str) -> None:
        s = self.s
        for k, ch in enumerate(word):
            if self.i + k >= len(s) or s[self.i + k] != ch:
                self.unexpected(self.i + k)
        self.i += len(word)

    def number(self) -> None:
        s = self.s
        i = self.i
        n = len(s)
        if s[i] == "-":
            i += 1
            if i >= n or not s[i] in "0123456789":
                self.fail("No number after minus sign", i)
        if s[i] == "0":
            i += 1
            if i < n and s[i] in "0123456789":
                self.fail("Unexpected number", i)
        else:
            while i < n and s[i] in "0123456789":
                i += 1
        if i < n and s[i] == ".":
            i += 1
            if i >= n or s[i] not in "0123456789":
                self.fail("Unterminated fractional number", i)
            while i < n and s[i] in "0123456789":
                i += 1
        if i < n and s[i] in "eE":
            i += 1
            if i < n and s[i] in "+-":
                i += 1
            if i >= n or s[i] not in "0123456789":
                self.fail("Exponent part is missing a number", i)
            while i < n and s[i] in "0123456789":
                i += 1
        self.i = i

    def string(self) -> None:
        s = self.s
        i = self.i + 1
        n = len(s)
        while True:
            if i >= n:
                self.fail("Unterminated string", n)
            c = s[i]
            if c == '"':
                self.i = i + 1
                return
            if c == "\\":
                i += 1
                if i >= n:
                    raise _JsonError("Unexpected end of JSON input")
                e = s[i]
                if e == "u":
                    for k in range(1, 5):
                        if i + k >= n or s[i + k] not in "0123456789abcdefABCDEF":
                            self.fail("Bad Unicode escape", min(i + k, n))
                    i += 5
                    continue
                if e not in '"\\/bfnrt':
                    self.fail("Bad escaped character", i)
            elif c < " ":
                self.fail("Bad control character in string literal", i)
            i += 1

    def arr(self) -> None:
        self.i += 1
        if self.peek() == "]":
            self.i += 1
            return
        while True:
            self.value()
            c = self.peek()
            if c == ",":
                self.i += 1
                continue
            if c == "]":
                self.i += 1
                return
            self.fail("Expected ',' or ']' after array element", self.i)

    def obj(self) -> None:
        self.i += 1
        c = self.peek()
        if c == "}":
            self.i += 1
            return
        if c != '"':
            self.fail("Expected property name or '}'", self.i)
        first = True
        while True:
            self.string()
            if self.peek() != ":":
                if first:
                    self.fail("Expected ':' after property name", self.i)
                self.unexpected(self.i)
            self.i += 1
            self.value()
            c = self.peek()
            if c == "}":
                self.i += 1
                return
            if c != ",":
                self.fail("Expected ',' or '}' after property value", self.i)
            self.i += 1
            if self.peek() != '"':
                self.fail("Expected double-quoted property name", self.i)
            first = False


# --- stringify --------------------------------------------------------------------

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def quote(s: str) -> str:
    """QuoteJSONString: escapes, ``\\u00xx`` for other controls, and lone surrogates
    escaped (well-formed JSON.stringify); paired surrogates stay as they are."""
    if s.isascii() and s.isprintable() and '"' not in s and "\\" not in s:
        return '"' + s + '"'
    out = ['"']
    n = len(s)
    i = 0
    while i < n:
        c = s[i]
        o = ord(c)
        if c in _ESCAPES:
            out.append(_ESCAPES[c])
        elif o < 0x20:
            out.append(f"\\u{o:04x}")
        elif 0xD800 <= o <= 0xDFFF:
            if o <= 0xDBFF and i + 1 < n and 0xDC00 <= ord(s[i + 1]) <= 0xDFFF:
                out.append(s[i:i + 2])
                i += 1
            else:
                out.append(f"\\u{o:04x}")
        else:
            out.append(c)
        i += 1
    out.append('"')
    return "".join(out)


class _Stringifier:
    """State of one ``JSON.stringify`` call: replacer, property list, gap, and the
    stack of objects being serialized (for the cycle check and its message)."""

    def __init__(self, realm: Any, replacer: Callable | None, keys: list | None, gap: str) -> None:
        self.realm = realm
        self.replacer = replacer
        self.keys = keys
        self.gap = gap
        self.stack: list = []  # (object, key that led to it)

    def prop(self, holder: JSObject, key: str, value: Any) -> str | None:
        """SerializeJSONProperty: the text of ``value`` or None when it is skipped."""
        realm = self.realm
        if isinstance(value, JSObject):
            to_json = realm.get(value, "toJSON")
            if isinstance(to_json, JSFunction):
                value = realm.call(to_json, value, [key])
        if self.replacer is not None:
            value = self.replacer(holder, [key, value])
        t = type(value)
        if t is str:
            return quote(value)
        if t is float:
            return number_to_string(value) if value - value == 0.0 else "null"
        if t is bool:
            return "true" if value else "false"
        if value is NULL:
            return "null"
        if value is UNDEFINED or isinstance(value, (JSFunction, JSSymbol)):
            return None
        prim = getattr(value, "primitive", None)  # Number / String / Boolean wrappers
        if prim is not None:
            if type(prim) is float:
                return self.prop_primitive(realm.to_number(value))
            if type(prim) is str:
                return quote(realm.to_string(value))
            if type(prim) is bool:
                return "true" if prim else "false"
        if is_array(value):
            return self.array(value, key)
        if isinstance(value, JSObject):
            return self.object(value, key)
        return None

    @staticmethod
    def prop_primitive(n: float) -> str:
        return number_to_string(n) if n - n == 0.0 else "null"

    def enter(self, value: JSObject, key: str) -> None:
        for obj, _ in self.stack:
            if obj is value:
                raise self.realm.type_error(self.circular_message(value, key))
        self.stack.append((value, key))

    def circular_message(self, value: JSObject, closing_key: str) -> str:
        """V8's message: where the circle starts, the path, and the closing key."""
        start = next(i for i, (obj, _) in enumerate(self.stack) if obj is value)
        lines = ["Converting circular structure to JSON",
                 f"    --> starting at object with constructor '{_ctor_name(value)}'"]
        path = [f"    |     {_key_text(self.stack[i - 1][0], k)} -> object with constructor '{_ctor_name(o)}'"
                for i, (o, k) in enumerate(self.stack[start + 1:], start + 1)]
        if len(path) > 3:
            path = path[:2] + ["    |     ..."] + path[-1:]
        lines.extend(path)
        lines.append(f"    --- {_key_text(self.stack[-1][0], closing_key)} closes the circle")
        return "\n".join(lines)

    def indent(self) -> tuple[str, str]:
        """(separator between members, text before the closing bracket)."""
        depth = len(self.stack)
        inner = "\n" + self.gap * depth
        outer = "\n" + self.gap * (depth - 1)
        return "," + inner, outer

    def array(self, value: JSArray, key: str) -> str:
        self.enter(value, key)
        parts = []
        # the length once (SerializeJSONArray): elements a toJSON appends are not written
        elems = value.elems
        for i in range(len(elems)):
            v = elems[i] if i < len(elems) else UNDEFINED
            text = self.prop(value, str(i), UNDEFINED if v is HOLE else v)
            parts.append("null" if text is None else text)
        result = self.wrap("[", parts, "]")
        self.stack.pop()
        return result

    def object(self, value: JSObject, key: str) -> str:
        self.enter(value, key)
        realm = self.realm
        parts = []
        colon = ": " if self.gap else ":"
        keys = self.keys if self.keys is not None else realm.own_keys(value)
        props = value.props
        for k in keys:
            v = props.get(k, UNDEFINED)
            if type(v) is Accessor or v is UNDEFINED:  # a getter, or a listed key not own
                v = realm.get(value, k)
            text = self.prop(value, k, v)
            if text is not None:
                parts.append(quote(k) + colon + text)
        result = self.wrap("{", parts, "}")
        self.stack.pop()
        return result

    def wrap(self, open_: str, parts: list, close: str) -> str:
        if not parts:
            return open_ + close
        if not self.gap:
            return open_ + ",".join(parts) + close
        sep, end = self.indent()
        return open_ + sep[1:] + sep.join(parts) + end + close


def _ctor_name(obj: JSObject) -> str:
    if isinstance(obj, JSArray):
        return "Array"
    return obj.class_name or "Object"


def _key_text(holder: JSObject, key: str) -> str:
    return f"index {key}" if isinstance(holder, JSArray) else f"property '{key}'"


def stringify(realm: Any, value: Any, replacer: Any = UNDEFINED, space: Any = UNDEFINED) -> Any:
    """``JSON.stringify(value, replacer, space)``: a string, or undefined."""
    fn = None
    keys = None
    if isinstance(replacer, JSFunction):
        def fn(holder: Any, args: list) -> Any:
            return realm.call(replacer, holder, args)
    elif isinstance(replacer, JSArray):
        keys = []
        for item in replacer.elems:
            prim = getattr(item, "primitive", None)
            if type(item) is str or type(item) is float or type(prim) in (str, float):
                k = realm.to_string(item)
                if k not in keys:
                    keys.append(k)
    prim = getattr(space, "primitive", None)
    if type(prim) in (float, str):
        space = prim
    if type(space) is float:
        n = to_integer(realm, space)
        gap = " " * int(min(10, n)) if n >= 1 else ""
    elif type(space) is str:
        gap = space[:10]
    else:
        gap = ""
    wrapper = realm.new_object()
    wrapper.props[""] = value
    text = _Stringifier(realm, fn, keys, gap).prop(wrapper, "", value)
    return UNDEFINED if text is None else text


def j_parse(realm: Any, this: Any, args: list) -> Any:
    text = arg(args, 0)
    result = parse_text(realm, text if type(text) is str else realm.to_string(text))
    reviver = arg(args, 1)
    if isinstance(reviver, JSFunction):
        root = realm.new_object()
        root.props[""] = result
        return _revive(realm, reviver, root, "")
    return result


def _revive(realm: Any, reviver: JSFunction, holder: JSObject, key: str) -> Any:
    """InternalizeJSONProperty: children first, ``undefined`` deletes."""
    val = realm.get(holder, key)
    if isinstance(val, JSArray):
        for i in range(len(val.elems)):
            new = _revive(realm, reviver, val, str(i))
            val.elems[i] = HOLE if new is UNDEFINED else new
    elif isinstance(val, JSObject) and not isinstance(val, JSFunction):
        for k in val.enumerable_keys():
            new = _revive(realm, reviver, val, k)
            if new is UNDEFINED:
                val.props.pop(k, None)
            else:
                val.props[k] = new
    return realm.call(reviver, holder, [key, val])


def j_stringify(realm: Any, this: Any, args: list) -> Any:
    return stringify(realm, arg(args, 0), arg(args, 1), arg(args, 2))


def install(realm: Any) -> None:
    """Add the ``JSON`` object to ``realm``'s globals."""
    json_obj = realm.new_object()
    json_obj.set_hidden(TO_STRING_TAG, "JSON")
    realm.define_native(json_obj, "parse", j_parse, 2)
    realm.define_native(json_obj, "stringify", j_stringify, 3)
    realm.global_obj.set_hidden("JSON", json_obj)
