"""``RegExp.prototype`` and the regular-expression forms of ``String.prototype`` methods.

The matching itself is ``regex.py``; this module is the JS-visible layer with the
spec's observable rules: ``lastIndex`` is read and written exactly where
RegExpBuiltinExec does (global regexes advance it, a failed match resets it), a
global ``replace``/``match`` steps over an empty match by one code unit, ``split``
matches with a private sticky copy (so it never touches ``lastIndex``), and a
``replace`` callback runs only after every match was found, as in the spec.
Regex literals are compiled when their program is analysed (``scope.py``); each
evaluation makes a fresh object sharing that compiled ``Program``.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Callable, Optional

from ..errors import Unsupported
from ..values import NULL, UNDEFINED, Accessor, JSArray, JSFunction, JSObject, JSRegExp
from .builtins_common import arg, describe
from .functions import NativeFunction
from .regex import Program, RegexSyntaxError, RegexUnsupported, compile_regex, match_at, search
from .stack import caller_site

_MAX_LENGTH = 2.0 ** 53 - 1


def new_regexp(realm: Any, program: Program) -> JSRegExp:
    """A fresh RegExp object for a literal's compiled ``program`` (``lastIndex`` 0)."""
    r = JSRegExp(realm.regexp_proto, program)
    r.set_hidden("lastIndex", 0.0)
    return r


def _this_regexp(realm: Any, this: Any, method: str) -> JSRegExp:
    if isinstance(this, JSRegExp):
        return this
    raise realm.type_error(f"Method RegExp.prototype.{method} called on incompatible receiver {describe(realm, this)}")


def _to_length(realm: Any, v: Any) -> int:
    n = realm.to_number(v)
    if n != n or n <= 0:
        return 0
    return int(min(n, _MAX_LENGTH))


def _set_last_index(realm: Any, r: JSRegExp, v: float) -> None:
    realm.set(r, "lastIndex", v)


def builtin_exec(realm: Any, r: JSRegExp, s: str) -> Optional[list]:
    """RegExpBuiltinExec: the capture slots of the next match, honouring and updating
    ``lastIndex`` for a global regex; None (after resetting it) when there is none."""
    prog = r.program
    global_ = "g" in prog.flags
    last = _to_length(realm, realm.get(r, "lastIndex"))
    if not global_:
        last = 0
    if last > len(s):
        if global_:
            _set_last_index(realm, r, 0.0)
        return None
    m = search(prog, s, last)
    if m is None:
        if global_:
            _set_last_index(realm, r, 0.0)
        return None
    if global_:
        _set_last_index(realm, r, float(m[1]))
    return m


def _captures(s: str, m: list, ngroups: int) -> list:
    """Group 1..n texts, ``undefined`` for a group that did not take part."""
    out = []
    for g in range(1, ngroups + 1):
        a, b = m[2 * g], m[2 * g + 1]
        out.append(s[a:b] if a >= 0 and b >= 0 else UNDEFINED)
    return out


def match_array(realm: Any, s: str, m: list, ngroups: int) -> JSArray:
    """The array ``exec`` returns: match and groups, plus ``index``, ``input``, ``groups``."""
    arr = realm.new_array([s[m[0]:m[1]]] + _captures(s, m, ngroups))
    arr.props["index"] = float(m[0])
    arr.props["input"] = s
    arr.props["groups"] = UNDEFINED
    return arr


def exec_(realm: Any, this: Any, args: list) -> Any:
    r = _this_regexp(realm, this, "exec")
    s = realm.to_string(arg(args, 0))
    m = builtin_exec(realm, r, s)
    return NULL if m is None else match_array(realm, s, m, r.program.ngroups)


def test(realm: Any, this: Any, args: list) -> bool:
    r = _this_regexp(realm, this, "test")
    return builtin_exec(realm, r, realm.to_string(arg(args, 0))) is not None


def regexp_to_string(r: JSRegExp) -> str:
    p = r.program
    return f"/{p.source or '(?:)'}/{p.flags}"


def to_string(realm: Any, this: Any, args: list) -> str:
    if isinstance(this, JSRegExp):
        return regexp_to_string(this)
    if not isinstance(this, JSObject):
        raise realm.type_error("RegExp.prototype.toString requires that 'this' be an Object")
    return f"/{realm.to_string(realm.get(this, 'source'))}/{realm.to_string(realm.get(this, 'flags'))}"


def _getter(field: Callable[[Program], Any], name: str) -> Callable:
    def get(realm: Any, this: Any, args: list) -> Any:
        if isinstance(this, JSRegExp):
            return field(this.program)
        if this is realm.regexp_proto:  # RegExp.prototype.source is "(?:)", the flags undefined
            return "(?:)" if name == "source" else ("" if name == "flags" else UNDEFINED)
        raise realm.type_error(f"RegExp.prototype.{name} getter called on non-object {describe(realm, this)}")
    return get


_GETTERS = {
    "source": lambda p: p.source or "(?:)",
    "flags": lambda p: p.flags,
    "global": lambda p: "g" in p.flags,
    "ignoreCase": lambda p: "i" in p.flags,
    "multiline": lambda p: "m" in p.flags,
    "dotAll": lambda p: "s" in p.flags,
    "unicode": lambda p: False,
    "sticky": lambda p: False,
    "hasIndices": lambda p: False,
    "unicodeSets": lambda p: False,
}


# --- the String.prototype methods given a RegExp -------------------------------------

def _all_matches(realm: Any, r: JSRegExp, s: str) -> list:
    """Every match a global ``replace``/``match`` sees: from ``lastIndex`` 0, stepping
    one code unit past an empty match; leaves ``lastIndex`` 0 as the final failed exec does."""
    _set_last_index(realm, r, 0.0)
    found = []
    while True:
        m = builtin_exec(realm, r, s)
        if m is None:
            return found
        found.append(m)
        if m[0] == m[1]:
            _set_last_index(realm, r, float(_to_length(realm, realm.get(r, "lastIndex")) + 1))


def expand_template(template: str, s: str, position: int, matched: str, captures: list) -> str:
    """GetSubstitution: ``$$``, ``$&``, `` $` ``, ``$'`` and ``$n``/``$nn`` (a two-digit
    group number when that group exists, else one digit); anything else stays literal."""
    if "$" not in template:
        return template
    m = len(captures)
    out = []
    i = 0
    n = len(template)
    while i < n:
        c = template[i]
        if c != "$" or i + 1 == n:
            out.append(c)
            i += 1
            continue
        d = template[i + 1]
        if d == "$":
            out.append("$")
            i += 2
        elif d == "&":
            out.append(matched)
            i += 2
        elif d == "`":
            out.append(s[:position])
            i += 2
        elif d == "'":
            out.append(s[min(position + len(matched), len(s)):])
            i += 2
        elif "0" <= d <= "9":
            two = template[i + 1:i + 3]
            if len(two) == 2 and two.isdigit() and 1 <= int(two) <= m:
                k, i = int(two), i + 3
            elif 1 <= int(d) <= m:
                k, i = int(d), i + 2
            else:
                out.append("$")
                i += 1
                continue
            cap = captures[k - 1]
            if cap is not UNDEFINED:
                out.append(cap)
        else:
            out.append("$")
            i += 1
    return "".join(out)


def replace(realm: Any, r: JSRegExp, s: str, replacement: Any) -> str:
    """``s.replace(r, replacement)`` (and ``replaceAll`` with a global ``r``)."""
    prog = r.program
    func = replacement if isinstance(replacement, JSFunction) else None
    template = "" if func is not None else realm.to_string(replacement)
    if "g" in prog.flags:
        matches = _all_matches(realm, r, s)
    else:
        m = builtin_exec(realm, r, s)
        matches = [] if m is None else [m]
    out = []
    last = 0
    for m in matches:
        start, end = m[0], m[1]
        matched = s[start:end]
        caps = _captures(s, m, prog.ngroups)
        if func is not None:
            rep = realm.to_string(realm.call(func, UNDEFINED, [matched, *caps, float(start), s]))
        else:
            rep = expand_template(template, s, start, matched, caps)
        out.append(s[last:start])  # global matches come in order and never overlap
        out.append(rep)
        last = end
    out.append(s[last:])
    return "".join(out)


def match(realm: Any, r: JSRegExp, s: str) -> Any:
    """``s.match(r)``: the ``exec`` array, or for a global ``r`` all matched texts (null if none)."""
    if "g" not in r.program.flags:
        m = builtin_exec(realm, r, s)
        return NULL if m is None else match_array(realm, s, m, r.program.ngroups)
    found = _all_matches(realm, r, s)
    return realm.new_array([s[m[0]:m[1]] for m in found]) if found else NULL


def search_index(realm: Any, r: JSRegExp, s: str) -> float:
    """``s.search(r)``: the first match's index ignoring ``lastIndex``, which is restored."""
    previous = realm.get(r, "lastIndex")
    if previous != 0.0 or type(previous) is not float:
        _set_last_index(realm, r, 0.0)
    m = builtin_exec(realm, r, s)
    current = realm.get(r, "lastIndex")
    if current is not previous and not (type(current) is float and current == previous):
        realm.set(r, "lastIndex", previous)
    return -1.0 if m is None else float(m[0])


def split(realm: Any, r: JSRegExp, s: str, lim: Any) -> JSArray:
    """``s.split(r, limit)`` per RegExp.prototype[@@split]: sticky matching at each
    position, an empty match right after the previous one is skipped, captures are spliced in."""
    from ..numconv import to_uint32

    limit = 0xFFFFFFFF if lim is UNDEFINED else to_uint32(realm.to_number(lim))
    prog = r.program
    if limit == 0:
        return realm.new_array([])
    size = len(s)
    if size == 0:
        return realm.new_array([] if match_at(prog, s, 0) is not None else [s])
    parts: list = []
    p = q = 0
    while q < size:
        m = match_at(prog, s, q)
        if m is None:
            q += 1
            continue
        e = min(m[1], size)
        if e == p:
            q += 1
            continue
        parts.append(s[p:q])
        if len(parts) == limit:
            return realm.new_array(parts)
        p = e
        for cap in _captures(s, m, prog.ngroups):
            parts.append(cap)
            if len(parts) == limit:
                return realm.new_array(parts)
        q = p
    parts.append(s[p:])
    return realm.new_array(parts)


# --- the RegExp constructor ------------------------------------------------------------

def escape_source(pattern: str) -> str:
    """EscapeRegExpPattern as V8 does it: a ``/`` outside a class and line terminators
    are escaped, so ``/${source}/`` reads back as the same pattern."""
    out = []
    in_class = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        if c == "/" and not in_class:
            out.append("\\/")
        else:
            out.append({"\n": "\\n", "\r": "\\r", "\u2028": "\\u2028", "\u2029": "\\u2029"}.get(c, c))
        i += 1
    return "".join(out)


def regexp_create(realm: Any, args: list) -> JSRegExp:
    """``new RegExp(pattern, flags)``: compiled now; a bad pattern throws V8's SyntaxError."""
    p, f = arg(args, 0), arg(args, 1)
    if isinstance(p, JSRegExp):
        pattern = p.program.source
        flags = p.program.flags if f is UNDEFINED else realm.to_string(f)
    else:
        pattern = "" if p is UNDEFINED else realm.to_string(p)
        flags = "" if f is UNDEFINED else realm.to_string(f)
    source = escape_source(pattern)
    try:
        program = compile_regex(pattern, flags)
    except RegexSyntaxError as e:
        text = str(e)
        raise realm.syntax_error(text if text.startswith("Invalid flags") else
                                 f"Invalid regular expression: /{source}/{flags}: {text}") from None
    except RegexUnsupported as e:
        raise Unsupported(f"regular expression feature {e}", *caller_site(realm)) from None
    return new_regexp(realm, dataclasses.replace(program, source=source))


def regexp_call(realm: Any, this: Any, args: list) -> JSRegExp:
    """``RegExp(x)`` without ``new`` gives back a RegExp argument itself when no flags are given."""
    if isinstance(arg(args, 0), JSRegExp) and arg(args, 1) is UNDEFINED:
        return args[0]
    return regexp_create(realm, args)


def install(realm: Any) -> None:
    """Add ``RegExp`` and ``RegExp.prototype`` (exec, test, toString, flag getters) to ``realm``."""
    proto = JSObject(realm.object_proto)
    realm.regexp_proto = proto
    realm.native_constructor("RegExp", regexp_call, 2, proto, ctor=lambda realm, args, nt: regexp_create(realm, args))
    realm.define_native(proto, "exec", exec_, 1)
    realm.define_native(proto, "test", test, 1)
    realm.define_native(proto, "toString", to_string, 0)
    for name, field in _GETTERS.items():
        proto.set_hidden(name, Accessor(NativeFunction(realm, f"get {name}", _getter(field, name), 0), None, False))
