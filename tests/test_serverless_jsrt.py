"""The generated-action path with the real `jsrt` runtime: `actionloop::actionloop::<JsValue>`
plus our JsValue JSON adapter (`serverless/jsvalue_json.rs`), differentially against node.

`js_main` below is HAND-WRITTEN against the runtime's API, standing in for what the Rust
generator will emit for the JS action next to it, until the pipeline can compile actions.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from jsrust_core.serverless.export import actionloop_crate_root, build_exec, export_rust_source, package_action
from jsrust_core.serverless.measure import load_requests
from jsrust_core.serverless.runtimes import SENTINEL, ActionSource
from warm_runner import answers

HANDWRITTEN_JS_MAIN_RS = r'''
#![forbid(unsafe_code)]
use jsrt::JsValue;

fn js_main(params: JsValue) -> Result<JsValue, JsValue> {
    jsrt::try_catch(|| {
        let obj = match &params {
            JsValue::Obj(o) => o.clone(),
            _ => jsrt::throw_error("TypeError", "params is not an object"),
        };
        if obj.borrow().get_own("boom").is_some() {
            jsrt::throw_error("RangeError", "boom requested");
        }
        if obj.borrow().get_own("nothing").is_some() {
            return JsValue::Undefined;
        }
        if obj.borrow().get_own("cycle").is_some() {
            let o = JsValue::object(vec![]);
            jsrt::ops::set(&o, "self", o.clone());
            return o;
        }
        let keys = obj.borrow().enum_keys();
        let n = keys.len() as f64;
        jsrt::console::log_values(&[JsValue::str("keys:"), JsValue::Num(n)]);
        let names = JsValue::array(keys.iter().map(|k| JsValue::Str(k.clone())).collect());
        JsValue::object(vec![
            ("echo", params.clone()),
            ("keys", JsValue::Num(n)),
            ("names", names),
            ("skipped", JsValue::Undefined),
            ("third", JsValue::Num(n / 3.0)),
            ("inf", JsValue::Num(f64::INFINITY)),
            ("holes", JsValue::array(vec![JsValue::Undefined, JsValue::Null])),
        ])
    })
}
'''

EQUIVALENT_JS = """
function main(params) {
  if (params.boom !== undefined) throw new RangeError('boom requested');
  if (params.nothing !== undefined) return undefined;
  if (params.cycle !== undefined) { const o = {}; o.self = o; return o; }
  const names = Object.keys(params);
  console.log('keys:', names.length);
  return { echo: params, keys: names.length, names: names, skipped: undefined,
           third: names.length / 3, inf: Infinity, holes: [undefined, null] };
}
"""

REQUESTS = [
    {"a": 1, "b": "two"},
    {"b": 1, "2": "x", "1": "y", "a": [1.5, -0.0, 1e21, 1e-7, 0.1, 123456789012]},
    {"s": "quote \" backslash \\ newline \n tab \t ctrl \u0001 é ✓ 😀"},
    {"nested": {"deep": [{"x": None, "t": True, "f": False}]}, "empty": {}, "list": []},
    {"boom": 1},
    {"nothing": 1},
    {},
    {"cycle": 1},
]


@pytest.fixture(scope="module")
def jsrt_action_zip(tmp_path_factory):
    try:
        from jsrust_core.build import build_runtime
        from jsrust_core.errors import BuildError
    except ImportError as exc:
        pytest.skip(f"the runtime build is not available: {exc}")
    try:
        build_runtime()
    except BuildError as exc:
        pytest.skip(f"the jsrt runtime does not compile right now: {str(exc)[:300]}")
    d = tmp_path_factory.mktemp("jsrt")
    exe = build_exec(actionloop_crate_root(HANDWRITTEN_JS_MAIN_RS), d / "exec", opt_level="1", with_runtime=True)
    return package_action(exe, d / "action.zip")


def test_jsvalue_action_matches_node(jsrt_action_zip, tmp_path):
    js = tmp_path / "action.js"
    js.write_text(EQUIVALENT_JS)
    node_logs: list[tuple[str, str]] = []
    rust_logs: list[tuple[str, str]] = []
    node = answers(ActionSource.from_path(js), REQUESTS, node_logs)
    rust = answers(ActionSource.from_path(jsrt_action_zip), REQUESTS, rust_logs)
    for req, n, r in zip(REQUESTS[:-1], node, rust):
        assert r == n, req
    # a cycle is the TypeError JSON.stringify throws, with the lines that locate the cycle
    cycle = "An error has occurred: TypeError: Converting circular structure to JSON"
    assert node[-1][0] == rust[-1][0] == 502
    assert node[-1][1]["error"].split("\n")[0] == cycle and rust[-1][1] == node[-1][1]
    assert node[4] == (502, {"error": "An error has occurred: RangeError: boom requested"})
    assert node[5] == (200, {})
    # console.log output arrives per activation, before that activation's sentinel
    assert [line for stream, line in rust_logs if stream == "stdout"][:2] == ["keys: 2", SENTINEL]
    assert [ln for _, ln in node_logs if ln.startswith("keys")] == [ln for _, ln in rust_logs if ln.startswith("keys")]
    # key order and number text survive exactly, not only as equal dicts
    assert list(rust[1][1]["echo"]) == ["1", "2", "b", "a"]


ACTIONS = Path(__file__).resolve().parent.parent / "benchmarks" / "actions"


@pytest.mark.parametrize("name", ["maze_bfs", "word_count"])
def test_handwritten_baselines_match_their_js_action(jsrt_action_zip, name, tmp_path):
    """The hand-written Rust baselines (benchmarks/actions/handwritten) answer every request of
    their JS action identically, status and body."""
    zip_path = export_rust_source(ACTIONS / "handwritten" / f"{name}.rs", tmp_path / "a.zip", opt_level="1")
    requests = load_requests(ACTIONS / "requests" / f"{name}.jsonl")
    requests += [{"maze": ["S..", ".#", "..E"]}, {"maze": ["SE", 7]}] if name == "maze_bfs" else \
        [{"text": "b a b a c", "top": -1}, {"text": "x", "top": 2.7}, {"text": 12345}]
    node = answers(ActionSource.from_path(ACTIONS / f"{name}.js"), requests)
    rust = answers(ActionSource.from_path(zip_path), requests)
    for req, n, r in zip(requests, node, rust):
        if req == {"maze": ["SE", 7]}:
            # a number row is a type the requests never showed: node answers, the baseline
            # side-exits (HTTP 502 with the guard report), never a wrong answer
            assert n[0] == 200 and r[0] == 502 and "side exit at guard 1" in r[1]["error"]
            continue
        assert r == n, req
