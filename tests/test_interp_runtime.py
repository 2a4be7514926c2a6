"""The interpreter's host-facing behaviour: uncaught errors and exit statuses like
``node file.js``, syntax/unsupported reports, REPL cells sharing globals, require,
process, interrupts, deep recursion, and the tracing hooks' site ids."""
from __future__ import annotations

import os
import tempfile
import threading
import time

import pytest

from jsrust_core.errors import Interrupted, Unsupported
from jsrust_core.events import Recorder
from jsrust_core.frontend import parse
from jsrust_core.interp import JSThrow, Realm, format_uncaught
from test_interp_support import first_error_line, run_both, run_node, run_ours, write_tmp

UNCAUGHT = {
    "throw_error": "console.log('before');\nfunction f(o) {\n  return o.a.b;\n}\nf({});\n",
    "throw_value": "console.log(1);\nthrow {a: 1};\n",
    "throw_custom": "class E extends Error {}\nthrow new E('custom');\n",
    "range": "function r() { return r(); }\nr();\n",
    "exit_code": "console.log('x'); process.exit(7); console.log('never');\n",
    "exit_in_try": "try { process.exit(2); } finally { console.log('not printed'); }\n",
    "not_function": "const o = {};\no.missing();\n",
    "not_defined": "let a = 1;\nconsole.log(nope);\n",
}


@pytest.fixture(scope="module")
def uncaught() -> dict:
    return run_both(UNCAUGHT)


@pytest.mark.parametrize("name", list(UNCAUGHT))
def test_uncaught_like_node(uncaught: dict, name: str) -> None:
    (nout, nerr, nstatus), (out, err, status) = uncaught[name]
    assert (out, status) == (nout, nstatus)
    assert first_error_line(err) == first_error_line(nerr)
    # the file:line header and the source line match Node's
    assert err.splitlines()[:2] == nerr.splitlines()[:2] or not nerr
    assert err.endswith("Node.js v20.20.2\n") == nerr.endswith("Node.js v20.20.2\n")


def test_stack_names_user_frames(uncaught: dict) -> None:
    (_, nerr, _), (_, err, _) = uncaught["throw_error"]
    ours = [ln.strip() for ln in err.splitlines() if ln.startswith("    at ")]
    theirs = [ln.strip() for ln in nerr.splitlines() if ln.startswith("    at ") and "node:" not in ln]
    # same functions and lines (columns may differ: we locate statements, V8 expressions)
    assert [f.rsplit(":", 1)[0] for f in ours] == [f.rsplit(":", 1)[0] for f in theirs]


def test_syntax_error_reports_line_and_column() -> None:
    with tempfile.TemporaryDirectory() as d:
        path = write_tmp("let a = 1;\nlet x = ;\n", d)
        out, err, status = run_ours(path)
        nout, nerr, nstatus = run_node(path)
    assert status == nstatus == 1
    assert err.splitlines()[:3] == nerr.splitlines()[:3]
    assert "SyntaxError: Unexpected token ';'" in err


@pytest.mark.parametrize("src,feature", [
    ("let a = 1;\nfunction* g() { yield 1; }\n", "generators"),
    ("async function f() { await 1; }\n", "async functions"),
    ("const r = /(?<=a)b/;\n", "regular expression feature lookbehind"),
    ("with (Math) { }\n", "with statements"),
])
def test_unsupported_is_named_with_location(src: str, feature: str) -> None:
    realm = Realm(stdout=lambda s: None)
    with pytest.raises(Unsupported) as info:
        realm.run_program(parse(src, "u.js"))
    assert info.value.feature == feature
    assert info.value.line >= 1 and info.value.column >= 1


def test_repl_cells_share_globals_and_return_completion() -> None:
    out: list[str] = []
    realm = Realm(stdout=out.append)
    base = 0
    values = []
    for src in ["let a = 2; function sq(x) { return x * x; }", "const b = sq(a) + 1; b",
                "class K { v() { return b; } }", "new K().v() * 10", "var v = 1; v += 1; v", "a = 5; sq(a)"]:
        p = parse(src, "<cell>", sid_base=base)
        base = p.end
        values.append(realm.run_program(p))
    assert values[1:] == [5.0, values[2], 50.0, 2.0, 25.0]
    with pytest.raises(JSThrow) as info:
        realm.run_program(parse("undefinedThing + 1", "<cell>", sid_base=base))
    assert "undefinedThing is not defined" in format_uncaught(info.value, realm)


def test_repl_cell_may_end_in_a_destructuring_assignment() -> None:
    # a cell's last statement is compiled for its completion value; a pattern on the
    # left used to be refused there ("destructuring assignment inside an expression")
    from jsrust_core.inspect import inspect

    realm = Realm(stdout=lambda s: None)
    first = parse("let p = 1, q = 2; [p, q] = [q, p]", "<cell>")
    assert inspect(realm.run_program(first)) == "[ 2, 1 ]"
    second = parse("({ p, q } = { p: 7, q: 8 }); [p, q]", "<cell>", sid_base=first.end)
    assert inspect(realm.run_program(second)) == "[ 7, 8 ]"


def test_deep_recursion_is_a_catchable_range_error() -> None:
    out: list[str] = []
    realm = Realm(stdout=out.append)
    v = realm.run_program(parse(
        "function d(n) { return n === 0 ? 0 : 1 + d(n - 1); }\n"
        "let r; try { d(1e6); } catch (e) { r = e.name + ': ' + e.message; } [d(8000), r]", "r.js"))
    assert v.elems == [8000.0, "RangeError: Maximum call stack size exceeded"]


def test_interrupt_stops_infinite_loop_and_realm_stays_usable() -> None:
    realm = Realm(stdout=lambda s: None)
    timer = threading.Timer(0.3, realm.request_interrupt)
    timer.start()
    t0 = time.perf_counter()
    with pytest.raises(Interrupted):
        realm.run_program(parse("let n = 0; while (true) { try { n++; } catch (e) {} finally { } }", "loop.js"))
    assert time.perf_counter() - t0 < 1.5
    assert realm.run_program(parse("1 + 1", "after.js", sid_base=1000)) == 2.0


def test_require_and_process() -> None:
    with tempfile.TemporaryDirectory() as d:
        os.makedirs(os.path.join(d, "node_modules", "pkg", "lib"))
        write_tmp('module.exports = { name: "pkg", f: () => 42 };', os.path.join(d, "node_modules", "pkg", "lib"),
                  "main.js")
        write_tmp('{"main": "lib/main.js"}', os.path.join(d, "node_modules", "pkg"), "package.json")
        write_tmp('exports.add = (a, b) => a + b;\nexports.me = __filename.endsWith("util.js");', d, "util.js")
        write_tmp('{"k": [1, 2]}', d, "data.json")
        os.makedirs(os.path.join(d, "sub"))
        write_tmp('module.exports = "index of sub";', os.path.join(d, "sub"), "index.js")
        main = write_tmp(
            "const u = require('./util'); const pkg = require('pkg');\n"
            "console.log(u.add(2, 3), u.me, pkg.name, pkg.f(), require('./data.json').k, require('./sub'),"
            " require('./util') === u);\n"
            "console.log(process.argv.length, process.argv[2], typeof process.env.PATH, this === module.exports);\n"
            "try { require('./nope'); } catch (e) { console.log(e.message.split('\\n')[0], e.code); }\n"
            "process.exitCode = 3;\n", d)
        assert run_ours(main, ["a1"]) == run_node(main, ["a1"])[:1] + ("", 3)


class _Log(Recorder):
    def __init__(self) -> None:
        self.events: list = []

    def enter_function(self, fn_sid, call_sid, func, this, args):
        self.events.append(("enter", fn_sid, call_sid, list(args)))

    def leave_function(self, fn_sid, result):
        self.events.append(("leave", fn_sid, result))

    def unwind_function(self, fn_sid):
        self.events.append(("unwind", fn_sid))

    def branch(self, sid, taken):
        self.events.append(("branch", sid, taken))

    def loop_enter(self, sid):
        self.events.append(("loop_enter", sid))

    def loop_iter(self, sid):
        self.events.append(("loop_iter", sid))

    def loop_exit(self, sid):
        self.events.append(("loop_exit", sid))

    def op(self, sid, opname, operands, result):
        self.events.append(("op", sid, opname, result))

    def call(self, sid, callee, this, args):
        self.events.append(("call", sid, getattr(callee, "name", None)))

    def bind(self, sid, name, value):
        self.events.append(("bind", sid, name, value))


def _sid_of(program, node_type: str, index: int = 0) -> int:
    sids = [s.sid for s in program.sites if s.type == node_type]
    return sids[index]


def test_tracing_hooks_report_site_ids() -> None:
    src = "function add(a, b) { return a + b; }\nlet s = 0;\nfor (let i = 0; i < 2; i++) { s = add(s, i); }\ns"
    p = parse(src, "t.js")
    realm = Realm(stdout=lambda s: None)
    rec = _Log()
    assert realm.run_program(p, recorder=rec) == 1.0
    ev = rec.events
    fn_sid = _sid_of(p, "FunctionDeclaration")
    loop_sid = _sid_of(p, "ForStatement")
    call_sid = _sid_of(p, "CallExpression")
    a_sid, b_sid = [s.sid for s in p.sites if s.type == "Identifier" and p.node(s.sid).name in ("a", "b")][:2]
    assert ev[0] == ("enter", p.base, None, [])
    assert ("enter", fn_sid, call_sid, [0.0, 0.0]) in ev
    assert ("leave", fn_sid, 1.0) in ev
    assert ("loop_enter", loop_sid) in ev and ("loop_exit", loop_sid) in ev
    assert ev.count(("loop_iter", loop_sid)) == 2
    assert [e for e in ev if e[0] == "branch" and e[1] == loop_sid] == [("branch", loop_sid, True)] * 2 + \
        [("branch", loop_sid, False)]
    assert ("call", call_sid, "add") in ev
    assert ("bind", a_sid, "a", 0.0) in ev and ("bind", b_sid, "b", 1.0) in ev
    plus = _sid_of(p, "BinaryExpression", 0)
    assert ("op", plus, "+", 1.0) in ev
    s_decl = [s.sid for s in p.sites if s.type == "Identifier" and p.node(s.sid).name == "s"][0]
    assert ("bind", s_decl, "s", 1.0) in ev
    assert ev[-1] == ("leave", p.base, 1.0)
    # the plain variant runs afterwards without any hook
    rec2 = _Log()
    realm.run_program(parse("add(1, 2)", "t2.js", sid_base=p.end))
    assert rec2.events == []


def test_tracing_unwind_on_throw() -> None:
    p = parse("function f() { throw new Error('x'); }\ntry { f(); } catch (e) {}", "u.js")
    rec = _Log()
    Realm(stdout=lambda s: None).run_program(p, recorder=rec)
    assert ("unwind", _sid_of(p, "FunctionDeclaration")) in rec.events


@pytest.mark.parametrize("command", [["run", "{f}"], ["trace", "{f}"], ["types", "{f}"],
                                     ["compile", "{f}", "-o", "{f}.bin"],
                                     ["bench", "--serverless", "{f}", "--requests", "{f}.jsonl"]])
def test_missing_file_is_named_not_a_traceback(tmp_path, command: list[str]) -> None:
    """A mistyped path is the commonest CLI mistake: one line naming it, status 2, no Python traceback."""
    import subprocess
    import sys

    missing = str(tmp_path / "missing.js")
    argv = [part.format(f=missing) for part in command]
    done = subprocess.run([sys.executable, "-m", "jsrust_core.cli", *argv], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.startswith("jsrust: No such file or directory: ") and "missing.js" in done.stderr
    assert "Traceback" not in done.stderr


def test_comparing_a_literal_with_undefined_prints_no_python_warning(tmp_path) -> None:
    """`1 === undefined` compiles to an identity test on a literal; CPython's SyntaxWarning
    for it must not reach the program's stderr, which Node leaves empty."""
    import subprocess
    import sys

    js = tmp_path / "literal.js"
    js.write_text('console.log(1 === undefined, "a" === null, 2 !== undefined, undefined === 3.5);\n')
    done = subprocess.run([sys.executable, "-m", "jsrust_core.cli", "run", str(js)], capture_output=True, text=True, timeout=60)
    assert (done.stdout, done.stderr, done.returncode) == ("false false true false\n", "", 0)


def test_a_node_global_the_interpreter_lacks_is_unsupported_not_undefined(tmp_path) -> None:
    """`setTimeout` exists in Node: reading it must stop by name, not throw the
    `ReferenceError: setTimeout is not defined` Node would never raise (a misspelt name still does)."""
    import subprocess
    import sys

    js = tmp_path / "timer.js"
    js.write_text('console.log("before");\nconst t = setTimeout;\n')
    done = subprocess.run([sys.executable, "-m", "jsrust_core.cli", "run", str(js)], capture_output=True, text=True, timeout=60)
    assert done.stdout == "before\n" and done.returncode != 0
    assert f"Unsupported: the Node global `setTimeout` at {js}:2:" in done.stderr
    js.write_text("try { setTimeoot; } catch (e) { console.log(e.name, e.message); }\n")
    done = subprocess.run([sys.executable, "-m", "jsrust_core.cli", "run", str(js)], capture_output=True, text=True, timeout=60)
    assert done.stdout == "ReferenceError setTimeoot is not defined\n"
