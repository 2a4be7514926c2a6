"""A JS regular-expression engine for the subset jsrust supports: parser, compiler, matcher.

Why our own engine: Python's ``re`` differs from JS in ways programs see (``$`` before
a final ``\\n``, ``\\s`` and ``\\w`` sets, case folding, captures kept from an earlier
iteration of a quantified group, empty-match rules), and the Rust runtime must match
exactly what the interpreter does. So one compiler here turns a pattern into a small
instruction list; ``match_at`` runs it in Python, and ``rustgen`` writes the same list
into the generated Rust as static data that ``runtime/regex.rs`` runs. Both matchers
are backtracking VMs over UTF-16 code units with an explicit stack (no recursion per
character, so long subjects cannot overflow Python's stack).

Supported (non-``u`` mode, with Annex B leniencies): literals, ``.``, classes with
ranges and negation, ``\\d \\D \\s \\S \\w \\W \\b \\B``, control/hex/unicode escapes,
identity escapes, greedy and lazy ``* + ? {n} {n,} {n,m}``, capturing and ``(?:``
groups, lookahead ``(?= (?!``, alternation, ``^ $``; flags ``g i m s``. Refused with
``RegexUnsupported``: lookbehind, named groups, backreferences, legacy octal escapes
and the ``u v y d`` flags.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Optional

from ..errors import JSSyntaxError, Unsupported
from ..values import to_js_string

# --- errors ------------------------------------------------------------------------


class RegexSyntaxError(Exception):
    """A pattern JS rejects; the message is V8's text after ``/pattern/: ``."""


class RegexUnsupported(Exception):
    """A valid pattern using a feature this engine does not implement (named in ``args[0]``)."""


# --- character sets -----------------------------------------------------------------

#: a set of UTF-16 code units as sorted, disjoint, non-adjacent inclusive ranges
Ranges = tuple

MAX_UNIT = 0xFFFF
LINE_TERMINATORS: Ranges = ((0x0A, 0x0A), (0x0D, 0x0D), (0x2028, 0x2029))
DIGITS: Ranges = ((0x30, 0x39),)
WORD: Ranges = ((0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A))
#: JS WhiteSpace and LineTerminator, what ``\\s`` matches
SPACE: Ranges = ((0x09, 0x0D), (0x20, 0x20), (0xA0, 0xA0), (0x1680, 0x1680), (0x2000, 0x200A),
                 (0x2028, 0x2029), (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000), (0xFEFF, 0xFEFF))


def normalize(ranges: list) -> Ranges:
    """Sort and merge overlapping or adjacent ranges."""
    out: list = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return tuple(out)


def complement(ranges: Ranges) -> Ranges:
    out = []
    nxt = 0
    for lo, hi in ranges:
        if lo > nxt:
            out.append((nxt, lo - 1))
        nxt = hi + 1
    if nxt <= MAX_UNIT:
        out.append((nxt, MAX_UNIT))
    return tuple(out)


@lru_cache(maxsize=1)
def _case_folding() -> tuple[list, list]:
    """(canon, foldable): Canonicalize(ch) of ECMA-262 for non-unicode ignoreCase for
    every code unit (the single-unit upper case, except that nothing outside ASCII maps
    into ASCII), and the units that share their canonical form with another unit.
    Built once (65,536 ``upper`` calls), only when an ``i`` pattern is compiled."""
    canon = list(range(MAX_UNIT + 1))
    for c in range(MAX_UNIT + 1):
        u = chr(c).upper()
        if len(u) == 1 and not (c >= 128 and ord(u) < 128):
            canon[c] = ord(u)
    size: dict = {}
    for k in canon:
        size[k] = size.get(k, 0) + 1
    return canon, [c for c in range(MAX_UNIT + 1) if size[canon[c]] > 1]


@lru_cache(maxsize=1024)
def case_closure(ranges: Ranges) -> Ranges:
    """Every code unit whose canonical form is that of some member: what a class
    matches under the ``i`` flag (before any negation). Only foldable units can join
    (a unit alone in its case class adds nothing), so only those (sorted) are looked at."""
    canon, foldable = _case_folding()
    keys = set()
    for lo, hi in ranges:
        keys.update(canon[c] for c in foldable[bisect_left(foldable, lo):bisect_right(foldable, hi)])
    return normalize(list(ranges) + [(c, c) for c in foldable if canon[c] in keys])


# --- parser: pattern text -> AST ------------------------------------------------------
# AST nodes are tuples: ("empty",) ("set", ranges) ("seq", [n..]) ("alt", [n..])
# ("group", index|None, n) ("look", negative, n) ("repeat", n, min, max|None, greedy)
# ("assert", "bol"|"eol"|"wordb"|"nwordb")

_CONTROL_ESCAPES = {"f": 0x0C, "n": 0x0A, "r": 0x0D, "t": 0x09, "v": 0x0B}
_CLASS_ESCAPES = {"d": (DIGITS, False), "D": (DIGITS, True), "s": (SPACE, False), "S": (SPACE, True),
                  "w": (WORD, False), "W": (WORD, True)}
_HEX = set("0123456789abcdefABCDEF")


class _Parser:
    """Recursive descent over the pattern (ECMA-262 22.2.1 with Annex B.1.2)."""

    def __init__(self, source: str) -> None:
        self.s = source
        self.i = 0
        self.ngroups = 0

    def peek(self, k: int = 0) -> str:
        j = self.i + k
        return self.s[j] if j < len(self.s) else ""

    def parse(self) -> tuple:
        node = self.disjunction()
        if self.i < len(self.s):  # only a ')' stops a top-level disjunction early
            raise RegexSyntaxError("Unmatched ')'")
        return node

    def disjunction(self) -> tuple:
        alts = [self.alternative()]
        while self.peek() == "|":
            self.i += 1
            alts.append(self.alternative())
        return alts[0] if len(alts) == 1 else ("alt", alts)

    def alternative(self) -> tuple:
        terms = []
        while self.i < len(self.s) and self.peek() not in "|)":
            terms.append(self.term())
        if not terms:
            return ("empty",)
        return terms[0] if len(terms) == 1 else ("seq", terms)

    def term(self) -> tuple:
        c = self.peek()
        if c == "^":
            self.i += 1
            return self.no_quantifier(("assert", "bol"))
        if c == "$":
            self.i += 1
            return self.no_quantifier(("assert", "eol"))
        if c == "\\" and self.peek(1) in ("b", "B"):
            kind = "wordb" if self.peek(1) == "b" else "nwordb"
            self.i += 2
            return self.no_quantifier(("assert", kind))
        if c == "(" and self.peek(1) == "?" and self.peek(2) == "<" and self.peek(3) in ("=", "!"):
            raise RegexUnsupported("lookbehind")
        atom = self.atom()
        return self.quantified(atom)

    def no_quantifier(self, node: tuple) -> tuple:
        if self.quantifier_ahead():
            raise RegexSyntaxError("Nothing to repeat")
        return node

    def quantifier_ahead(self) -> bool:
        c = self.peek()
        return c in ("*", "+", "?") or (c == "{" and self.braced() is not None)

    def braced(self) -> Optional[tuple]:
        """``{n}``, ``{n,}`` or ``{n,m}`` at the cursor as (min, max|None, length), else
        None (Annex B: then ``{`` is an ordinary character)."""
        s, j = self.s, self.i + 1
        k = j
        while k < len(s) and s[k].isdigit():
            k += 1
        if k == j:
            return None
        lo = int(s[j:k])
        hi: Optional[int] = lo
        if k < len(s) and s[k] == ",":
            k += 1
            m = k
            while k < len(s) and s[k].isdigit():
                k += 1
            hi = int(s[m:k]) if k > m else None
        if k >= len(s) or s[k] != "}":
            return None
        return lo, hi, k + 1 - self.i

    def quantified(self, atom: tuple) -> tuple:
        c = self.peek()
        if c == "*":
            lo, hi, n = 0, None, 1
        elif c == "+":
            lo, hi, n = 1, None, 1
        elif c == "?":
            lo, hi, n = 0, 1, 1
        elif c == "{" and (b := self.braced()) is not None:
            lo, hi, n = b
            if hi is not None and hi < lo:
                raise RegexSyntaxError("numbers out of order in {} quantifier")
        else:
            return atom
        self.i += n
        greedy = True
        if self.peek() == "?":
            self.i += 1
            greedy = False
        return ("repeat", atom, lo, hi, greedy)

    def atom(self) -> tuple:
        c = self.peek()
        if c == ".":
            self.i += 1
            return ("dot",)
        if c == "(":
            return self.group()
        if c == "[":
            return self.char_class()
        if c == "\\":
            return self.atom_escape()
        if c in ("*", "+", "?"):
            raise RegexSyntaxError("Nothing to repeat")
        if c == "{" and self.braced() is not None:
            raise RegexSyntaxError("Nothing to repeat")
        self.i += 1
        return ("set", ((ord(c), ord(c)),))

    def group(self) -> tuple:
        self.i += 1
        kind = "capture"
        if self.peek() == "?":
            nxt = self.peek(1)
            if nxt == ":":
                kind = "plain"
            elif nxt in ("=", "!"):
                kind = nxt
            elif nxt == "<":
                raise RegexUnsupported("named groups")
            else:
                raise RegexSyntaxError("Invalid group")
            self.i += 2
        index = None
        if kind == "capture":
            self.ngroups += 1
            index = self.ngroups
        body = self.disjunction()
        if self.peek() != ")":
            raise RegexSyntaxError("Unterminated group")
        self.i += 1
        if kind in ("=", "!"):
            return ("look", kind == "!", body)
        return ("group", index, body)

    def atom_escape(self) -> tuple:
        self.i += 1
        c = self.peek()
        if c == "":
            raise RegexSyntaxError("\\ at end of pattern")
        if c in _CLASS_ESCAPES:
            self.i += 1
            ranges, negated = _CLASS_ESCAPES[c]
            return ("set", complement(ranges) if negated else ranges)
        if c.isdigit() and c != "0":
            raise RegexUnsupported("backreferences")
        unit = self.character_escape(in_class=False)
        return ("set", ((unit, unit),))

    def character_escape(self, in_class: bool) -> int:
        """The code unit of the escape after a ``\\`` (cursor on the escape letter)."""
        c = self.peek()
        if c in _CONTROL_ESCAPES:
            self.i += 1
            return _CONTROL_ESCAPES[c]
        if c == "0":
            if self.peek(1).isdigit():
                raise RegexUnsupported("legacy octal escapes")
            self.i += 1
            return 0
        if c.isdigit():
            raise RegexUnsupported("legacy octal escapes")
        if c == "c":
            letter = self.peek(1)
            if letter.isascii() and (letter.isalpha() or (in_class and (letter.isdigit() or letter == "_"))):
                self.i += 2
                return ord(letter) % 32
            raise RegexUnsupported("\\c without a control letter")
        if c == "x" and self.peek(1) in _HEX and self.peek(2) in _HEX:
            self.i += 3
            return int(self.s[self.i - 2:self.i], 16)
        if c == "u":
            digits = self.s[self.i + 1:self.i + 5]
            if len(digits) == 4 and all(d in _HEX for d in digits):
                self.i += 5
                return int(digits, 16)
        self.i += 1  # identity escape (Annex B: any character but c)
        return ord(c)

    def char_class(self) -> tuple:
        self.i += 1
        negated = False
        if self.peek() == "^":
            negated = True
            self.i += 1
        parts: list = []
        while True:
            if self.i >= len(self.s):
                raise RegexSyntaxError("Unterminated character class")
            if self.peek() == "]":
                self.i += 1
                break
            a = self.class_atom()
            if self.peek() == "-" and self.peek(1) not in ("]", ""):
                self.i += 1
                b = self.class_atom()
                if isinstance(a, int) and isinstance(b, int):
                    if a > b:
                        raise RegexSyntaxError("Range out of order in character class")
                    parts.append((a, b))
                    continue
                # Annex B: a class escape at either end makes the '-' a literal
                parts.extend(_atom_ranges(a))
                parts.append((0x2D, 0x2D))
                parts.extend(_atom_ranges(b))
                continue
            parts.extend(_atom_ranges(a))
        ranges = normalize(parts)
        return ("class", ranges, negated)

    def class_atom(self) -> object:
        """A code unit, or a ranges tuple for ``\\d``-style escapes."""
        c = self.peek()
        if c != "\\":
            self.i += 1
            return ord(c)
        self.i += 1
        e = self.peek()
        if e == "":
            raise RegexSyntaxError("\\ at end of pattern")
        if e in _CLASS_ESCAPES:
            self.i += 1
            ranges, neg = _CLASS_ESCAPES[e]
            return complement(ranges) if neg else ranges
        if e == "b":
            self.i += 1
            return 0x08
        if e == "-":
            self.i += 1
            return 0x2D
        return self.character_escape(in_class=True)


def _atom_ranges(a: object) -> Ranges:
    return ((a, a),) if isinstance(a, int) else a  # type: ignore[return-value]


# --- compiler: AST -> instructions ---------------------------------------------------
# Each instruction is (op, a, b). The same numbering is used by runtime/regex.rs.
CHAR, SET, SPLIT, JMP, SAVE, MARK, CHECK, RESET, BOL, EOL, MBOL, MEOL, WORDB, NWORDB, MATCH, \
    REPEAT, LOOK, NLOOK = range(18)
OP_NAMES = ("Char", "Set", "Split", "Jmp", "Save", "Mark", "Check", "Reset", "Bol", "Eol", "MBol", "MEol",
            "WordB", "NWordB", "Match", "Repeat", "Look", "NLook")

#: the most instructions a pattern may compile to (counted repetition is unrolled)
MAX_PROGRAM = 50_000
_HUGE = 2 ** 31


@dataclass(frozen=True)
class Program:
    """A compiled pattern.

    ``insts`` are ``(op, a, b)`` triples: ``CHAR unit``; ``SET k`` (a code unit in
    ``sets[k]``); ``SPLIT x y`` (try ``x``, on failure ``y``); ``JMP x``; ``SAVE slot``;
    ``MARK reg`` / ``CHECK reg`` (the empty-iteration check of a quantifier: ``CHECK``
    fails when the position did not move since ``MARK``); ``RESET lo hi`` (captures of
    a quantified group start each iteration undefined); the assertions; ``MATCH``;
    ``REPEAT k`` (a single-unit atom repeated per ``repeats[k]`` = (set, min, max, greedy),
    max -1 for none); ``LOOK end`` / ``NLOOK end`` (lookahead whose body is the
    instructions up to ``end``, which holds ``MATCH``).
    Slots ``2g, 2g+1`` hold group ``g``'s start and end (group 0 is the match); the
    quantifier registers follow them.
    """

    source: str
    flags: str
    ngroups: int
    nslots: int
    insts: tuple
    sets: tuple
    repeats: tuple
    #: ``sets`` as membership tests for the Python matcher
    matchers: tuple = field(init=False, repr=False, compare=False)
    #: the set every match's first unit is in, when the first instruction decides it
    first: Optional["_Set"] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        matchers = tuple(_Set(r) for r in self.sets)
        object.__setattr__(self, "matchers", matchers)
        op, a, _ = self.insts[1]  # insts[0] saves the match start
        first = None
        if op == CHAR:
            first = _Set(((a, a),))
        elif op == SET:
            first = matchers[a]
        elif op == REPEAT and self.repeats[a][1] > 0:
            first = matchers[self.repeats[a][0]]
        object.__setattr__(self, "first", first)


class _Compiler:
    def __init__(self, flags: str) -> None:
        self.icase = "i" in flags
        self.multiline = "m" in flags
        self.dotall = "s" in flags
        self.insts: list = []
        self.sets: list = []
        self.set_index: dict = {}
        self.repeats: list = []
        self.nregs = 0

    def emit(self, op: int, a: int = 0, b: int = 0) -> int:
        self.insts.append((op, a, b))
        if len(self.insts) > MAX_PROGRAM:
            raise RegexUnsupported("a repetition count this large")
        return len(self.insts) - 1

    def set_id(self, ranges: Ranges) -> int:
        k = self.set_index.get(ranges)
        if k is None:
            k = self.set_index[ranges] = len(self.sets)
            self.sets.append(ranges)
        return k

    def unit_set(self, node: tuple) -> Optional[Ranges]:
        """The code units a single-unit atom matches (flags applied), else None."""
        t = node[0]
        if t == "dot":
            return ((0, MAX_UNIT),) if self.dotall else complement(LINE_TERMINATORS)
        if t == "set":
            return case_closure(node[1]) if self.icase else node[1]
        if t == "class":
            ranges = case_closure(node[1]) if self.icase else node[1]
            return complement(ranges) if node[2] else ranges
        return None

    def node(self, n: tuple) -> None:
        t = n[0]
        units = self.unit_set(n)
        if units is not None:
            if len(units) == 1 and units[0][0] == units[0][1]:
                self.emit(CHAR, units[0][0])
            else:
                self.emit(SET, self.set_id(units))
        elif t == "empty":
            pass
        elif t == "seq":
            for m in n[1]:
                self.node(m)
        elif t == "alt":
            jumps = []
            for k, m in enumerate(n[1]):
                if k < len(n[1]) - 1:
                    split = self.emit(SPLIT)
                    self.node(m)
                    jumps.append(self.emit(JMP))
                    self.insts[split] = (SPLIT, split + 1, len(self.insts))
                else:
                    self.node(m)
            for j in jumps:
                self.insts[j] = (JMP, len(self.insts), 0)
        elif t == "group":
            if n[1] is None:
                self.node(n[2])
            else:
                self.emit(SAVE, 2 * n[1])
                self.node(n[2])
                self.emit(SAVE, 2 * n[1] + 1)
        elif t == "look":
            at = self.emit(NLOOK if n[1] else LOOK)
            self.node(n[2])
            self.emit(MATCH)
            self.insts[at] = (self.insts[at][0], len(self.insts), 0)
        elif t == "assert":
            kind = n[1]
            if kind == "bol":
                self.emit(MBOL if self.multiline else BOL)
            elif kind == "eol":
                self.emit(MEOL if self.multiline else EOL)
            else:
                self.emit(WORDB if kind == "wordb" else NWORDB)
        elif t == "repeat":
            self.repeat(n)
        else:
            raise AssertionError(f"unknown regex node {t}")

    def repeat(self, n: tuple) -> None:
        _, body, lo, hi, greedy = n
        units = self.unit_set(body)
        if units is not None:
            # no string reaches 2**31 units, so larger counts mean "any number" / "never"
            lo = min(lo, _HUGE)
            hi = -1 if hi is None or hi >= _HUGE else hi
            self.repeats.append((self.set_id(units), lo, hi, greedy))
            self.emit(REPEAT, len(self.repeats) - 1)
            return
        if hi == 0:
            return
        groups = _groups_in(body)
        for _ in range(lo):
            self.iteration(body, groups)
        if hi is None:
            reg = self.new_reg()
            top = self.emit(SPLIT)
            self.emit(MARK, reg)
            self.iteration(body, groups)
            self.emit(CHECK, reg)
            self.emit(JMP, top)
            self.insts[top] = _split(top + 1, len(self.insts), greedy)
            return
        splits = []
        for _ in range(hi - lo):
            reg = self.new_reg()
            splits.append(self.emit(SPLIT))
            self.emit(MARK, reg)
            self.iteration(body, groups)
            self.emit(CHECK, reg)
        end = len(self.insts)
        for s in splits:
            self.insts[s] = _split(s + 1, end, greedy)

    def iteration(self, body: tuple, groups: Optional[tuple]) -> None:
        if groups is not None:
            self.emit(RESET, 2 * groups[0], 2 * groups[1] + 1)
        self.node(body)

    def new_reg(self) -> int:
        self.nregs += 1
        return self.nregs - 1


def _split(then: int, other: int, greedy: bool) -> tuple:
    return (SPLIT, then, other) if greedy else (SPLIT, other, then)


def _groups_in(n: tuple) -> Optional[tuple]:
    """(first, last) capture group index inside ``n``, None if it has none."""
    found: list = []

    def walk(m: tuple) -> None:
        t = m[0]
        if t == "group":
            if m[1] is not None:
                found.append(m[1])
            walk(m[2])
        elif t in ("seq", "alt"):
            for k in m[1]:
                walk(k)
        elif t == "look":
            walk(m[2])
        elif t == "repeat":
            walk(m[1])

    walk(n)
    return (min(found), max(found)) if found else None


_FLAG_FEATURES = {"u": "the u (unicode) flag", "v": "the v (unicode sets) flag", "y": "the y (sticky) flag",
                  "d": "the d (indices) flag"}


@lru_cache(maxsize=256)
def compile_regex(source: str, flags: str) -> Program:
    """Parse and compile ``/source/flags``; raises ``RegexSyntaxError`` or ``RegexUnsupported``.
    Programs are immutable, so a ``new RegExp`` in a loop shares one compilation."""
    for f in flags:
        if f in _FLAG_FEATURES:
            raise RegexUnsupported(_FLAG_FEATURES[f])
        if f not in "gims" or flags.count(f) > 1:
            raise RegexSyntaxError(f"Invalid flags supplied to RegExp constructor '{flags}'")
    parser = _Parser(source)
    ast = parser.parse()
    c = _Compiler(flags)
    c.emit(SAVE, 0)
    c.node(ast)
    c.emit(SAVE, 1)
    c.emit(MATCH)
    nslots = 2 * (parser.ngroups + 1)
    insts = tuple((op, a + nslots, b) if op in (MARK, CHECK) else (op, a, b) for op, a, b in c.insts)
    flags = "".join(f for f in "dgimsuvy" if f in flags)  # the order the flags getter reports
    return Program(source, flags, parser.ngroups, nslots + c.nregs, insts, tuple(c.sets), tuple(c.repeats))


def compile_literal(node: Any, filename: str) -> Program:
    """Compile the regex literal ``node`` (an esprima Literal with ``regex``), reporting
    problems at its location: V8's ``SyntaxError: Invalid regular expression: ...`` or
    ``Unsupported: regular expression feature X``."""
    pattern, flags = node.regex.pattern, node.regex.flags
    loc = node.loc.start
    try:
        return compile_regex(to_js_string(pattern), flags)  # JS patterns are UTF-16 code units
    except RegexSyntaxError as e:
        raise JSSyntaxError(f"Invalid regular expression: /{pattern}/{flags}: {e}", filename, loc.line,
                            loc.column + 1) from None
    except RegexUnsupported as e:
        raise Unsupported(f"regular expression feature {e}", filename, loc.line, loc.column + 1) from None


# --- matcher -------------------------------------------------------------------------

class _Set:
    """Fast membership for one set: a str of its Latin-1 members plus range bounds."""

    __slots__ = ("low", "starts", "ends")

    def __init__(self, ranges: Ranges) -> None:
        self.low = frozenset(chr(c) for lo, hi in ranges if lo < 256 for c in range(lo, min(hi, 255) + 1))
        self.starts = [lo for lo, _ in ranges]
        self.ends = [hi for _, hi in ranges]

    def __contains__(self, ch: str) -> bool:
        if ch < "\u0100":
            return ch in self.low
        c = ord(ch)
        k = bisect_right(self.starts, c) - 1
        return k >= 0 and c <= self.ends[k]


_LT = frozenset("\n\r\u2028\u2029")
_WORD_CHARS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")

def match_at(prog: Program, s: str, start: int) -> Optional[list]:
    """Match ``prog`` at exactly ``start`` in ``s``; the capture slots or None."""
    slots = [-1] * prog.nslots
    end = _run(prog, prog.matchers, s, 0, start, slots, [])
    return slots if end >= 0 else None


def search(prog: Program, s: str, start: int) -> Optional[list]:
    """The first match starting at ``start`` or later (JS RegExpBuiltinExec's scan)."""
    n = len(s)
    first = prog.first
    op, a, _ = prog.insts[1]
    # a leading literal unit lets str.find skip the hopeless positions
    lead = chr(a) if op == CHAR else None
    pos = start
    while pos <= n:
        if lead is not None:
            pos = s.find(lead, pos)
            if pos < 0:
                return None
        elif first is not None:
            while pos < n and s[pos] not in first:
                pos += 1
            if pos == n:
                return None
        m = match_at(prog, s, pos)
        if m is not None:
            return m
        pos += 1
    return None


def _run(prog: Program, sets: tuple, s: str, pc: int, pos: int, slots: list, trail: list) -> int:  # noqa: C901
    """Run from ``pc`` at ``pos`` until ``MATCH``: the end position, or -1.

    Backtracking state: ``stack`` holds (pc, pos, trail length, repeat info); ``trail``
    holds (slot, old value) so a backtrack restores captures and registers. A
    successful lookahead keeps its trail entries (the caller's backtracking undoes them)."""
    insts = prog.insts
    n = len(s)
    stack: list = []
    base = len(trail)
    while True:
        op, a, b = insts[pc]
        ok = True
        if op == CHAR:
            if pos < n and ord(s[pos]) == a:
                pos += 1
                pc += 1
            else:
                ok = False
        elif op == SET:
            if pos < n and s[pos] in sets[a]:
                pos += 1
                pc += 1
            else:
                ok = False
        elif op == REPEAT:
            k, lo, hi, greedy = prog.repeats[a]
            cls = sets[k]
            limit = n if hi < 0 else min(n, pos + hi)
            if greedy:
                e = pos
                while e < limit and s[e] in cls:
                    e += 1
                if e - pos < lo:
                    ok = False
                else:
                    if e - pos > lo:
                        stack.append((pc + 1, e - 1, len(trail), (pos + lo, -1)))
                    pos = e
                    pc += 1
            else:
                e = pos
                while e < pos + lo and e < n and s[e] in cls:
                    e += 1
                if e - pos < lo:
                    ok = False
                else:
                    if e < limit:
                        stack.append((pc + 1, e, len(trail), (limit, k)))
                    pos = e
                    pc += 1
        elif op == SPLIT:
            stack.append((b, pos, len(trail), None))
            pc = a
        elif op == JMP:
            pc = a
        elif op == SAVE or op == MARK:
            trail.append((a, slots[a]))
            slots[a] = pos
            pc += 1
        elif op == CHECK:
            if slots[a] == pos:
                ok = False
            else:
                pc += 1
        elif op == RESET:
            for k in range(a, b + 1):
                if slots[k] != -1:
                    trail.append((k, slots[k]))
                    slots[k] = -1
            pc += 1
        elif op == MATCH:
            return pos
        elif op == BOL:
            ok = pos == 0
            pc += 1
        elif op == EOL:
            ok = pos == n
            pc += 1
        elif op == MBOL:
            ok = pos == 0 or s[pos - 1] in _LT
            pc += 1
        elif op == MEOL:
            ok = pos == n or s[pos] in _LT
            pc += 1
        elif op == WORDB or op == NWORDB:
            before = pos > 0 and s[pos - 1] in _WORD_CHARS
            after = pos < n and s[pos] in _WORD_CHARS
            ok = (before != after) == (op == WORDB)
            pc += 1
        elif op == LOOK or op == NLOOK:
            mark = len(trail)
            found = _run(prog, sets, s, pc + 1, pos, slots, trail) >= 0
            if op == NLOOK:
                _undo(slots, trail, mark)
            ok = found == (op == LOOK)
            pc = a
        else:
            raise AssertionError(f"bad regex op {op}")
        if ok:
            continue
        # backtrack
        while True:
            if not stack:
                _undo(slots, trail, base)
                return -1
            pc, pos, tl, rep = stack.pop()
            _undo(slots, trail, tl)
            if rep is None:
                break
            bound, k = rep
            if k < 0:  # greedy: give back one more unit next time
                if pos > bound:
                    stack.append((pc, pos - 1, tl, rep))
                break
            # lazy: take one more unit, if it matches
            if s[pos] in sets[k]:
                if pos + 1 < bound:
                    stack.append((pc, pos + 1, tl, rep))
                pos += 1
                break


def _undo(slots: list, trail: list, mark: int) -> None:
    while len(trail) > mark:
        k, old = trail.pop()
        slots[k] = old
