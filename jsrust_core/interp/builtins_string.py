"""``String`` and ``String.prototype``.

Strings are Python ``str`` of UTF-16 code units (see ``values.py``), so ``len``,
indexing and slicing already have JS semantics; most methods are a clamp of their
arguments plus one ``str`` operation. Methods called on a primitive receive the raw
``str`` as ``this``; anything else is converted with ``realm.to_string`` after the
null/undefined check the spec requires.
"""
from __future__ import annotations

import math
import unicodedata
from typing import Any, Iterator

from ..numconv import to_uint16, to_uint32
from ..values import NULL, SYMBOL_ITERATOR, UNDEFINED, JSArray, JSFunction, JSObject, JSRegExp, JSSymbol, to_js_string
from . import builtins_regexp
from .builtins_common import arg, clamp_index, make_iterator, relative_index, to_integer

#: JS WhiteSpace + LineTerminator (what ``trim`` removes); Python's default
#: ``strip()`` also removes U+001C..U+001F and U+0085, which JS keeps.
JS_WHITESPACE = (
    "\t\n\x0b\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)

_NaN = math.nan


def this_string(realm: Any, this: Any, method: str) -> str:
    """RequireObjectCoercible(this) then ToString, as every String method starts."""
    if type(this) is str:
        return this
    if this is UNDEFINED or this is NULL:
        raise realm.type_error(f"String.prototype.{method} called on null or undefined")
    return realm.to_string(this)


def _str_arg(realm: Any, args: list, i: int) -> str:
    v = args[i] if len(args) > i else UNDEFINED
    return v if type(v) is str else realm.to_string(v)


# --- character access -------------------------------------------------------------

def char_at(realm: Any, this: Any, args: list) -> str:
    s = this if type(this) is str else this_string(realm, this, "charAt")
    i = to_integer(realm, args[0]) if args else 0
    return s[i] if 0 <= i < len(s) else ""


def char_code_at(realm: Any, this: Any, args: list) -> float:
    s = this if type(this) is str else this_string(realm, this, "charCodeAt")
    if args:
        a = args[0]
        if type(a) is float and 0.0 <= a < len(s):
            return float(ord(s[int(a)]))
        i = to_integer(realm, a)
    else:
        i = 0
    return float(ord(s[i])) if 0 <= i < len(s) else _NaN


def code_point_at(realm: Any, this: Any, args: list) -> Any:
    s = this_string(realm, this, "codePointAt")
    i = to_integer(realm, arg(args, 0))
    if not 0 <= i < len(s):
        return UNDEFINED
    c = ord(s[i])
    if 0xD800 <= c <= 0xDBFF and i + 1 < len(s):
        d = ord(s[i + 1])
        if 0xDC00 <= d <= 0xDFFF:
            return float(0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00))
    return float(c)


def at(realm: Any, this: Any, args: list) -> Any:
    s = this_string(realm, this, "at")
    i = to_integer(realm, arg(args, 0))
    if i < 0:
        i += len(s)
    return s[i] if 0 <= i < len(s) else UNDEFINED


# --- searching --------------------------------------------------------------------

def index_of(realm: Any, this: Any, args: list) -> float:
    s = this_string(realm, this, "indexOf")
    return float(s.find(_str_arg(realm, args, 0), clamp_index(realm, arg(args, 1), len(s), 0)))


def last_index_of(realm: Any, this: Any, args: list) -> float:
    s = this_string(realm, this, "lastIndexOf")
    search = _str_arg(realm, args, 0)
    pos = realm.to_number(arg(args, 1))
    start = len(s) if pos != pos else clamp_index(realm, pos, len(s), len(s))
    return float(s.rfind(search, 0, start + len(search)))


def _refuse_regexp(realm: Any, args: list, method: str) -> None:
    """``includes``/``startsWith``/``endsWith`` reject a RegExp rather than convert it."""
    if args and isinstance(args[0], JSRegExp):
        raise realm.type_error(f"First argument to String.prototype.{method} must not be a regular expression")


def includes(realm: Any, this: Any, args: list) -> bool:
    s = this_string(realm, this, "includes")
    _refuse_regexp(realm, args, "includes")
    return s.find(_str_arg(realm, args, 0), clamp_index(realm, arg(args, 1), len(s), 0)) >= 0


def _as_regexp(realm: Any, p: Any) -> JSRegExp:
    """``search``/``match`` turn any other argument into ``new RegExp(p)`` (undefined: ``/(?:)/``)."""
    return p if isinstance(p, JSRegExp) else builtins_regexp.regexp_create(realm, [p])


def search(realm: Any, this: Any, args: list) -> float:
    s = this_string(realm, this, "search")
    return builtins_regexp.search_index(realm, _as_regexp(realm, arg(args, 0)), s)


def match(realm: Any, this: Any, args: list) -> Any:
    s = this_string(realm, this, "match")
    return builtins_regexp.match(realm, _as_regexp(realm, arg(args, 0)), s)


def starts_with(realm: Any, this: Any, args: list) -> bool:
    s = this_string(realm, this, "startsWith")
    _refuse_regexp(realm, args, "startsWith")
    return s.startswith(_str_arg(realm, args, 0), clamp_index(realm, arg(args, 1), len(s), 0))


def ends_with(realm: Any, this: Any, args: list) -> bool:
    s = this_string(realm, this, "endsWith")
    _refuse_regexp(realm, args, "endsWith")
    end = clamp_index(realm, arg(args, 1), len(s), len(s))
    return s.endswith(_str_arg(realm, args, 0), 0, end)


# --- substrings -------------------------------------------------------------------

def slice_(realm: Any, this: Any, args: list) -> str:
    s = this_string(realm, this, "slice")
    n = len(s)
    start = relative_index(realm, arg(args, 0), n, 0)
    end = relative_index(realm, arg(args, 1), n, n)
    return s[start:end]


def substring(realm: Any, this: Any, args: list) -> str:
    s = this_string(realm, this, "substring")
    n = len(s)
    a = clamp_index(realm, arg(args, 0), n, 0)
    b = clamp_index(realm, arg(args, 1), n, n)
    return s[a:b] if a <= b else s[b:a]


def substr(realm: Any, this: Any, args: list) -> str:
    s = this_string(realm, this, "substr")
    n = len(s)
    start = relative_index(realm, arg(args, 0), n, 0)
    length = arg(args, 1)
    count = n - start if length is UNDEFINED else to_integer(realm, length)
    if count <= 0:
        return ""
    return s[start:start + count] if count < n else s[start:]


def split(realm: Any, this: Any, args: list) -> JSArray:
    s = this_string(realm, this, "split")
    sep = arg(args, 0)
    lim = arg(args, 1)
    if isinstance(sep, JSRegExp):
        return builtins_regexp.split(realm, sep, s, lim)
    limit = 0xFFFFFFFF if lim is UNDEFINED else to_uint32(realm.to_number(lim))
    if sep is UNDEFINED:
        return realm.new_array([s] if limit else [])
    sep = sep if type(sep) is str else realm.to_string(sep)
    if limit == 0:
        return realm.new_array([])
    parts = list(s) if sep == "" else s.split(sep)
    return realm.new_array(parts[:limit] if len(parts) > limit else parts)


# --- case, whitespace, padding ----------------------------------------------------

def trim(realm: Any, this: Any, args: list) -> str:
    return this_string(realm, this, "trim").strip(JS_WHITESPACE)


def trim_start(realm: Any, this: Any, args: list) -> str:
    return this_string(realm, this, "trimStart").lstrip(JS_WHITESPACE)


def trim_end(realm: Any, this: Any, args: list) -> str:
    return this_string(realm, this, "trimEnd").rstrip(JS_WHITESPACE)


def to_upper_case(realm: Any, this: Any, args: list) -> str:
    return this_string(realm, this, "toUpperCase").upper()


def to_lower_case(realm: Any, this: Any, args: list) -> str:
    return this_string(realm, this, "toLowerCase").lower()


#: V8's longest string in UTF-16 units (``String::kMaxLength`` on 64-bit): ``repeat`` and
#: ``padStart``/``padEnd`` asked for a longer one throw instead of building it (the compiled
#: runtime has the same bound, ``strings::MAX_LENGTH``)
MAX_STRING_LENGTH = (1 << 29) - 24


def _padding(realm: Any, s: str, args: list) -> str:
    """The filler ``padStart``/``padEnd`` add (possibly empty)."""
    target = to_integer(realm, arg(args, 0))
    if target <= len(s):
        return ""
    fill_arg = arg(args, 1)
    fill = " " if fill_arg is UNDEFINED else realm.to_string(fill_arg)
    if not fill:
        return ""
    if target > MAX_STRING_LENGTH:
        raise realm.range_error("Invalid string length")
    need = int(target) - len(s)
    return (fill * (need // len(fill) + 1))[:need]


def pad_start(realm: Any, this: Any, args: list) -> str:
    s = this_string(realm, this, "padStart")
    return _padding(realm, s, args) + s


def pad_end(realm: Any, this: Any, args: list) -> str:
    s = this_string(realm, this, "padEnd")
    return s + _padding(realm, s, args)


def repeat(realm: Any, this: Any, args: list) -> str:
    s = this_string(realm, this, "repeat")
    n = to_integer(realm, arg(args, 0))
    if n < 0 or n == math.inf:
        raise realm.range_error(f"Invalid count value: {realm.to_string(realm.to_number(arg(args, 0)))}")
    if n and len(s) * n > MAX_STRING_LENGTH:
        raise realm.range_error("Invalid string length")
    return s * int(n)


# --- replace ----------------------------------------------------------------------

def expand_replacement(template: str, matched: str, position: int, subject: str) -> str:
    """GetSubstitution for a string pattern (no capture groups): ``$$``, ``$&``,
    ``` $` ``` and ``$'``; any other ``$`` stays literal, as in Node."""
    if "$" not in template:
        return template
    out = []
    i = 0
    n = len(template)
    while i < n:
        c = template[i]
        if c == "$" and i + 1 < n:
            d = template[i + 1]
            if d == "$":
                out.append("$")
            elif d == "&":
                out.append(matched)
            elif d == "`":
                out.append(subject[:position])
            elif d == "'":
                out.append(subject[position + len(matched):])
            else:
                out.append(c)
                i += 1
                continue
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _replacer(realm: Any, replacement: Any, subject: str):
    """A Python function ``(matched, position) -> str`` for the replacement argument."""
    if isinstance(replacement, JSFunction):
        def call(matched: str, pos: int) -> str:
            return realm.to_string(realm.call(replacement, UNDEFINED, [matched, float(pos), subject]))
        return call
    template = replacement if type(replacement) is str else realm.to_string(replacement)
    return lambda matched, pos: expand_replacement(template, matched, pos, subject)


def replace(realm: Any, this: Any, args: list) -> str:
    s = this_string(realm, this, "replace")
    if args and isinstance(args[0], JSRegExp):
        return builtins_regexp.replace(realm, args[0], s, arg(args, 1))
    search = _str_arg(realm, args, 0)
    rep = _replacer(realm, arg(args, 1), s)
    pos = s.find(search)
    if pos < 0:
        return s
    return s[:pos] + rep(search, pos) + s[pos + len(search):]


def replace_all(realm: Any, this: Any, args: list) -> str:
    s = this_string(realm, this, "replaceAll")
    if args and isinstance(args[0], JSRegExp):
        if "g" not in args[0].program.flags:
            raise realm.type_error("replaceAll must be called with a global RegExp")
        return builtins_regexp.replace(realm, args[0], s, arg(args, 1))
    search = _str_arg(realm, args, 0)
    rep = _replacer(realm, arg(args, 1), s)
    step = max(1, len(search))
    positions = []
    pos = s.find(search)
    while pos >= 0:
        positions.append(pos)
        pos = s.find(search, pos + step)
    out = []
    last = 0
    for p in positions:
        out.append(s[last:p])
        out.append(rep(search, p))
        last = p + len(search)
    out.append(s[last:])
    return "".join(out)


# --- misc -------------------------------------------------------------------------

def normalize(realm: Any, this: Any, args: list) -> str:
    s = this_string(realm, this, "normalize")
    f = arg(args, 0)
    form = "NFC" if f is UNDEFINED else realm.to_string(f)
    if form not in ("NFC", "NFD", "NFKC", "NFKD"):
        raise realm.range_error("The normalization form should be one of NFC, NFD, NFKC, NFKD.")
    if s.isascii():
        return s
    text = s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return to_js_string(unicodedata.normalize(form, text))


def concat(realm: Any, this: Any, args: list) -> str:
    s = this_string(realm, this, "concat")
    return s + "".join(a if type(a) is str else realm.to_string(a) for a in args)


_ASCII_COLLATION = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz"
#: primary weight per character: ICU root order for ASCII (letters case-blind),
#: control characters \t..\r before the space. Measured with node's localeCompare.
_PRIMARY = {c: i + 10 for i, c in enumerate(_ASCII_COLLATION)}
_PRIMARY.update({c.upper(): w for c, w in _PRIMARY.items() if c.isalpha()})
_PRIMARY.update({"\t": 1, "\n": 2, "\x0b": 3, "\x0c": 4, "\r": 5})


def _collation_key(s: str) -> tuple[list, list, list]:
    """(primary, secondary, tertiary) weights approximating ICU's root collation:
    base letters first, then accents, then case (lower before upper). Other
    control characters are ignorable, as in ICU."""
    primary: list = []
    secondary: list = []
    tertiary: list = []
    for ch in unicodedata.normalize("NFD", s):
        w = _PRIMARY.get(ch)
        if w is None:
            o = ord(ch)
            if o < 0x20 or o == 0x7F:
                continue
            if unicodedata.combining(ch):
                secondary.append(o)
                continue
            w = 1000 + ord(ch.lower())
        primary.append(w)
        secondary.append(0)
        tertiary.append(1 if ch.isupper() else 0)
    return primary, secondary, tertiary


def locale_compare(realm: Any, this: Any, args: list) -> float:
    s = this_string(realm, this, "localeCompare")
    t = _str_arg(realm, args, 0)
    if s == t:
        return 0.0
    a = _collation_key(s)
    b = _collation_key(t)
    if a == b:
        return 0.0
    return -1.0 if a < b else 1.0


def to_string(realm: Any, this: Any, args: list) -> str:
    if type(this) is str:
        return this
    prim = primitive_of(this)
    if type(prim) is not str:
        raise realm.type_error("String.prototype.toString requires that 'this' be a String")
    return prim


def primitive_of(obj: Any) -> Any:
    """The [[StringData]]/[[NumberData]]/[[BooleanData]] of a wrapper object, if any."""
    return getattr(obj, "primitive", None) if isinstance(obj, JSObject) else None


def code_points(s: str) -> Iterator[str]:
    """Iterate by code point (a surrogate pair is one step), as ``for..of`` does."""
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


def string_iterator(realm: Any, this: Any, args: list) -> JSObject:
    return make_iterator(realm, code_points(this_string(realm, this, "[Symbol.iterator]")), "String Iterator")


# --- the String function ----------------------------------------------------------

def string_call(realm: Any, this: Any, args: list) -> str:
    """``String(x)``: like ToString, except that a symbol gives its description."""
    if not args:
        return ""
    v = args[0]
    if type(v) is str:
        return v
    if isinstance(v, JSSymbol):
        return f"Symbol({v.description})"
    return realm.to_string(v)


def from_char_code(realm: Any, this: Any, args: list) -> str:
    return "".join(chr(to_uint16(a if type(a) is float else realm.to_number(a))) for a in args)


def from_code_point(realm: Any, this: Any, args: list) -> str:
    out = []
    for a in args:
        n = realm.to_number(a)
        if not (0 <= n <= 0x10FFFF and n == int(n)):  # also rejects NaN
            raise realm.range_error(f"Invalid code point {realm.to_string(n)}")
        cp = int(n)
        if cp >= 0x10000:
            cp -= 0x10000
            out.append(chr(0xD800 + (cp >> 10)) + chr(0xDC00 + (cp & 0x3FF)))
        else:
            out.append(chr(cp))
    return "".join(out)


def string_raw(realm: Any, this: Any, args: list) -> str:
    """``String.raw`` — called as a tag, the first argument's ``raw`` holds the parts."""
    raw = realm.get(realm.to_object(arg(args, 0)), "raw")
    n = to_integer(realm, realm.get(realm.to_object(raw), "length"))
    out = []
    for i in range(int(max(0, n))):
        out.append(realm.to_string(realm.get(raw, str(i))))
        if i + 1 < n and i + 1 < len(args):
            out.append(realm.to_string(args[i + 1]))
    return "".join(out)


PROTO_METHODS = {
    "charAt": (char_at, 1), "charCodeAt": (char_code_at, 1), "codePointAt": (code_point_at, 1),
    "at": (at, 1), "indexOf": (index_of, 1), "lastIndexOf": (last_index_of, 1),
    "includes": (includes, 1), "search": (search, 1), "match": (match, 1), "startsWith": (starts_with, 1), "endsWith": (ends_with, 1),
    "slice": (slice_, 2), "substring": (substring, 2), "substr": (substr, 2), "split": (split, 2),
    "trim": (trim, 0), "trimStart": (trim_start, 0), "trimEnd": (trim_end, 0),
    "toUpperCase": (to_upper_case, 0), "toLowerCase": (to_lower_case, 0),
    "toLocaleUpperCase": (to_upper_case, 0), "toLocaleLowerCase": (to_lower_case, 0),
    "padStart": (pad_start, 1), "padEnd": (pad_end, 1), "repeat": (repeat, 1),
    "replace": (replace, 2), "replaceAll": (replace_all, 2), "concat": (concat, 1), "normalize": (normalize, 0),
    "localeCompare": (locale_compare, 1), "toString": (to_string, 0), "valueOf": (to_string, 0),
}


def install(realm: Any) -> None:
    """Add ``String.prototype`` methods and the ``String`` function to ``realm``."""
    proto = realm.string_proto
    for name, (impl, length) in PROTO_METHODS.items():
        realm.define_native(proto, name, impl, length)
    realm.define_native(proto, SYMBOL_ITERATOR, string_iterator, 0)
    ctor = realm.native_constructor("String", string_call, 1, proto, str)
    realm.define_native(ctor, "fromCharCode", from_char_code, 1)
    realm.define_native(ctor, "fromCodePoint", from_code_point, 1)
    realm.define_native(ctor, "raw", string_raw, 1)
