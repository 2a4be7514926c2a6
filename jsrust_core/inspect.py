"""Node 20's ``util.inspect`` and ``util.format`` (what ``console.log`` prints),
over the object model in ``values.py``.

The functions follow Node's ``lib/internal/util/inspect.js`` step by step and keep
its names (``format_value``, ``format_raw``, ``reduce_to_single_string``,
``group_array_elements`` ...), so a difference with Node can be traced to one
step. The Rust runtime's ``runtime/inspect.rs`` is the same algorithm again.

Inputs and outputs are JS strings (UTF-16 code units, see ``values.py``); the
caller converts with ``values.from_js_string`` when writing to a stream.

Not modelled (our object model has no such values or Node options): colors,
``showHidden`` (except ``[length]`` of arrays under ``%o``), getters evaluation,
custom ``[util.inspect.custom]``, Proxy, typed arrays, RegExp, map/set iterator
previews, async and generator function labels.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from .numconv import number_to_string, parse_float, parse_int, string_to_number
from .values import (
    HOLE,
    NULL,
    UNDEFINED,
    Accessor,
    JSArray,
    JSError,
    JSFunction,
    JSMap,
    JSObject,
    JSRegExp,
    JSSet,
    JSSymbol,
    from_js_string,
)

# extrasType in Node: how the keys of an object are printed and whether the
# entries may be grouped into columns.
K_OBJECT_TYPE = 0
K_ARRAY_EXTRAS_TYPE = 2  # an array's own entries and extra keys: groupable

#: ``class_name`` the interpreter gives the ``arguments`` object
ARGUMENTS_CLASS = "Arguments"
#: a key printed without quotes: Node's keyStrRegExp (note: no ``$``)
_KEY_STR_RE = re.compile(r"[a-zA-Z_][a-zA-Z_0-9]*", re.ASCII)
#: Node's kMinLineWidth: strings up to this length are never split on newlines
_MIN_LINE_WIDTH = 16


def _meta(code: int) -> str:
    """Node's ``meta`` table: the escape for a code unit below 160 that needs one."""
    named = {8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r", 39: "\\'", 92: "\\\\"}
    return named.get(code) or f"\\x{code:02X}"


def _needs_escape(code: int) -> bool:
    return code < 32 or 127 <= code < 160 or code == 92


@dataclass
class InspectContext:
    """Node's ``ctx``: options plus the state threaded through one inspection."""

    depth: Optional[float] = 2
    break_length: int = 80
    compact: int = 3
    max_array_length: int = 100
    max_string_length: int = 10000
    #: only the ``[length]`` of arrays is shown (what ``%o`` adds to arrays)
    show_hidden: bool = False
    indentation_lvl: int = 0
    #: the depth of the most recently entered object (Node's ``currentDepth``)
    current_depth: int = 0
    seen: list = field(default_factory=list)
    #: id(object) -> the number printed in ``<ref *n>`` / ``[Circular *n]``
    circular: dict = field(default_factory=dict)


def inspect(value: Any, *, depth: Optional[float] = 2, break_length: int = 80, compact: int = 3,
            max_array_length: int = 100, max_string_length: int = 10000, show_hidden: bool = False) -> str:
    """``util.inspect(value)`` with console.log's defaults; ``depth=None`` is unlimited."""
    if type(value) is float:  # fast path for the commonest console.log argument
        return format_number(value)
    ctx = InspectContext(depth=depth, break_length=break_length, compact=compact,
                         max_array_length=max_array_length, max_string_length=max_string_length,
                         show_hidden=show_hidden)
    return format_value(ctx, value, 0)


# ---------------------------------------------------------------- primitives

def format_value(ctx: InspectContext, value: Any, recurse_times: int) -> str:
    """Primitives directly; objects through ``format_raw`` unless already on the
    path from the root (then ``[Circular *n]``, numbering targets as they are met)."""
    if isinstance(value, JSObject):
        for seen in ctx.seen:
            if seen is value:
                index = ctx.circular.get(id(value))
                if index is None:
                    index = len(ctx.circular) + 1
                    ctx.circular[id(value)] = index
                return f"[Circular *{index}]"
        return format_raw(ctx, value, recurse_times)
    return format_primitive(ctx, value)


def format_primitive(ctx: InspectContext, value: Any) -> str:
    t = type(value)
    if t is str:
        return format_string(ctx, value)
    if t is float or t is int:
        return format_number(float(value))
    if t is bool:
        return "true" if value else "false"
    if value is UNDEFINED or value is HOLE:
        return "undefined"
    if value is NULL:
        return "null"
    if t is JSSymbol:
        return symbol_to_string(value)
    raise TypeError(f"not a JS value: {value!r}")


def format_number(x: float) -> str:
    """Inspect distinguishes ``-0`` (``String(-0)`` is ``"0"``)."""
    if x == 0 and math.copysign(1.0, x) < 0:
        return "-0"
    return number_to_string(x)


def symbol_to_string(sym: JSSymbol) -> str:
    return f"Symbol({sym.description})"


def format_string(ctx: InspectContext, s: str) -> str:
    """Quoted and escaped; cut at ``max_string_length``; a long string with
    newlines is split after each newline into ``'...\\n' +`` continuation lines."""
    trailer = ""
    if len(s) > ctx.max_string_length:
        remaining = len(s) - ctx.max_string_length
        s = s[: ctx.max_string_length]
        trailer = f"... {remaining} more character{'s' if remaining > 1 else ''}"
    if len(s) > _MIN_LINE_WIDTH and len(s) > ctx.break_length - ctx.indentation_lvl - 4:
        joiner = " +\n" + " " * (ctx.indentation_lvl + 2)
        return joiner.join(str_escape(line) for line in _split_after_newlines(s)) + trailer
    return str_escape(s) + trailer


def _split_after_newlines(s: str) -> list[str]:
    """``s.split(/(?<=\\n)/)``: pieces ending in ``\\n``, no empty last piece."""
    pieces = []
    start = 0
    for i, ch in enumerate(s):
        if ch == "\n" and i + 1 < len(s):
            pieces.append(s[start : i + 1])
            start = i + 1
    pieces.append(s[start:])
    return pieces


def str_escape(s: str) -> str:
    """Node's strEscape: single quotes unless the text has one; then double quotes
    if it has none, else backticks if it has neither backtick nor ``${``; control
    characters as ``\\n``/``\\x1B``, lone surrogates as ``\\ud800``."""
    quote = "'"
    if "'" in s:
        if '"' not in s:
            quote = '"'
        elif "`" not in s and "${" not in s:
            quote = "`"
    return quote + _escape_units(s, escape_single_quote=quote == "'") + quote


def _escape_units(s: str, *, escape_single_quote: bool) -> str:
    out = []
    last = 0
    n = len(s)
    i = 0
    while i < n:
        code = ord(s[i])
        if _needs_escape(code) or (code == 39 and escape_single_quote):
            out.append(s[last:i])
            out.append(_meta(code))
            last = i + 1
        elif 0xD800 <= code <= 0xDFFF:
            if code <= 0xDBFF and i + 1 < n and 0xDC00 <= ord(s[i + 1]) <= 0xDFFF:
                i += 2
                continue
            out.append(s[last:i])
            out.append(f"\\u{code:x}")
            last = i + 1
        i += 1
    out.append(s[last:])
    return "".join(out)


# ---------------------------------------------------------------- objects

def get_constructor_name(obj: JSObject) -> Optional[str]:
    """The name Node prints before braces: ``None`` for a null prototype, the
    class of ``new C`` objects, else the first ``constructor`` on the chain whose
    ``prototype`` is on ``obj``'s chain (so ``Foo.prototype`` itself prints as a
    plain object, as in Node)."""
    if obj.proto is None:
        return None
    if obj.class_name and obj.class_name != ARGUMENTS_CLASS:
        return obj.class_name
    p: Optional[JSObject] = obj
    while p is not None:
        ctor = p.props.get("constructor")
        if isinstance(ctor, JSFunction) and ctor.name and _is_instance_of(obj, ctor):
            return ctor.name
        p = p.proto
    if isinstance(obj, JSFunction):
        return "Function"
    if isinstance(obj, JSArray) and obj.class_name != ARGUMENTS_CLASS:
        return "Array"
    if isinstance(obj, JSMap):
        return "Map"
    if isinstance(obj, JSSet):
        return "Set"
    if isinstance(obj, JSError):
        return "Error"
    if _null_rooted(obj):
        return null_rooted_name(obj)
    return "Object"


def _null_rooted(obj: JSObject) -> bool:
    """Does ``obj``'s chain end in a null prototype rather than ``Object.prototype``
    (an heir of ``Object.create(null)``)? ``Object.prototype`` has its ``constructor``."""
    p: Optional[JSObject] = obj
    while p.proto is not None:
        p = p.proto
    return not isinstance(p.props.get("constructor"), JSFunction)


def null_rooted_name(obj: JSObject) -> str:
    """Node's name for an object whose chain has no constructor and ends in null:
    ``Object <P>``, P being ``[Object: null prototype]`` for the null-prototype object itself,
    else its prototype's own such name (as Node 20 prints them)."""
    first = obj.proto
    inner = "[Object: null prototype]" if first.proto is None else get_constructor_name(first)
    return f"Object <{inner}>"


def _is_instance_of(obj: JSObject, ctor: JSFunction) -> bool:
    target = ctor.props.get("prototype")
    if not isinstance(target, JSObject):
        return True  # a constructor modelled without ``prototype``: trust the chain
    p = obj.proto
    while p is not None:
        if p is target:
            return True
        p = p.proto
    return False


def get_tag(obj: JSObject) -> str:
    """``obj[Symbol.toStringTag]`` when it is a string (``Object [Math] {}``); the
    symbol is recognised by its description. Node drops a tag held in an own
    enumerable property, which is printed as a key anyway."""
    p: Optional[JSObject] = obj
    while p is not None:
        for k, v in p.props.items():
            if type(k) is JSSymbol and k.description == "Symbol.toStringTag":
                if type(v) is not str or (p is obj and _is_enumerable(obj, k)):
                    return ""
                return v
        p = p.proto
    return ""


def get_prefix(constructor: Optional[str], tag: str, fallback: str, size: str = "") -> str:
    if constructor is None:
        if tag and fallback != tag:
            return f"[{fallback}{size}: null prototype] [{tag}] "
        return f"[{fallback}{size}: null prototype] "
    if tag and constructor != tag:
        return f"{constructor}{size} [{tag}] "
    return f"{constructor}{size} "


def get_keys(obj: JSObject) -> list:
    """Own enumerable keys as ``Object.keys`` orders them, then enumerable symbols."""
    keys = obj.enumerable_keys()
    hidden = obj.hidden
    for k in obj.props:
        if type(k) is JSSymbol and not (hidden and k in hidden):
            slot = obj.props[k]
            if type(slot) is not Accessor or slot.enumerable:
                keys.append(k)
    return keys


def format_raw(ctx: InspectContext, value: JSObject, recurse_times: int) -> str:
    """Pick braces, prefix and entry formatter by kind; stop at ``depth`` with
    ``[Object]``/``[Array]``/``[Foo]``; format entries and keys one level deeper;
    then lay them out with ``reduce_to_single_string``."""
    constructor = get_constructor_name(value)
    tag = get_tag(value)
    base = ""
    formatter: Callable[[InspectContext, Any, int], list] = _no_entries
    extras_type = K_OBJECT_TYPE
    if isinstance(value, JSArray) and value.class_name != ARGUMENTS_CLASS:
        n = len(value.elems)
        prefix = "" if constructor == "Array" else get_prefix(constructor, tag, "Array", f"({n})")
        keys = get_keys(value)
        braces = [f"{prefix}[", "]"]
        if n == 0 and not keys and not ctx.show_hidden:
            return f"{braces[0]}]"
        extras_type = K_ARRAY_EXTRAS_TYPE
        formatter = format_array
    elif isinstance(value, JSSet):
        size = len(value.data)
        prefix = get_prefix(constructor, tag, "Set", f"({size})")
        keys = get_keys(value)
        formatter = format_set
        if size == 0 and not keys:
            return f"{prefix}{{}}"
        braces = [f"{prefix}{{", "}"]
    elif isinstance(value, JSMap):
        size = len(value.data)
        prefix = get_prefix(constructor, tag, "Map", f"({size})")
        keys = get_keys(value)
        formatter = format_map
        if size == 0 and not keys:
            return f"{prefix}{{}}"
        braces = [f"{prefix}{{", "}"]
    else:
        keys = get_keys(value)
        braces = ["{", "}"]
        boxed = getattr(value, "primitive", _NOT_BOXED)
        if constructor == "Object" and not isinstance(value, (JSFunction, JSError)) and boxed is _NOT_BOXED:
            if isinstance(value, JSArray):  # arguments: its indices print as keys
                braces[0] = "[Arguments] {"
                keys = [str(i) for i in range(len(value.elems))] + keys
            elif tag:
                braces[0] = f"{get_prefix(constructor, tag, 'Object')}{{"
            if not keys:
                return f"{braces[0]}}}"
        elif isinstance(value, JSFunction):
            base = get_function_base(value, constructor, tag)
            if not keys:
                return base
        elif isinstance(value, JSError):
            base = format_error(value, constructor, tag, ctx, keys)
            if not keys:
                return base
        elif isinstance(value, JSRegExp):
            p = value.program
            base = f"/{p.source or '(?:)'}/{p.flags}"
            prefix = get_prefix(constructor, tag, "RegExp")
            if prefix != "RegExp ":
                base = prefix + base
            if not keys:
                return base
        elif _is_date(value):
            base = date_to_iso_string(value.time)  # type: ignore[attr-defined]
            prefix = get_prefix(constructor, tag, "Date")
            if prefix != "Date ":
                base = prefix + base
            if not keys:
                return base
        elif boxed is not _NOT_BOXED:
            base = get_boxed_base(ctx, boxed, keys, constructor, tag)
            if not keys:
                return base
        else:
            prefix = get_prefix(constructor, tag, "Object")
            if not keys:
                return f"{prefix}{{}}"
            braces[0] = f"{prefix}{{"

    if ctx.depth is not None and recurse_times > ctx.depth:
        name = get_prefix(constructor, tag, "Object")[:-1]
        return f"[{name}]" if constructor is not None else name
    recurse_times += 1
    ctx.seen.append(value)
    ctx.current_depth = recurse_times
    output = formatter(ctx, value, recurse_times)
    if ctx.show_hidden and isinstance(value, JSArray):
        output.append(f"[length]: {format_number(float(len(value.elems)))}")
    for key in keys:
        output.append(format_property(ctx, value, recurse_times, key))
    index = ctx.circular.get(id(value))
    if index is not None:
        reference = f"<ref *{index}>"
        base = reference if base == "" else f"{reference} {base}"
    ctx.seen.pop()
    return reduce_to_single_string(ctx, output, base, braces, extras_type, recurse_times, value)


_NOT_BOXED = object()


def _is_date(obj: JSObject) -> bool:
    """The interpreter's ``Date`` objects carry their time value in a ``time`` slot."""
    return type(getattr(obj, "time", None)) is float


def date_to_iso_string(t: float) -> str:
    """``Date.prototype.toISOString`` (``Invalid Date`` for NaN, as inspect prints it);
    years outside 0..9999 get a sign and six digits."""
    if t != t:
        return "Invalid Date"
    ms = int(t)
    days, ms_of_day = divmod(ms, 86_400_000)
    year, month, day = civil_from_days(days)
    hours, rest = divmod(ms_of_day, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    if 0 <= year <= 9999:
        y = f"{year:04d}"
    else:
        y = f"{'+' if year > 0 else '-'}{abs(year):06d}"
    return f"{y}-{month:02d}-{day:02d}T{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}Z"


def civil_from_days(days: int) -> tuple[int, int, int]:
    """(year, month, day) of a day count since 1970-01-01, proleptic Gregorian
    (H. Hinnant's days-to-civil; covers the whole ±8.64e15 ms Date range, which
    Python's ``datetime`` does not). Shared with the interpreter's ``Date``."""
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (month <= 2), month, day


def get_boxed_base(ctx: InspectContext, primitive: Any, keys: list, constructor: Optional[str], tag: str) -> str:
    """``[Number: 5]``, ``[String: 'ab']`` for wrapper objects (the interpreter's
    ``PrimitiveObject``, recognised by its ``primitive`` slot); a String wrapper's
    index keys are dropped as Node does."""
    t = type(primitive)
    kind = {float: "Number", str: "String", bool: "Boolean", JSSymbol: "Symbol"}.get(t, "Object")
    if t is str:
        index_keys = {str(i) for i in range(len(primitive))}
        keys[:] = [k for k in keys if k not in index_keys]
    base = f"[{kind}"
    if kind != constructor:
        base += " (null prototype)" if constructor is None else f" ({constructor})"
    base += f": {format_primitive(ctx, primitive)}]"
    if tag and tag != constructor:
        base += f" [{tag}]"
    return base


def _no_entries(ctx: InspectContext, value: Any, recurse_times: int) -> list:
    return []


def remaining_text(remaining: int) -> str:
    return f"... {remaining} more item{'s' if remaining > 1 else ''}"


def _format_slot(ctx: InspectContext, slot: Any, recurse_times: int) -> str:
    """A property's printed value: data values one indentation step (2) deeper;
    accessors are not called, as with Node's default ``getters: false``."""
    if type(slot) is Accessor:
        if slot.getter is not None:
            return "[Getter/Setter]" if slot.setter is not None else "[Getter]"
        return "[Setter]" if slot.setter is not None else "undefined"
    ctx.indentation_lvl += 2
    s = format_value(ctx, slot, recurse_times)
    ctx.indentation_lvl -= 2
    return s


def format_array(ctx: InspectContext, value: JSArray, recurse_times: int) -> list:
    elems = value.elems
    length = min(max(0, ctx.max_array_length), len(elems))
    output: list[str] = []
    for i in range(length):
        if elems[i] is HOLE:
            return format_special_array(ctx, value, recurse_times, length, output, i)
        output.append(_format_slot(ctx, elems[i], recurse_times))
    if len(elems) > length:
        output.append(remaining_text(len(elems) - length))
    return output


def format_special_array(ctx: InspectContext, value: JSArray, recurse_times: int, max_length: int,
                         output: list, i: int) -> list:
    """A sparse array from its first hole on: runs of holes become one entry
    ``<n empty items>``; ``max_length`` counts entries, not indices."""
    elems = value.elems
    index = i
    for j in range(i, len(elems)):
        if elems[j] is HOLE:
            continue
        if len(output) >= max_length:
            break
        if j != index:
            empty = j - index
            output.append(f"<{empty} empty item{'s' if empty > 1 else ''}>")
            index = j
            if len(output) == max_length:
                break
        output.append(_format_slot(ctx, elems[j], recurse_times))
        index += 1
    remaining = len(elems) - index
    if len(output) != max_length:
        if remaining > 0:
            output.append(f"<{remaining} empty item{'s' if remaining > 1 else ''}>")
    elif remaining > 0:
        output.append(remaining_text(remaining))
    return output


def format_set(ctx: InspectContext, value: JSSet, recurse_times: int) -> list:
    length = min(max(0, ctx.max_array_length), len(value.data))
    output = []
    ctx.indentation_lvl += 2
    for i, v in enumerate(value.data.values()):
        if i >= length:
            break
        output.append(format_value(ctx, v, recurse_times))
    if len(value.data) > length:
        output.append(remaining_text(len(value.data) - length))
    ctx.indentation_lvl -= 2
    return output


def format_map(ctx: InspectContext, value: JSMap, recurse_times: int) -> list:
    length = min(max(0, ctx.max_array_length), len(value.data))
    output = []
    ctx.indentation_lvl += 2
    for i, (k, v) in enumerate(value.data.values()):
        if i >= length:
            break
        output.append(f"{format_value(ctx, k, recurse_times)} => {format_value(ctx, v, recurse_times)}")
    if len(value.data) > length:
        output.append(remaining_text(len(value.data) - length))
    ctx.indentation_lvl -= 2
    return output


def format_property(ctx: InspectContext, obj: JSObject, recurse_times: int, key: Any) -> str:
    """``key: value``; the key bare if it is an identifier-like ASCII name, else
    quoted like a string; symbols as ``[Symbol(x)]``; non-enumerable keys that
    Node still lists (an error's ``cause``) as ``[key]``."""
    slot = _lookup(obj, key)
    s = _format_slot(ctx, slot, recurse_times)
    if type(key) is JSSymbol:
        name = f"[{_escape_units(symbol_to_string(key), escape_single_quote=True)}]"
    elif key == "__proto__":
        name = "['__proto__']"
    elif not _is_enumerable(obj, key):
        name = f"[{_escape_units(key, escape_single_quote=True)}]"
    elif _KEY_STR_RE.fullmatch(key):
        name = key
    else:
        name = str_escape(key)
    return f"{name}: {s}"


def _lookup(obj: JSObject, key: Any) -> Any:
    """The stored slot (value or ``Accessor``) of ``key`` on ``obj`` or its chain
    (array-likes keep their indices in ``elems``)."""
    if isinstance(obj, JSArray) and type(key) is str and key.isdigit() and int(key) < len(obj.elems):
        return obj.elems[int(key)]
    p: Optional[JSObject] = obj
    while p is not None:
        if key in p.props:
            return p.props[key]
        p = p.proto
    return UNDEFINED


def _get(obj: JSObject, key: Any) -> Any:
    """A data property's value through the chain; accessors read as undefined
    (inspect never runs user code)."""
    slot = _lookup(obj, key)
    if type(slot) is Accessor:
        # an error's lazily formatted ``stack`` is engine text, not user code
        return slot.getter.call(obj, []) if getattr(slot.getter, "formats_stack", False) else UNDEFINED
    return slot


def _is_enumerable(obj: JSObject, key: Any) -> bool:
    if key not in obj.props:  # (also an array-like's index: enumerable)
        return True  # inherited: Node falls back to { value: obj[key], enumerable: true }
    if obj.hidden and key in obj.hidden:
        return False
    slot = obj.props[key]
    return type(slot) is not Accessor or slot.enumerable


# ---------------------------------------------------------------- layout

def get_string_width(s: str) -> int:
    """Columns a string takes in a terminal (Node's getStringWidth, approximated
    with Unicode East Asian Width: wide and fullwidth count 2, marks count 0)."""
    width = 0
    for ch in unicodedata.normalize("NFC", from_js_string(s)):
        code = ord(ch)
        if code < 32 or 0x7F <= code < 0xA0 or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def group_array_elements(ctx: InspectContext, output: list, value: Optional[JSArray]) -> list:
    """Node's groupArrayElements: with more than 6 entries, lay short entries out
    in aligned columns (about a 2.5:1 character aspect, at most 15 columns and
    ``compact * 4``); numbers are right-aligned, anything else left-aligned."""
    total_length = 0
    max_length = 0
    output_length = len(output)
    if ctx.max_array_length < len(output):
        output_length -= 1  # the "... n more items" entry is not grouped
    separator_space = 2  # ", "
    data_len = []
    for i in range(output_length):
        length = get_string_width(output[i])
        data_len.append(length)
        total_length += length + separator_space
        if max_length < length:
            max_length = length
    actual_max = max_length + separator_space
    if actual_max * 3 + ctx.indentation_lvl < ctx.break_length and (
        total_length / actual_max > 5 or max_length <= 6
    ):
        approx_char_heights = 2.5
        average_bias = math.sqrt(actual_max - total_length / len(output))
        biased_max = max(actual_max - 3 - average_bias, 1)
        columns = min(
            _js_round(math.sqrt(approx_char_heights * biased_max * output_length) / biased_max),
            (ctx.break_length - ctx.indentation_lvl) // actual_max,
            ctx.compact * 4,
            15,
        )
        if columns <= 1:
            return output
        max_line_length = []
        for i in range(columns):
            line_length = 0
            for j in range(i, output_length, columns):
                if data_len[j] > line_length:
                    line_length = data_len[j]
            max_line_length.append(line_length + separator_space)
        pad_start = True
        if value is not None:
            elems = value.elems
            for i in range(len(output)):
                v = elems[i] if i < len(elems) else UNDEFINED
                if type(v) is not float:
                    pad_start = False
                    break
        tmp = []
        for i in range(0, output_length, columns):
            max_i = min(i + columns, output_length)
            parts = []
            j = i
            while j < max_i - 1:
                padding = max_line_length[j - i] + len(output[j]) - data_len[j]
                cell = f"{output[j]}, "
                parts.append(cell.rjust(padding) if pad_start else cell.ljust(padding))
                j += 1
            if pad_start:
                padding = max_line_length[j - i] + len(output[j]) - data_len[j] - separator_space
                parts.append(output[j].rjust(padding))
            else:
                parts.append(output[j])
            tmp.append("".join(parts))
        if ctx.max_array_length < len(output):
            tmp.append(output[output_length])
        output = tmp
    return output


def _js_round(x: float) -> int:
    """``Math.round``: halves go up."""
    return math.floor(x + 0.5)


def reduce_to_single_string(ctx: InspectContext, output: list, base: str, braces: list, extras_type: int,
                            recurse_times: int, value: Any) -> str:
    """One line ``{ a, b }`` when the entries fit in ``break_length`` and this
    object is within the ``compact`` innermost levels of what was just printed
    (and was not grouped into columns); otherwise one entry per line, indented
    by two spaces."""
    entries = len(output)
    if extras_type == K_ARRAY_EXTRAS_TYPE and entries > 6:
        output = group_array_elements(ctx, output, value if isinstance(value, JSArray) else None)
    if ctx.current_depth - recurse_times < ctx.compact and entries == len(output):
        start = len(output) + ctx.indentation_lvl + len(braces[0]) + len(base) + 10
        if is_below_break_length(ctx, output, start, base):
            joined = ", ".join(output)
            if "\n" not in joined:
                return f"{base + ' ' if base else ''}{braces[0]} {joined} {braces[1]}"
    indentation = "\n" + " " * ctx.indentation_lvl
    return f"{base + ' ' if base else ''}{braces[0]}{indentation}  {(',' + indentation + '  ').join(output)}{indentation}{braces[1]}"


def is_below_break_length(ctx: InspectContext, output: list, start: int, base: str) -> bool:
    total_length = len(output) + start
    if total_length + len(output) > ctx.break_length:
        return False
    for entry in output:
        total_length += len(entry)
        if total_length > ctx.break_length:
            return False
    return base == "" or "\n" not in base


# ---------------------------------------------------------------- functions, errors

def get_function_base(fn: JSFunction, constructor: Optional[str], tag: str) -> str:
    if fn.is_class:
        return get_class_base(fn, constructor, tag)
    kind = "Function"
    base = f"[{kind}"
    if constructor is None:
        base += " (null prototype)"
    base += " (anonymous)" if fn.name == "" else f": {fn.name}"
    base += "]"
    if constructor != kind and constructor is not None:
        base += f" {constructor}"
    if tag and constructor != tag:
        base += f" [{tag}]"
    return base


def get_class_base(fn: JSFunction, constructor: Optional[str], tag: str) -> str:
    base = f"class {fn.name or '(anonymous)'}"
    if constructor != "Function" and constructor is not None:
        base += f" [{constructor}]"
    if tag and constructor != tag:
        base += f" [{tag}]"
    if constructor is not None:
        sup = fn.extends_name
        if not sup and isinstance(fn.proto, JSFunction):
            sup = fn.proto.name
        if sup:
            base += f" extends {sup}"
    else:
        base += " extends [null prototype]"
    return f"[{base}]"


def js_to_display_string(v: Any) -> str:
    """``String(v)`` for the values inspect needs to stringify without running
    user code (an error's name and message; ``%s`` of primitives)."""
    t = type(v)
    if t is str:
        return v
    if t is float or t is int:
        return number_to_string(float(v))
    if t is bool:
        return "true" if v else "false"
    if v is UNDEFINED:
        return "undefined"
    if v is NULL:
        return "null"
    if t is JSSymbol:
        return symbol_to_string(v)
    if isinstance(v, JSArray):
        return ",".join("" if e is UNDEFINED or e is NULL or e is HOLE else js_to_display_string(e) for e in v.elems)
    if isinstance(v, JSError):
        return error_to_string(v)
    if isinstance(v, JSFunction):
        return f"function {v.name}() {{ [native code] }}"
    return "[object Object]"


def error_to_string(err: JSObject) -> str:
    """``Error.prototype.toString``."""
    name = _get(err, "name")
    msg = _get(err, "message")
    name_s = "Error" if name is UNDEFINED else js_to_display_string(name)
    msg_s = "" if msg is UNDEFINED else js_to_display_string(msg)
    if not name_s:
        return msg_s
    if not msg_s:
        return name_s
    return f"{name_s}: {msg_s}"


def get_stack_string(err: JSObject) -> str:
    stack = _get(err, "stack")
    if _truthy(stack):
        return js_to_display_string(stack)
    return error_to_string(err)


def _truthy(v: Any) -> bool:
    if v is UNDEFINED or v is NULL or v is HOLE:
        return False
    if type(v) is float:
        return not (v == 0 or v != v)
    if type(v) in (str, bool, int):
        return bool(v)
    return True


def format_error(err: JSError, constructor: Optional[str], tag: str, ctx: InspectContext, keys: list) -> str:
    """An error prints as its ``stack``: the header corrected to name the class
    (``MyErr [Error]: m``), ``[Error: m]`` when there are no frames, frames shared
    with ``cause`` elided, every line indented to the current level. ``keys`` is
    edited in place as Node does (``name``/``message``/``stack`` shown in the
    stack are dropped; ``cause`` is added)."""
    name_v = _get(err, "name")
    name = "Error" if name_v is UNDEFINED or name_v is NULL else js_to_display_string(name_v)
    stack = get_stack_string(err)
    remove_duplicate_error_keys(keys, err, stack)
    if _has_property(err, "cause") and "cause" not in keys:
        keys.append("cause")
    stack = improve_stack(stack, constructor, name, tag)
    message = _get(err, "message")
    pos = -1
    if _truthy(message):
        msg = js_to_display_string(message)
        pos = stack.find(msg)
        pos = -1 if pos == 0 else pos  # Node: `(err.message && stack.indexOf(...)) || -1`
        if pos != -1:
            pos += len(msg)
    stack_start = stack.find("\n    at", max(pos, 0))
    if stack_start == -1:
        stack = f"[{stack}]"
    else:
        lines = get_stack_frames(err, stack[stack_start + 1 :])
        stack = stack[:stack_start] + "\n" + "\n".join(lines)
    if ctx.indentation_lvl != 0:
        stack = stack.replace("\n", "\n" + " " * ctx.indentation_lvl)
    return stack


def _has_property(obj: JSObject, key: Any) -> bool:
    p: Optional[JSObject] = obj
    while p is not None:
        if key in p.props:
            return True
        p = p.proto
    return False


def remove_duplicate_error_keys(keys: list, err: JSObject, stack: str) -> None:
    for name in ("name", "message", "stack"):
        if name in keys and js_to_display_string(_get(err, name)) in stack:
            keys.remove(name)


_STACK_HEAD_RE = re.compile(r"([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)")
_STACK_ONLY_NAME_RE = re.compile(r"([a-z_A-Z0-9-]*Error)")


def improve_stack(stack: str, constructor: Optional[str], name: str, tag: str) -> str:
    """Make the first line name the actual class when the stack was written by a
    base class (V8 writes ``Error: m`` for ``class MyErr extends Error``)."""
    length = len(name)
    if constructor is None or (
        name.endswith("Error") and stack.startswith(name) and (len(stack) == length or stack[length] in ":\n")
    ):
        fallback = "Error"
        if constructor is None:
            m = _STACK_HEAD_RE.match(stack) or _STACK_ONLY_NAME_RE.fullmatch(stack)
            fallback = (m.group(1) if m else "") or ""
            length = len(fallback)
            fallback = fallback or "Error"
        prototype = get_prefix(constructor, tag, fallback)[:-1]
        if name != prototype:
            if name in prototype:
                stack = f"{prototype}: {stack}" if length == 0 else prototype + stack[length:]
            else:
                stack = f"{prototype} [{name}]{stack[length:]}"
    return stack


def get_stack_frames(err: JSObject, frames_text: str) -> list:
    """Frame lines; the run of frames identical to the ``cause``'s (more than 3)
    collapses to ``... n lines matching cause stack trace ...``."""
    frames = frames_text.split("\n")
    cause = _get(err, "cause")
    if isinstance(cause, JSError):
        cause_stack = get_stack_string(cause)
        cause_start = cause_stack.find("\n    at")
        if cause_start != -1:
            cause_frames = cause_stack[cause_start + 1 :].split("\n")
            length, offset = identical_sequence_range(frames, cause_frames)
            if length > 0:
                skipped = length - 2
                msg = f"    ... {skipped} lines matching cause stack trace ..."
                frames[offset + 1 : offset + 1 + skipped] = [msg]
    return frames


def identical_sequence_range(a: list, b: list) -> tuple[int, int]:
    for i in range(len(a) - 3):
        try:
            pos = b.index(a[i])
        except ValueError:
            continue
        rest = len(b) - pos
        if rest > 3:
            length = 1
            max_len = min(len(a) - i, rest)
            while max_len > length and a[i + length] == b[pos + length]:
                length += 1
            if length > 3:
                return length, i
    return 0, 0


# ---------------------------------------------------------------- util.format

def has_builtin_to_string(obj: JSObject) -> bool:
    """Whether ``%s`` may inspect ``obj``: true unless a ``toString`` written in
    JS (own, or on a prototype of a user class) would be called by ``String``."""
    if "toString" in obj.props:
        slot = obj.props["toString"]
        return not (isinstance(slot, JSFunction) and slot.fn_sid is not None)
    p = obj.proto
    while p is not None:
        if "toString" in p.props:
            slot = p.props["toString"]
            return not (isinstance(slot, JSFunction) and slot.fn_sid is not None)
        p = p.proto
    return True


def format_log(args: list, *, to_string: Optional[Callable[[Any], str]] = None,
               to_number: Optional[Callable[[Any], float]] = None) -> str:
    """``util.format(...args)`` as ``console.log`` uses it (without the newline).

    A first string argument is a template: ``%s %d %i %f %j %o %O %c %%``. Strings
    are printed raw, everything else through ``inspect``, joined by spaces.
    ``to_string``/``to_number`` let the interpreter run user ``toString``/``valueOf``
    for ``%s`` and ``%d``/``%i``/``%f`` of objects; without them, ``%s`` inspects
    and numbers of objects are NaN.
    """
    if not args:
        return ""
    first = args[0]
    a = 0
    out: list[str] = []
    join = ""
    if type(first) is str:
        if len(args) == 1:
            return first
        last_pos = 0
        i = 0
        n = len(first)
        while i < n - 1:
            if first[i] == "%":
                i += 1
                next_char = first[i]
                if a + 1 != len(args):
                    if next_char == "%":
                        out.append(first[last_pos:i])
                        last_pos = i + 1
                        i += 1
                        continue
                    temp = _format_specifier(next_char, args[a + 1], to_string, to_number)
                    if temp is None:  # not a placeholder: left as written
                        i += 1
                        continue
                    a += 1
                    if last_pos != i - 1:
                        out.append(first[last_pos : i - 1])
                    out.append(temp)
                    last_pos = i + 1
                elif next_char == "%":
                    out.append(first[last_pos:i])
                    last_pos = i + 1
            i += 1
        if last_pos != 0:
            a += 1
            join = " "
            if last_pos < n:
                out.append(first[last_pos:])
    while a < len(args):
        value = args[a]
        out.append(join)
        out.append(value if type(value) is str else inspect(value))
        join = " "
        a += 1
    return "".join(out)


def _format_specifier(ch: str, arg: Any, to_string: Optional[Callable[[Any], str]],
                      to_number: Optional[Callable[[Any], float]]) -> Optional[str]:
    if ch == "s":
        if type(arg) is float:
            return format_number(arg)
        if not isinstance(arg, JSObject):
            return js_to_display_string(arg)
        if to_string is not None and (isinstance(arg, JSFunction) or not has_builtin_to_string(arg)):
            return to_string(arg)
        return inspect(arg, depth=0)
    if ch == "j":
        return json_stringify_for_format(arg)
    if ch == "d":
        return "NaN" if type(arg) is JSSymbol else format_number(_to_number(arg, to_number))
    if ch == "i":
        return "NaN" if type(arg) is JSSymbol else format_number(parse_int(_to_string(arg, to_string)))
    if ch == "f":
        return "NaN" if type(arg) is JSSymbol else format_number(parse_float(_to_string(arg, to_string)))
    if ch == "O":
        return inspect(arg)
    if ch == "o":
        return inspect(arg, depth=4, show_hidden=True)
    if ch == "c":
        return ""
    return None


def _to_number(v: Any, to_number: Optional[Callable[[Any], float]]) -> float:
    t = type(v)
    if t is float:
        return v
    if t is str:
        return string_to_number(v)
    if t is bool:
        return 1.0 if v else 0.0
    if v is NULL:
        return 0.0
    if isinstance(v, JSObject) and to_number is not None:
        return to_number(v)
    return math.nan


def _to_string(v: Any, to_string: Optional[Callable[[Any], str]]) -> str:
    if isinstance(v, JSObject) and to_string is not None:
        return to_string(v)
    return js_to_display_string(v)


def json_stringify_for_format(value: Any) -> str:
    """``%j``: ``JSON.stringify`` of plain data (no ``toJSON``, no replacer);
    ``'[Circular]'`` for cyclic data as Node's tryStringify prints."""
    try:
        s = _json(value, [])
    except _CircularJSON:
        return "[Circular]"
    return "undefined" if s is None else s


class _CircularJSON(Exception):
    pass


def _json(v: Any, stack: list) -> Optional[str]:
    t = type(v)
    if t is str:
        return _json_quote(v)
    if t is float:
        return number_to_string(v) if math.isfinite(v) else "null"
    if t is bool:
        return "true" if v else "false"
    if v is NULL:
        return "null"
    if not isinstance(v, JSObject) or isinstance(v, JSFunction):
        return None
    if any(s is v for s in stack):
        raise _CircularJSON
    stack.append(v)
    if isinstance(v, JSArray):
        items = [_json(e, stack) for e in v.elems]
        out = "[" + ",".join("null" if s is None else s for s in items) + "]"
    else:
        parts = []
        for k in v.enumerable_keys():
            s = _json(_get(v, k), stack)
            if s is not None:
                parts.append(f"{_json_quote(k)}:{s}")
        out = "{" + ",".join(parts) + "}"
    stack.pop()
    return out


_JSON_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _json_quote(s: str) -> str:
    out = []
    for i, ch in enumerate(s):
        code = ord(ch)
        if ch in _JSON_ESCAPES:
            out.append(_JSON_ESCAPES[ch])
        elif code < 0x20:
            out.append(f"\\u{code:04x}")
        elif 0xD800 <= code <= 0xDBFF and not (i + 1 < len(s) and 0xDC00 <= ord(s[i + 1]) <= 0xDFFF):
            out.append(f"\\u{code:04x}")
        elif 0xDC00 <= code <= 0xDFFF and not (i > 0 and 0xD800 <= ord(s[i - 1]) <= 0xDBFF):
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'
