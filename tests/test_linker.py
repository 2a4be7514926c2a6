"""CommonJS programs compiled with the files they require (`linker.py`, `runtime/modules.rs`):
each compiled binary against node on the same files, including what the traces never saw."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from jsrust_core.frontend import parse
from jsrust_core.linker import LinkedProgram, link
from jsrust_core.pipeline import compile_file

#: main.js requires a helper only on the "extra" argument, and one by a name it computes
MAIN = """\
const util = require("./lib/util");
const counter = require("./lib/util.js");
console.log(util.twice(21), util === counter, module.id, typeof exports, require.main === module);
if (process.argv[2] === "extra") {
  const late = require("./lib/late");
  console.log(late.hello("late"), late.parent === util.name);
}
if (process.argv[2] === "dynamic") {
  const name = "./lib/" + "late.js";
  console.log(require(name).hello("dynamic"));
}
"""
UTIL = "exports.name = 'util';\nexports.twice = function (x) { return x * 2; };\n"
LATE = ("const util = require('./util');\nmodule.exports = { hello: (who) => 'hello ' + who,"
        " parent: util.name };\n")


def files(tmp_path: Path) -> Path:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "util.js").write_text(UTIL)
    (tmp_path / "lib" / "late.js").write_text(LATE)
    main = tmp_path / "main.js"
    main.write_text(MAIN)
    return main


def outcome(cmd: list[str]) -> tuple[str, int]:
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    return proc.stdout, proc.returncode


def test_plain_program_is_not_linked() -> None:
    program = parse("const x = { module: 1, exports() {} };\nconsole.log(x.module, x.require);\n", "/tmp/plain.js")
    assert link(program, {}) is program
    assert isinstance(link(parse("console.log(typeof module);\n", "/tmp/m.js"), {}), LinkedProgram)


def test_link_resolves_literal_requires_once_per_file(tmp_path: Path) -> None:
    main = files(tmp_path)
    linked = link(parse(MAIN, str(main)), {})
    assert isinstance(linked, LinkedProgram)
    names = [Path(u.filename).name for u in linked.units]
    assert names == ["main.js", "util.js", "late.js"]
    assert linked.units[0].specs == {"./lib/util": 1, "./lib/util.js": 1, "./lib/late": 2}
    assert linked.units[2].specs == {"./util": 1}
    # every site answers, each in its own file; the module functions stand at the files' roots
    late = linked.units[2].program
    assert linked.where(late.base + 1).startswith(str(tmp_path / "lib" / "late.js") + ":")
    assert linked.node(late.base).type == "FunctionDeclaration"


@pytest.mark.compiled
def test_compiled_modules_match_node_and_untraced_paths_stop(tmp_path: Path) -> None:
    main = files(tmp_path)
    binary = compile_file(str(main), train=[[]]).binary
    assert outcome([str(binary)]) == outcome(["node", str(main)])
    # a file only the "extra" run requires was never traced: its body side-exits, no wrong answer
    proc = subprocess.run([str(binary), "extra"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 86 and "side exit" in proc.stderr
    assert node_out(main, "extra").startswith(proc.stdout)
    # trained on it too, the binary agrees with node there as well
    both = compile_file(str(main), train=[[], ["extra"]]).binary
    assert outcome([str(both), "extra"]) == outcome(["node", str(main), "extra"])
    # a specifier the compiler could not see is named, not guessed
    dynamic = compile_file(str(main), train=[[], ["dynamic"]]).binary
    proc = subprocess.run([str(dynamic), "dynamic"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 86 and "require('./lib/late.js'): a module the compiler did not see" in proc.stderr
    assert node_out(main, "dynamic").startswith(proc.stdout)


def node_out(main: Path, *args: str) -> str:
    return outcome(["node", str(main), *args])[0]
