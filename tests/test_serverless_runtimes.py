"""The /init + /run contract over real HTTP, against both native runtimes: the node runtime
(`node_runtime.js`, a JS action in its process) and the Rust ActionLoop proxy (`proxy/main.rs`,
a zip's `exec`).  The two test actions behave alike, so every case runs against both kinds."""
from __future__ import annotations

import base64
import io
import json
import socket
import threading
import zipfile
from pathlib import Path

import pytest

from jsrust_core.serverless.client import RunnerClient, free_port, post
from jsrust_core.serverless.export import build_exec
from jsrust_core.serverless.runtimes import SENTINEL, ActionSource, start_server
from test_serverless_native import HANDWRITTEN_ACTION_RS

ACTIONS = Path(__file__).resolve().parent.parent / "benchmarks" / "actions"

#: The JS twin of HANDWRITTEN_ACTION_RS: the same answers, logs and failures.
ACTION_JS = """
let calls = 0;
function main(params) {
  calls++;
  const s = JSON.stringify(params);
  if (s.includes('"throw"')) throw new Error('asked to throw');
  if (s.includes('"exit"')) { console.error('side exit: guard 4 at action.js:1:1'); process.exit(86); }
  if (s.includes('"error"')) return { error: 'application says no' };
  if (s.includes('"scalar"')) return 42;
  console.log('activation ' + calls);
  const env = (k) => process.env[k] || '';
  return { calls: calls, value: params, activation_id: env('__OW_ACTIVATION_ID'),
           namespace: env('__OW_NAMESPACE'), deadline: env('__OW_DEADLINE'), flag: env('MY_FLAG') };
}
"""

#: A native exec as a shell script: acks, then answers each line with a constant object.
ACK_SCRIPT = "#!/bin/sh\nprintf '{\"ok\":true}\\n' >&3\nwhile read -r line; do printf '{\"n\":1}\\n' >&3; done\n"


def zipped(members: list[tuple[str, bytes | str, int]], compression: int = zipfile.ZIP_DEFLATED,
           level: int | None = None) -> bytes:
    """A zip of (name, content, mode) members, as Python's zipfile writes it."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compression, compresslevel=level) as zf:
        for name, content, mode in members:
            info = zipfile.ZipInfo(name)
            info.external_attr = mode << 16
            info.compress_type = compression
            zf.writestr(info, content)
    return buf.getvalue()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


@pytest.fixture(scope="module")
def native_zip(tmp_path_factory) -> bytes:
    """The hand-written Rust test action, zipped as an export would be."""
    exe = build_exec(HANDWRITTEN_ACTION_RS, tmp_path_factory.mktemp("exec") / "exec", opt_level="1")
    return zipped([("exec", exe.read_bytes(), 0o755)])


@pytest.fixture(params=["nodejs", "native"])
def kind(request) -> str:
    return request.param


@pytest.fixture
def action_value(kind, native_zip) -> dict:
    """The /init value of the test action of `kind`."""
    if kind == "nodejs":
        return {"name": "t", "main": "main", "code": ACTION_JS, "binary": False}
    return {"name": "t", "main": "main", "code": b64(native_zip), "binary": True}


@pytest.fixture
def server(kind):
    srv = start_server(kind=kind)
    yield srv
    srv.shutdown()


def test_run_before_init_is_a_400(server):
    assert post(server.port, "/run", {"value": {}}) == (400, {"error": "no action defined yet"})


def test_init_once_then_second_init_refused(server, action_value):
    assert post(server.port, "/init", {"value": action_value}) == (200, {"ok": True})
    status, body = post(server.port, "/init", {"value": action_value})
    assert status == 403 and "more than once" in body["error"]
    assert post(server.port, "/run", {"value": {"a": 1}})[0] == 200     # still serving the first action


def test_run_success_env_state_and_logs(server, action_value):
    assert post(server.port, "/init", {"value": {**action_value, "env": {"MY_FLAG": "on"}}})[0] == 200
    client = RunnerClient(server.port)
    s1, b1 = client.run({"x": [1, "two"], "é": "\n"}, activation_id="a-1", deadline="1700000000000",
                        namespace="guest")
    s2, b2 = client.run({"x": 2}, activation_id="a-2")
    client.close()
    assert s1 == 200 and b1 == {"calls": 1, "value": {"x": [1, "two"], "é": "\n"}, "activation_id": "a-1",
                                "namespace": "guest", "deadline": "1700000000000", "flag": "on"}
    assert s2 == 200 and b2["calls"] == 2 and b2["activation_id"] == "a-2"   # one warm action
    assert server.wait_sentinels(2)
    stdout = [line for stream, line in server.logs if stream == "stdout"]
    assert stdout == ["activation 1", SENTINEL, "activation 2", SENTINEL]
    assert server.logs.count(("stderr", SENTINEL)) == 2


def test_developer_and_application_errors(server, action_value):
    assert post(server.port, "/init", {"value": action_value})[0] == 200
    assert post(server.port, "/run", b"{not json")[0] == 400
    assert post(server.port, "/run", b"[1, 2]") == (
        400, {"error": "Error unmarshaling request: the body is not a JSON object"})
    assert post(server.port, "/run", b"\xff\xfe")[0] == 400
    assert post(server.port, "/run", b'{"value": {"a": "raw \x01 control"}}')[0] == 400
    assert post(server.port, "/run", b'{"value": {"a": "1"}} x')[0] == 400
    assert post(server.port, "/run", {"value": [1]}) == (
        400, {"error": "The action did not receive a dictionary as an argument."})
    assert post(server.port, "/run", {"value": {"x": "throw"}}) == (
        502, {"error": "An error has occurred: Error: asked to throw"})
    assert post(server.port, "/run", {"value": {"x": "scalar"}}) == (
        502, {"error": "The action did not return a dictionary."})
    assert post(server.port, "/run", {"value": {"x": "error"}}) == (200, {"error": "application says no"})
    # the runtime and the action survived all of it; the 400s never reached the action
    status, body = post(server.port, "/run", {"value": {}})
    assert status == 200 and body["calls"] == 4
    assert server.failed_requests() == [{"x": "throw"}, {"x": "scalar"}]


def test_action_exit_is_502_and_next_run_starts_afresh(server, action_value):
    assert post(server.port, "/init", {"value": action_value})[0] == 200
    assert post(server.port, "/run", {"value": {}})[1]["calls"] == 1
    status, body = post(server.port, "/run", {"value": {"x": "exit"}})
    assert status == 502 and "exited unexpectedly" in body["error"] and "86" in body["error"]
    status, body = post(server.port, "/run", {"value": {}})
    assert status == 200 and body["calls"] == 1                     # fresh module state
    assert server.failed_requests() == [{"x": "exit"}]


def test_init_errors_leave_the_container_uninitialised(server, kind, action_value):
    assert post(server.port, "/init", b"nope")[0] == 400
    assert post(server.port, "/init", {"nothing": 1}) == (400, {"error": "The init request has no 'value' object."})
    assert post(server.port, "/init", {"value": {"code": "!!", "binary": True}})[0] == 400
    assert post(server.port, "/init", {"value": {**action_value, "env": [1]}})[0] == 400
    if kind == "nodejs":
        assert post(server.port, "/init", {"value": {**action_value, "main": "x; process.exit(1)"}})[0] == 400
        status, body = post(server.port, "/init", {"value": {"code": "function notMain() {}"}})
        assert status == 502 and "not a function" in body["error"]
        no_entry = zipped([("lib.js", "exports.main = () => ({});", 0o644)])
    else:
        broken = zipped([("exec", "#!/bin/sh\necho broken start >&2\nexit 3\n", 0o755)])
        status, body = post(server.port, "/init", {"value": {"code": b64(broken), "binary": True}})
        assert status == 502 and "broken start" in body["error"] and "status 3" in body["error"]
        no_entry = zipped([("bin/exec", "x", 0o755)])
    status, body = post(server.port, "/init", {"value": {"code": b64(no_entry), "binary": True}})
    assert status == 400 and ("exec" in body["error"] if kind == "native" else "index.js" in body["error"])
    assert post(server.port, "/init", {"value": action_value}) == (200, {"ok": True})


def test_unknown_route_is_404(server):
    assert post(server.port, "/nope", {})[0] == 404


def test_default_action_from_path(kind, native_zip, tmp_path):
    if kind == "nodejs":
        action = tmp_path / "a.js"
        action.write_text(ACTION_JS)
    else:
        action = tmp_path / "a.zip"
        action.write_bytes(native_zip)
    assert ActionSource.from_path(action).kind == kind
    srv = start_server(action)
    try:
        assert post(srv.port, "/init", {"value": {}}) == (200, {"ok": True})
        status, body = post(srv.port, "/run", {"value": {"name": "x"}})
        assert status == 200 and body["value"] == {"name": "x"}
    finally:
        srv.shutdown()


def test_concurrent_runs_get_their_own_answers(server, action_value):
    """The ActionLoop pipe has no request ids, and node runs one activation at a time:
    concurrent /run calls are serialised and each caller receives its own answer."""
    assert post(server.port, "/init", {"value": action_value})[0] == 200
    failures: list[str] = []

    def caller(k: int) -> None:
        client = RunnerClient(server.port)
        try:
            for i in range(15):
                status, body = client.run({"k": k, "i": i})
                if status != 200 or body["value"] != {"k": k, "i": i}:
                    failures.append(f"{k}/{i}: {status} {body}")
        finally:
            client.close()

    threads = [threading.Thread(target=caller, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    assert post(server.port, "/run", {"value": {}})[1]["calls"] == 61   # one action answered all


def read_reply(f) -> tuple[bytes, dict[str, str], bytes]:
    status = f.readline()
    headers = {}
    while (line := f.readline()) != b"\r\n":
        name, _, value = line.decode().partition(":")
        headers[name.lower()] = value.strip()
    return status, headers, f.read(int(headers["content-length"]))


def test_http_framing_keep_alive_expect_and_malformed(server, action_value):
    """Two requests on one connection, `Expect: 100-continue` (curl sends it for large bodies),
    `Connection: close`, and a malformed request."""
    assert post(server.port, "/init", {"value": action_value})[0] == 200
    body = json.dumps({"value": {"a": 1}}).encode()
    with socket.create_connection(("127.0.0.1", server.port)) as s:
        f = s.makefile("rb")
        s.sendall(b"POST /run HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\nExpect: 100-continue\r\n\r\n" % len(body))
        assert f.readline() == b"HTTP/1.1 100 Continue\r\n" and f.readline() == b"\r\n"
        s.sendall(body)
        status, headers, payload = read_reply(f)
        assert status == b"HTTP/1.1 200 OK\r\n" and json.loads(payload)["value"] == {"a": 1}
        s.sendall(b"POST /run HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: %d\r\n\r\n" % len(body)
                  + body)
        reply = f.read()                                   # until the runtime closes the connection
        assert reply.startswith(b"HTTP/1.1 200 OK\r\n") and b"connection: close\r\n" in reply.lower()
        assert json.loads(reply.split(b"\r\n\r\n", 1)[1])["calls"] == 2
    with socket.create_connection(("127.0.0.1", server.port)) as s:
        s.sendall(b"garbage\r\n\r\n")
        reply = s.makefile("rb").read()
        assert reply.startswith(b"HTTP/1.1 400 Bad Request\r\n")
        assert "error" in json.loads(reply.split(b"\r\n\r\n", 1)[1])
    assert post(server.port, "/run", {"value": {}})[1]["calls"] == 3     # the runtime is still up


def test_zip_members_modes_and_unsafe_names(server, kind):
    """Members are written with their Unix modes (nested directories too); a name that would
    land outside the action's directory refuses the whole zip."""
    entry = ("index.js", "exports.main = () => ({ ok: 1 });", 0o644) if kind == "nodejs" \
        else ("exec", ACK_SCRIPT, 0o755)
    for bad in ("../evil.js", "/abs.js", "lib/../../x.js"):
        code = b64(zipped([entry, (bad, "x", 0o644)]))
        status, body = post(server.port, "/init", {"value": {"code": code, "binary": True}})
        assert status == 400 and "unsafe member name" in body["error"], bad
    helper = "#!/bin/sh\necho hi\n"
    code = b64(zipped([entry, ("bin/helper.sh", helper, 0o750), ("data/plain.txt", "p", 0)]))
    client = RunnerClient(server.port)
    assert client.post("/init", {"value": {"code": code, "binary": True}}) == (200, {"ok": True})
    stages = client.headers["x-jsrust-init-stages"]
    client.close()
    (root,) = [p for p in Path(server.workdir).iterdir() if p.is_dir()]    # refused zips left nothing
    assert (root / "bin" / "helper.sh").read_text() == helper
    assert (root / "bin" / "helper.sh").stat().st_mode & 0o777 == 0o750
    # zipfile records 0o600 for a member given none: written as recorded, whatever the umask
    assert (root / "data" / "plain.txt").stat().st_mode & 0o777 == 0o600
    expected = (["read", "parse", "decode", "unzip", "load"] if kind == "nodejs"
                else ["read", "parse", "decode", "inflate", "write", "spawn", "ack"])
    assert [item.split("=")[0] for item in stages.split(",")] == expected
    assert post(server.port, "/run", {"value": {}}) == (200, {"ok": 1} if kind == "nodejs" else {"n": 1})


# -- node only -----------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["nodejs"])
def test_exports_main_zip_index_and_package_main(server):
    code = b64(zipped([("index.js", "exports.main = (p) => ({ doubled: p.n * 2 });", 0o644)]))
    assert post(server.port, "/init", {"value": {"code": code, "binary": True}}) == (200, {"ok": True})
    assert post(server.port, "/run", {"value": {"n": 21}}) == (200, {"doubled": 42})
    other = start_server(kind="nodejs")
    try:
        code = b64(zipped([("package.json", '{"main": "lib/entry.js"}', 0o644),
                           ("lib/entry.js", "const h = require('./helper'); exports.go = (p) => ({ h: h(p.n) });",
                            0o644),
                           ("lib/helper.js", "module.exports = (n) => n + 1;", 0o644)]))
        assert post(other.port, "/init", {"value": {"code": code, "binary": True, "main": "go"}})[0] == 200
        assert post(other.port, "/run", {"value": {"n": 1}}) == (200, {"h": 2})
    finally:
        other.shutdown()


@pytest.mark.parametrize("kind", ["nodejs"])
def test_async_main_is_awaited(server):
    code = """
    async function main(p) {
      await new Promise((r) => setTimeout(r, 5));
      if (p.reject) return Promise.reject(new Error('rejected'));
      if (p.later) setTimeout(() => { throw new Error('thrown later'); }, 1);
      if (p.later) await new Promise((r) => setTimeout(r, 50));
      return { later: p.n + 1 };
    }"""
    assert post(server.port, "/init", {"value": {"code": code}}) == (200, {"ok": True})
    assert post(server.port, "/run", {"value": {"n": 1}}) == (200, {"later": 2})
    assert post(server.port, "/run", {"value": {"reject": 1}}) == (
        502, {"error": "An error has occurred: Error: rejected"})
    # an exception thrown outside the activation's promise still fails that activation only
    assert post(server.port, "/run", {"value": {"later": 1}}) == (
        502, {"error": "An error has occurred: Error: thrown later"})
    assert post(server.port, "/run", {"value": {"n": 2}}) == (200, {"later": 3})


def test_every_benchmark_action_answers_its_requests():
    """Each benchmark action, under the node runtime, answers each of its request lines."""
    actions = sorted(ACTIONS.glob("*.js"))
    assert len(actions) >= 12
    for js in actions:
        srv = start_server(js)
        try:
            assert post(srv.port, "/init", {"value": {}}) == (200, {"ok": True}), js.name
            requests = (ACTIONS / "requests" / f"{js.stem}.jsonl").read_text().splitlines()
            assert len(requests) >= 4, js.name
            client = RunnerClient(srv.port)
            for line in requests:
                status, body = client.run(json.loads(line))
                assert status in (200, 502) and isinstance(body, dict), (js.name, line, body)
            client.close()
        finally:
            srv.shutdown()


@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM"])
def test_cli_serve_answers_then_stops_with_its_runtime(kind, native_zip, tmp_path, stop):
    """`jsrust serve ACTION --init` runs the action's runtime in the foreground; a SIGINT (or a
    supervisor's SIGTERM) sent to the command alone (not a terminal's whole process group)
    still stops the runtime."""
    import signal
    import subprocess
    import sys

    if kind == "nodejs":
        action = tmp_path / "a.js"
        action.write_text(ACTION_JS)
    else:
        action = tmp_path / "a.zip"
        action.write_bytes(native_zip)
    proc = subprocess.Popen([sys.executable, "-m", "jsrust_core.cli", "serve", str(action), "--port", "0", "--init"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        while " listening on http://" not in (line := proc.stderr.readline()):
            assert line, "serve exited before listening"
        port = int(line.rsplit(":", 1)[1])
        status, body = post(port, "/run", {"value": {"q": 1}})
        assert status == 200 and body["value"] == {"q": 1}
        assert post(port, "/init", {"value": {}})[0] == 403            # --init initialised it
        proc.send_signal(getattr(signal, stop))
        assert proc.wait(timeout=10) == 0
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()


#: An exec that acks, answers its first activation, then loops for ever in its own process
#: (no child process: one would keep the result pipe open after the exec is killed). At the end
#: of its stdin it exits, as an ActionLoop exec does, so none outlives the test.
HANGING_SCRIPT = ("#!/bin/sh\nprintf '{\"ok\":true}\\n' >&3\nread -r line || exit 0; printf '{\"n\":1}\\n' >&3\n"
                  "read -r line || exit 0; while :; do :; done\n")


def test_proxy_stops_an_exec_that_overruns_its_time_limit(tmp_path):
    """A hung activation must not hold the container for good: the proxy kills the exec at
    `--timeout-ms`, answers 502 naming the limit, and serves the next /run with a new exec."""
    import subprocess
    import time

    from jsrust_core.build import build_proxy

    proc = subprocess.Popen([str(build_proxy()), "--port", "0", "--dir", str(tmp_path / "a"), "--timeout-ms", "300"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        port = int(proc.stderr.readline().rsplit(":", 1)[1])
        threading.Thread(target=proc.stderr.read, daemon=True).start()  # keep its stderr drained
        code = b64(zipped([("exec", HANGING_SCRIPT, 0o755)]))
        assert post(port, "/init", {"value": {"code": code, "binary": True}}) == (200, {"ok": True})
        assert post(port, "/run", {"value": {}}) == (200, {"n": 1})
        t0 = time.monotonic()
        status, body = post(port, "/run", {"value": {}})
        assert status == 502 and "did not answer within 300 ms" in body["error"]
        assert time.monotonic() - t0 < 5
        assert post(port, "/run", {"value": {}}) == (200, {"n": 1})  # a fresh exec serves the next one
    finally:
        proc.kill()
        proc.wait()


def test_load_generator_sends_what_the_python_client_sends(server, action_value, tmp_path):
    """The native measuring client (`loadgen.rs`) gets the same statuses as our Python client for
    the same bodies, reads the runtime's action time, and its throughput mode completes."""
    from jsrust_core.serverless.measure import LoadGen

    requests = [{"a": 1}, {"x": "throw"}, {"x": "error"}, {"list": [1, 2.5, "é"]}]
    assert post(server.port, "/init", {"value": action_value})[0] == 200
    expected = [post(server.port, "/run", {"value": p})[0] for p in requests]
    assert expected == [200, 502, 200, 200]
    load = LoadGen(requests, tmp_path)
    rows = load.latencies(server.port, 2, 6)                 # requests 2, 3, 0, 1, 2, 3
    assert [status for _, _, status in rows] == [expected[i % 4] for i in range(2, 8)]
    assert all(seconds > 0 for seconds, _, _ in rows)
    # (a thrown error's 502 may come without the runtime's timing header)
    assert all(action is not None and 0 <= action <= seconds for seconds, action, status in rows if status == 200)
    assert load.throughput(server.port, 2, 8) > 0
    with pytest.raises(RuntimeError, match="load generator failed: loadgen: connect"):
        load.latencies(free_port(), 0, 1)
