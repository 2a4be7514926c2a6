"""One warm container for serverless tests: the action's native runtime initialised with it,
answering a list of requests in order (shared by the export, jsrt and action-mode tests)."""
from __future__ import annotations

from jsrust_core.serverless.client import RunnerClient
from jsrust_core.serverless.runtimes import ActionSource, start_server


def answers(source: ActionSource, requests: list[dict],
            logs: list[tuple[str, str]] | None = None) -> list[tuple[int, dict]]:
    """Status and body of each request, in order; ``logs`` (if given) receives the runtime's
    (stream, line) log of the action's output, every activation's sentinel included."""
    srv = start_server(kind=source.kind)
    client = RunnerClient(srv.port)
    try:
        assert client.init(source.init_value()) == (200, {"ok": True})
        out = [client.run(p) for p in requests]
        if logs is not None:
            assert srv.wait_sentinels(len(requests))
            logs.extend(srv.logs)
        return out
    finally:
        client.close()
        srv.shutdown()
