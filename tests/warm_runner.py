"""One warm container for serverless tests: a local runner initialised with an action,
answering a list of requests in order (shared by the export, jsrt and action-mode tests)."""
from __future__ import annotations

from jsrust_core.serverless.client import RunnerClient, free_port
from jsrust_core.serverless.runner import ActionSource, start_server


def answers(source: ActionSource, requests: list[dict],
            logs: list[tuple[str, str]] | None = None) -> list[tuple[int, dict]]:
    """Status and body of each request, in order; ``logs`` (if given) collects the
    runner's (stream, line) log of the action's output."""
    sink = None if logs is None else (lambda stream, line: logs.append((stream, line)))
    srv = start_server(port=free_port(), log=sink)
    client = RunnerClient(srv.port)
    try:
        assert client.init(source.init_value()) == (200, {"ok": True})
        return [client.run(p) for p in requests]
    finally:
        client.close()
        srv.shutdown()
