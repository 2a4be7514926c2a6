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
    assert "inflate=" in stages and "write=" in stages


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


def zip_of_length_mod3(rest: int) -> bytes:
    """The ACK_SCRIPT zip, its length ≡ `rest` (mod 3) through the archive comment, so that its
    base64 ends in a group of 4, 2 or 3 symbols (no, two, one '=')."""
    for pad in range(3):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            info = zipfile.ZipInfo("exec")
            info.external_attr = 0o755 << 16
            zf.writestr(info, ACK_SCRIPT)
            zf.comment = b"c" * pad
        if len(buf.getvalue()) % 3 == rest:
            return buf.getvalue()
    raise AssertionError("unreachable: three consecutive lengths cover every residue")


def init_raw(body: bytes) -> tuple[int, dict]:
    """One /init with this exact body against a fresh proxy, then a /run if it succeeded."""
    srv = start_server(kind="native")
    client = RunnerClient(srv.port)
    try:
        status, answer = client.post("/init", body)
        if status == 200:
            assert client.run({}) == (200, {"n": 1})
        return status, answer
    finally:
        client.close()
        srv.shutdown()


def init_body(code: str) -> bytes:
    """An /init body with `code` spliced in as raw JSON string content (escapes kept as given)."""
    return b'{"value": {"binary": true, "code": "' + code.encode() + b'"}}'


@pytest.mark.parametrize("rest", [0, 1, 2])
def test_base64_forms_the_proxy_decodes_in_place(rest):
    """The zip's base64 is decoded over the /init body itself: padded or not, wrapped in lines
    (escaped `\\n` in the JSON), with JSON escapes (`\\u0055`, `\\/`); each gives the same zip."""
    data = zip_of_length_mod3(rest)
    text = base64.b64encode(data).decode()
    forms = {"padded": text, "unpadded": text.rstrip("="),
             "wrapped": base64.encodebytes(data).decode().replace("\n", "\\n"),
             "escaped": "\\u%04x" % ord(text[0]) + text[1:].replace("/", "\\/")}
    for name, code in forms.items():
        assert init_raw(init_body(code)) == (200, {"ok": True}), name


def test_bad_base64_is_refused():
    text = base64.b64encode(zip_of_length_mod3(1)).decode()    # ends in "=="
    assert text.endswith("==")
    for code in (text[:40] + "*" + text[41:], text + "=", text[:-2] + "=A", text[:-3] + "==", "A"):
        status, answer = init_raw(init_body(code))
        assert status == 400 and "cannot decode the zip" in answer["error"], code
