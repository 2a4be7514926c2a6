"""Action mode: JS actions compiled by the Rust generator into an `exec` that serves every
activation in process (`rustgen.generate(action=True)`, `jsrt::action::serve`), checked over
ActionLoop pipes and behind the Rust proxy, differentially against the same action under node."""
from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest

from jsrust_core.serverless.actionloop import ActionLoopProcess
from jsrust_core.serverless.export import export_action
from jsrust_core.serverless.measure import load_requests
from jsrust_core.serverless.runtimes import SENTINEL, ActionSource
from warm_runner import answers

#: Module-level state (`calls`, `seen`) that warm activations share, console output, a JS throw,
#: and a loop typed by training (`params.n` a number), so a string `n` is a side exit.
STATEFUL_JS = """\
let calls = 0;
const seen = [];
function main(params) {
  calls++;
  if (params.fail) throw new RangeError('asked to fail: ' + params.fail);
  seen.push(params.n);
  console.log('call', calls, 'n', params.n);
  let total = 0;
  for (let i = 1; i <= params.n; i++) total += i * i;
  return { calls: calls, total: total, seen: seen.length };
}
"""

TRAIN = [{"n": 3}, {"n": 4}, {"fail": "x"}]


@pytest.fixture(scope="module")
def stateful(tmp_path_factory) -> tuple[Path, Path]:
    """(the JS action, its action-mode zip), exported at opt-level 1 to keep the test short."""
    d = tmp_path_factory.mktemp("action")
    js = d / "stateful.js"
    js.write_text(STATEFUL_JS)
    return js, export_action(js, TRAIN, d / "action.zip", opt_level="1")


def test_zip_holds_one_static_exec(stateful, tmp_path):
    _, zip_path = stateful
    with zipfile.ZipFile(zip_path) as zf:
        assert sorted(zf.namelist()) == ["exec", "exec.env"]   # no program started per activation
        zf.extractall(tmp_path)
    described = subprocess.run(["file", str(tmp_path / "exec")], capture_output=True, text=True).stdout
    assert "statically linked" in described or "static-pie linked" in described, described


def test_pipes_state_throw_side_exit_and_next_activation(stateful, tmp_path):
    _, zip_path = stateful
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(tmp_path)
    exe = tmp_path / "exec"
    exe.chmod(0o755)
    logs: list[tuple[str, str]] = []
    proc = ActionLoopProcess([str(exe)], log=lambda stream, line: logs.append((stream, line)))
    proc.start()
    try:
        first = proc.run({"value": {"n": 3}, "activation_id": "a1"})
        second = proc.run({"value": {"n": 5}})
        thrown = proc.run({"value": {"fail": "no"}})
        after_throw = proc.run({"value": {"n": 1}})
        untrained = proc.run({"value": {"n": "4"}})
        after = proc.run({"value": {"n": 2}})
        then = proc.run({"value": {"n": 1}})
        restarted_in_place = proc.alive()
    finally:
        proc.stop()
    assert first == {"calls": 1, "total": 14, "seen": 1}
    assert second == {"calls": 2, "total": 55, "seen": 2}                 # module state is warm
    assert thrown["error"] == "An error has occurred: RangeError: asked to fail: no"
    # the side exit answers with its guard and the JS place, and the process stays usable
    assert untrained["error"].startswith("jsrust: side exit at guard ")
    # the place is in the action's file as the user named it, not in the export's temp dir
    js, _ = stateful
    assert f"({js}:6:13)" in untrained["error"]            # `params.n` pushed as a number
    assert "jsrust-export-" not in untrained["error"]
    assert after_throw == {"calls": 4, "total": 1, "seen": 3}   # a throw keeps the state, as in node
    # after the side exit the exec re-executed itself (same pid, no second ack): the activation
    # that stopped half-way (calls counted, nothing pushed) leaves no state behind
    assert restarted_in_place
    assert after == {"calls": 1, "total": 5, "seen": 1}
    assert then == {"calls": 2, "total": 1, "seen": 2}
    assert proc.exit_status == 0
    stdout = [line for stream, line in logs if stream == "stdout"]
    assert stdout[:2] == ["call 1 n 3", "call 2 n 5"]


def test_runner_answers_equal_node_except_the_side_exit(stateful):
    js, zip_path = stateful
    requests = [{"n": 3}, {"n": 10}, {"fail": "yes"}, {"n": 1.5}, {"n": "4"}, {"n": 0}]
    node_logs: list[tuple[str, str]] = []
    rust_logs: list[tuple[str, str]] = []
    node = answers(ActionSource.from_path(js), requests, node_logs)
    rust = answers(ActionSource.from_path(zip_path), requests, rust_logs)
    assert rust[:4] == node[:4]
    assert rust[4][0] == 502 and "side exit at guard" in rust[4][1]["error"]
    assert node[4][0] == 200
    # the exec restarted after its side exit: fresh module state (node's warm one counts on)
    assert rust[5] == (200, {"calls": 1, "total": 0, "seen": 1})
    assert node[5] == (200, {"calls": 6, "total": 0, "seen": 5})
    # console output per activation, ended by the sentinel, as node's runtime logs it
    assert [ln for s, ln in rust_logs if s == "stdout"][:2] == ["call 1 n 3", SENTINEL]
    node_calls = [ln for s, ln in node_logs if s == "stdout" and ln.startswith("call")]
    assert node_calls == ["call 1 n 3", "call 2 n 10", "call 4 n 1.5", "call 5 n 4", "call 6 n 0"]
    assert [ln for s, ln in rust_logs if s == "stdout" and ln.startswith("call")] == \
        node_calls[:3] + ["call 1 n 0"]


ACTIONS = Path(__file__).resolve().parent.parent / "benchmarks" / "actions"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(p.stem for p in ACTIONS.glob("*.js")))
def test_benchmark_action_matches_node(name, tmp_path):
    """Every benchmark action trained on its request file answers each request as node does."""
    requests = load_requests(ACTIONS / "requests" / f"{name}.jsonl")
    zip_path = export_action(ACTIONS / f"{name}.js", requests, tmp_path / "a.zip", opt_level="1")
    node = answers(ActionSource.from_path(ACTIONS / f"{name}.js"), requests)
    rust = answers(ActionSource.from_path(zip_path), requests)
    for req, n, r in zip(requests, node, rust):
        assert r == n, json.dumps(req)[:200]


#: Reads the per-activation `__OW_*` variables as OpenWhisk's Node runtime exposes them.
ENV_JS = """\
function main(params) {
  const name = process.env.__OW_ACTION_NAME;
  const deadline = Number(process.env.__OW_DEADLINE);
  return { action: name.split('/').pop(), id: process.env.__OW_ACTIVATION_ID,
           soon: deadline - params.now < 60000, unset: process.env.__OW_NOT_SET === undefined,
           n: params.n * 2 };
}
"""


def _node_and_rust_answers(tmp_path: Path, js_text: str, train: list[dict],
                           activations: list[tuple[dict, dict]]) -> dict[str, list]:
    """The answers of the action under node and exported to Rust, each behind its runner,
    to the same activations ((params, `__OW_*` fields) pairs)."""
    from jsrust_core.serverless.client import RunnerClient
    from jsrust_core.serverless.runtimes import start_server

    js = tmp_path / "envy.js"
    js.write_text(js_text)
    zip_path = export_action(js, train, tmp_path / "envy.zip", opt_level="1")
    results = {}
    for kind, source in (("node", ActionSource.from_path(js)), ("rust", ActionSource.from_path(zip_path))):
        srv = start_server(kind=source.kind)
        client = RunnerClient(srv.port)
        try:
            assert client.init(source.init_value()) == (200, {"ok": True})
            results[kind] = [client.run(params, **fields) for params, fields in activations]
        finally:
            client.close()
            srv.shutdown()
    return results


def test_process_env_ow_variables_per_activation(tmp_path):
    """`process.env.__OW_*` reads each activation's own values in the compiled action, as in node."""
    activations = [({"n": 2, "now": 1_700_000_000_000},
                    {"action_name": "/guest/envy", "activation_id": "a1", "deadline": "1700000030000"}),
                   ({"n": 5, "now": 1_700_000_000_000},
                    {"action_name": "/ns/pkg/other", "activation_id": "b2", "deadline": "1700000090000"}),
                   ({"n": 6, "now": 1_700_000_000_000},     # the name unchanged, the rest new
                    {"action_name": "/ns/pkg/other", "activation_id": "c3", "deadline": "1700000030000"})]
    results = _node_and_rust_answers(tmp_path, ENV_JS, [{"n": 1, "now": 0}], activations)
    assert results["node"][0] == (200, {"action": "envy", "id": "a1", "soon": True, "unset": True, "n": 4})
    assert results["node"][1] == (200, {"action": "other", "id": "b2", "soon": False, "unset": True, "n": 10})
    assert results["node"][2] == (200, {"action": "other", "id": "c3", "soon": True, "unset": True, "n": 12})
    assert results["rust"] == results["node"]


#: Looks at `process.env` first in a later activation, and overwrites one of its variables.
ENV_LATE_JS = """\
function main(params) {
  if (!params.look) return { looked: false };
  const id = process.env.__OW_ACTIVATION_ID, name = process.env.__OW_ACTION_NAME;
  process.env.__OW_ACTIVATION_ID = 'mine';
  return { id: id, name: name, after: process.env.__OW_ACTIVATION_ID };
}
"""


def test_process_env_first_read_late_and_reset_per_activation(tmp_path):
    """The compiled action's `process.env` is made when first read, in the second activation: it
    must hold that activation's `__OW_*` values (they are not in the exec's environment), and the
    next activation resets what the program assigned, as node's runtime does."""
    activations = [({"look": False}, {"action_name": "/ns/late", "activation_id": "a1"}),
                   ({"look": True}, {"action_name": "/ns/late", "activation_id": "b2"}),
                   ({"look": True}, {"action_name": "/ns/late", "activation_id": "c3"})]
    results = _node_and_rust_answers(tmp_path, ENV_LATE_JS, [{"look": False}, {"look": True}], activations)
    assert results["node"] == [(200, {"looked": False}),
                               (200, {"id": "b2", "name": "/ns/late", "after": "mine"}),
                               (200, {"id": "c3", "name": "/ns/late", "after": "mine"})]
    assert results["rust"] == results["node"]
