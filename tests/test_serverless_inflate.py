"""The Rust proxy's own zip reader and DEFLATE inflater (`proxy/zip.rs`, `proxy/inflate.rs`),
checked on zips written by Python's zipfile: stored and deflated members at several levels and
sizes, up to a ~1 MB binary, each unpacked by a real `/init` and compared byte for byte."""
from __future__ import annotations

import base64
import io
import random
import zipfile
from pathlib import Path

import pytest

from jsrust_core.serverless.client import RunnerClient
from jsrust_core.serverless.runtimes import start_server
from test_serverless_runtimes import ACK_SCRIPT, zipped


def payloads() -> dict[str, bytes]:
    """Contents that reach every kind of block: empty and tiny members, text (fixed and dynamic
    Huffman), long repeats (overlapping copies, the longest distances), random bytes (stored
    blocks) and a ~1 MB binary mixing them."""
    rng = random.Random(1951)
    words = [bytes(rng.choice(b"abcdefghij") for _ in range(rng.randint(1, 9))) for _ in range(300)]
    text = b" ".join(rng.choice(words) for _ in range(20000))
    mixed = bytearray()
    while len(mixed) < 1_000_000:
        pick = rng.random()
        if pick < 0.3:
            mixed += rng.randbytes(rng.randint(1, 5000))
        elif pick < 0.6:
            mixed += bytes([rng.randrange(256)]) * rng.randint(1, 3000)
        else:
            start = rng.randrange(len(text) - 4000)
            mixed += text[start:start + rng.randint(3, 4000)]
    return {"empty": b"", "one": b"x", "short.txt": b"hello, inflate\n" * 3, "text.txt": text,
            "runs.bin": b"ab" * 40000 + b"\0" * 70000, "random.bin": rng.randbytes(300_000),
            "mixed.bin": bytes(mixed)}


@pytest.fixture(scope="module")
def contents() -> dict[str, bytes]:
    return payloads()


@pytest.mark.parametrize("compression,level", [(zipfile.ZIP_STORED, None), (zipfile.ZIP_DEFLATED, 1),
                                               (zipfile.ZIP_DEFLATED, 6), (zipfile.ZIP_DEFLATED, 9)])
def test_proxy_unpacks_python_zips_byte_for_byte(contents, compression, level):
    members = [("exec", ACK_SCRIPT, 0o755)] + [(f"d/{name}", data, 0o644) for name, data in contents.items()]
    data = zipped(members, compression, level)
    srv = start_server(kind="native")
    client = RunnerClient(srv.port)
    try:
        status, body = client.post("/init", {"value": {"code": base64.b64encode(data).decode(), "binary": True}})
        assert (status, body) == (200, {"ok": True})
        stages = client.headers["x-jsrust-init-stages"]
        assert client.run({}) == (200, {"n": 1})
        (root,) = Path(srv.workdir).iterdir()
        for name, expected in contents.items():
            assert (root / "d" / name).read_bytes() == expected, name
    finally:
        client.close()
        srv.shutdown()
    assert "unzip=" in stages


def test_corrupt_members_are_refused(contents):
    """A changed byte inside deflated data fails its CRC-32 (or the stream itself): 400, and
    nothing of the zip is left behind for the next /init."""
    good = zipped([("exec", ACK_SCRIPT, 0o755), ("d/text.txt", contents["text.txt"], 0o644)])
    with zipfile.ZipFile(io.BytesIO(good)) as zf:
        info = zf.getinfo("d/text.txt")
    # the member's data starts after its 30-byte local header and name
    at = info.header_offset + 30 + len(info.filename) + 200
    bad = good[:at] + bytes([good[at] ^ 0x55]) + good[at + 1:]
    srv = start_server(kind="native")
    client = RunnerClient(srv.port)
    try:
        status, body = client.post("/init", {"value": {"code": base64.b64encode(bad).decode(), "binary": True}})
        assert status == 400 and "cannot unzip" in body["error"]
        status, body = client.post("/init", {"value": {"code": base64.b64encode(good[:-30]).decode(),
                                                       "binary": True}})
        assert status == 400 and "not a zip" in body["error"]
        assert list(Path(srv.workdir).iterdir()) == []
        assert client.post("/init", {"value": {"code": base64.b64encode(good).decode(), "binary": True}})[0] == 200
    finally:
        client.close()
        srv.shutdown()
