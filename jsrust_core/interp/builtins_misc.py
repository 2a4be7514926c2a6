"""Globals that fit nowhere else: ``Date.now``, ``performance.now`` and a minimal
``Date`` (construction from now / a time value / an ISO string, ``getTime``,
``valueOf``, ``toISOString``, ``toJSON``).

Why minimal: benchmarks use ``Date.now()`` and ``performance.now()`` for timing;
calendar arithmetic and local time zones are out of scope, and a method we do not
have fails loudly (``x.getDay is not a function``) rather than answering wrongly.
"""
from __future__ import annotations

import datetime
import math
import time
from typing import Any

from ..values import UNDEFINED, JSObject
from .builtins_common import TO_STRING_TAG, arg, describe

_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
#: the largest time value a Date may hold (±8.64e15 ms, ECMA-262 TimeClip)
_MAX_TIME = 8.64e15
_START = time.perf_counter()


class JSDate(JSObject):
    """A ``Date``: ``time`` is its time value in ms since the epoch (NaN if invalid)."""

    __slots__ = ("time",)

    def __init__(self, proto: JSObject, t: float) -> None:
        JSObject.__init__(self, proto, "Date")
        self.time = t


def now_ms() -> float:
    """The current time in whole milliseconds, as ``Date.now()`` gives it."""
    return float(time.time_ns() // 1_000_000)


def time_clip(t: float) -> float:
    if t != t or abs(t) > _MAX_TIME:
        return math.nan
    return float(int(t)) + 0.0


def civil_from_days(days: int) -> tuple[int, int, int]:
    """(year, month, day) of a day count since 1970-01-01 in the proleptic Gregorian
    calendar (H. Hinnant's algorithm; works for the whole ±8.64e15 ms Date range,
    which Python's ``datetime`` does not cover)."""
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (month <= 2), month, day


def iso_string(t: float) -> str:
    """``toISOString``: ``YYYY-MM-DDTHH:mm:ss.sssZ`` (6-digit signed years outside 0..9999)."""
    ms = int(t)
    days, rest = divmod(ms, 86_400_000)
    year, month, day = civil_from_days(days)
    hours, rest = divmod(rest, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    ys = f"{year:04d}" if 0 <= year <= 9999 else f"{'+' if year > 0 else '-'}{abs(year):06d}"
    return f"{ys}-{month:02d}-{day:02d}T{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}Z"


def parse_iso(s: str) -> float:
    """Date-time strings of the ISO form Node accepts without time-zone guessing:
    ``YYYY-MM-DD`` and ``YYYY-MM-DDTHH:mm[:ss[.sss]]Z`` (UTC); anything else is NaN."""
    try:
        if len(s) == 10:
            dt = datetime.datetime.strptime(s, "%Y-%m-%d").replace(tzinfo=datetime.timezone.utc)
        elif s.endswith("Z"):
            body = s[:-1]
            fmt = "%Y-%m-%dT%H:%M:%S.%f" if "." in body else "%Y-%m-%dT%H:%M:%S" if body.count(":") == 2 else "%Y-%m-%dT%H:%M"
            dt = datetime.datetime.strptime(body, fmt).replace(tzinfo=datetime.timezone.utc)
        else:
            return math.nan
    except ValueError:
        return math.nan
    return float((dt - _EPOCH) // datetime.timedelta(milliseconds=1))


def new_date(realm: Any, proto: JSObject, args: list) -> JSDate:
    """``new Date()``, ``new Date(ms)``, ``new Date(isoString)``."""
    if not args:
        return JSDate(proto, now_ms())
    v = args[0]
    if isinstance(v, JSDate):
        return JSDate(proto, v.time)
    if type(v) is str:
        return JSDate(proto, time_clip(parse_iso(v)))
    if len(args) > 1:
        raise realm.type_error("Date with year/month/... arguments is not supported by jsrust")
    return JSDate(proto, time_clip(realm.to_number(v)))


def _this_date(realm: Any, this: Any) -> JSDate:
    if isinstance(this, JSDate):
        return this
    raise realm.type_error(f"this is not a Date object. ({describe(realm, this)})")


def d_get_time(realm: Any, this: Any, args: list) -> float:
    return _this_date(realm, this).time


def d_to_iso_string(realm: Any, this: Any, args: list) -> str:
    t = _this_date(realm, this).time
    if t != t:
        raise realm.range_error("Invalid time value")
    return iso_string(t)


def d_to_json(realm: Any, this: Any, args: list) -> Any:
    t = _this_date(realm, this).time
    return iso_string(t) if t == t else UNDEFINED


def date_now(realm: Any, this: Any, args: list) -> float:
    return now_ms()


def performance_now(realm: Any, this: Any, args: list) -> float:
    """Milliseconds since the interpreter started, with sub-ms precision (as Node's)."""
    return (time.perf_counter() - _START) * 1000.0


def date_parse(realm: Any, this: Any, args: list) -> float:
    s = arg(args, 0)
    return time_clip(parse_iso(s if type(s) is str else realm.to_string(s)))


DATE_METHODS = {
    "getTime": (d_get_time, 0), "valueOf": (d_get_time, 0),
    "toISOString": (d_to_iso_string, 0), "toJSON": (d_to_json, 1),
}


def _date_call(realm: Any, this: Any, args: list) -> Any:
    raise realm.type_error("Date() called as a function (a local-time string) is not supported by jsrust")


def install(realm: Any) -> None:
    """Add ``Date`` (minimal) and ``performance`` to ``realm``'s globals."""
    date_proto = JSObject(realm.object_proto)
    for name, (impl, length) in DATE_METHODS.items():
        realm.define_native(date_proto, name, impl, length)
    ctor = realm.native_constructor("Date", _date_call, 7, date_proto,
                                    ctor=lambda realm, args, nt: new_date(realm, _proto_for(realm, nt, date_proto), args))
    realm.define_native(ctor, "now", date_now, 0)
    realm.define_native(ctor, "parse", date_parse, 1)
    perf = realm.new_object()
    perf.class_name = "Performance"
    realm.define_native(perf, "now", performance_now, 0)
    realm.global_obj.set_hidden("performance", perf)
    symbol_ctor = realm.global_obj.props.get("Symbol")
    if isinstance(symbol_ctor, JSObject) and "toStringTag" not in symbol_ctor.props:
        symbol_ctor.set_hidden("toStringTag", TO_STRING_TAG)


def _proto_for(realm: Any, new_target: Any, fallback: JSObject) -> JSObject:
    p = realm.get(new_target, "prototype")
    return p if isinstance(p, JSObject) else fallback
