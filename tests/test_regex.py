"""Regular expressions, differential: node vs ``jsrust run`` vs the compiled Rust binary.

Two layers. A fixed table of regex literals × subject strings runs every supported
method (``test``/``exec`` with ``lastIndex``, ``match``, ``replace`` with a template and
with a callback, ``split`` with and without a limit, ``search``, an ``exec`` loop) in
one generated program, so each engine starts once. Then hypothesis draws batches of
strings over an alphabet chosen to hit the patterns' edges (line breaks, word
boundaries, braces, ``$``, a non-ASCII letter) and feeds each batch, as one argv
argument, to a driver program: one node process, one interpreter run and one run of a
binary compiled once per session.
Pattern errors are checked against V8's messages, and the features we refuse against
their names.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from differential import PYTHON, node_binary, run_binary, run_interp, run_node
from jsrust_core.frontend import parse
from jsrust_core.interp.realm import Realm
from jsrust_core.profile import ProfileRecorder
from jsrust_core.typeinfer import infer
from jsrust_core.interp.regex import RegexSyntaxError, RegexUnsupported, compile_regex

#: regex literal (JS source text) -> subjects; together they cover empty matches,
#: captures that reset per iteration, anchors with and without m, lazy and counted
#: quantifiers, classes, escapes, lookahead, case folding and non-ASCII text
TABLE: list[tuple[str, list[str]]] = [
    (r"/a+/g", ["aaa baa", "", "bbb"]),
    (r"/a*/g", ["baaac", "", "aa"]),
    (r"/a*?/g", ["aaa"]),
    (r"/x*/", ["abc"]),
    (r"/(a)|b/g", ["abcab", "ccc"]),
    (r"/(?:(a)|b)+/", ["ab", "ba", "bab"]),
    (r"/(a*)+/", ["b", "aab"]),
    (r"/(a|ab)(c|bcd)(d*)/", ["abcd", "xabcdd"]),
    (r"/(z)((a+)?(b+)?(c))*/", ["zaacbbbcac"]),
    (r"/^abc$/", ["abc", "abc\n", "x\nabc"]),
    (r"/^abc$/m", ["x\nabc\ny", "abc\r\n", "ab"]),
    (r"/^/gm", ["a\nb\r\nc"]),
    (r"/$/gm", ["a\nb\n"]),
    (r"/\bfoo\b/g", ["foo a foo_ foo.", "foofoo"]),
    (r"/\B/g", ["ab c"]),
    (r"/[^a-z0-9']+/", ["it's a dog's life, ok? 42!", ""]),
    (r"/\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g", ["<p>{{ title }} {{x}} {{ 1bad }}</p>", "{{"]),
    (r"/a{2,3}/g", ["a aa aaa aaaa aaaaaaa"]),
    (r"/a{2,3}?/g", ["aaaaa"]),
    (r"/a{2,}/g", ["a aa aaaaa"]),
    (r"/(ab){2}/", ["abab ab", "ababab"]),
    (r"/(?:ab){0,2}c/g", ["c abc ababc abababc"]),
    (r"/[\d.]+/g", ["v1.2.3 and 45", "none"]),
    (r"/\s+/", [" a \t b\n\u00a0c\u2028d"]),
    (r"/\S+/g", ["  two words\there  "]),
    (r"/\w+@\w+\.\w+/", ["mail me@x.org now", "bad@x"]),
    (r"/colou?r/gi", ["Color COLOUR colr"]),
    (r"/[A-Z]/gi", ["aBc1"]),
    (r"/[^a-c]/gi", ["ABCDabcd"]),
    (r"/./g", ["a\nb\rc"]),
    (r"/./gs", ["a\nb"]),
    (r"/\u00e9|\x41/g", ["Aé\u00e9"]),
    (r"/[\u0100-\u017f]+/g", ["žluťoučký kůň"]),
    (r"/é+/i", ["ÉÉé"]),
    (r"/k/gi", ["kK\u212a"]),
    (r"/ß/i", ["SS ß ẞ"]),
    (r"/[\b]/", ["a\bb"]),
    (r"/\t|\n/g", ["a\tb\nc"]),
    (r"/\cJ\0/", ["x\n\u0000y"]),
    (r"/(?=a)/g", ["banana"]),
    (r"/a(?!n)/g", ["banana"]),
    (r"/(?=(an))/g", ["banana"]),
    (r"/(\d+)-(\d+)/", ["from 10-20 to 30-40"]),
    (r"/(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)/", ["abcdefghijkl"]),
    (r"/-/g", ["2024-01-15"]),
    (r"/\//g", ["a/b/c"]),
    (r"/[-_]/", ["x-y_z"]),
    (r"/[a-]/g", ["a-b"]),
    (r"/[\w-]+/g", ["foo-bar baz_1 +"]),
    (r"/[\d-z]/g", ["1-z a"]),
    (r"/a|/g", ["bab"]),
    (r"/|a/g", ["ab"]),
    (r"/()/g", ["ab"]),
    (r"/(a?)*?b/", ["aab"]),
    (r"/(?:a|b)*c/", ["ababc", "abab"]),
    (r"/(.)\s(.)/", ["x y"]),
    (r"/[^]/g", ["a\nb"]),
    (r"/[]/", ["abc"]),
    (r"/\./g", ["a.b.c"]),
    (r"/a{/", ["a{b"]),
    (r"/a{1,/", ["a{1,"]),
    (r"/x{0}/g", ["xx"]),
    (r"/}]/", ["a}]b"]),
    (r"/\u{2}/", ["uu u{2}"]),
    (r"/\$\d+(\.\d\d)?/g", ["$5 and $12.50 or $.5"]),
    (r"/😀+/g", ["a😀😀b"]),
    (r"/(\w+)\s(\w+)/", ["John Smith"]),
    (r"/^[-*]\s+/", ["- item", "*  star", "-no"]),
    (r"/^(#{1,6})\s+(.*)$/", ["## Title here", "####### too many", "#"]),
    (r"/`([^`]+)`/g", ["use `x` and `y`"]),
    (r"/\*\*([^*]+)\*\*/g", ["**bold** and *em*"]),
    (r"/\[([^\]]+)\]\(([^)\s]+)\)/g", ["see [docs](http://x.y/z) now"]),
    (r"/[0-9]/", ["abc1", "abc"]),
]

TEMPLATE = "<$&|$1|$2|$10|$01|$0|$$|$`|$'|$<n>|$9|$>"

_PROGRAM_HEAD = r"""
function show(v) { return v === undefined ? "U" : JSON.stringify(v); }
function probe(re, s) {
  console.log(String(re), JSON.stringify(s));
  console.log(" test", re.test(s), re.lastIndex, re.test(s), re.lastIndex);
  re.lastIndex = 0;
  const m = re.exec(s);
  console.log(" exec", m, m === null ? -1 : m.index, m === null ? "" : m.input === s, re.lastIndex);
  re.lastIndex = 0;
  console.log(" match", s.match(re), re.lastIndex);
  console.log(" replace", JSON.stringify(s.replace(re, TEMPLATE)), re.lastIndex);
  const calls = [];
  const out = s.replace(re, (...a) => { calls.push(a.map(show).join(",")); return "#" + calls.length; });
  console.log(" callback", JSON.stringify(out), calls);
  console.log(" split", s.split(re), s.split(re, 2), s.split(re, 0));
  re.lastIndex = 3;
  console.log(" search", s.search(re), re.lastIndex);
  if (re.global) {
    re.lastIndex = 0;
    const seen = [];
    let r;
    while ((r = re.exec(s)) !== null && seen.length < 40) {
      seen.push(r.index + ":" + r[0] + ":" + re.lastIndex);
      if (r[0] === "") re.lastIndex++;
    }
    console.log(" loop", seen.join(" "), re.lastIndex);
  }
}
"""


def table_program() -> str:
    """One JS program probing every table row."""
    lines = [f"const TEMPLATE = {json.dumps(TEMPLATE)};", _PROGRAM_HEAD]
    for literal, subjects in TABLE:
        for s in subjects:
            # a fresh literal per subject: lastIndex starts at 0 each time, as a new object's does
            lines.append(f"probe({literal}, {json.dumps(s)});")
    lines.append('console.log(/a+/g, [/x/m, /(?:)/], { r: /[/]\\//i }, String(/a/gi), /a/gim.flags, /\\n/.source);')
    lines.append("console.log(/a/g.global, /a/.global, /a/i.ignoreCase, /a/m.multiline, /a/s.dotAll, typeof /a/);")
    lines.append('console.log("a1b2".replaceAll(/\\d/g, "#"), "abc".split(/(?:)/), "".split(/x/), "".split(/(?:)/));')
    lines.append('const r = /a/g; console.log(r == "/a/g", "/a/g" == r, r != "x", `${r}`, "x" + r, JSON.stringify({ r: r, a: [r] }));')
    lines.append('console.log("%s|%j", r, /c/, { re: /x+/i, n: 1 }, Object.keys(r), Boolean(r), r instanceof Object);')
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def table_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("regex") / "regex_table.js"
    path.write_text(table_program())
    return path


@pytest.fixture(scope="module")
def table_node(table_file: Path):
    out = run_node(table_file)
    assert out.status == 0, out.describe()
    return out


def test_table_interpreter_matches_node(table_file: Path, table_node) -> None:
    ours = run_interp(table_file)
    assert ours.status == 0, ours.describe()
    assert ours.stdout.splitlines() == table_node.stdout.splitlines()


def _compile(path: Path, binary: Path, train: list[list[str]]) -> Path:
    cmd = [PYTHON, "-m", "jsrust_core.cli", "compile", str(path), "-o", str(binary)]
    for argv in train:
        cmd += ["--train", json.dumps(argv)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    return binary


@pytest.mark.compiled
def test_table_compiled_matches_node(table_file: Path, table_node) -> None:
    binary = _compile(table_file, table_file.with_suffix(""), [])
    ours = run_binary(binary, table_file.parent)
    assert ours.status == 0, ours.describe()
    assert ours.stdout.splitlines() == table_node.stdout.splitlines()


CONSTRUCTOR_PROGRAM = r"""
for (const p of ["/", "[/]", "a\nb", "\\/", "a/b[/]c/", "", "\u2028"]) console.log(JSON.stringify(new RegExp(p).source), String(new RegExp(p, "g")));
for (const args of [["a", "gg"], ["a", "x"], ["a("], ["[b-a]", "g"]]) {
  try { new RegExp(...args); } catch (e) { console.log(e.name, e.message); }
}
const r = /a/g;
console.log(RegExp(r) === r, new RegExp(r) === r, new RegExp(r, "i"), RegExp("b", "m"), new RegExp(undefined), new RegExp(null));
console.log(new RegExp(12), r instanceof RegExp, r.constructor === RegExp, RegExp.name, RegExp.length);
const word = "o";
console.log("foo boo".replace(new RegExp(word + "+", "g"), "0"), new RegExp("\\d+").exec("ab12")[0]);
console.log(Object.prototype.toString.call(/a/), RegExp.prototype.toString.call(/b/));
"""


def test_regexp_constructor_interpreter_matches_node(tmp_path: Path) -> None:
    """``new RegExp`` (interpreter only): escaped ``source``, V8's SyntaxErrors, ``RegExp(re)``."""
    path = tmp_path / "ctor.js"
    path.write_text(CONSTRUCTOR_PROGRAM)
    node = run_node(path)
    assert node.status == 0, node.describe()
    assert run_interp(path).stdout == node.stdout


def test_regexp_values_are_traced_as_regexp() -> None:
    """The tracer tags a RegExp ``regexp`` (never an object shape), so it stays a dynamic
    ``JsValue`` in Rust, and regex method calls are native calls like any other."""
    program = parse("const r = /b+/g;\nconst n = 'abba'.replace(r, 'x').length + (r.test('b') ? 1 : 0);\n", "t.js")
    rec = ProfileRecorder()
    Realm(stdout=lambda s: None).run_program(program, recorder=rec)
    r_id = program.ast.body[0].declarations[0].id
    assert rec.profile.types[program.sid(r_id)] == {"regexp"}
    t = infer(program, rec.profile).bindings[program.sid(r_id)]
    assert (t.kind, t.rust()) == ("regexp", "JsValue")
    assert set().union(*rec.profile.callees.values()) == {"native:replace", "native:test"}


# --- pattern errors --------------------------------------------------------------------

#: patterns V8 rejects, checked against node's own message
BAD_PATTERNS = ["(", "a)", "*a", "a**", "+", "?", "a{2,1}", "[b-a]", "(?x)", "x{1}{2}", "^*", "\\b+",
                "a|*", "\\", "[a", "{1}"]


def test_syntax_errors_carry_v8_messages() -> None:
    script = ("for (const p of " + json.dumps(BAD_PATTERNS) + ") {"
              " try { new RegExp(p); console.log('ok'); } catch (e) { console.log(e.message); } }")
    proc = subprocess.run([node_binary(), "-e", script], capture_output=True, text=True, timeout=60)
    ours = []
    for p in BAD_PATTERNS:
        try:
            compile_regex(p, "")
            ours.append("ok")
        except RegexSyntaxError as e:
            ours.append(f"Invalid regular expression: /{p}/: {e}")
        except RegexUnsupported as e:
            ours.append(f"unsupported {e}")
    assert ours == proc.stdout.splitlines()


@pytest.mark.parametrize("pattern,flags,feature", [
    ("(?<=a)b", "", "lookbehind"), ("(?<!a)b", "", "lookbehind"), ("(?<n>a)", "", "named groups"),
    ("(a)\\1", "", "backreferences"), ("\\01", "", "legacy octal escapes"), ("[\\1]", "", "legacy octal escapes"),
    ("a", "y", "the y (sticky) flag"), ("a", "u", "the u (unicode) flag"), ("a", "v", "the v (unicode sets) flag"),
    ("a", "d", "the d (indices) flag"), ("\\c1", "", "\\c without a control letter"),
])
def test_unsupported_features_are_named(pattern: str, flags: str, feature: str) -> None:
    with pytest.raises(RegexUnsupported, match="^" + re.escape(feature) + "$"):
        compile_regex(pattern, flags)


def test_a_bad_literal_is_an_early_syntax_error(tmp_path: Path) -> None:
    """Like node, nothing runs. (The parser front end rejects this one itself, with the
    shorter message ``Invalid regular expression``; V8 adds the pattern and the reason.)"""
    path = tmp_path / "bad.js"
    path.write_text("console.log('before');\nconst r = /a{3,2}/;\n")
    node = run_node(path)
    ours = run_interp(path)
    assert node.status == ours.status == 1 and node.stdout == ours.stdout == ""
    assert node.error_line == "SyntaxError: Invalid regular expression: /a{3,2}/: numbers out of order in {} quantifier"
    assert ours.error_line is not None and node.error_line.startswith(ours.error_line)


# --- hypothesis: random subjects over fixed patterns ----------------------------------------

PATTERNS = [r"/a+b*/g", r"/(a|b)+?c?/g", r"/^\s*(\w+)\s*$/m", r"/[^a-z]+/", r"/\b\w/g", r"/(\d+)(?:\.(\d+))?/g",
            r"/\{\{\s*(\w+)\s*\}\}/g", r"/[-_.]/", r"/$/gm", r"/.?/g", r"/(?:(a)|(b)|\$)*/", r"/a{1,2}?/g",
            r"/é|E/gi", r"/(?=b)/g", r"/\S+/g", r"/[\s\S]{2}/g"]
ALPHABET = "ab \n-_.9Zé{}$\t"

_DRIVER = """
const inputs = JSON.parse(process.argv[2]);
for (const s of inputs) {
  for (const re of [%s]) {
    const m = re.exec(s);
    const loop = [];
    let r;
    re.lastIndex = 0;
    while ((r = re.exec(s)) !== null && loop.length < 30) {
      loop.push(r.index);
      if (r[0] === "") re.lastIndex++;
    }
    console.log(JSON.stringify([m, m === null ? -1 : m.index, re.test(s), re.lastIndex, loop, s.match(re),
      s.replace(re, "[$&$1$2]"), s.split(re), s.search(re)]));
  }
}
""" % ", ".join(PATTERNS)

#: training inputs for the compiled driver: every pattern matching and failing, empty strings
TRAIN = [["", "a", "ab c", "aab\n  word  \n{{ x }}", "1.5 22", "$$ab", "é E", "b_b.b", "ZZ9 9Z"]]


@pytest.fixture(scope="module")
def driver(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("regex") / "regex_driver.js"
    path.write_text(_DRIVER)
    return path


@pytest.fixture(scope="module")
def driver_binary(driver: Path) -> Path:
    return _compile(driver, driver.with_suffix(""), [[json.dumps(t)] for t in TRAIN])


def _interp_in_process(path: Path, arg: str) -> str:
    """The interpreter's stdout for one batch, without a process start per batch (the
    realm raises the recursion limit, which is put back so hypothesis does not warn)."""
    out: list[str] = []
    limit = sys.getrecursionlimit()
    try:
        Realm(stdout=out.append, argv=[arg]).run_file(str(path))
    finally:
        sys.setrecursionlimit(limit)
    return "".join(out)


subjects = st.lists(st.text(alphabet=ALPHABET, max_size=12), min_size=1, max_size=25)


@settings(max_examples=12, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(batch=subjects)
def test_random_subjects_interpreter_matches_node(driver: Path, batch: list[str]) -> None:
    arg = json.dumps(batch)
    node = run_node(driver, [arg])
    assert node.status == 0, node.describe()
    assert _interp_in_process(driver, arg) == node.stdout


@pytest.mark.compiled
@settings(max_examples=12, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(batch=subjects)
def test_random_subjects_compiled_matches_node(driver: Path, driver_binary: Path, batch: list[str]) -> None:
    arg = json.dumps(batch)
    node = run_node(driver, [arg])
    ours = run_binary(driver_binary, driver.parent, [arg])
    assert (ours.status, ours.stdout) == (node.status, node.stdout)
