"""`jsrust openwhisk`: a JS action traced, compiled in action mode into the ActionLoop exec,
zipped, and run in its runtime next to the same action under node (a differential test of
the whole export path, generated code included)."""
from __future__ import annotations

import argparse
from pathlib import Path
import json
import subprocess
import zipfile

import pytest

from jsrust_core.serverless.cli import add_openwhisk_arguments, main_openwhisk
from jsrust_core.serverless.runtimes import ActionSource
from warm_runner import answers

ACTION_JS = """
function main(params) {
  const n = params.n;
  let total = 0;
  for (let i = 1; i <= n; i++) total += i * i;
  if (n > 10) return { big: true, n: n, total: total };
  return { n: n + 1, total: total, label: 'small' };
}
"""


def export_squares(tmp_path: Path, *extra: str) -> tuple[Path, Path]:
    """`jsrust openwhisk squares.js --train train.json -o action.zip --opt 1 EXTRA...`: (action, zip)."""
    action = tmp_path / "squares.js"
    action.write_text(ACTION_JS)
    (tmp_path / "train.json").write_text(json.dumps([{"n": 3}, {"n": 12}]))
    parser = argparse.ArgumentParser()
    add_openwhisk_arguments(parser)
    out = tmp_path / "action.zip"
    args = parser.parse_args([str(action), "--train", str(tmp_path / "train.json"), "-o", str(out), "--opt", "1",
                              *extra])
    assert main_openwhisk(args) == 0
    return action, out


@pytest.mark.slow
def test_openwhisk_export_train_then_regrow(tmp_path):
    action, out = export_squares(tmp_path)

    with zipfile.ZipFile(out) as zf:
        assert sorted(zf.namelist()) == ["exec", "exec.env"]
        # stored: the runtime's /init then has nothing to inflate
        assert zf.getinfo("exec").compress_type == zipfile.ZIP_STORED
        zf.extractall(tmp_path / "unzipped")
    described = subprocess.run(["file", str(tmp_path / "unzipped" / "exec")], capture_output=True, text=True).stdout
    assert "statically linked" in described or "static-pie linked" in described, described

    requests = [{"n": 3}, {"n": 12}, {"n": 0}, {"n": 7.5}, {"n": "4"}, {"n": 2}]
    node = answers(ActionSource.from_path(action), requests)
    rust = answers(ActionSource.from_path(out), requests)
    assert rust[:4] == node[:4]                       # the types the training showed
    assert rust[4][0] == 502 and "side exit" in rust[4][1]["error"]   # a string n: never a wrong answer
    assert rust[5] == node[5]                         # and the exec answers on

    # the failed request, fed back with --regrow, is traced too: the rebuilt zip answers it
    (tmp_path / "failed.jsonl").write_text(json.dumps({"n": "4"}) + "\n")
    export_squares(tmp_path, "--regrow", str(tmp_path / "failed.jsonl"))
    assert answers(ActionSource.from_path(out), requests) == node


def test_required_glibc_reads_the_newest_symbol_version(tmp_path):
    from jsrust_core.serverless.export import required_glibc

    fake = tmp_path / "exec"
    fake.write_bytes(b"\x7fELF...GLIBC_2.2.5\x00GLIBC_2.34\x00GLIBC_2.9\x00GLIBC_PRIVATE\x00")
    assert required_glibc(fake) == "2.34"
    fake.write_bytes(b"\x7fELF no versions")
    assert required_glibc(fake) is None


@pytest.mark.slow
def test_openwhisk_dynamic_link(tmp_path, capsys):
    """`--link dynamic`: a smaller zip whose exec needs the image's glibc, answering as node does."""
    action, out = export_squares(tmp_path, "--link", "dynamic")
    assert "the action image needs glibc >= 2." in capsys.readouterr().out
    with zipfile.ZipFile(out) as zf:
        zf.extractall(tmp_path / "unzipped")
    described = subprocess.run(["file", str(tmp_path / "unzipped" / "exec")], capture_output=True, text=True).stdout
    assert "dynamically linked" in described, described
    requests = [{"n": 3}, {"n": 12}, {"n": 0}]
    assert answers(ActionSource.from_path(out), requests) == answers(ActionSource.from_path(action), requests)


def test_package_action_stores_exec_and_refuses_oversized(tmp_path, monkeypatch):
    from jsrust_core.serverless import export

    exe = tmp_path / "exec"
    exe.write_bytes(b"\x7fELF" + bytes(range(256)) * 64)
    out = export.package_action(exe, tmp_path / "a.zip")
    with zipfile.ZipFile(out) as zf:
        info = zf.getinfo("exec")
        assert (info.compress_type, info.compress_size, info.file_size) == (zipfile.ZIP_STORED, 16388, 16388)
        assert zf.read("exec") == exe.read_bytes() and info.external_attr >> 16 & 0o777 == 0o755
    monkeypatch.setattr(export, "ACTION_SIZE_LIMIT", 10_000)
    with pytest.raises(export.ExportError, match="action limit"):
        export.package_action(exe, tmp_path / "b.zip")


def test_an_action_that_requires_files_is_refused_by_name(tmp_path):
    """A multi-file action is named as such before anything is traced or built."""
    from jsrust_core.serverless.export import ExportError, export_action

    (tmp_path / "helper.js").write_text("exports.twice = (x) => x * 2;\n")
    act = tmp_path / "act.js"
    act.write_text('const h = require("./helper");\nfunction main(p) { return { v: h.twice(p.n) }; }\n')
    with pytest.raises(ExportError, match=r"requires other files \(\./helper\): jsrust openwhisk exports single-file"):
        export_action(act, [{"n": 1}], tmp_path / "a.zip")
