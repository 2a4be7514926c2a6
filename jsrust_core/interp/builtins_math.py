"""``Math``, ``Number``, ``Boolean`` and the numeric globals (``parseInt``,
``parseFloat``, ``isNaN``, ``isFinite``, ``NaN``, ``Infinity``).

Python's ``math`` functions raise where IEEE-754 (and so JS) returns NaN or an
infinity, and drop the sign of zero in places JS keeps it; each wrapper here adds
exactly those cases. The one-argument functions are the hot path of numeric
benchmarks, so each is a single Python function with an inline ``float`` fast path.
"""
from __future__ import annotations

import math
import random
import struct
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any, Callable

from ..numconv import (
    number_to_string, shortest_digits, parse_float, parse_int, to_fixed, to_int32, to_precision, to_uint32,
)
from ..values import UNDEFINED, JSObject
from . import libm
from .builtins_common import TO_STRING_TAG, arg, to_integer

INF = math.inf
NAN = math.nan
_copysign = math.copysign
_floor = math.floor
_ceil = math.ceil

MAX_SAFE_INTEGER = 9007199254740991.0


# --- the arithmetic core, shared with the interpreter's ``**`` ---------------------

def js_pow(x: float, y: float) -> float:
    """``x ** y`` / ``Math.pow``: C's pow, after the two places where JS differs from
    it: a NaN exponent and ``(±1) ** ±Infinity`` give NaN."""
    if y != y:
        return NAN
    if y == 0:
        return 1.0
    if x != x:
        return NAN
    if (y == INF or y == -INF) and (x == 1.0 or x == -1.0):
        return NAN
    if y == 2.0:
        return x * x  # exact, and what V8 computes too
    if y == 0.5 and x > 0:
        return math.sqrt(x)
    if 0.0 < y <= 64.0 and y == int(y) and x == int(x) if x - x == 0.0 else False:
        try:
            r = x ** y
        except OverflowError:
            r = INF
        if -9007199254740992.0 < r < 9007199254740992.0:
            return r  # exact: integer ** integer below 2**53
    return libm.pow(x, y)


def _num(realm: Any, args: list) -> float:
    """The first argument as a number (NaN when absent): the slow path of every
    one-argument Math function."""
    if not args:
        return NAN
    x = args[0]
    return x if type(x) is float else realm.to_number(x)


# --- Math: rounding ---------------------------------------------------------------

def m_abs(realm: Any, this: Any, args: list) -> float:
    x = args[0] if args and type(args[0]) is float else _num(realm, args)
    return abs(x)


def m_floor(realm: Any, this: Any, args: list) -> float:
    x = args[0] if args and type(args[0]) is float else _num(realm, args)
    if x - x == 0.0 and x != 0.0:  # finite and non-zero
        return float(_floor(x))
    return x


def m_ceil(realm: Any, this: Any, args: list) -> float:
    x = args[0] if args and type(args[0]) is float else _num(realm, args)
    if x - x == 0.0 and x != 0.0:
        r = float(_ceil(x))
        return r if r != 0.0 else -0.0  # ceil(-0.5) is -0
    return x


def js_round(x: float) -> float:
    """``Math.round``: nearest integer, ties towards +Infinity; results in
    ``[-0.5, 0)`` are -0. ``x - floor(x)`` is exact, so 0.49999999999999994 stays 0
    (``floor(x + 0.5)`` would give 1)."""
    if not (x - x == 0.0) or x == 0.0 or abs(x) >= 4503599627370496.0:
        return x
    f = _floor(x)
    r = float(f + 1 if x - f >= 0.5 else f)
    if r == 0.0 and x < 0:
        return -0.0
    return r


def m_round(realm: Any, this: Any, args: list) -> float:
    return js_round(args[0] if args and type(args[0]) is float else _num(realm, args))


def m_trunc(realm: Any, this: Any, args: list) -> float:
    x = args[0] if args and type(args[0]) is float else _num(realm, args)
    if x - x == 0.0:
        return _copysign(float(int(x)), x)
    return x


def m_sign(realm: Any, this: Any, args: list) -> float:
    x = args[0] if args and type(args[0]) is float else _num(realm, args)
    if x > 0:
        return 1.0
    if x < 0:
        return -1.0
    return x  # NaN, +0, -0


def m_fround(realm: Any, this: Any, args: list) -> float:
    x = _num(realm, args)
    try:
        return struct.unpack("f", struct.pack("f", x))[0]
    except OverflowError:  # rounds past FLT_MAX
        return _copysign(INF, x)


def m_clz32(realm: Any, this: Any, args: list) -> float:
    return float(32 - to_uint32(_num(realm, args)).bit_length())


def m_imul(realm: Any, this: Any, args: list) -> float:
    a = to_int32(realm.to_number(arg(args, 0)))
    b = to_int32(realm.to_number(arg(args, 1)))
    r = (a * b) & 0xFFFFFFFF
    return float(r - 0x100000000 if r >= 0x80000000 else r)


# --- Math: powers, roots, logarithms -----------------------------------------------

def m_sqrt(realm: Any, this: Any, args: list) -> float:
    x = args[0] if args and type(args[0]) is float else _num(realm, args)
    if x >= 0:  # also -0: sqrt(-0) is -0
        return math.sqrt(x)
    return NAN


def m_cbrt(realm: Any, this: Any, args: list) -> float:
    return libm.cbrt(_num(realm, args))


def m_pow(realm: Any, this: Any, args: list) -> float:
    x = arg(args, 0)
    y = arg(args, 1)
    return js_pow(x if type(x) is float else realm.to_number(x), y if type(y) is float else realm.to_number(y))


def _unary(fn: Callable[[float], float]) -> Callable[[Any, Any, list], float]:
    """Wrap a float function as a native ``Math`` method."""
    def impl(realm: Any, this: Any, args: list) -> float:
        return fn(args[0] if args and type(args[0]) is float else _num(realm, args))
    impl.__name__ = getattr(fn, "__name__", "math_fn")
    return impl


def m_atan2(realm: Any, this: Any, args: list) -> float:
    return libm.atan2(realm.to_number(arg(args, 0)), realm.to_number(arg(args, 1)))


def m_hypot(realm: Any, this: Any, args: list) -> float:
    """V8's algorithm (so the last bit agrees with Node): Infinity wins over NaN;
    otherwise the values are scaled by the largest and their squares summed with
    Kahan compensation."""
    absolutes = [abs(a if type(a) is float else realm.to_number(a)) for a in args]
    if not absolutes:
        return 0.0
    if INF in absolutes:
        return INF
    biggest = 0.0
    for a in absolutes:
        if a != a:
            return NAN
        if a > biggest:
            biggest = a
    if biggest == 0.0:
        return 0.0
    total = 0.0
    compensation = 0.0
    for a in absolutes:
        n = a / biggest
        summand = n * n - compensation
        preliminary = total + summand
        compensation = (preliminary - total) - summand
        total = preliminary
    return math.sqrt(total) * biggest


def m_max(realm: Any, this: Any, args: list) -> float:
    if len(args) == 2:
        a, b = args
        if type(a) is float and type(b) is float and a == a and b == b and a != b:
            return a if a > b else b
    result = -INF
    nan = False
    for a in args:
        n = a if type(a) is float else realm.to_number(a)  # every argument is coerced
        if n != n:
            nan = True
        elif n > result or (n == 0.0 and result == 0.0 and _copysign(1.0, result) < 0):
            result = n
    return NAN if nan else result


def m_min(realm: Any, this: Any, args: list) -> float:
    if len(args) == 2:
        a, b = args
        if type(a) is float and type(b) is float and a == a and b == b and a != b:
            return a if a < b else b
    result = INF
    nan = False
    for a in args:
        n = a if type(a) is float else realm.to_number(a)
        if n != n:
            nan = True
        elif n < result or (n == 0.0 and result == 0.0 and _copysign(1.0, n) < 0):
            result = n
    return NAN if nan else result


def m_random(realm: Any, this: Any, args: list) -> float:
    return random.random()


MATH_FUNCTIONS: dict[str, tuple[Callable, int]] = {
    "abs": (m_abs, 1), "floor": (m_floor, 1), "ceil": (m_ceil, 1), "round": (m_round, 1),
    "trunc": (m_trunc, 1), "sign": (m_sign, 1), "sqrt": (m_sqrt, 1), "cbrt": (m_cbrt, 1),
    "pow": (m_pow, 2), "fround": (m_fround, 1), "clz32": (m_clz32, 1), "imul": (m_imul, 2),
    "exp": (_unary(libm.exp), 1), "expm1": (_unary(libm.expm1), 1),
    "log": (_unary(libm.log), 1),
    "log2": (_unary(libm.log2), 1), "log10": (_unary(libm.log10), 1),
    "log1p": (_unary(libm.log1p), 1),
    "sin": (_unary(libm.sin), 1), "cos": (_unary(libm.cos), 1),
    "tan": (_unary(libm.tan), 1), "asin": (_unary(libm.asin), 1),
    "acos": (_unary(libm.acos), 1), "atan": (_unary(libm.atan), 1),
    "sinh": (_unary(libm.sinh), 1), "cosh": (_unary(libm.cosh), 1),
    "tanh": (_unary(libm.tanh), 1), "asinh": (_unary(libm.asinh), 1),
    "acosh": (_unary(libm.acosh), 1), "atanh": (_unary(libm.atanh), 1),
    "atan2": (m_atan2, 2), "hypot": (m_hypot, 2), "max": (m_max, 2), "min": (m_min, 2),
    "random": (m_random, 0),
}

MATH_CONSTANTS = {  # V8's values, written out (1/log(10) would be one ulp off LOG10E)
    "E": 2.718281828459045, "LN10": 2.302585092994046, "LN2": 0.6931471805599453,
    "LOG10E": 0.4342944819032518, "LOG2E": 1.4426950408889634, "PI": 3.141592653589793,
    "SQRT1_2": 0.7071067811865476, "SQRT2": 1.4142135623730951,
}


# --- parseInt / parseFloat (the parsing itself is numconv's) -------------------

def g_parse_int(realm: Any, this: Any, args: list) -> float:
    s = arg(args, 0)
    s = s if type(s) is str else realm.to_string(s)
    r = arg(args, 1)
    return parse_int(s, 0.0 if r is UNDEFINED else realm.to_number(r))


def g_parse_float(realm: Any, this: Any, args: list) -> float:
    s = arg(args, 0)
    return parse_float(s if type(s) is str else realm.to_string(s))


def g_is_nan(realm: Any, this: Any, args: list) -> bool:
    n = _num(realm, args) if args else NAN
    return n != n


def g_is_finite(realm: Any, this: Any, args: list) -> bool:
    n = _num(realm, args) if args else NAN
    return n - n == 0.0


# --- Number ---------------------------------------------------------------------

def number_call(realm: Any, this: Any, args: list) -> float:
    """``Number(x)``: ToNumber, 0 with no argument."""
    if not args:
        return 0.0
    x = args[0]
    return x if type(x) is float else realm.to_number(x)


def n_is_integer(realm: Any, this: Any, args: list) -> bool:
    x = arg(args, 0)
    return type(x) is float and x - x == 0.0 and x == int(x)


def n_is_safe_integer(realm: Any, this: Any, args: list) -> bool:
    x = arg(args, 0)
    return type(x) is float and x - x == 0.0 and x == int(x) and abs(x) <= MAX_SAFE_INTEGER


def n_is_finite(realm: Any, this: Any, args: list) -> bool:
    x = arg(args, 0)
    return type(x) is float and x - x == 0.0


def n_is_nan(realm: Any, this: Any, args: list) -> bool:
    x = arg(args, 0)
    return type(x) is float and x != x


def this_number(realm: Any, this: Any, method: str) -> float:
    """thisNumberValue: a number primitive or a ``Number`` wrapper's value."""
    if type(this) is float:
        return this
    prim = getattr(this, "primitive", None) if isinstance(this, JSObject) else None
    if type(prim) is float:
        return prim
    raise realm.type_error(f"Number.prototype.{method} requires that 'this' be a Number")


def n_to_string(realm: Any, this: Any, args: list) -> str:
    x = this_number(realm, this, "toString")
    r = arg(args, 0)
    if r is UNDEFINED:
        return number_to_string(x)
    radix = to_integer(realm, r)
    if not 2 <= radix <= 36:
        raise realm.range_error("toString() radix argument must be between 2 and 36")
    return number_to_string(x, int(radix))


def n_to_fixed(realm: Any, this: Any, args: list) -> str:
    x = this_number(realm, this, "toFixed")
    digits = to_integer(realm, arg(args, 0))
    if not 0 <= digits <= 100:
        raise realm.range_error("toFixed() digits argument must be between 0 and 100")
    return to_fixed(x, int(digits))


def n_to_precision(realm: Any, this: Any, args: list) -> str:
    x = this_number(realm, this, "toPrecision")
    p = arg(args, 0)
    if p is UNDEFINED:
        return number_to_string(x)
    prec = to_integer(realm, p)
    if x != x or x in (INF, -INF):
        return number_to_string(x)
    if not 1 <= prec <= 100:
        raise realm.range_error("toPrecision() argument must be between 1 and 100")
    return to_precision(x, int(prec))


def to_exponential(x: float, digits: int | None) -> str:
    """``toExponential``: one digit, ``digits`` more (or as many as the shortest
    round-trip form needs when None), rounding the exact binary value half up."""
    sign = "-" if x < 0 else ""
    x = abs(x)
    if x == 0:
        mant, e = "0" * ((digits or 0) + 1), 0
    elif digits is None:
        mant, n = shortest_digits(x)
        e = n - 1
    else:
        with localcontext() as ctx:
            ctx.prec = 1200
            d = Decimal(x)
            e = d.adjusted()
            q = d.scaleb(digits - e).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        if q >= 10 ** (digits + 1):  # 9.99 -> 10.0: one more exponent
            e += 1
            q = q / 10
        mant = str(int(q))
    body = mant[0] + ("." + mant[1:] if len(mant) > 1 else "")
    return f"{sign}{body}e{'+' if e >= 0 else '-'}{abs(e)}"


def n_to_exponential(realm: Any, this: Any, args: list) -> str:
    x = this_number(realm, this, "toExponential")
    d = arg(args, 0)
    digits = to_integer(realm, d)
    if x != x or x in (INF, -INF):
        return number_to_string(x)
    if not 0 <= digits <= 100:
        raise realm.range_error("toExponential() argument must be between 0 and 100")
    return to_exponential(x, None if d is UNDEFINED else int(digits))


def to_locale_string(x: float) -> str:
    """en-US ``toLocaleString()``: at most 3 fraction digits, rounded half away from
    zero from the shortest decimal form (as ICU does), digits grouped by commas."""
    if x != x:
        return "NaN"
    if x in (INF, -INF):
        return "∞" if x > 0 else "-∞"
    negative = x < 0 or (x == 0 and math.copysign(1.0, x) < 0)
    digits, n = shortest_digits(abs(x)) if x != 0 else ("0", 1)
    with localcontext() as ctx:
        ctx.prec = 400
        q = Decimal(f"0.{digits}e{n}").quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
    text = format(q, ",f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return ("-" if negative else "") + text


def n_to_locale_string(realm: Any, this: Any, args: list) -> str:
    x = this_number(realm, this, "toLocaleString")
    locale = arg(args, 0)
    if (locale is not UNDEFINED and locale not in ("en-US", "en")) or arg(args, 1) is not UNDEFINED:
        raise realm.type_error("toLocaleString with locales or options is not supported by jsrust (en-US only)")
    return to_locale_string(x)


def n_value_of(realm: Any, this: Any, args: list) -> float:
    return this_number(realm, this, "valueOf")


NUMBER_CONSTANTS = {
    "EPSILON": 2.0 ** -52, "MAX_SAFE_INTEGER": MAX_SAFE_INTEGER, "MIN_SAFE_INTEGER": -MAX_SAFE_INTEGER,
    "MAX_VALUE": 1.7976931348623157e308, "MIN_VALUE": 5e-324,
    "POSITIVE_INFINITY": INF, "NEGATIVE_INFINITY": -INF, "NaN": NAN,
}


# --- Boolean ----------------------------------------------------------------------

def boolean_call(realm: Any, this: Any, args: list) -> bool:
    return realm.truthy(args[0]) if args else False


def this_boolean(realm: Any, this: Any, method: str) -> bool:
    if type(this) is bool:
        return this
    prim = getattr(this, "primitive", None) if isinstance(this, JSObject) else None
    if type(prim) is bool:
        return prim
    raise realm.type_error(f"Boolean.prototype.{method} requires that 'this' be a Boolean")


def b_to_string(realm: Any, this: Any, args: list) -> str:
    return "true" if this_boolean(realm, this, "toString") else "false"


def b_value_of(realm: Any, this: Any, args: list) -> bool:
    return this_boolean(realm, this, "valueOf")


def install(realm: Any) -> None:
    """Add ``Math``, ``Number``, ``Boolean`` and the numeric globals to ``realm``."""
    g = realm.global_obj
    math_obj = realm.new_object()
    math_obj.set_hidden(TO_STRING_TAG, "Math")
    for name, (impl, length) in MATH_FUNCTIONS.items():
        realm.define_native(math_obj, name, impl, length)
    for name, value in MATH_CONSTANTS.items():
        math_obj.set_hidden(name, value)
    g.set_hidden("Math", math_obj)

    parse_int_fn = realm.define_native(g, "parseInt", g_parse_int, 2)
    parse_float_fn = realm.define_native(g, "parseFloat", g_parse_float, 1)
    realm.define_native(g, "isNaN", g_is_nan, 1)
    realm.define_native(g, "isFinite", g_is_finite, 1)
    g.set_hidden("NaN", NAN)
    g.set_hidden("Infinity", INF)
    g.set_hidden("undefined", UNDEFINED)

    number_ctor = realm.native_constructor("Number", number_call, 1, realm.number_proto, float)
    for name, impl, length in (("isInteger", n_is_integer, 1), ("isSafeInteger", n_is_safe_integer, 1),
                               ("isFinite", n_is_finite, 1), ("isNaN", n_is_nan, 1)):
        realm.define_native(number_ctor, name, impl, length)
    number_ctor.set_hidden("parseInt", parse_int_fn)
    number_ctor.set_hidden("parseFloat", parse_float_fn)
    for name, value in NUMBER_CONSTANTS.items():
        number_ctor.set_hidden(name, value)
    for name, impl, length in (("toString", n_to_string, 1), ("toFixed", n_to_fixed, 1),
                               ("toPrecision", n_to_precision, 1), ("valueOf", n_value_of, 0),
                               ("toExponential", n_to_exponential, 1), ("toLocaleString", n_to_locale_string, 0)):
        realm.define_native(realm.number_proto, name, impl, length)

    realm.native_constructor("Boolean", boolean_call, 1, realm.boolean_proto, bool)
    realm.define_native(realm.boolean_proto, "toString", b_to_string, 0)
    realm.define_native(realm.boolean_proto, "valueOf", b_value_of, 0)
