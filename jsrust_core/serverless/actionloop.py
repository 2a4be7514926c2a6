"""Drive an action process over OpenWhisk's ActionLoop protocol (the Go proxy's side of it).

The process is started once: stdin carries one JSON line per activation, stdout/stderr are logs,
and file descriptor 3 is the result channel (one JSON line per activation, plus a `{"ok":true}`
ack first when `__OW_WAIT_FOR_ACK` is set).  The runtime that serves a native action is the Rust
proxy (`proxy/main.rs`); this Python driver of the same protocol is the independent second
implementation the tests check an `exec` against over bare pipes (no proxy, no HTTP), so a
protocol slip shows up on one side and not in both at once.

`os.posix_spawn` is used rather than `subprocess.Popen` because it can place the result pipe at
exactly fd 3 in the child (`POSIX_SPAWN_DUP2`); Popen can only keep an fd at its parent number.
"""
from __future__ import annotations

import collections
import fcntl
import json
import os
import select
import threading
import time
from dataclasses import dataclass
from typing import Callable

#: Key an action process adds to mark a developer error (HTTP 502) rather than an application one.
DEVELOPER_ERROR_KEY = "__ow_developer_error"

#: Fds below this are avoided for our pipe ends, so a dup2 onto 0..3 in the child never
#: collides with a descriptor that is its own target (which would keep its close-on-exec flag).
_FIRST_PRIVATE_FD = 10


class ActionLoopError(Exception):
    """The action process failed to start, died, or broke the protocol."""

    def __init__(self, message: str, *, exit_status: int | None = None, stderr_tail: str = ""):
        super().__init__(message)
        self.exit_status = exit_status
        self.stderr_tail = stderr_tail


@dataclass(frozen=True)
class ProcessStats:
    """Resource use of the action process read from /proc (Linux)."""

    cpu_seconds: float   # on-CPU time so far (all threads)
    peak_rss_kb: int     # VmHWM
    rss_kb: int          # VmRSS


def _private_pipe() -> tuple[int, int]:
    """A close-on-exec pipe whose ends are numbered >= _FIRST_PRIVATE_FD."""
    ends = []
    for fd in os.pipe():
        moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, _FIRST_PRIVATE_FD)
        os.close(fd)
        ends.append(moved)
    return ends[0], ends[1]


def body_line(body: dict | bytes) -> bytes:
    """One stdin line for an activation.  JSON text holds raw newlines only as whitespace
    (inside strings they must be escaped), so replacing them with spaces keeps the meaning, as
    the Go proxy does when it forwards a /run body."""
    if isinstance(body, bytes):
        return body.replace(b"\r", b" ").replace(b"\n", b" ") + b"\n"
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8") + b"\n"


class ActionLoopProcess:
    """One long-lived action process spoken to over ActionLoop.

    `argv[0]` must be an absolute path (no PATH search: the child's environment is only the
    `__OW_*` variables and the action's init `env`, as under the Go proxy).
    """

    def __init__(self, argv: list[str], env: dict[str, str] | None = None, *,
                 wait_for_ack: bool = True, log: Callable[[str, str], None] | None = None,
                 stderr_lines_kept: int = 200):
        self.argv = list(argv)
        self.env = dict(env or {})
        if wait_for_ack:
            self.env["__OW_WAIT_FOR_ACK"] = "true"
        else:
            self.env.pop("__OW_WAIT_FOR_ACK", None)
        self.wait_for_ack = wait_for_ack
        self.log = log
        self.pid: int | None = None
        self.exit_status: int | None = None
        self._stdin_w: int | None = None
        self._result_r: int | None = None
        self._result_buf = b""
        self._stderr_tail: collections.deque[str] = collections.deque(maxlen=stderr_lines_kept)
        self._drains: list[threading.Thread] = []
        # Log pipes are read by their drain threads and, after each result, by `sync_logs` in the
        # caller's thread; the lock serialises the two so lines stay whole and in order.
        self._log_lock = threading.Lock()
        self._log_fds: dict[str, int] = {}
        self._partial: dict[str, bytes] = {"stdout": b"", "stderr": b""}
        self._lock = threading.Lock()
        self.started_at: float | None = None   # perf_counter() at spawn
        self.ready_at: float | None = None     # perf_counter() when the ack arrived (or spawn, without acks)

    # -- lifecycle -------------------------------------------------------------------------
    def start(self, timeout: float = 30.0) -> None:
        """Spawn the process and, when acks are on, wait for its `{"ok":true}`."""
        stdin_r, stdin_w = _private_pipe()
        out_r, out_w = _private_pipe()
        err_r, err_w = _private_pipe()
        res_r, res_w = _private_pipe()
        actions = [(os.POSIX_SPAWN_DUP2, stdin_r, 0), (os.POSIX_SPAWN_DUP2, out_w, 1),
                   (os.POSIX_SPAWN_DUP2, err_w, 2), (os.POSIX_SPAWN_DUP2, res_w, 3)]
        self.started_at = time.perf_counter()
        try:
            self.pid = os.posix_spawn(self.argv[0], self.argv, self.env, file_actions=actions)
        except OSError as exc:
            for fd in (stdin_r, stdin_w, out_r, out_w, err_r, err_w, res_r, res_w):
                os.close(fd)
            raise ActionLoopError(f"cannot start {self.argv[0]}: {exc}") from exc
        for fd in (stdin_r, out_w, err_w, res_w):
            os.close(fd)
        self._stdin_w, self._result_r = stdin_w, res_r
        for fd in (out_r, err_r):
            os.set_blocking(fd, False)
        self._log_fds = {"stdout": out_r, "stderr": err_r}
        self._drains = [threading.Thread(target=self._drain, args=(out_r, "stdout"), daemon=True),
                        threading.Thread(target=self._drain, args=(err_r, "stderr"), daemon=True)]
        for t in self._drains:
            t.start()
        if self.wait_for_ack:
            line = self._read_result_line(timeout)
            try:
                ack = json.loads(line)
            except ValueError:
                ack = None
            if ack != {"ok": True}:
                self.stop()
                raise ActionLoopError(f"expected the ack {{\"ok\":true}} on fd 3, got {line!r}",
                                      stderr_tail=self.stderr_tail())
        self.ready_at = time.perf_counter()

    def _drain(self, fd: int, stream: str) -> None:
        """Forward the child's log lines as they come, until the pipe closes."""
        while True:
            select.select([fd], [], [])
            with self._log_lock:
                if not self._pump(stream, owner=True):
                    return

    def _pump(self, stream: str, owner: bool = False) -> bool:
        """Read whatever `stream` holds now and emit its complete lines (caller holds the lock).
        Returns False at end of file; only the drain thread (`owner`) then closes the fd, so
        no thread ever selects on a closed, possibly reused descriptor."""
        fd = self._log_fds.get(stream)
        if fd is None:
            return False
        while True:
            try:
                chunk = os.read(fd, 65536)
            except BlockingIOError:
                return True
            if not chunk:
                if self._partial[stream]:
                    self._emit(stream, self._partial[stream])
                    self._partial[stream] = b""
                if owner:
                    os.close(fd)
                    del self._log_fds[stream]
                return False
            *lines, self._partial[stream] = (self._partial[stream] + chunk).split(b"\n")
            for raw in lines:
                self._emit(stream, raw)

    def _emit(self, stream: str, raw: bytes) -> None:
        text = raw.decode("utf-8", "replace")
        if stream == "stderr":
            self._stderr_tail.append(text)
        if self.log is not None:
            self.log(stream, text)

    def sync_logs(self) -> None:
        """Emit every log line the process wrote so far.  A conforming exec flushes its logs
        before it answers on fd 3, so after an answer this puts that activation's logs ahead of
        anything the caller logs next (the end-of-activation sentinel)."""
        with self._log_lock:
            for stream in ("stdout", "stderr"):
                self._pump(stream)

    def stderr_tail(self) -> str:
        """The last stderr lines of the process, including any it wrote just before dying."""
        self.sync_logs()
        return "\n".join(self._stderr_tail)

    def alive(self) -> bool:
        """True while the process has not exited (reaps it when it has)."""
        if self.pid is None or self.exit_status is not None:
            return False
        pid, status = os.waitpid(self.pid, os.WNOHANG)
        if pid == 0:
            return True
        self.exit_status = os.waitstatus_to_exitcode(status)
        return False

    def stop(self, grace: float = 1.0) -> None:
        """Close stdin (the polite stop), then kill the process if it lingers."""
        if self._stdin_w is not None:
            os.close(self._stdin_w)
            self._stdin_w = None
        deadline = time.monotonic() + grace
        while self.alive() and time.monotonic() < deadline:
            time.sleep(0.005)
        if self.alive():
            os.kill(self.pid, 9)
            _, status = os.waitpid(self.pid, 0)
            self.exit_status = os.waitstatus_to_exitcode(status)
        if self._result_r is not None:
            os.close(self._result_r)
            self._result_r = None

    # -- activations -----------------------------------------------------------------------
    def run(self, body: dict | bytes, timeout: float = 60.0) -> dict:
        """One activation: send the /run body as a line, return the parsed fd-3 answer.

        `body` is the /run object, or its JSON text as received (already validated: the caller
        passes it on as is rather than paying a second serialisation per request).  Raises
        ActionLoopError when the process has died or answers something that is not one JSON
        object line.  Activations are serialised: the protocol has one answer line per request
        line and no ids to match them by.
        """
        line = body_line(body)
        with self._lock:
            if self._stdin_w is None or not self.alive():
                raise ActionLoopError("the action process is not running",
                                      exit_status=self.exit_status, stderr_tail=self.stderr_tail())
            try:
                os.write(self._stdin_w, line)
            except BrokenPipeError as exc:
                raise ActionLoopError("the action process closed its stdin",
                                      exit_status=self.exit_status,
                                      stderr_tail=self.stderr_tail()) from exc
            answer = self._read_result_line(timeout)
            self.sync_logs()
        try:
            result = json.loads(answer)
        except ValueError as exc:
            raise ActionLoopError(f"the action answered a line that is not JSON: {answer[:200]!r}") from exc
        if not isinstance(result, dict):
            raise ActionLoopError(f"the action answered JSON that is not an object: {answer[:200]!r}")
        return result

    def _read_result_line(self, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while b"\n" not in self._result_buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise ActionLoopError(f"no answer on fd 3 within {timeout} s",
                                      stderr_tail=self.stderr_tail())
            ready, _, _ = select.select([self._result_r], [], [], left)
            if not ready:
                continue
            chunk = os.read(self._result_r, 65536)
            if not chunk:
                self.alive()
                deadline_exit = time.monotonic() + 1.0
                while self.alive() and time.monotonic() < deadline_exit:
                    time.sleep(0.002)
                raise ActionLoopError(f"the action process exited (status {self.exit_status})",
                                      exit_status=self.exit_status, stderr_tail=self.stderr_tail())
            self._result_buf += chunk
        line, _, self._result_buf = self._result_buf.partition(b"\n")
        return line.decode("utf-8")

    # -- measurements ----------------------------------------------------------------------
    def stats(self) -> ProcessStats:
        """CPU time and memory of the running process from /proc/<pid>."""
        hwm = rss = 0
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
                elif line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
        return ProcessStats(cpu_seconds=self._cpu_seconds(), peak_rss_kb=hwm, rss_kb=rss)

    def _cpu_seconds(self) -> float:
        """On-CPU time of the process and of its finished children.

        Own threads: ns resolution from schedstat (utime/stime count 10 ms ticks, too coarse
        for sub-millisecond activations), falling back to utime+stime.  Children (an exec that
        runs a program per activation): cutime+cstime, in ticks, the only view /proc gives."""
        with open(f"/proc/{self.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        tick = os.sysconf("SC_CLK_TCK")
        children = (int(fields[13]) + int(fields[14])) / tick     # cutime, cstime
        try:
            total_ns = 0
            for task in os.listdir(f"/proc/{self.pid}/task"):
                with open(f"/proc/{self.pid}/task/{task}/schedstat") as f:
                    total_ns += int(f.read().split()[0])
            return total_ns / 1e9 + children
        except (OSError, ValueError, IndexError):
            return (int(fields[11]) + int(fields[12])) / tick + children  # utime, stime
