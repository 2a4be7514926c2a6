"""Regex literals as Rust: the compiled program written out as static data.

Why static data: the pattern is compiled once, here, by the same compiler the
interpreter uses (``interp/regex.py``), so the binary never parses a pattern and the
two matchers run identical programs. Each literal becomes a block holding a
``static jsrt::regex::Prog`` and a call that makes a fresh RegExp object from it.
"""
from __future__ import annotations

from ..interp.regex import OP_NAMES, Program
from ..values import from_js_string

#: opcodes whose operands are written out (how many)
_ARITY = {"Char": 1, "Set": 1, "Split": 2, "Jmp": 1, "Save": 1, "Mark": 1, "Check": 1, "Reset": 2, "Repeat": 1,
          "Look": 1, "NLook": 1}


def _inst(op: int, a: int, b: int) -> str:
    name = OP_NAMES[op]
    args = (a, b)[:_ARITY.get(name, 0)]
    return f"jsrt::regex::Inst::{name}" + (f"({', '.join(str(x) for x in args)})" if args else "")


def _str(s: str) -> str:
    """A Rust string literal for pattern text given as UTF-16 code units (a literal's
    source comes from UTF-8 program text, so it holds no lone surrogate)."""
    text = from_js_string(s)
    return '"' + "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else f"\\u{{{ord(c):x}}}" for c in text) + '"'


def literal(program: Program) -> str:
    """A Rust expression evaluating to a new RegExp for ``program``."""
    insts = ", ".join(_inst(*i) for i in program.insts)
    sets = ", ".join("&[" + ", ".join(f"({lo}, {hi})" for lo, hi in r) + "]" for r in program.sets)
    reps = ", ".join(f"jsrt::regex::Repeat {{ set: {k}, min: {lo}, max: {hi if hi >= 0 else 'u32::MAX'}, "
                     f"greedy: {'true' if greedy else 'false'} }}" for k, lo, hi, greedy in program.repeats)
    return ("{ static P: jsrt::regex::Prog = jsrt::regex::Prog { "
            f"source: {_str(program.source)}, flags: {_str(program.flags)}, ngroups: {program.ngroups}, "
            f"nslots: {program.nslots}, insts: &[{insts}], sets: &[{sets}], repeats: &[{reps}] }}; "
            "jsrt::regex::literal(&P) }")
