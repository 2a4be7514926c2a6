"""String fast paths of the generated Rust (`runtime/strmeth.rs`, `Emitter.string_call`,
`Emitter.append`): node vs compiled, including receivers the trace never saw (the general
path inside each entry answers, or a guard side-exits) and the in-place appends."""
import subprocess
from pathlib import Path

import pytest

from jsrust_core.pipeline import compile_file

SIDE_EXIT_STATUS = 86

METHODS = r"""
function probe(s, n) {
  const out = [];
  out.push(s.indexOf('l'), s.indexOf('l', n), s.indexOf(''), s.indexOf('', 99), s.indexOf('lo', -3));
  out.push(s.includes('é'), s.startsWith('he'), s.startsWith('l', n), s.endsWith('o'), s.endsWith('l', n + 1));
  out.push(s.slice(1), s.slice(-3), s.slice(n, -1), s.slice(2, 1), s.slice(0, NaN), s.slice(-0.5));
  out.push(s.substring(n), s.substring(4, 1), s.substring(-2, 2.7), s.substring(NaN, Infinity));
  out.push(s.substr(1, 2), s.substr(-2), s.substr(1, -1));
  out.push(s.charAt(n), s.charAt(99), s.charCodeAt(1), s.charCodeAt(99), s.at(-1), s.at(99));
  out.push(s.trim(), s.trimStart(), s.trimEnd(), s.toUpperCase(), s.toLowerCase(), s.repeat(2));
  out.push(s.padStart(9, '*'), s.padEnd(9), s.padEnd(9, undefined), s.padStart(2, 'x'), s.padEnd(12, 'ab'));
  out.push(s.split('l'), s.split('l', 1), s.split('l', -1), s.split(''), s.split(), s.split(undefined, 0));
  return out;
}
for (const s of ['hello', '  héllo wörld ', 'a\u00e9\u4e2dz', '']) console.log(JSON.stringify(probe(s, 2)));
// receivers chosen by the arguments without a branch, so the trace saw only strings here
const x = JSON.parse(process.argv[3] || '"xyz"');
// a receiver that is no string: the general path answers (an array has indexOf/slice/includes too)
console.log(x.indexOf('y'), x.slice(1), x.includes('z'));
const table = { a: 'abc', b: { indexOf: String } };
const weird = table[process.argv[2] || 'a'];
console.log('before');
console.log(weird.indexOf('b') + 1);
"""

APPENDS = r"""
const src = process.argv[3] || 'héllo, wörld';
let out = '', n = 0;
for (let i = 0; i < src.length; i += 3) {
  out += src.substring(i, i + 2);
  out += src.slice(i + 1, i + 3);
  out += src.substr(i, 1);
  out += String(i * 1.5);
  out += String(n++);
}
console.log(out, out.length);
let mixed = { num: 7, str: 'x' }[process.argv[2] || 'str'];
mixed += src.slice(2);
mixed += String({ toString() { return 'T'; }, valueOf() { return 'V'; } });
mixed += String(-0) + String(1e21) + String(NaN) + String(-12345678901);
console.log(mixed);
const items = ['a', 'b'];
let shared = items.join('');
const copy = shared;
shared += src.substring(0, 3);
console.log(shared, copy);
"""


def _compile(tmp_path: Path, name: str, src: str, train: list[list[str]]) -> tuple[Path, Path, str]:
    """The JS file, its binary and its generated Rust."""
    js = tmp_path / f"{name}.js"
    js.write_text(src)
    result = compile_file(str(js), out=str(tmp_path / name), train=train)
    return js, result.binary, result.rust.source


def _run(cmd: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def methods(tmp_path_factory) -> tuple[Path, Path, str]:
    return _compile(tmp_path_factory.mktemp("strfast"), "methods", METHODS, [[]])


def test_string_methods_are_direct_calls(methods):
    source = methods[2]
    assert 'jsrt::strmeth::index_of(&s, "l", n,' in source
    assert "jsrt::strmeth::pad_end(&s, 9.0, jsrt::strmeth::Absent," in source
    assert "call_method_lit_as(&s," not in source


@pytest.mark.parametrize("args", [[], ["a", '["x", "y", "z"]']])
def test_string_methods_match_node(methods, args):
    js, binary, _ = methods
    ours, theirs = _run([str(binary), *args]), _run(["node", str(js), *args])
    assert ours.stdout == theirs.stdout
    assert ours.returncode == theirs.returncode == 0


def test_untraced_receiver_giving_another_type_side_exits(methods):
    js, binary, _ = methods
    ours, theirs = _run([str(binary), "b"]), _run(["node", str(js), "b"])
    assert theirs.stdout.endswith("before\nb1\n")
    assert ours.returncode == SIDE_EXIT_STATUS
    assert theirs.stdout.startswith(ours.stdout) and ours.stdout.endswith("before\n")
    assert "expected number, saw string" in ours.stderr


@pytest.mark.parametrize("args", [[], ["num"], ["str", "plain ascii text"], ["num", "x"]])
def test_appends_match_node(tmp_path, args):
    js, binary, source = _compile(tmp_path, "appends", APPENDS, [[]])
    ours, theirs = _run([str(binary), *args]), _run(["node", str(js), *args])
    assert ours.stdout == theirs.stdout
    assert ours.returncode == theirs.returncode == 0
    assert "jsrt::strmeth::append_substring(&mut out, &src," in source
    assert "jsrt::ops::append_string(&mut out," in source


WORDS = r"""
const pick = { s: 'x', n: 5, o: { get: String, set: String, has: String, split: undefined } };
const text = JSON.parse(process.argv[2] || '"one two  three, two\u00e9 one "');
const counts = new Map();
for (const raw of text.split(' ')) {
  const w = raw.endsWith(',') ? raw.slice(0, -1) : raw;
  counts.set(w, (counts.get(w) || 0) + 1);
  if (w === 'stop') break;
}
console.log(counts, counts.has('two'), counts.has(''), counts.get('none'));
for (const piece of text.split(', ')) console.log(JSON.stringify(piece));
const keys = new Map();
keys.set(NaN, 'nan').set(0, 'zero').set('0', 'str').set(null, 'null');
console.log(keys.get(NaN), keys.get(-0), keys.get('0'), keys.get(null), keys.get(undefined), keys.has(0));
const m = pick[process.argv[3] || 's'] === 'x' ? keys : keys;
let out = '';
const left = pick[process.argv[4] || 's'], right = pick[process.argv[5] || 's'];
for (let i = 0; i < 3; i++) out += left + right;
out += i2(3) + 'y';
function i2(n) { return n * 2; }
console.log(out, m.size);
"""


@pytest.fixture(scope="module")
def words(tmp_path_factory) -> tuple[Path, Path, str]:
    return _compile(tmp_path_factory.mktemp("strfast"), "words", WORDS, [[], ['"stop"']])


def test_words_use_the_fast_entries(words):
    source = words[2]
    assert 'jsrt::strmeth::for_of_split(&text, " ", "text.split")' in source
    assert 'jsrt::mapmeth::get(&counts, w.clone(), "counts.get")' in source
    assert "jsrt::ops::append_sum(&mut out," in source


@pytest.mark.parametrize("args", [[], ['"stop here, a b"'], ['"a, b, , c,"'], ['""'], ['"x"', "s", "n", "n"],
                                  ['"x"', "s", "n", "s"], ['"x"', "s", "o", "s"]])
def test_words_match_node(words, args):
    js, binary, _ = words
    ours, theirs = _run([str(binary), *args]), _run(["node", str(js), *args])
    assert ours.stdout == theirs.stdout
    assert ours.returncode == theirs.returncode == 0


def test_split_walk_of_a_receiver_that_is_no_string_throws_as_node(words):
    js, binary, _ = words
    ours, theirs = _run([str(binary), "[1, 2]"]), _run(["node", str(js), "[1, 2]"])
    assert ours.returncode == theirs.returncode == 1
    assert ours.stdout == theirs.stdout == ""
    assert "TypeError: text.split is not a function" in theirs.stderr
    assert "TypeError: text.split is not a function" in ours.stderr


SCANS = r"""
// indexOf over many generated strings (the word-at-a-time byte search: every offset and
// length around its 8-byte steps) and a scanner's `text[pos] === 'c'` compares
let seed = 7, sig = '';
const alpha = 'ab{}x';
const needles = ['{', '{{', 'b}', 'ab{', 'x', '}}', '{{}}x', ''];
for (let t = 0; t < 3000; t++) {
  let s = '';
  const n = seed % 40;
  for (let i = 0; i < n; i++) { seed = (seed * 1103515245 + 12345) % 2147483648; s += alpha[seed % 5]; }
  seed = (seed * 1103515245 + 12345) % 2147483648;
  const needle = needles[seed % needles.length];
  sig += s.indexOf(needle, seed % 7) + ',' + s.includes(needle) + ';';
}
console.log(sig);
function count(text) {
  let k = 0;
  for (let pos = -1; pos <= text.length; pos++) if (text[pos] === ',') k++; else if (text[pos] !== ',,') k += 10;
  return k + (text[1.5] === ',' ? 100 : 0);
}
console.log(count('a,b,,c'), count('é,ü,'), count(''), count(','));
"""


def test_scans_match_node(tmp_path):
    js, binary, source = _compile(tmp_path, "scans", SCANS, [[]])
    ours, theirs = _run([str(binary)]), _run(["node", str(js)])
    assert ours.stdout == theirs.stdout
    assert ours.returncode == theirs.returncode == 0
    assert "jsrt::ops::index_is(&text, " in source


#: `trim` answers from the two end bytes when both are printable ASCII (the string itself,
#: no scan); every other end — an ASCII space or control, a multi-byte space (NBSP, BOM,
#: U+3000), a multi-byte letter, a single character, the empty string — takes the full trim
TRIMS = r"""
const texts = ['tag', ' tag', 'tag\t', '\n\v\f\r x \r', '\u00a0nb\u00a0', '\ufeffbom', 'ideo\u3000',
  'é', 'éa é', 'a\u2028', ' ', '', 'x', '\u0085x\u0085', '{{ name }}'.slice(2, -2)];
for (const t of texts) {
  const a = t.trim(), b = t.trimStart(), c = t.trimEnd();
  console.log(JSON.stringify([a, b, c, a.length, a === t]));
}
"""


def test_trim_fast_path_and_every_end_match_node(tmp_path):
    js, binary, _ = _compile(tmp_path, "trims", TRIMS, [[]])
    ours, theirs = _run([str(binary)]), _run(["node", str(js)])
    assert ours.stdout == theirs.stdout and ours.returncode == theirs.returncode == 0


#: substrings of ASCII text share it (`JsStr::slice`): each must still behave as a string
#: of its own — appended to (a copy, the source unchanged), cut again, trimmed, used as a
#: key of an object, a Map and a Set, compared, searched by a RegExp right after its
#: source (one buffer, two texts), appended to with a piece that throws (rolled back),
#: and the substrings of a string still being built: the first shares it, the builder's
#: next append then copies itself (`relent`), and later pieces of it are copies
SLICES = r"""
const text = process.argv[2] || '<a>{{ name }}|{{qty}}|name|hello';
const a = text.substring(3, 13), b = a.slice(2, -2), c = b.trim();
let d = c;
d += '!';
console.log(JSON.stringify([text, a, b, c, d, a.length, c === 'name', c < 'namf', c.indexOf('m')]));
const dict = {};
dict[c] = 1;
dict[text.substring(text.indexOf('|') + 1, text.lastIndexOf('|'))] = 2;
console.log(dict, dict.name, dict[text.slice(6, 10)], Object.keys(dict).includes(c));
const m = new Map([[c, 'm']]), s = new Set([text.slice(16, 19)]);
console.log(m.get('name'), m.has(text.slice(6, 10)), s.has('qty'), [c, b].sort());
const re = /[a-z]+/g;
console.log(re.exec(text)[0], re.lastIndex, /m(e)/.exec(text.slice(6, 10)));
let e = text.slice(0, 3);
try { e += 'x' + (() => { throw new Error('boom'); })(); } catch (err) { console.log(err.message, e); }
let out = '';
const pieces = [];
for (let i = 0; i < 6; i++) { out += 'ab' + i; pieces.push(out.slice(i, i + 3)); }
out += '.';
console.log(out, pieces.join(','), text.split('|').map(p => p.slice(1)).join(';'));
let doc = '';
for (let i = 0; i < 4; i++) doc += '[' + i + ']';
const head = doc.slice(0, 6);
doc += '!';
const mid = doc.slice(3, 9);
doc += '?';
console.log(head, mid, doc, head.length + mid.length);
"""


SLICE_INPUTS = [[], ["{{x}}   plain ascii text |  y  |z|w"], ["<a>{{ name }}|{{qty}}|name|h\u00e9llo"]]


@pytest.fixture(scope="module")
def slices(tmp_path_factory) -> tuple[Path, Path, str]:
    return _compile(tmp_path_factory.mktemp("strfast"), "slices", SLICES, SLICE_INPUTS)


@pytest.mark.parametrize("args", SLICE_INPUTS)
def test_shared_substrings_match_node(slices, args):
    js, binary, _ = slices
    ours, theirs = _run([str(binary), *args]), _run(["node", str(js), *args])
    assert ours.stdout == theirs.stdout
    assert ours.returncode == theirs.returncode == 0
