"""The real kernel process, driven over ZMQ with jupyter_client (one kernel for the
module; replies matched by ``parent_header.msg_id``)."""
from __future__ import annotations

import time
from queue import Empty
from typing import Any

import pytest
from jupyter_client.manager import KernelManager

TIMEOUT = 30


class Client:
    """A kernel client that collects each request's outputs by its msg_id."""

    def __init__(self, km: KernelManager) -> None:
        self.km = km
        self.kc = km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=60)

    def reply(self, msg_id: str, timeout: float = TIMEOUT) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            msg = self.kc.get_shell_msg(timeout=max(deadline - time.monotonic(), 0.01))
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg

    def outputs(self, msg_id: str, timeout: float = TIMEOUT) -> list[dict]:
        """iopub messages of one request, up to its ``idle`` status."""
        out = []
        deadline = time.monotonic() + timeout
        while True:
            msg = self.kc.get_iopub_msg(timeout=max(deadline - time.monotonic(), 0.01))
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return out
            if msg["msg_type"] not in ("status", "execute_input"):
                out.append(msg)

    def run(self, code: str, timeout: float = TIMEOUT) -> tuple[dict, list[dict]]:
        msg_id = self.kc.execute(code)
        reply = self.reply(msg_id, timeout)
        return reply["content"], self.outputs(msg_id, timeout)

    def request(self, method: str, *args: Any, **kwargs: Any) -> dict:
        return self.reply(getattr(self.kc, method)(*args, **kwargs))["content"]


def stream(outputs: list[dict], name: str = "stdout") -> str:
    return "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream" and m["content"]["name"] == name)


def results(outputs: list[dict]) -> list[str]:
    return [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]


def displays(outputs: list[dict]) -> list[dict]:
    return [m["content"]["data"] for m in outputs if m["msg_type"] == "display_data"]


@pytest.fixture(scope="module")
def client():
    km = KernelManager(kernel_name="jsrust")
    km.start_kernel()
    c = Client(km)
    yield c
    c.kc.stop_channels()
    km.shutdown_kernel(now=True)


def test_kernel_info_has_no_debugger(client: Client) -> None:
    info = client.request("kernel_info")
    assert info["language_info"]["name"] == "javascript"
    assert info["language_info"]["file_extension"] == ".js"
    assert "debugger" not in info.get("supported_features", [])


def test_state_persists_and_values_display_like_node(client: Client) -> None:
    reply, out = client.run("let x = 40;\nfunction twice(v) { return 2 * v; }")
    assert reply["status"] == "ok" and results(out) == []
    reply, out = client.run("x + 2")
    assert results(out) == ["42"]
    _, out = client.run("[twice(x), 'a', {k: null}]")
    assert results(out) == ["[ 80, 'a', { k: null } ]"]


def test_console_streams(client: Client) -> None:
    reply, out = client.run('console.log("hi", 1 + 1, [1, 2]);\nconsole.error("bad news");')
    assert reply["status"] == "ok"
    assert stream(out) == "hi 2 [ 1, 2 ]\n"
    assert stream(out, "stderr") == "bad news\n"


def test_thrown_error_reply_names_cell_and_line(client: Client) -> None:
    reply, out = client.run("let ok = 1;\nnull.foo;")
    assert reply["status"] == "error"
    assert reply["ename"] == "TypeError"
    assert "Cannot read properties of null" in reply["evalue"]
    text = "\n".join(reply["traceback"])
    assert ":2" in text and "<cell" in text
    errors = [m for m in out if m["msg_type"] == "error"]
    assert len(errors) == 1 and errors[0]["content"]["ename"] == "TypeError"


def test_syntax_error_has_line_and_column(client: Client) -> None:
    reply, _ = client.run("let a = 1;\nlet b = ;")
    assert reply["status"] == "error" and reply["ename"] == "SyntaxError"
    text = "\n".join(reply["traceback"])
    assert ":2:" in text and "let b = ;" in text


def test_unsupported_feature_is_reported(client: Client) -> None:
    reply, _ = client.run("let fine = 1;\n  function* gen() { yield 1; }")
    assert reply["status"] == "error"
    assert reply["ename"] == "Unsupported" and "generators" in reply["evalue"]
    pointer = reply["traceback"][:3]
    assert pointer[0].startswith("<cell ") and pointer[0].endswith(">:2:3")
    assert pointer[1:] == ["  function* gen() { yield 1; }", "  ^"]


def test_deep_recursion_is_a_range_error(client: Client) -> None:
    reply, _ = client.run("function down(n) { return down(n + 1) + 1; }\ndown(0);")
    assert reply["status"] == "error"
    assert reply["ename"] == "RangeError" and "Maximum call stack size exceeded" in reply["evalue"]
    _, out = client.run("1 + 1")
    assert results(out) == ["2"]


def test_interrupt_stops_an_infinite_loop(client: Client) -> None:
    msg_id = client.kc.execute("let spins = 0;\nwhile (true) { spins++; }")
    time.sleep(0.5)
    t0 = time.monotonic()
    client.km.interrupt_kernel()
    reply = client.reply(msg_id, timeout=5)["content"]
    assert time.monotonic() - t0 < 1.0
    assert reply["status"] == "error" and reply["ename"] == "Interrupted"
    client.outputs(msg_id)
    _, out = client.run("spins > 0")
    assert results(out) == ["true"]


def test_interrupt_stops_a_node_magic(client: Client) -> None:
    msg_id = client.kc.execute("%%node\nwhile (true) {}")
    time.sleep(1.0)
    client.km.interrupt_kernel()
    reply = client.reply(msg_id, timeout=5)["content"]
    assert reply["status"] == "error" and reply["ename"] == "Interrupted"
    client.outputs(msg_id)


def test_display_object_publishes_rich_output(client: Client) -> None:
    reply, out = client.run('display.html("<b>bold</b>");\ndisplay.json({a: [1, 2]});\ndisplay.markdown("# T")')
    assert reply["status"] == "ok"
    data = displays(out)
    assert data[0]["text/html"] == "<b>bold</b>"
    assert data[1]["application/json"] == {"a": [1, 2]}
    assert data[2]["text/markdown"] == "# T"


def test_is_complete(client: Client) -> None:
    assert client.request("is_complete", "function f() {") == {"status": "incomplete", "indent": "  "}
    assert client.request("is_complete", "1 + 1")["status"] == "complete"
    assert client.request("is_complete", "1 +* 2")["status"] == "invalid"


def test_complete_globals_properties_and_magics(client: Client) -> None:
    client.run("const config = {alpha: 1, alpine: 2, beta: 3};")
    reply = client.request("complete", "config.al")
    assert reply["matches"] == ["alpha", "alpine"] and reply["cursor_start"] == len("config.")
    assert "config" in client.request("complete", "conf")["matches"]
    assert client.request("complete", "Math.flo")["matches"] == ["floor"]
    assert client.request("complete", "%lsm")["matches"] == ["lsmagic"]
    client.run("const word = 'abc';")
    assert {"charAt", "charCodeAt"} <= set(client.request("complete", "word.ch")["matches"])
    # a call's result is not resolved: completing never runs user code
    assert client.request("complete", "word.toString().ch")["matches"] == []


def test_inspect_function_and_object(client: Client) -> None:
    client.run("function area(w, h) { return w * h; }\nconst box = {w: 2, h: 3};")
    reply = client.request("inspect", "area(1, 2)", 2)
    assert reply["found"]
    text = reply["data"]["text/plain"]
    assert "function area" in text and "return w * h;" in text
    reply = client.request("inspect", "box", 3)
    assert "w: number" in reply["data"]["text/plain"]
    assert not client.request("inspect", "nosuchname", 3)["found"]


def test_history_tail_and_search(client: Client) -> None:
    client.run("let hist1 = 'needle';")
    tail = client.request("history", hist_access_type="tail", n=1, output=False, raw=True)["history"]
    assert tail[-1][2] == "let hist1 = 'needle';"
    found = client.request("history", hist_access_type="search", pattern="*needle*", output=False, raw=True)
    assert [h[2] for h in found["history"]] == ["let hist1 = 'needle';"]


def test_lsmagic_and_magic_help(client: Client) -> None:
    _, out = client.run("%lsmagic")
    text = stream(out)
    for magic in ("%%rust", "%%trace", "%tree", "%treediff", "%types", "%recursion", "%timeit", "%reset", "%load", "%%node"):
        assert magic.replace("%%", "%") in text.replace("%/%%", "%").replace("%%", "%")
    reply, _ = client.run("%timeit?")
    assert reply["payload"][0]["source"] == "page"
    assert "usage: %timeit" in reply["payload"][0]["data"]["text/plain"]


def test_bad_magic_arguments_are_a_clean_error(client: Client) -> None:
    reply, _ = client.run("%%rust --opt fast\nfunction f() {}")
    assert reply["status"] == "error" and reply["ename"] == "UsageError"
    assert "invalid int value" in reply["evalue"]
    reply, _ = client.run("%nosuchmagic")
    assert reply["status"] == "error" and "no magic named" in reply["evalue"]
    reply, _ = client.run("%%rust --entry f --train 7\nfunction f(x) { return x; }")
    assert reply["status"] == "error" and "JSON array" in reply["evalue"]
    reply, _ = client.run("%%rust --train '[1]'\nfunction f(x) { return x; }")
    assert reply["status"] == "error" and "--entry" in reply["evalue"]


def test_node_magic_runs_node(client: Client) -> None:
    reply, out = client.run("%%node\nconsole.log([1.5, 'x'], process.version.startsWith('v'))")
    assert reply["status"] == "ok"
    assert stream(out) == "[ 1.5, 'x' ] true\n"


def test_timeit(client: Client) -> None:
    reply, out = client.run("%timeit 1 + 2")
    assert reply["status"] == "ok"
    assert "per loop (mean ± std. dev. of" in stream(out)


def test_load_runs_a_file(client: Client, tmp_path: Any) -> None:
    path = tmp_path / "lib.js"
    path.write_text("function fromFile() { return 'loaded'; }\n")
    reply, _ = client.run(f"%load {path}")
    assert reply["status"] == "ok"
    _, out = client.run("fromFile()")
    assert results(out) == ["'loaded'"]


def _comm_opens(out: list[dict]) -> dict[str, dict]:
    return {m["content"]["comm_id"]: m["content"]["data"]["state"] for m in out if m["msg_type"] == "comm_open"}


def _frontend_update(client: Client, comm_id: str, state: dict, watch: set[str]) -> dict[str, dict]:
    """Send a widget state update as a browser does; return the state updates the
    kernel then sends for the ``watch`` models (comm id -> merged state)."""
    msg = client.kc.session.msg("comm_msg", {"comm_id": comm_id, "data": {
        "method": "update", "state": state, "buffer_paths": []}})
    client.kc.shell_channel.send(msg)
    seen: dict[str, dict] = {}
    deadline = time.monotonic() + 10
    while set(seen) != watch:
        m = client.kc.get_iopub_msg(timeout=max(deadline - time.monotonic(), 0.01))
        if m["parent_header"].get("msg_id") != msg["header"]["msg_id"]:
            continue
        if m["msg_type"] == "comm_msg" and m["content"]["comm_id"] in watch:
            seen.setdefault(m["content"]["comm_id"], {}).update(m["content"]["data"].get("state", {}))
    return seen


def test_trace_tree_widget_round_trip(client: Client) -> None:
    reply, out = client.run("%%trace\nfunction fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\nfib(6)")
    assert reply["status"] == "ok", reply
    assert results(out) == ["8"]
    reply, out = client.run("%tree fib")
    assert reply["status"] == "ok", reply
    states = _comm_opens(out)
    views = [d for d in displays(out) if "application/vnd.jupyter.widget-view+json" in d]
    assert views and "<svg" in views[0]["text/html"]

    def model(name: str, **match: str) -> str:
        return next(cid for cid, s in states.items()
                    if s.get("_model_name") == name and all(s.get(k) == v for k, v in match.items()))

    text_id, picker_id = model("TextModel"), model("DropdownModel", description="pick")
    detail_id = next(cid for cid, s in states.items()
                     if s.get("_model_name") == "HTMLModel" and "click a node" in s.get("value", ""))
    # typing a node id into the synced Text: the detail pane follows
    updates = _frontend_update(client, text_id, {"value": "1"}, {detail_id})
    assert "#1" in updates[detail_id]["value"]
    # choosing from the picker (a Dropdown syncs its index): selection and detail follow
    second = states[picker_id]["_options_labels"][2]
    updates = _frontend_update(client, picker_id, {"index": 2}, {text_id, detail_id})
    node_id = second.split()[0].lstrip("#")
    assert updates[text_id]["value"] == node_id
    assert f"#{node_id}" in updates[detail_id]["value"] and second.split()[1] in updates[detail_id]["value"]


def test_types_recursion_and_trace_expression(client: Client) -> None:
    client.run("function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }")
    reply, out = client.run("%trace fact(5)")
    assert reply["status"] == "ok" and results(out) == ["120"]
    reply, out = client.run("%types fact")
    assert reply["status"] == "ok", reply
    html = displays(out)[0]["text/html"]
    assert "fact" in html and "fn(f64) -&gt; f64" in html
    reply, out = client.run("%recursion")
    plain = displays(out)[0]["text/plain"]
    assert "fact: LOOP_HEADER" in plain and "cycle: fact → fact" in plain
    reply, _ = client.run("%types nosuch")
    assert reply["status"] == "error" and reply["ename"] == "NameError"
    text = client.request("inspect", "fact(3)", 2)["data"]["text/plain"]
    assert "inferred signature: (f64) -> f64" in text
    assert "trace tree: " in text and "recursion: LOOP_HEADER" in text


def test_extend_and_treediff(client: Client) -> None:
    """More training grows the same trees; %treediff shows what it added."""
    client.run("%reset")
    reply, _ = client.run("%treediff")
    assert reply["status"] == "error" and reply["ename"] == "NoTrace"
    client.run("function total(a) {\n  let s = 0;\n  for (const v of a) { if (v < 0) s -= v; else s += v; }\n  return s;\n}")
    reply, out = client.run("%trace total([1, 2])")
    assert reply["status"] == "ok" and results(out) == ["3"]
    reply, _ = client.run("%treediff")
    assert reply["status"] == "error" and "--extend" in reply["evalue"]
    reply, out = client.run("%trace --extend total([-4, 1])")
    assert reply["status"] == "ok" and results(out) == ["5"]
    reply, out = client.run("%treediff")
    assert reply["status"] == "ok", reply
    html = displays(out)[0]["text/html"]
    assert "jsr-tree-diff-view" in html and "loop" in html and html.count("<svg") == 2
    assert "1 new branch trace" in html or "new branch traces" in html, html[:3000]


def test_views_need_a_trace_or_compile_first(client: Client) -> None:
    client.run("%reset")
    reply, _ = client.run("%tree")
    assert reply["status"] == "error" and reply["ename"] == "NoTrace"
    reply, _ = client.run("%rust fact")
    assert reply["status"] == "error" and reply["ename"] == "NoCompile"


def test_rust_magic(client: Client) -> None:
    reply, out = client.run("%%rust --entry sq --train '[7]' --train '[2.5]' --emit\nfunction sq(x) { return x * x; }",
                            timeout=120)
    assert reply["status"] == "ok", reply
    progress = [m for m in out if m["msg_type"] == "update_display_data"]
    assert progress and "measured" in progress[-1]["content"]["data"]["text/plain"]
    html = "".join(d.get("text/html", "") for d in displays(out))
    assert "jsr-rust-view" in html and "fn f_sq(x: f64) -&gt; f64" in html
    assert "jsr-timings" in html and "outputs match" in html and "tracer" in html
    assert "jsr-timing-chart" in html and "faster than node" in html
    assert any("```rust" in d.get("text/markdown", "") for d in displays(out))
    reply, out = client.run("%rust sq")
    rust_html = displays(out)[0]["text/html"]
    assert "f_sq" in rust_html and "fn main" not in rust_html


def test_reset_forgets_bindings(client: Client) -> None:
    client.run("let gone = 1;")
    reply, _ = client.run("%reset")
    assert reply["status"] == "ok"
    reply, _ = client.run("gone")
    assert reply["status"] == "error" and reply["ename"] == "ReferenceError"


def test_kernel_survives_after_errors(client: Client) -> None:
    _, out = client.run("'still alive'")
    assert results(out) == ["'still alive'"]
    with pytest.raises(Empty):
        client.kc.get_iopub_msg(timeout=0.2)


def test_user_expressions_are_evaluated(client: Client) -> None:
    msg_id = client.kc.execute("let ue = 6;", user_expressions={"answer": "ue * 7", "bad": "nope"})
    reply = client.reply(msg_id)["content"]
    client.outputs(msg_id)
    assert reply["user_expressions"]["answer"] == {"status": "ok", "data": {"text/plain": "42"}, "metadata": {}}
    assert reply["user_expressions"]["bad"]["ename"] == "ReferenceError"


def test_restart_gives_a_fresh_realm(client: Client) -> None:
    client.run("let beforeRestart = 1;")
    client.km.restart_kernel(now=True)
    client.kc.wait_for_ready(timeout=60)
    reply, out = client.run("typeof beforeRestart")
    assert reply["status"] == "ok" and results(out) == ["'undefined'"]


def test_rustc_failure_is_shown_against_the_js_line() -> None:
    """A real rustc rejection (here: a lint made an error through ``JSRUST_RUSTFLAGS``,
    the user's extra rustc flags) comes back as an error reply naming the JS line, and
    the kernel answers the next request."""
    import os

    km = KernelManager(kernel_name="jsrust")
    km.start_kernel(env={**os.environ, "JSRUST_RUSTFLAGS": "-D unused-assignments"})
    c = Client(km)
    try:
        reply, out = c.run("%%rust\nlet unused = 1;\nunused = 2;\nconsole.log('hi');", timeout=120)
        assert reply["status"] == "error", reply
        assert "rustc rejected the generated Rust (JS line 2)" in reply["evalue"]
        assert "never read" in reply["evalue"]
        assert any(m["msg_type"] == "error" for m in out)
        reply, out = c.run("6 * 7")
        assert reply["status"] == "ok" and results(out) == ["42"]
    finally:
        c.kc.stop_channels()
        km.shutdown_kernel(now=True)
