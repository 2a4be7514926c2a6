"""numconv against Node: thousands of doubles (random bit patterns, random
"ordinary" magnitudes, hand-picked edges) formatted by one node process and by us."""
from __future__ import annotations

import json
import math
import random
import shutil
import struct
import subprocess

import pytest

from jsrust_core.numconv import (
    parse_float,
    parse_int,
    number_to_string,
    string_to_number,
    to_fixed,
    to_int32,
    to_precision,
    to_uint16,
    to_uint32,
)

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node not on PATH")

EDGES = [
    0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 123.456, -255.5, 255.0,
    1e21, 1e20, 123456789012345680000.0, 1e-6, 1e-7, 1.5e-7, 0.000001234, 5e-324, 2.2250738585072014e-308,
    1.7976931348623157e308, 2.0**53, 2.0**53 + 2, 2.0**31, 2.0**32, -(2.0**31), 2.0**31 - 1, 4294967295.5,
    1e300, 1.23e-300, 0.000123, 1e100, 9.999999999999999e20, 100.0, 1e15, 1e16, 1e17,
    math.pi, math.e, 1.005, 2.5, 0.125, 1.45, 8.345, 1.255, 1e-10, 12345.6789, 0.05, 0.0005,
    -1e-7, 3.0e-5, 6.02214076e23, 999.9999, 99.99, 0.95, 0.0000015,
]


def _random_doubles(n: int) -> list[float]:
    rng = random.Random(20261127)
    out: list[float] = []
    while len(out) < n:
        x = struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0]
        if not math.isnan(x):
            out.append(x)
    for _ in range(n):  # ordinary magnitudes, where the layout rules switch
        out.append(round(rng.uniform(-1, 1) * 10 ** rng.randint(-9, 23), rng.randint(0, 12)))
        out.append(rng.randint(-(2**40), 2**40) / 2 ** rng.randint(0, 30))
        # short decimals (the runtime writes those by integer arithmetic), their neighbours
        # one ulp away, and the ends of that fast path (1e-6, 2^50 at a scale)
        short = rng.randint(1, 10 ** rng.randint(1, 16)) / 10 ** rng.randint(1, 9)
        out += [short, math.nextafter(short, math.inf), math.nextafter(short, 0.0)]
        edge = rng.choice([1e-6, 2.0 ** 50 / 10 ** rng.randint(1, 8)]) * rng.choice([1 - 1e-15, 1, 1 + 1e-15])
        out += [edge, math.nextafter(edge, 0.0)]
    return out


def _bits(x: float) -> str:
    return struct.pack("<d", x).hex()


_JS = r"""
const data = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const dv = new DataView(new ArrayBuffer(8));
function fromHex(h) { for (let i = 0; i < 8; i++) dv.setUint8(i, parseInt(h.substr(2*i, 2), 16)); return dv.getFloat64(0, true); }
const out = {};
out.nums = data.nums.map(h => { const x = fromHex(h);
  const r = [String(x), x.toString(2), x.toString(16), x.toString(36), x.toString(7), x | 0, x >>> 0,
             String.fromCharCode(x).charCodeAt(0)];
  r.push(Math.abs(x) < 1e21 ? [x.toFixed(0), x.toFixed(2), x.toFixed(7), x.toFixed(20)] : null);
  r.push([x.toPrecision(1), x.toPrecision(3), x.toPrecision(8), x.toPrecision(21)]);
  return r; });
out.strs = data.strs.map(s => { const v = Number(s); return Object.is(v, -0) ? "-0" : String(v); });
process.stdout.write(JSON.stringify(out));
"""

STRINGS = [
    "", " ", "  12  ", "\t\n\v\f\r 5\u00a0\ufeff", "\u2028 7 \u3000", "\u001c5", "\u00855", "1_000", "0x1F",
    "0X1f", "-0x1f", "0o17", "0b101", "0b", "0x", "0b2", "Infinity", "-Infinity", "+Infinity", "infinity",
    "inf", "NaN", "1e3", "1E-3", "-0", "+0", ".5", "5.", ".", "+.5e1", "1e", "1e+", "12abc", "abc",
    "0x" + "f" * 300, "1e400", "-1e400", "00012", "0.1e-400", "\u0661", "12 34", "0.30000000000000004",
    "9007199254740993", "123456789012345678901234567890", "0x1fffffffffffff1", "--1", "+-1", " +1 ",
]


@pytest.fixture(scope="module")
def node_results() -> tuple[list[float], dict]:
    nums = EDGES + [-x for x in EDGES] + [math.inf, -math.inf, math.nan] + _random_doubles(1500)
    payload = json.dumps({"nums": [_bits(x) for x in nums], "strs": STRINGS})
    proc = subprocess.run(["node", "-e", _JS], input=payload, capture_output=True, text=True, check=True)
    return nums, json.loads(proc.stdout)


def test_number_to_string_radix_and_int_conversions(node_results: tuple[list[float], dict]) -> None:
    nums, out = node_results
    mismatches = []
    for x, row in zip(nums, out["nums"]):
        ours = [number_to_string(x), number_to_string(x, 2), number_to_string(x, 16), number_to_string(x, 36),
                number_to_string(x, 7), to_int32(x), to_uint32(x), to_uint16(x)]
        if ours != row[:8]:
            mismatches.append((x, ours, row[:8]))
    assert not mismatches, mismatches[:5]
    assert len(nums) == len(out["nums"]) > 3000


def test_to_fixed_and_to_precision(node_results: tuple[list[float], dict]) -> None:
    nums, out = node_results
    mismatches = []
    for x, row in zip(nums, out["nums"]):
        fixed = [to_fixed(x, d) for d in (0, 2, 7, 20)] if abs(x) < 1e21 else None
        prec = [to_precision(x, p) for p in (1, 3, 8, 21)]
        if fixed != row[8] or prec != row[9]:
            mismatches.append((x, fixed, prec, row[8:]))
    assert not mismatches, mismatches[:5]


def test_string_to_number(node_results: tuple[list[float], dict]) -> None:
    _, out = node_results
    ours = []
    for s in STRINGS:
        v = string_to_number(s)
        ours.append("-0" if v == 0 and math.copysign(1, v) < 0 else number_to_string(v))
    assert ours == out["strs"]


def test_radix_examples_from_the_spec_discussion() -> None:
    assert number_to_string(0.5, 2) == "0.1"
    assert number_to_string(255.0, 16) == "ff"
    assert number_to_string(-255.5, 16) == "-ff.8"
    assert number_to_string(-0.0) == "0"
    assert number_to_string(1e21) == "1e+21"
    assert number_to_string(1.5e-7) == "1.5e-7"


PARSE_INPUTS = ["  -0x1f", "-0", "42.9abc", "0x", "  +12e3", "1e1000", ".5.5", "-.5e-3z", "Infinityx", "-Infinity",
                "abc", "", "0b11", "0o7", "  \u00a0 7", "9007199254740993", "1_000", "12px", "z", "ZZ", "0X10",
                "zzzzzzzzzzzzzzzzzzzzzzz", "123456123456123456123456123456", "-6666666666666666666666"]
PARSE_RADIXES = [0.0, 2.0, 8.0, 16.0, 36.0, 37.0, 1.0, -1.0]


def test_parse_int_and_parse_float() -> None:
    js = ("const [ins, rs] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
          "const f = (v) => Object.is(v, -0) ? '-0' : String(v);"
          "process.stdout.write(JSON.stringify(ins.map(s => [f(parseFloat(s)), ...rs.map(r => f(parseInt(s, r)))])))")
    proc = subprocess.run(["node", "-e", js], input=json.dumps([PARSE_INPUTS, PARSE_RADIXES]),
                          capture_output=True, text=True, check=True)

    def show(v: float) -> str:
        return "-0" if v == 0 and math.copysign(1, v) < 0 else number_to_string(v)

    ours = [[show(parse_float(s))] + [show(parse_int(s, r)) for r in PARSE_RADIXES] for s in PARSE_INPUTS]
    assert ours == json.loads(proc.stdout)
