"""ActionLoop protocol tests for native actions: our Rust loop (`runtime/actionloop.rs`) against
our Python driver (`serverless/actionloop.py`) over bare pipes, the zip layout, and the bench of
node vs Rust through their native runtimes (the HTTP contract is in test_serverless_runtimes.py).

The action exec used here is a small HAND-WRITTEN std-only Rust program (below), not code
generated from JavaScript: it exercises the protocol end to end until the compiler can emit
actions.
"""
from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

import pytest

from jsrust_core.serverless.actionloop import ActionLoopError, ActionLoopProcess
from jsrust_core.serverless.export import build_exec, package_action

HANDWRITTEN_ACTION_RS = r'''
#![forbid(unsafe_code)]
mod actionloop;

/// Hand-written test action: echoes `value` with a call counter and some __OW_* variables;
/// "throw" answers a JS-style throw, "panic" a side exit raised as a panic, "exit" kills the
/// process with the side-exit status 86, "error" returns an application error object,
/// "scalar" returns a non-object.
fn main() {
    let mut calls = 0u32;
    actionloop::actionloop_json(|value: &str| {
        calls += 1;
        if value.contains("\"throw\"") {
            return Err("An error has occurred: Error: asked to throw".to_string());
        }
        if value.contains("\"panic\"") {
            panic!("side exit: guard 12 at action.js:3:7 expected number, saw string");
        }
        if value.contains("\"exit\"") {
            eprintln!("side exit: guard 4 at action.js:1:1");
            std::process::exit(86);
        }
        if value.contains("\"error\"") {
            return Ok("{\"error\":\"application says no\"}".to_string());
        }
        if value.contains("\"scalar\"") {
            return Ok("42".to_string());
        }
        println!("activation {}", calls);
        let env = |k: &str| actionloop::quote_json(&std::env::var(k).unwrap_or_default());
        Ok(format!(
            "{{\"calls\":{},\"value\":{},\"activation_id\":{},\"namespace\":{},\"deadline\":{},\"flag\":{}}}",
            calls, value, env("__OW_ACTIVATION_ID"), env("__OW_NAMESPACE"), env("__OW_DEADLINE"),
            env("MY_FLAG")))
    });
}
'''


@pytest.fixture(scope="module")
def exec_path(tmp_path_factory) -> Path:
    """The hand-written action, built static like an exported one."""
    return build_exec(HANDWRITTEN_ACTION_RS, tmp_path_factory.mktemp("exec") / "exec", opt_level="1")


@pytest.fixture(scope="module")
def action_zip(exec_path, tmp_path_factory) -> Path:
    return package_action(exec_path, tmp_path_factory.mktemp("zip") / "action.zip")


def raw_fd3_exchange(exec_path: Path, stdin: bytes, env: dict[str, str]) -> tuple[bytes, int]:
    """Run the exec over plain pipes with fd 3 captured (independently of our driver);
    return (all fd-3 bytes, exit status)."""
    in_r, in_w = os.pipe()
    res_r, res_w = os.pipe()
    devnull = os.open(os.devnull, os.O_WRONLY)
    actions = [(os.POSIX_SPAWN_DUP2, in_r, 0), (os.POSIX_SPAWN_DUP2, devnull, 1),
               (os.POSIX_SPAWN_DUP2, devnull, 2), (os.POSIX_SPAWN_DUP2, res_w, 3)]
    pid = os.posix_spawn(str(exec_path), [str(exec_path)], env, file_actions=actions)
    for fd in (in_r, res_w, devnull):
        os.close(fd)
    with os.fdopen(in_w, "wb") as f:
        f.write(stdin)
    with os.fdopen(res_r, "rb") as f:
        data = f.read()
    return data, os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def test_ack_only_when_requested_and_one_line_per_activation(exec_path):
    two = b'{"value":{"a":1}}\n{"value":{"a":2}}\n'
    with_ack, status = raw_fd3_exchange(exec_path, two, {"__OW_WAIT_FOR_ACK": "true"})
    assert status == 0
    lines = with_ack.split(b"\n")
    assert lines[0] == b'{"ok":true}' and len(lines) == 4 and lines[-1] == b""   # ack + 2 + final \n
    without_ack, _ = raw_fd3_exchange(exec_path, two, {})
    assert without_ack.count(b"\n") == 2 and without_ack.startswith(b'{"calls":1,')
    empty_ack, _ = raw_fd3_exchange(exec_path, two, {"__OW_WAIT_FOR_ACK": ""})
    assert empty_ack == without_ack


def test_driver_env_vars_and_state(exec_path):
    proc = ActionLoopProcess([str(exec_path)], {"MY_FLAG": "x"})
    proc.start()
    try:
        first = proc.run({"value": {"n": "é\n"}, "activation_id": "id\u00e9-1", "namespace": "guest",
                          "deadline": "1700000000000"})
        second = proc.run({"value": {}, "activation_id": "id-2"})
    finally:
        proc.stop()
    assert first == {"calls": 1, "value": {"n": "é\n"}, "activation_id": "idé-1", "namespace": "guest",
                     "deadline": "1700000000000", "flag": "x"}
    assert second["calls"] == 2 and second["activation_id"] == "id-2"
    assert proc.exit_status == 0          # closing stdin ends the loop cleanly


def test_driver_without_ack(exec_path):
    proc = ActionLoopProcess([str(exec_path)], wait_for_ack=False)
    proc.start()
    try:
        assert proc.run({"value": {"k": 1}})["calls"] == 1
        assert proc.run({"value": {"k": 2}})["value"] == {"k": 2}
    finally:
        proc.stop()


def test_driver_errors(exec_path):
    proc = ActionLoopProcess([str(exec_path)])
    proc.start()
    try:
        assert proc.run({"value": {"x": "throw"}}) == {
            "error": "An error has occurred: Error: asked to throw", "__ow_developer_error": True}
        panicked = proc.run({"value": {"x": "panic"}})
        assert panicked["__ow_developer_error"] and panicked["error"].startswith("side exit: guard 12")
        assert proc.run({"value": {"x": "scalar"}})["error"] == "The action did not return a dictionary."
        # after the panic the exec re-executed itself in place (same pid, fd 3 kept, no second
        # ack): the two activations since then counted from fresh module state
        assert proc.run({"value": {}})["calls"] == 2 and proc.alive()
        with pytest.raises(ActionLoopError) as info:
            proc.run({"value": {"x": "exit"}})
        assert info.value.exit_status == 86 and "guard 4" in info.value.stderr_tail
        with pytest.raises(ActionLoopError):
            proc.run({"value": {}})
    finally:
        proc.stop()


def test_zip_layout_and_static_exec(action_zip, exec_path):
    with zipfile.ZipFile(action_zip) as zf:
        names = zf.namelist()
        mode = zf.getinfo("exec").external_attr >> 16
    assert sorted(names) == ["exec", "exec.env"]
    assert mode & 0o111 == 0o111
    described = subprocess.run(["file", "-L", str(exec_path)], capture_output=True, text=True).stdout
    assert "statically linked" in described or "static-pie linked" in described, described


# The same action written in JS, so the bench can compare the two engines output by output.
HANDWRITTEN_EQUIVALENT_JS = """
let calls = 0;
function main(params) {
  calls++;
  const s = JSON.stringify(params);
  if (s.includes('"throw"')) throw new Error('asked to throw');
  if (s.includes('"error"')) return { error: 'application says no' };
  const env = (k) => process.env[k] || '';
  return { calls: calls, value: params, activation_id: env('__OW_ACTIVATION_ID'),
           namespace: env('__OW_NAMESPACE'), deadline: env('__OW_DEADLINE'), flag: env('MY_FLAG') };
}
"""


def test_bench_serverless_node_vs_handwritten_rust(action_zip, tmp_path):
    from jsrust_core.serverless.measure import bench_serverless

    js = tmp_path / "echo.js"
    js.write_text(HANDWRITTEN_EQUIVALENT_JS)
    reqs = tmp_path / "r.jsonl"
    reqs.write_text('{"a": 1}\n{"x": "throw"}\n{"x": "error"}\n{"list": [1, 2.5, "é"]}\n')
    report = bench_serverless(js, reqs, rust_zip=action_zip, warm_requests=40, concurrency=2,
                              throughput_requests=40, cold_runs=2)
    assert set(report.engines) == {"node", "rust"}
    assert report.equal == [True, True, True, True]
    node, rust = report.engines["node"], report.engines["rust"]
    assert [s for s, _ in node.outputs] == [200, 502, 200, 200]
    # the cold-start timeline has each kind's own stages, and they fit inside the whole
    common = {"start", "read", "parse", "init_rest", "first_run", "cpu_total", "cpu_runtime"}
    assert set(node.cold_stages_ms) == common | {"load"}
    assert set(rust.cold_stages_ms) == common | {"decode", "inflate", "write", "spawn", "ack", "cpu_action"}
    assert rust.cold_stages_ms["cpu_total"] >= rust.cold_stages_ms["cpu_action"] > 0
    for e in (node, rust):
        assert e.cold_runs == 2 and e.cold_stages_ms["start"] > 0 and e.cold_stages_ms["first_run"] > 0
        assert e.cold_start_ms >= e.cold_stages_ms["start"] and e.warm_p99_ms >= e.warm_p50_ms > 0
        assert e.cold_stages_ms["cpu_total"] >= e.cold_stages_ms["cpu_runtime"] > 0
        assert e.peak_rss_kb > 0 and e.throughput_rps > 0 and 0 < e.action_p50_ms <= e.warm_p50_ms
        assert e.python_p50_ms > 0
    assert rust.peak_rss_kb < node.peak_rss_kb          # proxy + static Rust exec vs a node process
    table = report.table()
    assert "rust gain" in table and "outputs equal: 4/4" in table and "ESTIMATE" in table
    # the gain column reads "above 1: Rust is better" on every row, throughput too
    gains = {line.split()[0]: line.split()[-1] for line in table.splitlines() if line.startswith(("throughput", "peak"))}
    assert gains["throughput"] == f"{rust.throughput_rps / node.throughput_rps:.2f}x"
    assert gains["peak"] == f"{node.peak_rss_kb / rust.peak_rss_kb:.2f}x"
    assert "base64 decode of the zip" in table and "load the action module" in table
    assert "node -e 0" in table and "rust zip: " in table


def test_cli_helpers(action_zip, tmp_path, capsys):
    import argparse

    from jsrust_core.serverless.cli import read_params
    from jsrust_core.serverless.measure import add_bench_arguments, main_bench

    (tmp_path / "one.json").write_text('{"a": 1}')
    (tmp_path / "many.json").write_text('[{"a": 1}, {"b": 2}]')
    (tmp_path / "lines.jsonl").write_text('{"a": 1}\n\n{"c": 3}\n')
    assert read_params(tmp_path / "one.json") == [{"a": 1}]
    assert read_params(tmp_path / "many.json") == [{"a": 1}, {"b": 2}]
    assert read_params(tmp_path / "lines.jsonl") == [{"a": 1}, {"c": 3}]

    js = tmp_path / "echo.js"
    js.write_text(HANDWRITTEN_EQUIVALENT_JS)
    parser = argparse.ArgumentParser()
    add_bench_arguments(parser)
    args = parser.parse_args(["--serverless", str(js), "--requests", str(tmp_path / "lines.jsonl"),
                              "--rust-zip", str(action_zip), "--warm", "20", "--concurrency", "1",
                              "--cold", "1"])
    assert main_bench(args) == 0
    assert "outputs equal: 2/2" in capsys.readouterr().out


def test_action_program_glue():
    from jsrust_core.serverless.export import action_program

    plain = action_program("function main(p) { return p; }")
    assert plain.startswith("function main") and "return main(JSON.parse(__jsrust_text));" in plain
    assert plain.rstrip().endswith("console.log(JSON.stringify(__jsrust_activate(process.argv[2])));")
    exported = action_program("exports.main = (p) => p;")
    # the action's first line stays line 1: side-exit reports name the action's own lines
    assert exported.split("\n")[0].endswith("(function (module, exports) { exports.main = (p) => p;")
    assert "const main = __jsrust_module.exports.main" in exported
