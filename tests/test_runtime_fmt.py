"""The Rust runtime's numfmt.rs and inspect.rs against Node (and the Python twins).

A harness crate in a temp dir ``#[path]``-includes the two modules, as the runtime
crate does, and is compiled once with ``rustc -C opt-level=1``. Numbers: the same
thousands of doubles and strings as ``test_numconv``. Inspect: the same corpus as
``test_inspect`` (built by JS, described as JSON), turned into Rust code that
builds ``Insp`` trees; the harness prints ``format_log`` of each case.
"""
from __future__ import annotations

import json
import math
import shutil
import struct
import subprocess
from pathlib import Path
from typing import Any

import pytest

from jsrust_core.inspect import format_log
from test_inspect import CASES_JS, SERIALIZE_JS, ModelBuilder
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

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).unwrap();
    match mode.as_str() {
        "nums" => for line in input.lines() {
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
        "strs" => for line in input.lines() {
            let bytes: Vec<u8> = (0..line.len() / 2).map(|i| u8::from_str_radix(&line[2 * i..2 * i + 2], 16).unwrap()).collect();
            let s = String::from_utf8(bytes).unwrap();
            let mut row = vec![show(numfmt::string_to_number(&s)), show(numfmt::parse_float(&s))];
            for r in RADIXES { row.push(show(numfmt::parse_int(&s, r))); }
            println!("{}", row.join("\t"));
        },
        _ => for case in cases() {
            print!("{}SEPARATOR", format_log(&case));
        },
    }
}

const RADIXES: [f64; NRADIX] = [RADIX_LIST];

fn s(x: &str) -> String { x.to_string() }

fn cases() -> Vec<Vec<Insp>> {
    vec![CASES]
}
"""


def _hexbits(x: float) -> str:
    return f"{struct.unpack('<Q', struct.pack('<d', x))[0]:016x}"


def rust_str(s: str) -> str:
    """A Rust string literal for a JS string of UTF-16 code units."""
    text = s.encode("utf-16-le", "surrogatepass").decode("utf-16-le")  # pairs -> code points; lone ones raise
    out = []
    for ch in text:
        if 32 <= ord(ch) < 127 and ch not in '"\\':
            out.append(ch)
        else:
            out.append(f"\\u{{{ord(ch):x}}}")
    return '"' + "".join(out) + '"'


class Unrepresentable(Exception):
    """A corpus value the Rust runtime has no form for."""


class RustInspBuilder:
    """JSON value description (see test_inspect.SERIALIZE_JS) -> Rust expression of an ``Insp``.
    Uses the simple variants where they express the value, ``Full`` otherwise;
    cycles become ``Circular(levels up)``."""

    def __init__(self) -> None:
        self.by_id: dict = {}
        self.path: list = []

    def index(self, d: Any) -> None:
        if isinstance(d, dict):
            if "id" in d and "t" in d and d["t"] != "ref":
                self.by_id[d["id"]] = d
            for v in d.values():
                self.index(v)
        elif isinstance(d, list):
            for v in d:
                self.index(v)

    def expr(self, d: dict) -> str:
        t = d["t"]
        if t == "num":
            return f"Insp::Num(f64::from_bits(0x{_hexbits(-0.0 if d['v'] == '-0' else float(d['v']))}))"
        if t == "str":
            return f"Insp::Str(s({rust_str(d['v'])}))"
        if t == "bool":
            return f"Insp::Bool({'true' if d['v'] else 'false'})"
        if t in ("undef", "null", "hole"):
            return {"undef": "Insp::Undef", "null": "Insp::Null", "hole": "Insp::Hole"}[t]
        if t == "sym":
            return f"Insp::Sym(s({rust_str(d['d'])}))"
        if t == "ref":
            if d["id"] in self.path:
                return f"Insp::Circular({len(self.path) - self.path.index(d['id'])})"
            d = self.by_id[d["id"]]
            t = d["t"]
        self.path.append(d["id"])
        try:
            return self._object(d)
        finally:
            self.path.pop()

    def _props(self, d: dict) -> list[tuple[str, str, str]]:
        """(kind, key, value-expr) of the properties Node lists."""
        out = []
        for p in d["props"]:
            key = p["k"]
            if key["t"] == "sym":
                kind, name = "Sym", key["d"]
            elif p["e"]:
                kind, name = "Str", key["v"]
            elif d["t"] == "error" and key["v"] == "cause":
                kind, name = "Hidden", "cause"
            else:
                continue
            if "v" in p:
                value = self.expr(p["v"])
            else:
                value = f"Insp::Accessor {{ get: {str(p['get']).lower()}, set: {str(p['set']).lower()} }}"
            out.append((kind, name, value))
        return out

    def _object(self, d: dict) -> str:
        t, ctor = d["t"], d["ctor"]
        if t in ("boxed", "arguments") or any(p["k"].get("d") == "Symbol.toStringTag" for p in d["props"]):
            raise Unrepresentable(f"no Insp form for {t} objects or Symbol.toStringTag")
        props = self._props(d)
        simple = all(kind == "Str" for kind, _, _ in props)
        if t == "array":
            items = ", ".join(self.expr(e) for e in d["elems"])
            if ctor == "Array" and not props:
                return f"Insp::Array {{ items: vec![{items}] }}"
            kind = f"Kind::Array(vec![{items}])"
        elif t == "map":
            entries = ", ".join(f"({self.expr(k)}, {self.expr(v)})" for k, v in d["entries"])
            if ctor == "Map" and not props:
                return f"Insp::Map(vec![{entries}])"
            kind = f"Kind::Map(vec![{entries}])"
        elif t == "set":
            values = ", ".join(self.expr(v) for v in d["values"])
            if ctor == "Set" and not props:
                return f"Insp::Set(vec![{values}])"
            kind = f"Kind::Set(vec![{values}])"
        elif t == "func":
            if not props and not d["ext"]:
                return f"Insp::Func {{ name: s({rust_str(d['name'])}), is_class: {str(d['is_class']).lower()} }}"
            ext = f"Some(s({rust_str(d['ext'])}))" if d["ext"] else "None"
            kind = f"Kind::Func {{ name: s({rust_str(d['name'])}), is_class: {str(d['is_class']).lower()}, extends: {ext} }}"
        elif t == "error":
            own = {p["k"].get("v"): p.get("v") for p in d["props"] if p["k"]["t"] == "str"}
            name = d.get("inherited_name") or (own.get("name") or {}).get("v", "Error")
            message = (own.get("message") or {}).get("v", "")
            stack = (own.get("stack") or {}).get("v", "")
            kind = f"Kind::Error {{ name: s({rust_str(name)}), message: s({rust_str(message)}), stack: s({rust_str(stack)}) }}"
        else:
            if ctor is not None and simple:
                cls = "None" if ctor == "Object" else f"Some(s({rust_str(ctor)}))"
                entries = ", ".join(f"(s({rust_str(k)}), {v})" for _, k, v in props)
                return f"Insp::Object {{ class: {cls}, entries: vec![{entries}] }}"
            kind = "Kind::Object"
        ctor_expr = "None" if ctor is None else f"Some(s({rust_str(ctor)}))"
        prop_exprs = ", ".join(f"(Key::{kind_}(s({rust_str(k)})), {v})" for kind_, k, v in props)
        return f"Insp::Full(Box::new(Full {{ ctor: {ctor_expr}, kind: {kind}, props: vec![{prop_exprs}] }}))"


@pytest.fixture(scope="module")
def inspect_cases() -> list:
    proc = subprocess.run(["node", "-e", CASES_JS + SERIALIZE_JS], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory, inspect_cases: list) -> tuple[Path, list[int]]:
    """Compile the harness; returns the binary and the corpus indices it covers
    (left out: lone surrogates, which a Rust ``String`` cannot hold, and
    wrapper objects, ``arguments`` and ``Symbol.toStringTag``, which the Rust
    runtime does not have)."""
    exprs, covered = [], []
    for i, case in enumerate(inspect_cases):
        builder = RustInspBuilder()
        builder.index(case["args"])
        try:
            args = [builder.expr(a) for a in case["args"]["elems"]]
        except (UnicodeDecodeError, Unrepresentable):  # lone surrogates; wrapper objects, tags
            continue
        exprs.append("vec![" + ", ".join(args) + "]")
        covered.append(i)
    src = (HARNESS.replace("NUMFMT", str(RUNTIME / "numfmt.rs")).replace("INSPECT", str(RUNTIME / "inspect.rs"))
           .replace("SEPARATOR", CASE_SEPARATOR.replace("\u0000", "\\u{0}"))
           .replace("NRADIX", str(len(PARSE_RADIXES))).replace("RADIX_LIST", ", ".join(f"{r!r}" for r in PARSE_RADIXES))
           .replace("CASES", ",\n        ".join(exprs)))
    d = tmp_path_factory.mktemp("rtfmt")
    (d / "main.rs").write_text(src)
    proc = subprocess.run(["rustc", "--edition", "2021", "-C", "opt-level=1", "main.rs", "-o", "harness"],
                          cwd=d, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return d / "harness", covered


def _run(binary: Path, mode: str, stdin: str) -> str:
    return subprocess.run([str(binary), mode], input=stdin, capture_output=True, text=True, check=True).stdout


def test_rust_numbers_match_node(harness: tuple[Path, list[int]]) -> None:
    nums = EDGES + [-x for x in EDGES] + [math.inf, -math.inf, math.nan] + _random_doubles(1500)
    payload = json.dumps({"nums": [_bits(x) for x in nums], "strs": STRINGS})
    node = json.loads(subprocess.run(["node", "-e", NUMS_JS], input=payload, capture_output=True, text=True,
                                     check=True).stdout)
    rust_rows = _run(harness[0], "nums", "\n".join(_hexbits(x) for x in nums) + "\n").split("\n")
    mismatches = []
    for x, row, line in zip(nums, node["nums"], rust_rows):
        expected = [str(v) for v in row[:8]] + (row[8] or []) + row[9]
        if line.split("\t") != expected:
            mismatches.append((x, line.split("\t"), expected))
    assert not mismatches, mismatches[:5]
    assert len(rust_rows) - 1 == len(nums) > 3000


def test_rust_string_parsing_matches_node(harness: tuple[Path, list[int]]) -> None:
    inputs = STRINGS + PARSE_INPUTS
    js = ("const [ins, rs] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
          "const f = (v) => Object.is(v, -0) ? '-0' : String(v);"
          "process.stdout.write(JSON.stringify(ins.map(s => [f(Number(s)), f(parseFloat(s)), ...rs.map(r => f(parseInt(s, r)))])))")
    node = json.loads(subprocess.run(["node", "-e", js], input=json.dumps([inputs, PARSE_RADIXES]),
                                     capture_output=True, text=True, check=True).stdout)
    lines = _run(harness[0], "strs", "\n".join(s.encode().hex() for s in inputs) + "\n").split("\n")
    assert [line.split("\t") for line in lines[:-1]] == node


def test_rust_inspect_matches_node_and_python(harness: tuple[Path, list[int]], inspect_cases: list) -> None:
    binary, covered = harness
    outputs = _run(binary, "insp", "").split(CASE_SEPARATOR)[:-1]
    assert len(outputs) == len(covered) >= len(inspect_cases) - 6
    failures = []
    for i, rust_out in zip(covered, outputs):
        node_out = inspect_cases[i]["out"]
        python_out = format_log(ModelBuilder().build(inspect_cases[i]["args"]).elems)
        if rust_out != node_out or python_out != node_out:
            failures.append(f"case {i}:\n--- node\n{node_out}\n--- rust\n{rust_out}\n--- python\n{python_out}")
    assert not failures, "\n".join(failures)
