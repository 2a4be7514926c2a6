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
import re
import stat
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
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
    unpack_seconds: float = 0.0                # /init time spent decoding and writing the action files
    _workdir: tempfile.TemporaryDirectory | None = None
    _argv_env: tuple[list[str], dict[str, str]] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # -- /init -----------------------------------------------------------------------------
    def init(self, raw: bytes) -> Reply:
        try:
            body = json.loads(raw or b"null")
        except ValueError as exc:
            return _error(400, f"Error unmarshaling request: {exc}")
        value = body.get("value") if isinstance(body, dict) else None
        if not isinstance(value, dict):
            return _error(400, "The init request has no 'value' object.")
        with self._lock:
            if self.kind is not None:
                return _error(403, "Cannot initialize the action more than once.")
            if not value.get("code") and self.default_action is not None:
                default = self.default_action.init_value()
                value = {**value, "code": default["code"], "binary": default["binary"]}
            t0 = time.perf_counter()
            try:
                kind, argv_env = self._unpack(value)
                self.unpack_seconds = time.perf_counter() - t0
            except ValueError as exc:
                return _error(400, f"invalid action: {exc}")
            self._argv_env = argv_env
            try:
                self._start_process()
            except ActionLoopError as exc:
                self._argv_env = None
                return _error(502, f"cannot start action: {exc}\n{exc.stderr_tail}".rstrip())
            self.kind = kind
        return 200, {"ok": True}

    def _unpack(self, value: dict) -> tuple[str, tuple[list[str], dict[str, str]]]:
        """Write the action's files to a private directory; return its kind and how to start it."""
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
            return "nodejs", (node_action_argv(action_js, main), env)
        try:
            archive = zipfile.ZipFile(io.BytesIO(base64.b64decode(code, validate=True)))
        except (binascii.Error, zipfile.BadZipFile) as exc:
            raise ValueError(f"cannot decode the zip: {exc}") from exc
        with archive:
            archive.extractall(root)
            # zipfile drops Unix modes; restore them (an exec may run other programs in the zip)
            for info in archive.infolist():
                mode = (info.external_attr >> 16) & 0o777
                target = (root / info.filename).resolve()
                # names zipfile rewrote on extraction (absolute, "..") are left alone
                if mode and not info.is_dir() and target.is_file() and root.resolve() in target.parents:
                    target.chmod(mode)
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
            body = json.loads(raw or b"null")
        except ValueError as exc:
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
            result = proc.run(body)
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


def print_log(stream: str, line: str) -> None:
    """Log sink of `jsrust serve`: the action's logs on the runner's own stdout/stderr."""
    print(line, file=sys.stderr if stream == "stderr" else sys.stdout, flush=True)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"   # keep-alive: the invoker reuses its connection
    disable_nagle_algorithm = True   # else headers and body in two sends meet delayed ACKs: +40 ms
    container: ActionContainer       # set on the subclass made per server

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        if self.path == "/init":
            status, body = self.container.init(raw)
        elif self.path == "/run":
            status, body = self.container.run(raw)
        else:
            status, body = _error(404, f"no route {self.path}")
        self._reply(status, body)

    def do_GET(self) -> None:  # noqa: N802
        self._reply(*_error(404, f"no route GET {self.path}"))

    def _reply(self, status: int, body: dict) -> None:
        data = (json.dumps(body, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        """Access logs would mix with the action's logs; the container logs only those."""


class RunningServer:
    """A runner serving in a background thread (tests, measurements, `serve`)."""

    def __init__(self, container: ActionContainer, port: int = 0, host: str = "127.0.0.1"):
        handler = type("Handler", (_Handler,), {"container": container})
        self.container = container
        self.httpd = ThreadingHTTPServer((host, port), handler)
        self.httpd.daemon_threads = True
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
