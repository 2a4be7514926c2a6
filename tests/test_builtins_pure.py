"""The built-in library's pure helpers (Math functions, parseInt/parseFloat, JSON
quoting and JSON.parse error messages, localeCompare) against node, without a realm.

Each group runs one node process over many inputs and compares every line.
"""
from __future__ import annotations

import json
import math
import random
import subprocess

import pytest

from jsrust_core.interp import builtins_math as bm
from jsrust_core.interp.builtins_json import json_error_message, quote
from jsrust_core.interp.builtins_string import _collation_key
from jsrust_core.numconv import number_to_string
from jsrust_core.values import from_js_string


def node_lines(js: str) -> list[str]:
    out = subprocess.run(["node", "-e", js], capture_output=True, text=True, check=True).stdout
    return out.split("\n")[:-1]


def fmt(x: float) -> str:
    """A number as the JS side prints it: ``-0`` kept distinct from ``0``."""
    if x == 0 and math.copysign(1.0, x) < 0:
        return "-0"
    return number_to_string(x)


JS_FMT = "const f=(x)=>Object.is(x,-0)?'-0':String(x);"


class NumberRealm:
    """Just enough of a realm for float-only calls into Math natives."""

    @staticmethod
    def to_number(v: float) -> float:
        return v


_rng = random.Random(20261127)
#: fixed special values, then seeded random ones at several scales
INPUTS = [0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994,
          1e300, -1e300, math.inf, -math.inf, math.nan, 3.0, -7.25, 1e-310, 4503599627370495.5,
          9007199254740992.0, 0.1, 100.0, -1.0, 1.0, 2.0, 0.7, -0.9, 710.0, -710.0, 4294967296.5,
          -2147483649.0, 1e-7, 3.4028235677973366e38, 3.4028236e38, 1e39]
INPUTS += [_rng.uniform(-10, 10) for _ in range(200)] + [_rng.uniform(-800, 800) for _ in range(50)]
INPUTS += [math.ldexp(_rng.random(), _rng.randint(-60, 60)) for _ in range(100)]
INPUTS += [math.ldexp(_rng.random(), _rng.randint(20, 1000)) for _ in range(30)]  # huge: __kernel_rem_pio2

#: exact Math functions must agree with V8 bit for bit; the transcendental ones run on
#: the host libm (``interp/libm.py``) and may differ from V8's own implementation in
#: the last bits: they must be within ``ULPS`` units in the last place.
ULPS = 2
TRANSCENDENTAL = {"cbrt", "exp", "expm1", "log", "log1p", "log2", "log10", "sin", "cos", "tan", "asin",
                  "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "pow", "atan2"}
UNARY = ["abs", "floor", "ceil", "round", "trunc", "sign", "sqrt", "cbrt", "fround", "clz32",
         "exp", "expm1", "log", "log1p", "log2", "log10", "sin", "cos", "tan", "asin", "acos",
         "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh"]
BINARY = ["hypot", "max", "min", "imul", "pow", "atan2"]
PAIR_INPUTS = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -3.0, math.inf, -math.inf, math.nan, 1e308, 3.5]
PAIR_INPUTS += [_rng.uniform(0, 10) for _ in range(20)] + [_rng.uniform(-5, 5) for _ in range(5)]


def js_num(x: float) -> str:
    if x != x:
        return "NaN"
    if x == math.inf:
        return "Infinity"
    if x == -math.inf:
        return "-Infinity"
    return "-0" if x == 0 and math.copysign(1.0, x) < 0 else repr(x)


def test_math_functions_match_node() -> None:
    xs = "[" + ",".join(js_num(x) for x in INPUTS) + "]"
    ps = "[" + ",".join(js_num(x) for x in PAIR_INPUTS) + "]"
    js = (JS_FMT + f"const xs={xs}, ps={ps};"
          + f"for (const n of {json.dumps(UNARY)}) for (const x of xs) console.log(n, f(Math[n](x)));"
          + f"for (const n of {json.dumps(BINARY)}) for (const a of ps) for (const b of ps) console.log(n, f(Math[n](a, b)));"
          + "console.log('max0', f(Math.max()), f(Math.min()), f(Math.hypot()), f(Math.max(NaN, 1, 2)), f(Math.min(0, -0, 0)));")
    expected = node_lines(js)
    realm = NumberRealm()
    got = []
    for name in UNARY:
        impl = bm.MATH_FUNCTIONS[name][0]
        for x in INPUTS:
            got.append(f"{name} {fmt(impl(realm, None, [x]))}")
    for name in BINARY:
        impl = bm.MATH_FUNCTIONS[name][0]
        for a in PAIR_INPUTS:
            for b in PAIR_INPUTS:
                got.append(f"{name} {fmt(impl(realm, None, [a, b]))}")
    mx, mn, hy = bm.m_max, bm.m_min, bm.m_hypot
    got.append("max0 " + " ".join(fmt(v) for v in (
        mx(realm, None, []), mn(realm, None, []), hy(realm, None, []),
        mx(realm, None, [math.nan, 1.0, 2.0]), mn(realm, None, [0.0, -0.0, 0.0]))))
    assert len(expected) == len(got)
    mismatches = [(e, g) for e, g in zip(expected, got) if e != g and not _within_ulps(e, g)]
    assert not mismatches, mismatches[:20]


def _within_ulps(expected: str, got: str) -> bool:
    """Two ``name value`` lines of a transcendental function whose values are within ULPS."""
    name_e, _, ve = expected.partition(" ")
    name_g, _, vg = got.partition(" ")
    if name_e != name_g or name_e not in TRANSCENDENTAL:
        return False
    try:
        a, b = float(ve), float(vg)
    except ValueError:
        return False
    if a != a or b != b or math.isinf(a) or math.isinf(b):
        return False
    return abs(a - b) <= ULPS * math.ulp(max(abs(a), abs(b)))


PARSE_STRINGS = ["42", "  42px", "-0", "+17", "0x1F", "0X1f", "-0x10", "0b101", "1e3", "1.5e3", ".5", "5.",
                 "-.5e-2", "Infinity", "-Infinity", "infinity", "", "   ", "abc", "12abc", "0.0000001",
                 "123456789012345678901234567890", "\u00a0\t 7", "1_000", "0o17", "9007199254740993",
                 "z", "Z", "-z", "ff", "077", "1e1000", "--1", "+-1", "0x", "\u2003-8.5"]
RADIXES = [None, 0, 2, 8, 10, 16, 36, 37, 1, -1]


def test_parse_int_and_parse_float_match_node() -> None:
    js = (JS_FMT + f"const ss={json.dumps(PARSE_STRINGS)};"
          + "const rs=[undefined,0,2,8,10,16,36,37,1,-1];"
          + "for (const s of ss) { console.log(f(parseFloat(s))); for (const r of rs) console.log(f(parseInt(s, r))); }")
    expected = node_lines(js)
    realm = NumberRealm()
    got = []
    for s in PARSE_STRINGS:
        got.append(fmt(bm.g_parse_float(realm, None, [s])))
        for r in RADIXES:
            got.append(fmt(bm.g_parse_int(realm, None, [s] if r is None else [s, float(r)])))
    assert [e for e in expected] == got


JSON_BAD = ["", "{", "[1,]", "{\"a\":1,}", "tru", "01", "1 2", "\"abc", "{a:1}", "[1 2]", "\"\\x\"", "nul", "-",
            "1.", "1e", "\"a\nb\"", "  ", "[", "{\"a\"}", "{\"a\":}", "undefined", "[1,2", "\"\\u12\"", "123abc",
            "{\"a\":1 \"b\":2}", "\u00e9", "[undefined]", "xyz", "[1, 2, 3, 4, 5, 6, 7, 8, x]",
            "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, x, 14, 15, 16, 17, 18]",
            "[x, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]", "{\"a\":1}}",
            "[1,\"\t\"]", "{\"a\":1,\"b\"", "tx", "nulx", "[-x]", "[1e+]", "[.5]", "[+1]", "[0x10]",
            "{\"a\":1,\"b\":", "{\"a\":1,x", "{\"a\":1,\"b\"x", "{x", "[1,2,x", "{3:1}", "\"ab\\",
            "\"\\u00g0\"", "[1.x]", "[tru]", "[truex]", "NaN", "[NaN]", "-Infinity",
            "[1,2,3,4,5,6,7,8,9,x", "[1,2,3,4,5,6,7,8,9,x]", "{\"a\":1,\"b\"\"c\"}", "[01]", "\ufeff1"]


def test_json_parse_error_messages_match_node() -> None:
    js = f"for (const s of {json.dumps(JSON_BAD)}) {{ try {{ JSON.parse(s); console.log('OK') }} catch (e) {{ console.log(e.message) }} }}"
    expected = node_lines(js)
    assert [json_error_message(s) for s in JSON_BAD] == expected


def test_json_quote_matches_node() -> None:
    strings = ["plain", "q\"b\\s", "\b\f\n\r\t\x00\x1f\x7f", "\u2028\u2029", "\ud800", "x\udc00y",
               "\ud83d\ude00", "\ud83d", "é€"]
    js = f"for (const s of {json.dumps(strings)}) console.log(JSON.stringify(s))"
    expected = node_lines(js)
    assert [from_js_string(quote(s)) for s in strings] == expected


def test_locale_compare_order_matches_node_on_ascii() -> None:
    words = ["", "a", "A", "b", "B", "ab", "aB", "Ab", "AB", "a b", "a-b", "ab-", "a1", "a10", "a2", "_x",
             "Zebra", "zebra", "apple", "Apple", "apple pie", "applepie", "x.y", "x,y", "1", "10", "9",
             "~", "$", "e", "é", "f", "résumé", "resume", "Resume"]
    js = (f"const w={json.dumps(words)};"
          "for (const a of w) console.log(w.map(b => a.localeCompare(b)).join(' '))")
    expected = node_lines(js)

    def cmp(a: str, b: str) -> int:
        if a == b:
            return 0
        ka, kb = _collation_key(a), _collation_key(b)
        return 0 if ka == kb else -1 if ka < kb else 1

    got = [" ".join(str(cmp(a, b)) for b in words) for a in words]
    assert got == expected


@pytest.mark.parametrize("x,y", [(2.0, 10.0), (-8.0, 1 / 3), (0.0, -1.0), (-0.0, -3.0), (-0.0, -2.0),
                                 (1.0, math.inf), (-1.0, math.nan), (math.nan, 0.0), (10.0, 400.0),
                                 (-10.0, 401.0), (-2.0, -1075.0), (0.5, -math.inf)])
def test_js_pow_matches_node(x: float, y: float) -> None:
    expected = node_lines(JS_FMT + f"console.log(f(({js_num(x)}) ** ({js_num(y)})))")[0]
    assert fmt(bm.js_pow(x, y)) == expected
