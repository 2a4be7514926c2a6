"""A minimal HTTP client for a runner on 127.0.0.1 (used by measurements and tests).

`http.client` with a kept-alive connection, because per-request connection setup would be
measured as action latency.
"""
from __future__ import annotations

import http.client
import json
import socket


def free_port() -> int:
    """A free TCP port on 127.0.0.1 (bound once by the OS, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RunnerClient:
    """One kept-alive connection to a runner; not thread-safe (use one per thread)."""

    def __init__(self, port: int, host: str = "127.0.0.1", timeout: float = 60.0):
        self.conn = http.client.HTTPConnection(host, port, timeout=timeout)

    def post(self, path: str, body) -> tuple[int, dict]:
        """POST `body` (bytes as is, anything else as JSON); return (status, parsed JSON body)."""
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.conn.request("POST", path, body=data, headers={"Content-Type": "application/json"})
        resp = self.conn.getresponse()
        return resp.status, json.loads(resp.read())

    def init(self, value: dict) -> tuple[int, dict]:
        return self.post("/init", {"value": value})

    def run(self, params: dict, **fields) -> tuple[int, dict]:
        """One activation with `params`; extra keyword fields become `__OW_*` in the action."""
        return self.post("/run", {"value": params, **fields})

    def close(self) -> None:
        self.conn.close()


def post(port: int, path: str, body) -> tuple[int, dict]:
    """A single POST on a fresh connection."""
    client = RunnerClient(port)
    try:
        return client.post(path, body)
    finally:
        client.close()
