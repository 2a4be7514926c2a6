"""The local runner's /init + /run contract for JavaScript actions run under node."""
from __future__ import annotations

import base64
import io
import json
import zipfile
from pathlib import Path

import pytest

from jsrust_core.serverless.client import RunnerClient, free_port, post
from jsrust_core.serverless.runner import SENTINEL, ActionSource, start_server

ACTIONS = Path(__file__).resolve().parent.parent / "benchmarks" / "actions"

ACTION_JS = """
let calls = 0;
function main(params) {
  calls++;
  if (params.throwIt) throw new TypeError('bad input');
  if (params.scalar) return 42;
  if (params.die) process.exit(3);
  if (params.fail) return { error: 'application says no' };
  console.log('log from action', calls);
  return { calls: calls, params: params, activation: process.env.__OW_ACTIVATION_ID,
           deadline: process.env.__OW_DEADLINE, flag: process.env.MY_FLAG };
}
"""


@pytest.fixture
def server(tmp_path):
    logs: list[tuple[str, str]] = []
    srv = start_server(port=free_port(), log=lambda stream, line: logs.append((stream, line)))
    srv.logs = logs
    yield srv
    srv.shutdown()


def init_js(port: int, code: str = ACTION_JS, **extra) -> tuple[int, dict]:
    return post(port, "/init", {"value": {"name": "t", "main": "main", "code": code, "binary": False,
                                          **extra}})


def test_run_before_init_is_a_400(server):
    assert post(server.port, "/run", {"value": {}}) == (400, {"error": "no action defined yet"})


def test_init_once_then_second_init_refused(server):
    assert init_js(server.port) == (200, {"ok": True})
    status, body = init_js(server.port)
    assert status == 403 and "more than once" in body["error"]
    # still serving the first action
    assert post(server.port, "/run", {"value": {"a": 1}})[0] == 200


def test_run_success_env_and_state_across_activations(server):
    init_js(server.port, env={"MY_FLAG": "on"})
    client = RunnerClient(server.port)
    s1, b1 = client.run({"x": [1, "two"]}, activation_id="a-1", deadline="1700000000000")
    s2, b2 = client.run({"x": 2}, activation_id="a-2")
    client.close()
    assert s1 == 200 and b1 == {"calls": 1, "params": {"x": [1, "two"]}, "activation": "a-1",
                                "deadline": "1700000000000", "flag": "on"}
    assert s2 == 200 and b2["calls"] == 2 and b2["activation"] == "a-2"   # one warm process
    assert ("stdout", "log from action 1") in server.logs
    assert server.logs.count(("stdout", SENTINEL)) == 2 and server.logs.count(("stderr", SENTINEL)) == 2


def test_developer_and_application_errors(server):
    init_js(server.port)
    assert post(server.port, "/run", b"{not json")[0] == 400
    assert post(server.port, "/run", b"[1, 2]")[0] == 400
    assert post(server.port, "/run", {"value": [1]}) == (
        400, {"error": "The action did not receive a dictionary as an argument."})
    assert post(server.port, "/run", {"value": {"throwIt": True}}) == (
        502, {"error": "An error has occurred: TypeError: bad input"})
    assert post(server.port, "/run", {"value": {"scalar": True}}) == (
        502, {"error": "The action did not return a dictionary."})
    assert post(server.port, "/run", {"value": {"fail": True}}) == (200, {"error": "application says no"})
    # the server and the action process survived all of it
    status, body = post(server.port, "/run", {"value": {}})
    assert status == 200 and body["calls"] == 4   # the 400s never reached the action


def test_action_process_exit_is_502_and_next_run_restarts(server):
    init_js(server.port)
    status, body = post(server.port, "/run", {"value": {"die": True}})
    assert status == 502 and "exited" in body["error"]
    status, body = post(server.port, "/run", {"value": {}})
    assert status == 200 and body["calls"] == 1                     # a fresh process
    assert server.container.failed_requests == [{"die": True}]


def test_init_errors(server):
    assert post(server.port, "/init", b"nope")[0] == 400
    assert post(server.port, "/init", {"value": {"code": "!!", "binary": True}})[0] == 400
    assert init_js(server.port, main="x; process.exit(1)")[0] == 400
    status, body = init_js(server.port, code="function notMain() {}")
    assert status == 502 and "not a function" in body["error"]
    # a failed init leaves the container uninitialised, so a correct one still works
    assert init_js(server.port) == (200, {"ok": True})


def test_exports_main_and_zip_with_index_js(server):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("index.js", "exports.main = (p) => ({ doubled: p.n * 2 });")
    code = base64.b64encode(buf.getvalue()).decode()
    assert post(server.port, "/init", {"value": {"code": code, "binary": True}}) == (200, {"ok": True})
    assert post(server.port, "/run", {"value": {"n": 21}}) == (200, {"doubled": 42})


def test_async_main_is_awaited(server):
    code = """
    async function main(p) {
      await new Promise((r) => setTimeout(r, 5));
      if (p.reject) return Promise.reject(new Error('rejected'));
      return { later: p.n + 1 };
    }"""
    assert init_js(server.port, code=code) == (200, {"ok": True})
    assert post(server.port, "/run", {"value": {"n": 1}}) == (200, {"later": 2})
    assert post(server.port, "/run", {"value": {"reject": 1}}) == (
        502, {"error": "An error has occurred: Error: rejected"})


def test_unknown_route_is_404(server):
    assert post(server.port, "/nope", {})[0] == 404


def test_default_action_from_path(tmp_path):
    action = tmp_path / "a.js"
    action.write_text("function main(p) { return { hi: p.name }; }")
    srv = start_server(action, port=free_port())
    try:
        assert post(srv.port, "/init", {"value": {}}) == (200, {"ok": True})
        assert post(srv.port, "/run", {"value": {"name": "x"}}) == (200, {"hi": "x"})
    finally:
        srv.shutdown()
    assert ActionSource.from_path(action).init_value()["binary"] is False


def test_every_benchmark_action_answers_its_requests():
    """Each benchmark action, under the runner, answers each request line like plain node does."""
    actions = sorted(ACTIONS.glob("*.js"))
    assert len(actions) >= 12
    srv_list = []
    try:
        for js in actions:
            srv = start_server(js, port=free_port())
            srv_list.append(srv)
            assert post(srv.port, "/init", {"value": {}}) == (200, {"ok": True}), js.name
            requests = (ACTIONS / "requests" / f"{js.stem}.jsonl").read_text().splitlines()
            assert len(requests) >= 4, js.name
            for line in requests:
                status, body = post(srv.port, "/run", {"value": json.loads(line)})
                assert status in (200, 502) and isinstance(body, dict), (js.name, line, body)
    finally:
        for srv in srv_list:
            srv.shutdown()


def test_concurrent_runs_get_their_own_answers(server):
    """The ActionLoop pipe has no request ids: concurrent /run calls must be serialised so each
    caller receives the answer to its own params."""
    import threading

    init_js(server.port)
    failures: list[str] = []

    def caller(k: int) -> None:
        client = RunnerClient(server.port)
        try:
            for i in range(15):
                status, body = client.run({"k": k, "i": i})
                if status != 200 or body["params"] != {"k": k, "i": i}:
                    failures.append(f"{k}/{i}: {status} {body}")
        finally:
            client.close()

    threads = [threading.Thread(target=caller, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    status, body = post(server.port, "/run", {"value": {}})
    assert body["calls"] == 61                       # one process answered all of them


def test_http_framing_keep_alive_expect_and_malformed(server):
    """The runner's own HTTP/1.1 reader: two requests on one connection, `Expect: 100-continue`
    (curl sends it for large bodies), `Connection: close`, and a malformed request line."""
    import socket

    init_js(server.port)
    body = json.dumps({"value": {"a": 1}}).encode()
    with socket.create_connection(("127.0.0.1", server.port)) as s:
        f = s.makefile("rb")
        s.sendall(b"POST /run HTTP/1.1\r\nContent-Length: %d\r\nExpect: 100-continue\r\n\r\n" % len(body))
        assert f.readline() == b"HTTP/1.1 100 Continue\r\n" and f.readline() == b"\r\n"
        s.sendall(body)
        assert f.readline() == b"HTTP/1.1 200 OK\r\n"
        headers = {}
        while (line := f.readline()) != b"\r\n":
            name, _, value = line.decode().partition(":")
            headers[name.lower()] = value.strip()
        assert json.loads(f.read(int(headers["content-length"])))["params"] == {"a": 1}
        s.sendall(b"POST /run HTTP/1.1\r\nConnection: close\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
        reply = f.read()                                   # until the runner closes the connection
        assert reply.startswith(b"HTTP/1.1 200 OK\r\n") and b"Connection: close\r\n" in reply
        assert json.loads(reply.split(b"\r\n\r\n", 1)[1])["calls"] == 2
    with socket.create_connection(("127.0.0.1", server.port)) as s:
        s.sendall(b"garbage\r\n\r\n")
        reply = s.makefile("rb").read()
        assert reply.startswith(b"HTTP/1.1 400 Bad Request\r\n") and b"bad request line" in reply


def test_zip_members_modes_and_unsafe_names(server, tmp_path):
    """Members are written with their Unix modes (nested directories too); a name that would
    land outside the action's directory refuses the whole zip."""
    def zipped(members: list[tuple[str, str, int]]) -> str:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, text, mode in members:
                info = zipfile.ZipInfo(name)
                info.external_attr = mode << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, text)
        return base64.b64encode(buf.getvalue()).decode()

    for bad in ("../evil.js", "/abs.js", "lib/../../x.js"):
        code = zipped([("index.js", "function main() { return {}; }", 0o644), (bad, "x", 0o644)])
        status, body = post(server.port, "/init", {"value": {"code": code, "binary": True}})
        assert status == 400 and "unsafe member name" in body["error"], bad
    helper = "#!/bin/sh\necho hi\n"
    code = zipped([("index.js", "function main() { return { ok: 1 }; }", 0o644),
                   ("bin/helper.sh", helper, 0o750)])
    assert post(server.port, "/init", {"value": {"code": code, "binary": True}}) == (200, {"ok": True})
    root = Path(server.container._workdir.name)
    assert (root / "bin" / "helper.sh").read_text() == helper
    assert (root / "bin" / "helper.sh").stat().st_mode & 0o777 == 0o750
    assert set(server.container.init_stages) == {"parse", "decode", "unzip", "spawn_ack"}
    assert post(server.port, "/run", {"value": {}}) == (200, {"ok": 1})
