"""Start the native action runtimes (a local OpenWhisk container per kind) and watch them.

As in OpenWhisk, one implementation of the `/init` `/run` contract runs per kind, and neither is
Python: a JS action runs inside `node_runtime.js`, node's own HTTP server (OpenWhisk's Node.js
runtime has that architecture), and a native action zip is unpacked and its `exec` driven over
ActionLoop by `proxy/main.rs`, a static safe-Rust binary (the role of the Go ActionLoop proxy).
So a measurement of either kind shows the action and a runtime of the same shape as the real
one, not our Python.  This module only starts them (`Runtime`), forwards their logs, reads
their /proc figures and keeps the contract's status codes documented in one place: 200 + object
(success), 200 + `{"error"}` from the action (application error), 400 for a request the runtime
cannot use (malformed JSON, `value` not an object, `/run` before `/init`, a bad zip), 403 for a
second `/init`, 502 when the action throws, returns no dictionary, side-exits or its process
dies.  The runtime stays up through all of them; a dead action is started afresh on the next
`/run` (a new cold start, as a replacement container would be).
"""
from __future__ import annotations

import base64
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .actionloop import ProcessStats

#: Printed on stdout and stderr after every activation, as OpenWhisk runtimes do, so log
#: collectors can cut the logs per activation.
SENTINEL = "XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX"

NODE_RUNTIME = Path(__file__).with_name("node_runtime.js")
#: the kinds of action a runtime serves: JavaScript under node, a zip's `exec` under the proxy
KINDS = ("nodejs", "native")
#: the first stderr line of either runtime ends with its URL once it accepts connections
READY_MARK = " listening on http://"


def node_binary() -> str:
    """Absolute path of node."""
    found = shutil.which("node")
    if found is None:
        raise FileNotFoundError("node is not on PATH")
    return str(Path(found).resolve())


@dataclass
class ActionSource:
    """What an `/init` can carry: JS source text, or the bytes of an action zip."""

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

    @property
    def kind(self) -> str:
        """The runtime this action needs: a zip with a top-level `exec` is native, else nodejs."""
        if not self.binary:
            return "nodejs"
        with zipfile.ZipFile(io.BytesIO(self.code)) as zf:
            return "native" if "exec" in zf.namelist() else "nodejs"

    def init_value(self) -> dict:
        """The `value` of an `/init` body carrying this action, as the invoker would send it."""
        code = base64.b64encode(self.code).decode("ascii") if self.binary else self.code
        return {"name": "action", "main": self.main, "code": code, "binary": self.binary, "env": {}}


def runtime_argv(kind: str, *, port: int = 0, host: str = "127.0.0.1", action: str | Path | None = None,
                 workdir: str | Path, failed_log: str | Path | None = None, preinit: bool = False) -> list[str]:
    """The command line of the runtime of `kind` (the proxy is built, once, on first use)."""
    if kind == "nodejs":
        argv = [node_binary(), str(NODE_RUNTIME)]
    elif kind == "native":
        from jsrust_core.build import build_proxy  # noqa: PLC0415 (rustc only when a native action runs)

        argv = [str(build_proxy())]
    else:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    argv += ["--host", host, "--port", str(port), "--dir", str(workdir)]
    if action is not None:
        argv += ["--action", str(Path(action).resolve())]
    if failed_log is not None:
        argv += ["--failed-log", str(failed_log)]
    if preinit:
        argv.append("--init")
    return argv


def kind_of(action: str | Path) -> str:
    """The kind of runtime an action file needs."""
    return ActionSource.from_path(action).kind


class Runtime:
    """One running runtime process: a local action container on 127.0.0.1.

    `started_at` / `ready_at` are `perf_counter()` at the spawn and when the runtime announced
    it accepts connections.  Its stdout/stderr lines (the action's logs and the sentinels) go to
    `log(stream, line)` and are kept in `logs`.
    """

    def __init__(self, kind: str, *, action: str | Path | None = None, port: int = 0, host: str = "127.0.0.1",
                 log: Callable[[str, str], None] | None = None, failed_log: str | Path | None = None,
                 ready_timeout: float = 60.0):
        self.kind = kind
        self.host = host
        self._tmp = tempfile.TemporaryDirectory(prefix="jsrust-container-")
        self.failed_log = Path(failed_log) if failed_log is not None else Path(self._tmp.name) / "failed.jsonl"
        #: where the runtime unpacks actions (a fresh subdirectory per /init attempt)
        self.workdir = Path(self._tmp.name) / "action"
        argv = runtime_argv(kind, port=port, host=host, action=action, workdir=self.workdir,
                            failed_log=self.failed_log)
        self.log = log
        self.logs: list[tuple[str, str]] = []
        self._logs_changed = threading.Condition()
        self.started_at = time.perf_counter()
        # an empty environment, as an action container has (a variable such as
        # NODE_EXTRA_CA_CERTS alone can add ~250 ms to node's start-up)
        self.proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env={}, cwd=self._tmp.name)
        self.pid = self.proc.pid
        ready_line = self._wait_ready(ready_timeout)
        self.ready_at = time.perf_counter()
        self.port = int(ready_line.rsplit(":", 1)[1])
        self._drains = [threading.Thread(target=self._drain, args=(self.proc.stdout, "stdout"), daemon=True),
                        threading.Thread(target=self._drain, args=(self.proc.stderr, "stderr"), daemon=True)]
        for t in self._drains:
            t.start()

    def _wait_ready(self, timeout: float) -> str:
        """Read stderr up to the ready line; earlier lines are the runtime's own complaints."""
        early: list[str] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            raw = self.proc.stderr.readline()
            if not raw:
                self.proc.wait()
                self._tmp.cleanup()
                raise RuntimeError(f"the {self.kind} runtime exited (status {self.proc.returncode}) before "
                                   f"listening: {''.join(early)[-2000:]}")
            line = raw.decode("utf-8", "replace").rstrip("\n")
            if READY_MARK in line:
                return line
            early.append(line + "\n")
        self.shutdown()
        raise RuntimeError(f"the {self.kind} runtime did not listen within {timeout} s")

    def _drain(self, pipe, stream: str) -> None:
        for raw in pipe:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            with self._logs_changed:
                self.logs.append((stream, line))
                self._logs_changed.notify_all()
            if self.log is not None:
                self.log(stream, line)

    def wait_sentinels(self, count: int, timeout: float = 10.0) -> bool:
        """Wait until `count` activations ended on both log streams (the logs arrive through
        pipes, a little after the answers); True when they did."""
        def done() -> bool:
            return all(self.logs.count((s, SENTINEL)) >= count for s in ("stdout", "stderr"))

        with self._logs_changed:
            return self._logs_changed.wait_for(done, timeout)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def failed_requests(self) -> list[dict]:
        """The params of every failed (502) activation so far, in order."""
        if not self.failed_log.exists():
            return []
        return [json.loads(line) for line in self.failed_log.read_text(encoding="utf-8").splitlines() if line]

    def pids(self) -> list[int]:
        """The runtime process and its descendants (the proxy's exec): the container."""
        out, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            out.append(pid)
            try:
                for task in os.listdir(f"/proc/{pid}/task"):
                    with open(f"/proc/{pid}/task/{task}/children") as f:
                        todo.extend(int(c) for c in f.read().split())
            except OSError:
                continue
        return out

    def stats(self) -> dict[int, ProcessStats]:
        """CPU time and memory of each process of the container, by pid."""
        found = {}
        for pid in self.pids():
            try:
                found[pid] = process_stats(pid)
            except OSError:   # it ended meanwhile
                continue
        return found

    def shutdown(self) -> None:
        """Stop the runtime (a proxy's exec sees its stdin close and ends too) and remove its files."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for t in getattr(self, "_drains", []):
            t.join(timeout=2)
        self.proc.stdout.close()
        self.proc.stderr.close()
        self._tmp.cleanup()


def process_stats(pid: int) -> ProcessStats:
    """CPU time (all threads, ns resolution from schedstat) and memory of one process."""
    hwm = rss = 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                hwm = int(line.split()[1])
            elif line.startswith("VmRSS:"):
                rss = int(line.split()[1])
    total_ns = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/schedstat") as f:
            total_ns += int(f.read().split()[0])
    return ProcessStats(cpu_seconds=total_ns / 1e9, peak_rss_kb=hwm, rss_kb=rss)


def start_server(action: str | Path | None = None, port: int = 0, host: str = "127.0.0.1", *,
                 kind: str | None = None, log: Callable[[str, str], None] | None = None,
                 failed_log: str | Path | None = None) -> Runtime:
    """Start the runtime for `action` (or of `kind`, default nodejs, when none is given); with
    `action`, an `/init` may omit `code`."""
    if kind is None:
        kind = kind_of(action) if action is not None else "nodejs"
    return Runtime(kind, action=action, port=port, host=host, log=log, failed_log=failed_log)


def serve(action: str | Path, port: int = 8080, host: str = "127.0.0.1", *,
          preinit: bool = False, failed_log: Path | None = None) -> int:
    """Run the action's runtime in the foreground, its logs on our stdout/stderr, until
    interrupted.  With `preinit`, the action is initialised at start-up so `/run` works at once
    (any `/init` is then the refused second one)."""
    with tempfile.TemporaryDirectory(prefix="jsrust-container-") as tmp:
        argv = runtime_argv(kind_of(action), port=port, host=host, action=action, workdir=Path(tmp) / "action",
                            failed_log=failed_log, preinit=preinit)
        if not preinit:
            print('POST /init {"value": {}} first, then POST /run', file=sys.stderr, flush=True)
        proc = subprocess.Popen(argv)
        # a SIGTERM (a supervisor stopping us) ends the runtime too, as a Ctrl-C does, instead
        # of leaving it serving on its port with nobody to stop it
        previous = signal.signal(signal.SIGTERM, _interrupt) if threading.current_thread() is threading.main_thread() \
            else None
        try:
            return proc.wait()
        except KeyboardInterrupt:
            return 0
        finally:
            # a Ctrl-C in a terminal reached the runtime too; a signal sent to us alone did not
            if proc.poll() is None:
                proc.terminate()
                proc.wait()
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
