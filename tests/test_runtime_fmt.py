"""The Rust runtime's numfmt.rs and inspect.rs against Node (and the Python twins).

A harness crate in a temp dir ``#[path]``-includes the two modules, as the runtime
crate does, and is compiled once with ``rustc -C opt-level=1``. Numbers: the same
thousands of doubles and strings as ``test_numconv``. Inspect: the same corpus as
``test_inspect`` (built by JS, described as JSON) and the same random data, sent
to the harness in a compact encoding that it reads into ``Insp`` trees; it prints
``format_log`` / ``inspect`` of each case.
"""
from __future__ import annotations

import json
import math
import random
import shutil
import struct
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jsrust_core.inspect import format_log
from jsrust_core.interp.builtins_math import to_exponential as py_to_exponential
from test_inspect import CASES_JS, SERIALIZE_JS, ModelBuilder, node_inspect_json, random_json_values
from test_numconv import _JS as NUMS_JS
from test_numconv import EDGES, PARSE_INPUTS, PARSE_RADIXES, STRINGS, _bits, _random_doubles

pytestmark = pytest.mark.skipif(shutil.which("node") is None or shutil.which("rustc") is None,
                                reason="node and rustc needed")

RUNTIME = Path(__file__).resolve().parent.parent / "jsrust_core" / "runtime"
CASE_SEPARATOR = "\u0000--case--"

HARNESS = r"""
#![forbid(unsafe_code)]
#![allow(dead_code)]
#[path = "NUMFMT"]
mod numfmt;
#[path = "INSPECT"]
mod inspect;
use inspect::*;
use std::io::Read;

fn show(x: f64) -> String {
    if x == 0.0 && x.is_sign_negative() { "-0".to_string() } else { numfmt::number_to_string(x) }
}

/// Reads the encoding written by the Python `InspEncoder`.
struct Reader { b: Vec<u8>, i: usize }

impl Reader {
    fn byte(&mut self) -> u8 { self.i += 1; self.b[self.i - 1] }
    fn count(&mut self) -> usize {
        let start = self.i;
        while self.b[self.i] != b';' { self.i += 1; }
        self.i += 1;
        std::str::from_utf8(&self.b[start..self.i - 1]).unwrap().parse().unwrap()
    }
    fn string(&mut self) -> String {
        let n = self.count();
        self.i += n;
        String::from_utf8(self.b[self.i - n..self.i].to_vec()).unwrap()
    }
    fn opt_string(&mut self) -> Option<String> {
        if self.b[self.i] == b'-' { self.i += 1; None } else { Some(self.string()) }
    }
    fn flag(&mut self) -> bool { self.byte() == b't' }
    fn items(&mut self) -> Vec<Insp> { let n = self.count(); (0..n).map(|_| self.value()).collect() }
    fn pairs(&mut self) -> Vec<(Insp, Insp)> { let n = self.count(); (0..n).map(|_| (self.value(), self.value())).collect() }
    fn value(&mut self) -> Insp {
        match self.byte() {
            b'u' => Insp::Undef,
            b'n' => Insp::Null,
            b'h' => Insp::Hole,
            b'b' => Insp::Bool(self.flag()),
            b'N' => { let s = self.string(); Insp::Num(f64::from_bits(u64::from_str_radix(&s, 16).unwrap())) }
            b'S' => Insp::Str(self.string()),
            b'Y' => Insp::Sym(self.string()),
            b'G' => { let get = self.flag(); Insp::Accessor { get, set: self.flag() } }
            b'R' => Insp::Circular(self.count()),
            b'A' => Insp::Array { items: self.items() },
            b'M' => Insp::Map(self.pairs()),
            b'T' => Insp::Set(self.items()),
            b'F' => { let name = self.string(); Insp::Func { name, is_class: self.flag(), extends: None } }
            b'E' => Insp::Error { text: self.string() },
            b'O' => {
                let class = self.opt_string();
                let n = self.count();
                Insp::Object { class, entries: (0..n).map(|_| (self.string(), self.value())).collect() }
            }
            b'X' => {
                let ctor = self.opt_string();
                let kind = match self.byte() {
                    b'o' => Kind::Object,
                    b'a' => Kind::Array(self.items()),
                    b'm' => Kind::Map(self.pairs()),
                    b't' => Kind::Set(self.items()),
                    b'f' => { let name = self.string(); let is_class = self.flag(); Kind::Func { name, is_class, extends: self.opt_string() } }
                    _ => { let name = self.string(); let message = self.string(); Kind::Error { name, message, stack: self.string() } }
                };
                let n = self.count();
                let props = (0..n).map(|_| {
                    let k = match self.byte() { b's' => Key::Str(self.string()), b'y' => Key::Sym(self.string()), _ => Key::Hidden(self.string()) };
                    (k, self.value())
                }).collect();
                Insp::Full(Box::new(Full { ctor, kind, props }))
            }
            other => panic!("bad tag {}", other as char),
        }
    }
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let mut input = Vec::new();
    std::io::stdin().read_to_end(&mut input).unwrap();
    match mode.as_str() {
        "nums" => for line in String::from_utf8(input).unwrap().lines() {
            let x = f64::from_bits(u64::from_str_radix(line, 16).unwrap());
            let mut row = vec![numfmt::number_to_string(x)];
            for r in [2, 16, 36, 7] { row.push(numfmt::number_to_string_radix(x, r)); }
            row.push(numfmt::to_int32(x).to_string());
            row.push(numfmt::to_uint32(x).to_string());
            row.push(numfmt::to_uint16(x).to_string());
            if x.abs() < 1e21 { for d in [0, 2, 7, 20] { row.push(numfmt::to_fixed(x, d)); } }
            for p in [1, 3, 8, 21] { row.push(numfmt::to_precision(x, p)); }
            println!("{}", row.join("\t"));
        },
        "digits" => for line in String::from_utf8(input).unwrap().lines() {
            // "<bits> <method> <count>": one digit-count method call (count -1: no argument)
            let mut parts = line.split(' ');
            let x = f64::from_bits(u64::from_str_radix(parts.next().unwrap(), 16).unwrap());
            let method = parts.next().unwrap();
            let count: i64 = parts.next().unwrap().parse().unwrap();
            let n = count.max(0) as usize;
            println!("{}", match method {
                "e" => numfmt::to_exponential(x, (count >= 0).then_some(n)),
                "f" => numfmt::to_fixed(x, n),
                _ => numfmt::to_precision(x, n),
            });
        },
        "strs" => {
            let text = String::from_utf8(input).unwrap();
            let (radixes, lines) = text.split_once('\n').unwrap();
            let radixes: Vec<f64> = radixes.split(',').map(|r| r.parse().unwrap()).collect();
            for line in lines.lines() {
                let bytes: Vec<u8> = (0..line.len() / 2).map(|i| u8::from_str_radix(&line[2 * i..2 * i + 2], 16).unwrap()).collect();
                let s = String::from_utf8(bytes).unwrap();
                let mut row = vec![show(numfmt::string_to_number(&s)), show(numfmt::parse_float(&s))];
                for r in &radixes { row.push(show(numfmt::parse_int(&s, *r))); }
                println!("{}", row.join("\t"));
            }
        }
        _ => {
            // a list of cases; each case a list of console.log arguments
            let mut r = Reader { b: input, i: 0 };
            let n = r.count();
            for _ in 0..n {
                let args = r.items();
                let text = if mode == "log" { format_log(&args) } else { inspect(&args[0]) };
                print!("{}SEPARATOR", text);
            }
        }
    }
}
"""


def _hexbits(x: float) -> str:
    return f"{struct.unpack('<Q', struct.pack('<d', x))[0]:016x}"


class Unrepresentable(Exception):
    """A corpus value the Rust runtime has no form for."""


def _s(text: str) -> str:
    """A length-prefixed UTF-8 string; lone surrogates (no Rust ``String`` can hold
    them) raise ``UnicodeDecodeError``."""
    code_points = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le")  # pairs -> code points
    raw = code_points.encode("utf-8")
    return f"{len(raw)};" + raw.decode("latin-1")


class InspEncoder:
    """JSON value descriptions (see test_inspect.SERIALIZE_JS) -> the harness's
    encoding of ``Insp`` trees. Uses the simple variants where they express the
    value, ``Full`` otherwise; cycles become ``Circular(levels up)``. The text is
    latin-1 so that each character is one byte of the UTF-8 the harness reads."""

    def __init__(self, description: Any) -> None:
        self.by_id: dict = {}
        self.path: list = []
        self._index(description)

    def _index(self, d: Any) -> None:
        if isinstance(d, dict):
            if "id" in d and d.get("t") != "ref":
                self.by_id[d["id"]] = d
            for v in d.values():
                self._index(v)
        elif isinstance(d, list):
            for v in d:
                self._index(v)

    def value(self, d: dict) -> str:
        t = d["t"]
        if t == "num":
            return "N16;" + _hexbits(-0.0 if d["v"] == "-0" else float(d["v"]))
        if t == "str":
            return "S" + _s(d["v"])
        if t == "bool":
            return "bt" if d["v"] else "bf"
        if t in ("undef", "null", "hole"):
            return t[0]
        if t == "sym":
            return "Y" + _s(d["d"])
        if t == "ref":
            if d["id"] in self.path:
                return f"R{len(self.path) - self.path.index(d['id'])};"
            d = self.by_id[d["id"]]
        self.path.append(d["id"])
        try:
            return self._object(d)
        finally:
            self.path.pop()

    def _props(self, d: dict) -> list[tuple[str, str, str]]:
        """(key kind, key, encoded value) of the properties Node lists."""
        out = []
        for p in d["props"]:
            key = p["k"]
            if key["t"] == "sym":
                kind, name = "y", key["d"]
            elif p["e"]:
                kind, name = "s", key["v"]
            elif d["t"] == "error" and key["v"] == "cause":
                kind, name = "h", "cause"
            else:
                continue
            value = self.value(p["v"]) if "v" in p else f"G{'t' if p['get'] else 'f'}{'t' if p['set'] else 'f'}"
            out.append((kind, name, value))
        return out

    def _object(self, d: dict) -> str:
        t, ctor = d["t"], d["ctor"]
        if t in ("boxed", "arguments") or any(p["k"].get("d") == "Symbol.toStringTag" for p in d["props"]):
            raise Unrepresentable(f"no Insp form for {t} objects or Symbol.toStringTag")
        props = self._props(d)
        if t == "array":
            items = f"{len(d['elems'])};" + "".join(self.value(e) for e in d["elems"])
            if ctor == "Array" and not props:
                return "A" + items
            kind = "a" + items
        elif t == "map":
            pairs = f"{len(d['entries'])};" + "".join(self.value(k) + self.value(v) for k, v in d["entries"])
            if ctor == "Map" and not props:
                return "M" + pairs
            kind = "m" + pairs
        elif t == "set":
            items = f"{len(d['values'])};" + "".join(self.value(v) for v in d["values"])
            if ctor == "Set" and not props:
                return "T" + items
            kind = "t" + items
        elif t == "func":
            flag = "t" if d["is_class"] else "f"
            if not props and not d["ext"]:
                return "F" + _s(d["name"]) + flag
            kind = "f" + _s(d["name"]) + flag + (_s(d["ext"]) if d["ext"] else "-")
        elif t == "error":
            own = {p["k"].get("v"): p.get("v") for p in d["props"] if p["k"]["t"] == "str"}
            name = d.get("inherited_name") or (own.get("name") or {}).get("v", "Error")
            message = (own.get("message") or {}).get("v", "")
            stack = (own.get("stack") or {}).get("v", "")
            kind = "e" + _s(name) + _s(message) + _s(stack)
        else:
            if ctor is not None and all(k == "s" for k, _, _ in props):
                cls = "-" if ctor == "Object" else _s(ctor)
                return "O" + cls + f"{len(props)};" + "".join(_s(k) + v for _, k, v in props)
            kind = "o"
        ctor_code = "-" if ctor is None else _s(ctor)
        return "X" + ctor_code + kind + f"{len(props)};" + "".join(k + _s(name) + v for k, name, v in props)


def encode_json(v: Any) -> str:
    """A plain JSON value in the harness encoding (simple variants only)."""
    if isinstance(v, dict):
        return "O-" + f"{len(v)};" + "".join(_s(k) + encode_json(x) for k, x in v.items())
    if isinstance(v, list):
        return "A" + f"{len(v)};" + "".join(encode_json(x) for x in v)
    if v is None:
        return "n"
    if isinstance(v, bool):
        return "bt" if v else "bf"
    if isinstance(v, float):
        return "N16;" + _hexbits(v)
    return "S" + _s(v)


RANDOM_VALUES = random_json_values(400)


@pytest.fixture(scope="module")
def inspect_cases() -> list:
    proc = subprocess.run(["node", "-e", CASES_JS + SERIALIZE_JS], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = (HARNESS.replace("NUMFMT", str(RUNTIME / "numfmt.rs")).replace("INSPECT", str(RUNTIME / "inspect.rs"))
           .replace("SEPARATOR", CASE_SEPARATOR.replace("\u0000", "\\u{0}")))
    d = tmp_path_factory.mktemp("rtfmt")
    (d / "main.rs").write_text(src)
    proc = subprocess.run(["rustc", "--edition", "2021", "-C", "opt-level=1", "main.rs", "-o", "harness"],
                          cwd=d, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return d / "harness"


def _run(binary: Path, mode: str, stdin: str, encoding: str = "utf-8") -> str:
    proc = subprocess.run([str(binary), mode], input=stdin.encode(encoding), capture_output=True, check=True)
    return proc.stdout.decode("utf-8")


def test_rust_numbers_match_node(harness: Path) -> None:
    nums = EDGES + [-x for x in EDGES] + [math.inf, -math.inf, math.nan] + _random_doubles(1500)
    payload = json.dumps({"nums": [_bits(x) for x in nums], "strs": STRINGS})
    node = json.loads(subprocess.run(["node", "-e", NUMS_JS], input=payload, capture_output=True, text=True,
                                     check=True).stdout)
    rust_rows = _run(harness, "nums", "\n".join(_hexbits(x) for x in nums) + "\n").split("\n")
    mismatches = []
    for x, row, line in zip(nums, node["nums"], rust_rows):
        expected = [str(v) for v in row[:8]] + (row[8] or []) + row[9]
        if line.split("\t") != expected:
            mismatches.append((x, line.split("\t"), expected))
    assert not mismatches, mismatches[:5]
    assert len(rust_rows) - 1 == len(nums) > 3000


def test_rust_string_parsing_matches_node(harness: Path) -> None:
    inputs = STRINGS + PARSE_INPUTS
    js = ("const [ins, rs] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
          "const f = (v) => Object.is(v, -0) ? '-0' : String(v);"
          "process.stdout.write(JSON.stringify(ins.map(s => [f(Number(s)), f(parseFloat(s)), ...rs.map(r => f(parseInt(s, r)))])))")
    node = json.loads(subprocess.run(["node", "-e", js], input=json.dumps([inputs, PARSE_RADIXES]),
                                     capture_output=True, text=True, check=True).stdout)
    radixes = ",".join(repr(r) for r in PARSE_RADIXES)
    lines = _run(harness, "strs", radixes + "\n" + "\n".join(s.encode().hex() for s in inputs) + "\n").split("\n")
    assert [line.split("\t") for line in lines[:-1]] == node


def test_rust_inspect_matches_node_and_python(harness: Path, inspect_cases: list) -> None:
    """Left out: lone surrogates (a Rust ``String`` cannot hold them) and wrapper
    objects, ``arguments`` and ``Symbol.toStringTag``, which the runtime lacks."""
    encoded, covered = [], []
    for i, case in enumerate(inspect_cases):
        try:
            encoder = InspEncoder(case["args"])
            elems = case["args"]["elems"]  # the argument list itself is no container in the output
            encoded.append(f"{len(elems)};" + "".join(encoder.value(e) for e in elems))
        except (UnicodeError, Unrepresentable):
            continue
        covered.append(i)
    outputs = _run(harness, "log", f"{len(encoded)};" + "".join(encoded), "latin-1").split(CASE_SEPARATOR)[:-1]
    assert len(outputs) == len(covered) >= len(inspect_cases) - 6
    failures = []
    for i, rust_out in zip(covered, outputs):
        node_out = inspect_cases[i]["out"]
        python_out = format_log(ModelBuilder().build(inspect_cases[i]["args"]).elems)
        if rust_out != node_out or python_out != node_out:
            failures.append(f"case {i}:\n--- node\n{node_out}\n--- rust\n{rust_out}\n--- python\n{python_out}")
    assert not failures, "\n".join(failures)


def test_rust_random_data_layout_matches_node(harness: Path) -> None:
    expected = node_inspect_json(RANDOM_VALUES)
    stdin = f"{len(RANDOM_VALUES)};" + "".join("1;" + encode_json(v) for v in RANDOM_VALUES)
    outputs = _run(harness, "inspect", stdin, "latin-1").split(CASE_SEPARATOR)[:-1]
    assert len(outputs) == len(expected)
    failures = [(i, e, o) for i, (e, o) in enumerate(zip(expected, outputs)) if e != o]
    assert not failures, "\n\n".join(f"#{i}\n--- node\n{e}\n--- rust\n{o}" for i, e, o in failures[:3])


DIGITS_JS = r"""
const calls = require('fs').readFileSync(0, 'utf8').split('\n').filter(Boolean);
const dv = new DataView(new ArrayBuffer(8));
const out = calls.map(line => {
  const [hex, method, count] = line.split(' ');
  dv.setBigUint64(0, BigInt('0x' + hex));
  const x = dv.getFloat64(0), n = Number(count);
  if (method === 'e') return n < 0 ? x.toExponential() : x.toExponential(n);
  return method === 'f' ? x.toFixed(n) : x.toPrecision(n);
});
process.stdout.write(out.join('\n') + '\n');
"""


def _digit_calls_agree(harness: Path, calls: list[tuple[float, str, int]]) -> None:
    """Run each `(x, method, count)` (method `e`/`f`/`p` for toExponential/toFixed/
    toPrecision; count -1 is no argument) in node and in the Rust harness, and the
    toExponential ones through the interpreter's Python twin too; all must agree."""
    stdin = "".join(f"{_hexbits(x)} {m} {n}\n" for x, m, n in calls)
    node = subprocess.run(["node", "-e", DIGITS_JS], input=stdin, capture_output=True, text=True,
                          check=True).stdout.split("\n")[:-1]
    rust = _run(harness, "digits", stdin).split("\n")[:-1]
    assert len(node) == len(rust) == len(calls)
    bad = [(x, m, n, r, e) for (x, m, n), r, e in zip(calls, rust, node) if r != e]
    assert not bad, bad[:5]
    bad_py = [(x, n, e) for (x, m, n), e in zip(calls, node)
              if m == "e" and math.isfinite(x) and py_to_exponential(x, None if n < 0 else n) != e]
    assert not bad_py, bad_py[:5]


def test_rust_digit_methods_match_node(harness: Path) -> None:
    """Every count 0..100 on the edge values (ties such as 0.125 and 2.5, the extremes
    5e-324 and 1.7976931348623157e308, carries such as 99.995), then no argument and
    three counts on each of a few thousand random doubles."""
    rng = random.Random(5)
    edges = EDGES + [-x for x in EDGES] + [math.inf, -math.inf, math.nan, 0.25, 9.5, 0.0625, 2.0**-20, 1e23]
    calls = [(x, "e", n) for x in edges for n in range(-1, 101)]
    calls += [(x, "p", n) for x in edges for n in range(1, 101)]
    calls += [(x, "f", n) for x in edges if not abs(x) >= 1e21 for n in range(0, 101)]
    for x in _random_doubles(1000):
        calls.append((x, "e", -1))
        calls += [(x, "e", rng.randint(0, 100)) for _ in range(3)]
        calls.append((x, "p", rng.randint(1, 100)))
        if abs(x) < 1e21:
            calls.append((x, "f", rng.randint(0, 100)))
    assert len(calls) > 40000
    _digit_calls_agree(harness, calls)


_dyadic = st.builds(lambda k, s: k / 2.0**s, st.integers(-(10**6), 10**6), st.integers(0, 30))


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(batch=st.lists(st.tuples(st.floats() | _dyadic, st.integers(-1, 100)), min_size=1, max_size=300))
def test_rust_to_exponential_hypothesis(harness: Path, batch: list[tuple[float, int]]) -> None:
    """Random doubles (and short binary fractions, whose exact decimal values end in 5
    and so hit the ties) with random counts, no argument included."""
    _digit_calls_agree(harness, [(x, "e", n) for x, n in batch])
