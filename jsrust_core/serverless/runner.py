"""A local OpenWhisk action container: the HTTP `/init` + `/run` contract on 127.0.0.1.

One runner holds one action, as one OpenWhisk container does.  `/init` is accepted once; it
starts the action process (node + launcher for JS source or a zip with `index.js`, the zip's
`exec` for a native action) and `/run` drives that process over ActionLoop (`actionloop.py`).

Status codes follow OpenWhisk's runtimes: 200 + object (success), 200 + `{"error"}` returned by
the action (application error), 400 for requests the runtime cannot use (malformed JSON, `value`
not an object, `/run` before `/init`, a bad zip), 403 for a second `/init`, 502 when the action
throws, returns no dictionary, side-exits or its process dies.  The server survives all of them;
a dead action process is started afresh on the next `/run` (a new cold start, as a replacement
container would be).
"""
from __future__ import annotations

import base64
import binascii
import io
import json
import os
import re
import socketserver
import stat
import sys
import tempfile
import threading
import time
import zipfile
import zlib
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path, PurePosixPath
from typing import Callable

from .actionloop import DEVELOPER_ERROR_KEY, ActionLoopError, ActionLoopProcess
from .node_action import node_action_argv

#: Printed on stdout and stderr after every activation, as OpenWhisk runtimes do, so log
#: collectors can cut the logs per activation.
SENTINEL = "XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX"

Reply = tuple[int, dict]


def _error(status: int, message: str) -> Reply:
    return status, {"error": message}


@dataclass
class ActionSource:
    """What an `/init` can start: JS source text, or the bytes of an action zip."""

    code: str | bytes
    binary: bool
    main: str = "main"

    @classmethod
    def from_path(cls, path: str | Path) -> "ActionSource":
        """A `.zip` is a binary action; anything else is JS source."""
        p = Path(path)
        if p.suffix == ".zip":
            return cls(p.read_bytes(), True)
        return cls(p.read_text(encoding="utf-8"), False)

    def init_value(self) -> dict:
        """The `value` of an `/init` body carrying this action, as the invoker would send it."""
        code = base64.b64encode(self.code).decode("ascii") if self.binary else self.code
        return {"name": "action", "main": self.main, "code": code, "binary": self.binary, "env": {}}


@dataclass
class ActionContainer:
    """The state behind the HTTP routes; usable without HTTP (tests, measurements)."""

    default_action: ActionSource | None = None
    log: Callable[[str, str], None] | None = None
    wait_for_ack: bool = True
    process: ActionLoopProcess | None = None
    kind: str | None = None                    # "nodejs" or "native" once initialised
    failed_requests: list[dict] = field(default_factory=list)  # params of 502 activations
    failed_log: Path | None = None             # also appended there, one JSON line each (--regrow input)
    #: where the last /init spent its time, in seconds: "parse" (the JSON body), then "write"
    #: (JS source) or "decode" (base64) + "unzip" (inflate, write, modes), then "spawn_ack"
    #: (process start until its ack on fd 3, i.e. node's start-up and the action's module load)
    init_stages: dict[str, float] = field(default_factory=dict)
    #: the same stages in CPU time of the thread that served the /init (wall time on a loaded
    #: machine is mostly waiting for a core; CPU time is the work itself)
    init_stages_cpu: dict[str, float] = field(default_factory=dict)
    _workdir: tempfile.TemporaryDirectory | None = None
    _argv_env: tuple[list[str], dict[str, str]] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # -- /init -----------------------------------------------------------------------------
    def init(self, raw: bytes) -> Reply:
        stages = self.init_stages = {}
        cpu = self.init_stages_cpu = {}
        mark, cpu_mark = time.perf_counter(), time.thread_time()

        def stage(name: str) -> None:
            nonlocal mark, cpu_mark
            now, cpu_now = time.perf_counter(), time.thread_time()
            stages[name] = stages.get(name, 0.0) + now - mark
            cpu[name] = cpu.get(name, 0.0) + cpu_now - cpu_mark
            mark, cpu_mark = now, cpu_now

        try:
            body = json.loads(raw or b"null")
        except ValueError as exc:
            return _error(400, f"Error unmarshaling request: {exc}")
        value = body.get("value") if isinstance(body, dict) else None
        if not isinstance(value, dict):
            return _error(400, "The init request has no 'value' object.")
        stage("parse")
        with self._lock:
            if self.kind is not None:
                return _error(403, "Cannot initialize the action more than once.")
            if not value.get("code") and self.default_action is not None:
                default = self.default_action.init_value()
                value = {**value, "code": default["code"], "binary": default["binary"]}
            mark, cpu_mark = time.perf_counter(), time.thread_time()
            try:
                kind, argv_env = self._unpack(value, stage)
            except ValueError as exc:
                return _error(400, f"invalid action: {exc}")
            self._argv_env = argv_env
            try:
                self._start_process()
            except ActionLoopError as exc:
                self._argv_env = None
                return _error(502, f"cannot start action: {exc}\n{exc.stderr_tail}".rstrip())
            stage("spawn_ack")
            self.kind = kind
        return 200, {"ok": True}

    def _unpack(self, value: dict, stage: Callable[[str], None]) -> tuple[str, tuple[list[str], dict[str, str]]]:
        """Write the action's files to a private directory; return its kind and how to start it.
        `stage(name)` is called after each step, for the init timeline."""
        code = value.get("code")
        if not isinstance(code, str) or not code:
            raise ValueError("no code to initialize")
        main = value.get("main") or "main"
        if not isinstance(main, str) or not re.fullmatch(r"[A-Za-z_$][A-Za-z0-9_$]*", main):
            raise ValueError(f"'main' must name a function, got {main!r}")  # the launcher splices it into JS
        env_in = value.get("env") or {}
        if not isinstance(env_in, dict):
            raise ValueError("'env' is not an object")
        env = {str(k): v if isinstance(v, str) else json.dumps(v) for k, v in env_in.items()}
        self._workdir = tempfile.TemporaryDirectory(prefix="jsrust-action-")
        root = Path(self._workdir.name)
        if not value.get("binary"):
            action_js = root / "action.js"
            action_js.write_text(code, encoding="utf-8")
            stage("write")
            return "nodejs", (node_action_argv(action_js, main), env)
        try:
            data = base64.b64decode(code, validate=True)
            stage("decode")
            archive = zipfile.ZipFile(io.BytesIO(data))
        except (binascii.Error, zipfile.BadZipFile) as exc:
            raise ValueError(f"cannot decode the zip: {exc}") from exc
        try:
            with archive:
                _extract(archive, root)
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError) as exc:
            # a bad CRC or deflate stream, an unsupported compression method, an encrypted member
            raise ValueError(f"cannot unzip: {exc}") from exc
        stage("unzip")
        exec_path = root / "exec"
        if exec_path.is_file():
            exec_path.chmod(exec_path.stat().st_mode | stat.S_IXUSR)
            return "native", ([str(exec_path)], env)
        if (root / "index.js").is_file():
            return "nodejs", (node_action_argv(root / "index.js", main), env)
        raise ValueError("the zip has neither a top-level 'exec' nor 'index.js'")

    def _start_process(self) -> None:
        argv, env = self._argv_env
        proc = ActionLoopProcess(argv, env, wait_for_ack=self.wait_for_ack, log=self.log)
        proc.start()
        self.process = proc

    # -- /run ------------------------------------------------------------------------------
    def run(self, raw: bytes) -> Reply:
        try:
            # decoded as UTF-8 first: the raw bytes go on to the action as its stdin line
            body = json.loads((raw or b"null").decode("utf-8"))
        except ValueError as exc:  # UnicodeDecodeError included
            return _error(400, f"Error unmarshaling request: {exc}")
        if not isinstance(body, dict):
            return _error(400, "Error unmarshaling request: the body is not a JSON object")
        if self.kind is None:
            return _error(400, "no action defined yet")
        value = body.get("value", {})
        if not isinstance(value, dict):
            return _error(400, "The action did not receive a dictionary as an argument.")
        try:
            with self._lock:
                if self.process is None or not self.process.alive():
                    self._start_process()
                proc = self.process
            result = proc.run(raw)
        except ActionLoopError as exc:
            self._record_failure(value)
            detail = f"\n{exc.stderr_tail}" if exc.stderr_tail else ""
            return _error(502, f"The action did not produce a valid response and exited unexpectedly: {exc}{detail}")
        finally:
            self._sentinel()
        if result.pop(DEVELOPER_ERROR_KEY, False):
            self._record_failure(value)
            return 502, result
        return 200, result

    def _record_failure(self, params: dict) -> None:
        """Keep the params of a failed activation: for a compiled action they are the inputs a
        retrace needs (`jsrust openwhisk --regrow`)."""
        self.failed_requests.append(params)
        if self.failed_log is not None:
            with open(self.failed_log, "a", encoding="utf-8") as f:
                f.write(json.dumps(params, ensure_ascii=False) + "\n")

    def _sentinel(self) -> None:
        if self.log is not None:
            self.log("stdout", SENTINEL)
            self.log("stderr", SENTINEL)

    def close(self) -> None:
        """Stop the action process and remove its files."""
        if self.process is not None:
            self.process.stop()
        if self._workdir is not None:
            self._workdir.cleanup()


def _extract(archive: zipfile.ZipFile, root: Path) -> None:
    """Write every member of `archive` under `root`, with its Unix mode (an exec may run other
    programs of the zip).  Why not `extractall`: it inflates in 64 KB steps through a Python
    loop, about twice the time of inflating each member in one call, and inflating the exec is
    most of a native action's `/init`.  A name that would land outside `root` (absolute, `..`)
    refuses the zip, as OpenWhisk's Go proxy does."""
    for info in archive.infolist():
        parts = PurePosixPath(info.filename).parts
        if not parts or info.filename.startswith("/") or ".." in parts:
            raise ValueError(f"the zip has an unsafe member name {info.filename!r}")
        target = root.joinpath(*parts)
        if info.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        mode = (info.external_attr >> 16) & 0o777 or 0o644
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, mode)
        except FileExistsError:
            raise ValueError(f"the zip holds {info.filename!r} twice") from None
        with open(fd, "wb") as f:
            os.fchmod(fd, mode)          # exactly the zip's mode, whatever the umask
            f.write(archive.read(info))


def print_log(stream: str, line: str) -> None:
    """Log sink of `jsrust serve`: the action's logs on the runner's own stdout/stderr."""
    print(line, file=sys.stderr if stream == "stderr" else sys.stdout, flush=True)


#: Bounds on what one request may send before its body (a runner faces only its invoker, but a
#: stray client must not make it read forever).
_MAX_LINE = 65536
_MAX_HEADERS = 100


class _BadRequest(Exception):
    """A request the runner cannot parse; answered with 400, then the connection is closed."""


def _read_head(rfile) -> tuple[str, str, str, dict[str, str]] | None:
    """Method, path, version and lower-cased headers of the next request, or None at the end of
    the connection.  Raises _BadRequest for a malformed head."""
    line = rfile.readline(_MAX_LINE + 1)
    while line in (b"\r\n", b"\n"):        # RFC 9112: ignore empty lines before a request
        line = rfile.readline(_MAX_LINE + 1)
    if not line:
        return None
    parts = line.decode("latin-1").split()
    if len(line) > _MAX_LINE or len(parts) != 3 or not parts[2].startswith("HTTP/"):
        raise _BadRequest(f"bad request line {line[:80]!r}")
    headers: dict[str, str] = {}
    for _ in range(_MAX_HEADERS + 1):
        h = rfile.readline(_MAX_LINE + 1)
        if h in (b"\r\n", b"\n", b""):
            return parts[0], parts[1], parts[2], headers
        name, sep, value = h.decode("latin-1").partition(":")
        if not sep:
            raise _BadRequest(f"bad header line {h[:80]!r}")
        headers[name.strip().lower()] = value.strip()
    raise _BadRequest("too many headers")


class _Connection(socketserver.StreamRequestHandler):
    """One kept-alive client connection, served by its own thread.

    Why not `http.server`: its per-request header parsing (the `email` package) and response
    assembly cost ~0.2–0.4 ms per request in Python, which was most of a warm activation's
    latency and hid the difference between actions.  The invoker speaks plain HTTP/1.1 with a
    `Content-Length` body, so this reads exactly that: request line, headers, body; and
    answers with one `sendall`.  `Expect: 100-continue` (curl sends it for large bodies) is
    honoured; chunked request bodies are refused (400), as `http.server` also did not read them.
    """

    disable_nagle_algorithm = True   # else a reply split across sends meets delayed ACKs: +40 ms
    container: ActionContainer       # set on the subclass made per server

    def handle(self) -> None:
        while True:
            try:
                head = _read_head(self.rfile)
                if head is None:
                    return
                method, path, version, headers = head
                if "chunked" in headers.get("transfer-encoding", "").lower():
                    raise _BadRequest("chunked request bodies are not supported; send Content-Length")
                try:
                    length = int(headers.get("content-length") or 0)
                except ValueError:
                    raise _BadRequest("bad Content-Length") from None
                if length < 0:
                    raise _BadRequest("bad Content-Length")
            except _BadRequest as exc:
                self._reply(*_error(400, str(exc)), close=True)
                return
            except (ConnectionError, OSError):
                return
            if length and headers.get("expect", "").lower() == "100-continue":
                self.wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n")
            raw = self.rfile.read(length) if length else b""
            connection = headers.get("connection", "").lower()
            close = connection == "close" or (version == "HTTP/1.0" and connection != "keep-alive")
            try:
                self._reply(*self._dispatch(method, path, raw), close=close)
            except (ConnectionError, OSError):
                return
            if close:
                return

    def _dispatch(self, method: str, path: str, raw: bytes) -> Reply:
        if method == "POST" and path == "/init":
            return self.container.init(raw)
        if method == "POST" and path == "/run":
            return self.container.run(raw)
        return _error(404, f"no route {method} {path}")

    def _reply(self, status: int, body: dict, *, close: bool = False) -> None:
        data = (json.dumps(body, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        close_header = "Connection: close\r\n" if close else ""
        head = (f"HTTP/1.1 {status} {_REASONS.get(status, '')}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(data)}\r\n{close_header}\r\n")
        self.wfile.write(head.encode("latin-1") + data)


_REASONS = {s.value: s.phrase for s in HTTPStatus}


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True        # an idle kept-alive connection must not block shutdown
    allow_reuse_address = True


class RunningServer:
    """A runner serving in a background thread (tests, measurements, `serve`)."""

    def __init__(self, container: ActionContainer, port: int = 0, host: str = "127.0.0.1"):
        handler = type("Connection", (_Connection,), {"container": container})
        self.container = container
        self.httpd = _Server((host, port), handler)
        self.host, self.port = self.httpd.server_address[:2]
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def shutdown(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.container.close()


def start_server(action: str | Path | None = None, port: int = 0, host: str = "127.0.0.1", *,
                 log: Callable[[str, str], None] | None = None,
                 failed_log: Path | None = None) -> RunningServer:
    """Start a runner in the background; with `action`, an `/init` may omit `code`."""
    default = ActionSource.from_path(action) if action is not None else None
    return RunningServer(ActionContainer(default_action=default, log=log, failed_log=failed_log), port, host)


def serve(action_path_or_zip: str | Path | None, port: int = 8080, host: str = "127.0.0.1", *,
          preinit: bool = False, failed_log: Path | None = None) -> None:
    """Serve until interrupted.  With `preinit`, the action is initialised at start-up so `/run`
    works at once (any `/init` is then the refused second one)."""
    server = start_server(action_path_or_zip, port, host, log=print_log, failed_log=failed_log)
    if preinit:
        status, body = server.container.init(json.dumps({"value": {}}).encode())
        if status != 200:
            server.shutdown()
            raise SystemExit(f"cannot initialize {action_path_or_zip}: {body['error']}")
    hint = "" if preinit else ' — POST /init {"value": {}} first'
    print(f"jsrust runner on {server.url} (POST /init, POST /run){hint}", file=sys.stderr, flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
