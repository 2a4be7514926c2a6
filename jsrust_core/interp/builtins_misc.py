"""Globals that fit nowhere else: ``Date.now``, ``performance.now`` and a minimal
``Date`` (construction from now / a time value / an ISO string / local-time
components, ``Date.UTC``, the ``get*``/``getUTC*`` field getters, ``getTime``,
``valueOf``, ``toISOString``, ``toJSON``; no setters, no ``toString`` forms).

Why minimal: benchmarks use ``Date.now()`` and ``performance.now()`` for timing;
calendar arithmetic and local time zones are out of scope, and a method we do not
have fails loudly (``x.getDay is not a function``) rather than answering wrongly.
"""
from __future__ import annotations

import datetime
import math
import time
from typing import Any

from ..inspect import civil_from_days
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


def days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 of a proleptic Gregorian date (month 1..12); the
    inverse of ``civil_from_days``."""
    year -= month <= 2
    era = year // 400
    yoe = year - era * 400
    mp = month - 3 if month > 2 else month + 9
    doy = (153 * mp + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def make_time(realm: Any, args: list) -> float:
    """MakeDate(MakeDay(y, m, d), MakeTime(h, min, s, ms)) of ``Date.UTC`` /
    ``new Date(y, m, ...)`` arguments: months and days may overflow, two-digit
    years mean 19xx."""
    nums = [realm.to_number(a) for a in args[:7]]
    if any(n != n or n in (math.inf, -math.inf) for n in nums):
        return math.nan
    fields = [int(n) for n in nums] + [0, 0, 1, 0, 0, 0, 0][len(nums):]
    year, month, day, hours, minutes, seconds, millis = fields
    if 0 <= year <= 99:
        year += 1900
    year += month // 12
    days = days_from_civil(year, month % 12 + 1, 1) + day - 1
    return float(days * 86_400_000 + hours * 3_600_000 + minutes * 60_000 + seconds * 1000 + millis)


def local_offset_ms(t: float) -> float:
    """The host time zone's offset from UTC at time ``t`` (what node applies to
    the local-time getters); UTC outside the range the C library handles."""
    try:
        return float(time.localtime(t / 1000.0).tm_gmtoff * 1000)
    except (OverflowError, OSError, ValueError):
        return 0.0


def new_date(realm: Any, proto: JSObject, args: list) -> JSDate:
    """``new Date()``, ``new Date(ms)``, ``new Date(isoString)``, ``new Date(y, m, ...)``
    (local time)."""
    if not args:
        return JSDate(proto, now_ms())
    v = args[0]
    if len(args) > 1:
        t = make_time(realm, args)
        return JSDate(proto, time_clip(t - local_offset_ms(t - local_offset_ms(t))) if t == t else math.nan)
    if isinstance(v, JSDate):
        return JSDate(proto, v.time)
    if type(v) is str:
        return JSDate(proto, time_clip(parse_iso(v)))
    return JSDate(proto, time_clip(realm.to_number(v)))


def _fields(t: float) -> tuple[int, int, int, int, int, int, int, int]:
    """(year, month 0..11, day, weekday, hours, minutes, seconds, ms) of time value t."""
    days, rest = divmod(int(t), 86_400_000)
    year, month, day = civil_from_days(days)
    hours, rest = divmod(rest, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return year, month - 1, day, (days + 4) % 7, hours, minutes, seconds, millis


def _getter(index: int, utc: bool):
    """A ``Date.prototype.get*`` method reading one field, in UTC or local time."""
    def impl(realm: Any, this: Any, args: list) -> float:
        t = _this_date(realm, this).time
        if t != t:
            return math.nan
        if not utc:
            t += local_offset_ms(t)
        return float(_fields(t)[index])
    return impl


def d_get_timezone_offset(realm: Any, this: Any, args: list) -> float:
    t = _this_date(realm, this).time
    return math.nan if t != t else -local_offset_ms(t) / 60_000 + 0.0


def date_utc(realm: Any, this: Any, args: list) -> float:
    return time_clip(make_time(realm, args or [math.nan]))


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
    "getTimezoneOffset": (d_get_timezone_offset, 0),
}
for _i, _name in enumerate(("FullYear", "Month", "Date", "Day", "Hours", "Minutes", "Seconds", "Milliseconds")):
    DATE_METHODS["get" + _name] = (_getter(_i, False), 0)
    DATE_METHODS["getUTC" + _name] = (_getter(_i, True), 0)


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
    realm.define_native(ctor, "UTC", date_utc, 7)
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
