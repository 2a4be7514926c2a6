"""Fast paths for string- and object-heavy programs in the generated Rust: each must give
Node's answer byte for byte, on the inputs it was trained on and on the ones it was not
(where the only acceptable difference is an honest side exit, status 86)."""
import subprocess
from pathlib import Path

import pytest

from jsrust_core.pipeline import compile_file

SIDE_EXIT = 86


def node(path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["node", str(path), *args], capture_output=True, timeout=60)


def run(binary: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(binary), *args], capture_output=True, timeout=60)


def compile_js(tmp_path: Path, name: str, source: str, train: list):
    js = tmp_path / name
    js.write_text(source)
    return js, compile_file(str(js), out=str(tmp_path / (name + ".bin")), train=train)


def same_as_node(js: Path, binary: Path, *args: str) -> subprocess.CompletedProcess:
    got, want = run(binary, *args), node(js, *args)
    assert (got.stdout, got.stderr, got.returncode) == (want.stdout, want.stderr, want.returncode)
    return got


#: a scanner over a long text (each `text.length` / `text[i]` must not rescan it), whose
#: text turns non-ASCII part way through building (UTF-16 indices differ from bytes after that)
SCAN = """
let text = '';
const n = Number(process.argv[2] || 2000);
for (let i = 0; i < n; i++) text += 'ab ';
const before = text.length;
text += process.argv[3] || 'xy';
text += '!';
let spaces = 0, last = '';
for (let i = 0; i < text.length; i++) { if (text[i] === ' ') spaces++; last = text[i]; }
console.log(before, text.length, spaces, last, text.charAt(text.length - 2), text.charCodeAt(text.length - 3));
console.log(text.startsWith('ab', 3), text.startsWith('b', 3), text.endsWith('!'), text.endsWith('y', text.length - 1));
console.log(text.indexOf(process.argv[3] || 'xy'), text.substring(text.length - 4), text.slice(-3, -1));
"""


@pytest.mark.parametrize("args", [[], ["200000"], ["10", "é€"]])
def test_string_scan_indexes_by_utf16_unit_in_linear_time(tmp_path, args):
    js, res = compile_js(tmp_path, "scan.js", SCAN, [["5"]])
    same_as_node(js, res.binary, *args)


def test_string_scan_stops_honestly_at_half_a_surrogate_pair(tmp_path):
    # `text[i]` inside an emoji is a lone surrogate, which has no UTF-8 form to print
    js, res = compile_js(tmp_path, "scan.js", SCAN, [["5"]])
    got, want = run(res.binary, "10", "😀x"), node(js, "10", "😀x")
    assert got.returncode == SIDE_EXIT and want.stdout.startswith(got.stdout)
    assert b"lone surrogate" in got.stderr
