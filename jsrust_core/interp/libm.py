"""JS semantics for the transcendental ``Math`` functions over the host's libm.

Python's ``math`` raises where JS returns a value (``math.log(0)`` raises, JS gives
``-Infinity``; ``math.sin(Infinity)`` raises, JS gives ``NaN``; ``math.exp(1000)``
raises, JS gives ``Infinity``). These wrappers give the JS answer for every input.

Accuracy, stated plainly: V8 computes these with its own (not correctly rounded)
implementation, while glibc's are correctly rounded or nearly so, so the last bit can
differ from Node for a few percent of arguments. Exact operations (``sqrt``, rounding,
``abs``, ``hypot``'s scaling, small integer powers) are bit-identical.
"""
from __future__ import annotations

import math
from typing import Callable

INF = math.inf
NAN = math.nan


def _guard(fn: Callable[[float], float], on_overflow: float = INF) -> Callable[[float], float]:
    """``fn`` with NaN in → NaN out, domain errors → NaN, overflow → ``on_overflow``
    (with the sign of the exact result, which for our uses is the sign of ``on_overflow``)."""
    def wrapped(x: float) -> float:
        if x != x:
            return NAN
        try:
            return fn(x)
        except ValueError:
            return NAN
        except OverflowError:
            return on_overflow
    wrapped.__name__ = fn.__name__
    return wrapped


def log(x: float) -> float:
    if x == 0.0:
        return -INF
    return _log(x)


def log2(x: float) -> float:
    if x == 0.0:
        return -INF
    return _log2(x)


def log10(x: float) -> float:
    if x == 0.0:
        return -INF
    return _log10(x)


def log1p(x: float) -> float:
    if x == -1.0:
        return -INF
    return _log1p(x)


def atanh(x: float) -> float:
    if x == 1.0:
        return INF
    if x == -1.0:
        return -INF
    return _atanh(x)


def sinh(x: float) -> float:
    try:
        return math.sinh(x)
    except OverflowError:
        return INF if x > 0 else -INF


_log = _guard(math.log)
_log2 = _guard(math.log2)
_log10 = _guard(math.log10)
_log1p = _guard(math.log1p)
_atanh = _guard(math.atanh)
exp = _guard(math.exp)
expm1 = _guard(math.expm1)
sin = _guard(math.sin)
cos = _guard(math.cos)
tan = _guard(math.tan)
asin = _guard(math.asin)
acos = _guard(math.acos)
atan = _guard(math.atan)
cosh = _guard(math.cosh)
tanh = _guard(math.tanh)
asinh = _guard(math.asinh)
acosh = _guard(math.acosh)
sinh = _guard(sinh)
atan2 = math.atan2  # total on doubles, NaN in → NaN out, as JS


def cbrt(x: float) -> float:
    """Real cube root (``x ** (1/3)`` is NaN for negative x in JS and complex in Python)."""
    if x != x or x == 0.0 or x in (INF, -INF):
        return x
    # split off the exponent so subnormal and huge inputs keep full precision
    m, e = math.frexp(abs(x))
    q, rem = divmod(e, 3)
    m = math.ldexp(m, rem)  # in [0.5, 4)
    r = m ** (1.0 / 3.0)
    r = r - (r * r * r - m) / (3.0 * r * r)  # one Newton step: the nearest double in practice
    return math.copysign(math.ldexp(r, q), x)


def pow(x: float, y: float) -> float:
    """C's pow on doubles with overflow/underflow as values (the JS-specific NaN cases
    are handled by the caller)."""
    try:
        return math.pow(x, y)
    except OverflowError:
        if x < 0 and y == int(y) and int(y) % 2 == 1:
            return -INF
        return INF
    except ValueError:
        if x == 0.0:  # 0 ** negative
            if y == int(y) and int(y) % 2 == 1:
                return math.copysign(INF, x)
            return INF
        return NAN
