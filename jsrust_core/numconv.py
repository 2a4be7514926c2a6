"""JavaScript number <-> string conversions, bit-exact with V8 (Node 20).

Everything here works on the IEEE double the interpreter holds as a Python ``float``.
Where ECMAScript asks for "the closest" or "exact" decimal arithmetic we use
``repr`` (shortest round-trip digits, the same digits V8 picks) and ``Decimal``
(exact binary value), never float arithmetic that could round twice.

The Rust runtime has the same functions in ``runtime/numfmt.rs``, step for step.
"""
from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal, localcontext

_DIGIT_CHARS = "0123456789abcdefghijklmnopqrstuvwxyz"

#: StrWhiteSpaceChar: WhiteSpace (TAB VT FF SP NBSP ZWNBSP and category Zs) plus
#: LineTerminator (LF CR LS PS). Python's ``str.strip`` strips a different set
#: (e.g. U+001C..U+001F, U+0085), so the set is spelled out.
JS_WHITESPACE = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)

# StrDecimalLiteral (no numeric separators, ASCII digits only).
_DECIMAL_RE = re.compile(r"[+-]?(?:Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)", re.ASCII)
_PREFIXED_RE = {
    "x": (re.compile(r"[0-9a-fA-F]+", re.ASCII), 16),
    "o": (re.compile(r"[0-7]+", re.ASCII), 8),
    "b": (re.compile(r"[01]+", re.ASCII), 2),
}


def shortest_digits(x: float) -> tuple[str, int]:
    """Shortest round-trip decimal digits of a finite positive ``x`` as ``(s, n)``
    with ``x == 0.s * 10**n`` — the ``k`` digits and exponent ``n`` of ECMAScript
    Number::toString step 5. ``repr`` gives the shortest (and, among equally short,
    closest) digits, which is what V8 prints."""
    mant, _, exp = repr(x).partition("e")
    int_part, _, frac = mant.partition(".")
    digits = int_part + frac
    n = len(int_part) + (int(exp) if exp else 0)
    stripped = digits.lstrip("0")
    n -= len(digits) - len(stripped)
    return stripped.rstrip("0"), n


def number_to_string(x: float, radix: int = 10) -> str:
    """``Number.prototype.toString(radix)`` / ``String(x)``."""
    if radix == 10 and x.is_integer() and -9007199254740992.0 <= x <= 9007199254740992.0:
        return "%d" % x  # fast path: integers below 2**53 print all their digits
    if x != x:
        return "NaN"
    if x == 0:
        return "0"  # both +0 and -0
    if math.isinf(x):
        return "-Infinity" if x < 0 else "Infinity"
    if radix != 10:
        return _to_radix_string(x, radix)
    if x < 0:
        return "-" + number_to_string(-x)
    digits, n = shortest_digits(x)
    k = len(digits)
    if k <= n <= 21:  # integer: digits then zeros, up to 1e21
        return digits + "0" * (n - k)
    if 0 < n <= 21:  # decimal point inside the digits
        return digits[:n] + "." + digits[n:]
    if -6 < n <= 0:  # small: 0.000ddd down to 1e-7
        return "0." + "0" * (-n) + digits
    e = n - 1  # exponential: d.ddde±x
    sign = "+" if e >= 0 else "-"
    head = digits[0] if k == 1 else digits[0] + "." + digits[1:]
    return f"{head}e{sign}{abs(e)}"


def _to_radix_string(x: float, radix: int) -> str:
    """V8's DoubleToRadixCString: fraction digits are produced only while they are
    significant (``delta`` = half the gap to the next double, scaled with each
    digit), rounding the last one half-to-even with carry; integer digits beyond
    2**53 precision are written as ``0``."""
    if not 2 <= radix <= 36:
        raise ValueError("radix must be between 2 and 36")
    negative = x < 0
    if negative:
        x = -x
    integer = math.floor(x)
    fraction = x - integer
    delta = max(0.5 * (math.nextafter(x, math.inf) - x), math.nextafter(0.0, 1.0))
    frac_digits: list[int] = []
    if fraction >= delta:
        while True:
            fraction *= radix
            delta *= radix
            digit = int(fraction)
            frac_digits.append(digit)
            fraction -= digit
            if fraction > 0.5 or (fraction == 0.5 and (digit & 1)):
                if fraction + delta > 1:
                    # round up, propagating the carry through written digits
                    while True:
                        if not frac_digits:
                            integer += 1
                            break
                        last = frac_digits.pop()
                        if last + 1 < radix:
                            frac_digits.append(last + 1)
                            break
                    break
            if not fraction >= delta:
                break
    int_digits: list[str] = []
    integer_f = float(integer)
    while integer_f / radix >= 2.0**53:  # digits below the double's precision
        integer_f /= radix
        int_digits.append("0")
    while True:
        rem = math.fmod(integer_f, radix)
        int_digits.append(_DIGIT_CHARS[int(rem)])
        integer_f = (integer_f - rem) / radix
        if not integer_f > 0:
            break
    out = "".join(reversed(int_digits))
    if frac_digits:
        out += "." + "".join(_DIGIT_CHARS[d] for d in frac_digits)
    return "-" + out if negative else out


def to_int32(x: float) -> int:
    """ToInt32: truncate, wrap modulo 2**32 into [-2**31, 2**31)."""
    if x != x or math.isinf(x):
        return 0
    n = int(x) & 0xFFFFFFFF
    return n - 0x100000000 if n >= 0x80000000 else n


def to_uint32(x: float) -> int:
    """ToUint32: truncate, wrap modulo 2**32 (used by ``>>>`` and array lengths)."""
    if x != x or math.isinf(x):
        return 0
    return int(x) & 0xFFFFFFFF


def to_uint16(x: float) -> int:
    """ToUint16: truncate, wrap modulo 2**16 (``String.fromCharCode``)."""
    if x != x or math.isinf(x):
        return 0
    return int(x) & 0xFFFF


def string_to_number(s: str) -> float:
    """StringToNumber (``Number(s)``, unary ``+``): JS whitespace trimmed; empty is 0;
    ``0x``/``0o``/``0b`` integers without sign; decimal literals with optional sign,
    or ``Infinity``; anything else (trailing junk, ``_`` separators, ``inf``) is NaN."""
    t = s.strip(JS_WHITESPACE)
    if not t:
        return 0.0
    if len(t) > 2 and t[0] == "0" and t[1] in "xXoObB":
        pattern, base = _PREFIXED_RE[t[1].lower()]
        if not pattern.fullmatch(t, 2):
            return math.nan
        return _int_to_float(int(t[2:], base))
    if not _DECIMAL_RE.fullmatch(t):
        return math.nan
    if t.endswith("Infinity"):
        return -math.inf if t[0] == "-" else math.inf
    return float(t)  # correctly rounded, like V8; "1e400" -> inf


def _int_to_float(n: int) -> float:
    """Round a big integer to the nearest double (ties to even), Infinity on overflow."""
    try:
        return float(n)
    except OverflowError:
        return math.inf


def to_fixed(x: float, digits: int) -> str:
    """``Number.prototype.toFixed(digits)``: the integer ``n`` nearest to
    ``x * 10**digits`` computed on the exact binary value, ties rounded up (away
    from zero after the sign is split off), as the spec and V8 do; ``|x| >= 1e21``
    falls back to ``ToString``."""
    if not 0 <= digits <= 100:
        raise ValueError("toFixed() digits argument must be between 0 and 100")
    if x != x:
        return "NaN"
    if abs(x) >= 1e21 or math.isinf(x):
        return number_to_string(x)
    sign = "-" if x < 0 else ""
    with localcontext() as ctx:
        ctx.prec = 1200
        q = Decimal(abs(x)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return sign + format(q, "f")


def to_precision(x: float, p: int) -> str:
    """``Number.prototype.toPrecision(p)``: ``p`` significant digits of the exact
    binary value, ties up; exponential form when the exponent is < -6 or >= p."""
    if x != x or math.isinf(x):
        return number_to_string(x)
    if not 1 <= p <= 100:
        raise ValueError("toPrecision() argument must be between 1 and 100")
    sign = "-" if x < 0 else ""
    if x == 0:
        digits, e = "0" * p, 0
    else:
        with localcontext() as ctx:
            ctx.prec = 1200
            d = Decimal(abs(x))
            e = d.adjusted()
            n = d.scaleb(p - 1 - e).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        if n >= 10**p:  # rounding carried into a new digit: 9.99 -> 10.0
            e += 1
            n = n / 10
        digits = str(int(n))
    if e < -6 or e >= p:
        head = digits[0] + ("." + digits[1:] if p > 1 else "")
        return f"{sign}{head}e{'+' if e >= 0 else '-'}{abs(e)}"
    if e >= 0:
        return sign + digits[: e + 1] + ("." + digits[e + 1 :] if p > e + 1 else "")
    return sign + "0." + "0" * (-e - 1) + digits


_FLOAT_PREFIX_RE = re.compile(r"[+-]?(?:Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)", re.ASCII)


def parse_float(s: str) -> float:
    """``parseFloat``: the longest decimal-literal prefix after leading JS whitespace."""
    m = _FLOAT_PREFIX_RE.match(s.lstrip(JS_WHITESPACE))
    if not m:
        return math.nan
    text = m.group()
    if text.endswith("Infinity"):
        return -math.inf if text[0] == "-" else math.inf
    return float(text)


def parse_int(s: str, radix: float = 0.0) -> float:
    """``parseInt(s, radix)``: sign, optional ``0x`` (radix 0 or 16), then the
    longest run of digits valid in the radix; ``-0`` for ``"-0"``."""
    t = s.lstrip(JS_WHITESPACE)
    sign = 1.0
    if t[:1] in ("+", "-"):
        sign = -1.0 if t[0] == "-" else 1.0
        t = t[1:]
    r = to_int32(radix)
    strip_prefix = True
    if r != 0:
        if not 2 <= r <= 36:
            return math.nan
        strip_prefix = r == 16
    else:
        r = 10
    if strip_prefix and t[:2] in ("0x", "0X"):
        t = t[2:]
        r = 16
    end = 0
    while end < len(t) and t[end] in _DIGIT_CHARS[:r] + _DIGIT_CHARS[10:r].upper():
        end += 1
    if end == 0:
        return math.nan
    if r == 10 or r & (r - 1) == 0:  # exact, correctly rounded (V8: strtod / bit assembly)
        return sign * _int_to_float(int(t[:end], r))
    return sign * _v8_approx_int(t[:end], r)


def _v8_approx_int(digits: str, radix: int) -> float:
    """V8's parseInt for radices other than 10 and powers of two: digits are
    accumulated in 32-bit chunks and combined in doubles, so results above 2**53
    carry V8's rounding error (the spec allows an approximation here)."""
    max_multiplier = 0xFFFFFFFF // 36
    result = 0.0
    i = 0
    while i < len(digits):
        part = 0
        multiplier = 1
        while i < len(digits):
            m = multiplier * radix
            if m > max_multiplier:
                break
            part = part * radix + int(digits[i], 36)
            multiplier = m
            i += 1
        result = result * float(multiplier) + part
    return result
