"""A minimal HTTP client for an action runtime on 127.0.0.1 (used by measurements and tests).

One kept-alive connection, because per-request connection setup would be measured as action
latency; and plain socket I/O rather than `http.client`, whose response parsing (the `email`
package) costs more per request than a warm compiled activation takes, and would be counted
in its latency.  It reads what our runtimes send: a status line, headers, a `Content-Length` body.
"""
from __future__ import annotations

import json
import socket


def free_port() -> int:
    """A free TCP port on 127.0.0.1 (bound once by the OS, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RunnerClient:
    """One kept-alive connection to a runtime; not thread-safe (use one per thread)."""

    def __init__(self, port: int, host: str = "127.0.0.1", timeout: float = 60.0):
        self.address = (host, port)
        self.timeout = timeout
        self._sock: socket.socket | None = None
        self._rfile = None
        #: the headers of the last response, lower-cased names (the runtimes report timings there)
        self.headers: dict[str, str] = {}

    def _connect(self) -> None:
        sock = socket.create_connection(self.address, timeout=self.timeout)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)   # the request is one send anyway
        self._sock, self._rfile = sock, sock.makefile("rb")

    def post(self, path: str, body) -> tuple[int, dict]:
        """POST `body` (bytes as is, anything else as JSON); return (status, parsed JSON body)."""
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        if self._sock is None:
            self._connect()
        head = (f"POST {path} HTTP/1.1\r\nHost: {self.address[0]}:{self.address[1]}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n\r\n")
        self._send(head.encode("latin-1"), data)
        status_line = self._rfile.readline()
        if not status_line:
            self.close()
            raise ConnectionError("the runtime closed the connection without answering")
        status = int(status_line.split()[1])
        length, close = 0, False
        self.headers = {}
        while True:
            line = self._rfile.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            name = name.strip().lower()
            self.headers[name] = value.strip()
            if name == "content-length":
                length = int(value)
            elif name == "connection" and value.strip().lower() == "close":
                close = True
        payload = self._rfile.read(length)
        if close:
            self.close()
        return status, json.loads(payload)

    def _send(self, head: bytes, data: bytes) -> None:
        """Head and body in one gathering `sendmsg` (one TCP segment for a small request, and no
        copy of a megabyte `/init` body into a joined buffer), then `sendall` for what the socket
        did not take at once."""
        sent = self._sock.sendmsg([head, data])
        if sent < len(head):
            self._sock.sendall(head[sent:])
            sent = len(head)
        if sent - len(head) < len(data):
            self._sock.sendall(memoryview(data)[sent - len(head):])

    def init(self, value: dict) -> tuple[int, dict]:
        return self.post("/init", {"value": value})

    def run(self, params: dict, **fields) -> tuple[int, dict]:
        """One activation with `params`; extra keyword fields become `__OW_*` in the action."""
        return self.post("/run", {"value": params, **fields})

    def close(self) -> None:
        if self._sock is not None:
            self._rfile.close()
            self._sock.close()
            self._sock = self._rfile = None


def post(port: int, path: str, body) -> tuple[int, dict]:
    """A single POST on a fresh connection."""
    client = RunnerClient(port)
    try:
        return client.post(path, body)
    finally:
        client.close()
