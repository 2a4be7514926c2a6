"""The workbench in a real browser: JupyterLab in headless Chromium (Debian's
``chromium`` driven by Python playwright), a notebook run on the jsrust kernel, each
view checked as rendered, linked highlights exercised, screenshots kept.

Screenshots go to ``$JSRUST_ARTIFACTS`` (default ``artifacts/browser`` in the repo).
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
TOKEN = "jsrust-browser-test"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> object:
    with urllib.request.urlopen(url, timeout=5) as r:
        return json.loads(r.read())


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory):
    """A JupyterLab server on 127.0.0.1 over a copy of notebooks/, in its own process group."""
    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian's chromium is missing: `make test` installs it when run as root "
                    "(apt-get install -y chromium)")
    root = tmp_path_factory.mktemp("lab")
    shutil.copytree(REPO / "notebooks", root / "notebooks")
    config = root / "config"
    (config / "labconfig").mkdir(parents=True)
    (config / "labconfig" / "page_config.json").write_text(
        json.dumps({"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}))
    port = _free_port()
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(config), JUPYTERLAB_WORKSPACES_DIR=str(root / "ws"))
    log = open(root / "lab.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip", "127.0.0.1", "--port", str(port),
         f"--IdentityProvider.token={TOKEN}", "--allow-root", f"--ServerApp.root_dir={root / 'notebooks'}"],
        stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                _get(f"{base}/api/status?token={TOKEN}")
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not start: " + (root / "lab.log").read_text()[-2000:])
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


def _wait_idle(base: str, timeout: float) -> None:
    """Readiness from the server's own view of the kernel, not the UI's label."""
    deadline = time.time() + timeout
    idle_since = None
    while time.time() < deadline:
        sessions = _get(f"{base}/api/sessions?token={TOKEN}")
        states = [s["kernel"]["execution_state"] for s in sessions]  # type: ignore[index]
        if states and all(st == "idle" for st in states):
            idle_since = idle_since or time.time()
            if time.time() - idle_since > 2.0:
                return
        else:
            idle_since = None
        time.sleep(0.25)
    raise AssertionError(f"kernel not idle after {timeout}s")


def test_first_steps_notebook_in_chromium(lab: str) -> None:
    from playwright.sync_api import sync_playwright

    shots = Path(os.environ.get("JSRUST_ARTIFACTS", REPO / "artifacts" / "browser"))
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{lab}/lab/tree/01-first-steps.ipynb?token={TOKEN}&reset", timeout=120_000)
        page.wait_for_selector(".jp-Notebook", timeout=120_000)
        dialog = page.locator(".jp-Dialog .jp-mod-accept")
        if dialog.count():
            dialog.first.click()
        _wait_idle(lab, 120)
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_text("Run All Cells", exact=True).click()
        time.sleep(2)
        _wait_idle(lab, 300)
        page.wait_for_timeout(1500)
        page.screenshot(path=str(shots / "01-first-steps.png"), full_page=True)

        body = page.content()
        assert "Error displaying widget" not in body
        assert page.locator(".jp-OutputArea-output").count() > 5
        # console output and the REPL value of the first cell
        assert page.get_by_text("hello [ 1, 2, 3, 4 ]").count() >= 1
        # the trace tree view: an SVG drawn by graphviz inside the widget
        tree_svg = page.locator(".widget-html-content svg")
        assert tree_svg.count() >= 1
        # the Rust side-by-side view and the timing chart
        assert page.locator(".jsr-rust-view").count() >= 1
        _click_a_tree_node(page, shots)
        _click_a_js_line(page, shots)
        browser.close()


def _click_a_tree_node(page, shots: Path) -> None:
    """Clicking a guard in the tree SVG makes the kernel show that node in the detail pane."""
    from playwright.sync_api import expect

    view = page.locator(".jsr-tree-widget").first
    guard = view.locator("svg g.node[id^='n']").filter(has_text="GUARD_BRANCH").first
    node_id = guard.get_attribute("id")
    assert node_id and node_id[1:].isdigit(), node_id
    guard.scroll_into_view_if_needed()
    guard.click()
    detail = view.locator("table.jsr-detail")
    # the detail pane is drawn by the kernel after the synced trait reaches it
    expect(detail).to_contain_text(f"#{node_id[1:]}", timeout=15_000)
    expect(detail).to_contain_text("GUARD_BRANCH")
    # its source line is a line of the notebook's code, and its site names the cell
    source = detail.locator("tr:has(th:text-is('source')) td").inner_text().strip()
    nb = json.loads((REPO / "notebooks" / "01-first-steps.ipynb").read_text())
    code_lines = {ln.strip() for c in nb["cells"] if c["cell_type"] == "code" for ln in "".join(c["source"]).split("\n")}
    assert source and source in code_lines, source
    expect(detail.locator("tr:has(th:text-is('site')) td")).to_contain_text("at <cell")
    expect(view.locator(".jsr-node-input input")).to_have_value(node_id[1:])
    # the kernel's redraw outlines the clicked node
    stroke = view.locator(f"svg g#{node_id} :is(polygon, path)").first.evaluate("e => getComputedStyle(e).stroke")
    assert stroke == "rgb(211, 47, 47)", stroke
    view.screenshot(path=str(shots / "01-tree-node-clicked.png"))


def _click_a_js_line(page, shots: Path) -> None:
    """Hovering a JS line outlines its Rust partners; clicking keeps them selected."""
    from playwright.sync_api import expect

    rust_view = page.locator(".jsr-rust-view").first
    assert rust_view.count() == 1
    js_side = rust_view.locator("table.jsr-src").first
    linked = js_side.locator("tr[data-l]")
    assert linked.count() >= 2
    first = linked.nth(1)
    line = first.get_attribute("data-l")
    partners = rust_view.locator(f"tr.jsr-l{line}")
    assert partners.count() >= 2, "a JS line has no partner Rust line"
    first.hover()
    expect(partners.last).to_have_css("outline-style", "solid")
    first.click()
    page.mouse.move(0, 0)  # selection, not hover, must keep the partners marked
    expect(rust_view.locator("tr.jsr-sel")).to_have_count(partners.count())
    for i in range(partners.count()):
        expect(partners.nth(i)).to_have_css("outline-color", "rgb(211, 47, 47)")
    # JupyterLab right-aligns rendered table cells; the view must read as code
    code_cell = first.locator("td.jsr-code")
    assert code_cell.evaluate("e => getComputedStyle(e).textAlign") in ("left", "start")
    assert "monospace" in code_cell.evaluate("e => getComputedStyle(e).fontFamily")
    rust_view.screenshot(path=str(shots / "01-rust-line-selected.png"))
    first.click()  # a second click clears the selection
    expect(rust_view.locator("tr.jsr-sel")).to_have_count(0)
