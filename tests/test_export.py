"""An executed notebook exported to HTML reads offline: the widget views come back from
the stored widget state, rendered by a LOCAL copy of the widget manager, in a
headless Chromium that may load nothing but ``file://`` URLs.

nbconvert's page loads ``@jupyter-widgets/html-manager`` and ``requirejs`` from CDNs
by default; this test installs both with npm into a cache directory
(``$JSRUST_NPM_CACHE``, default ``~/.cache/jsrust/npm``) the first time it runs, so
``make test`` on a fresh machine needs only node's npm and the registry.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbconvert import HTMLExporter
from offline_html import local_widget_scripts

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent
NOTEBOOK = REPO / "notebooks" / "01-first-steps.ipynb"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """01-first-steps run on the jsrust kernel with widget state stored, exported with
    the lab template pointing at the local scripts."""
    renderer, require = local_widget_scripts()
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, kernel_name="jsrust", timeout=600, store_widget_state=True,
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    assert nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state")
    exporter = HTMLExporter(template_name="lab", widget_renderer_url=renderer.as_uri(), require_js_url=require.as_uri())
    body, _ = exporter.from_notebook_node(nb)
    assert renderer.as_uri() in body and require.as_uri() in body
    out = tmp_path_factory.mktemp("export") / "01-first-steps.html"
    out.write_text(body)
    return out


def test_exported_notebook_renders_its_views_offline(exported: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian's chromium is missing: `make test` installs it when run as root")
    shots = Path(os.environ.get("JSRUST_ARTIFACTS", REPO / "artifacts" / "browser"))
    shots.mkdir(parents=True, exist_ok=True)
    blocked: list[str] = []
    loaded: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})

        def offline(route) -> None:
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                blocked.append(route.request.url)
                route.abort()

        page.route("**/*", offline)
        page.on("requestfinished", lambda request: loaded.append(request.url))
        page.goto(exported.as_uri())
        # the views as the widget manager draws them (not the static fallback HTML):
        # the trace tree's SVG inside its TreeView, the Rust view, the timing chart
        tree = page.locator(".jsr-tree-widget .widget-html-content svg g.node")
        expect(tree.first).to_be_attached(timeout=60_000)
        assert tree.count() >= 5
        rust = page.locator(".widget-html-content .jsr-rust-view")
        expect(rust).to_have_count(1)
        assert rust.locator("tr[data-l]").count() >= 4 and "fn " in rust.inner_text()
        chart = page.locator(".widget-html-content svg.jsr-timing-chart")
        expect(chart).to_have_count(1)
        assert chart.locator("rect").count() >= 3
        # the detail pane and the node picker came back from the stored state too
        assert page.locator(".jsr-tree-widget .widget-dropdown select").count() >= 2
        assert "Error displaying widget" not in page.content()
        # the side-by-side view still links lines on click without a kernel
        first = rust.locator("table.jsr-src").first.locator("tr[data-l]").first
        first.click()
        partners = rust.locator(f"tr.jsr-l{first.get_attribute('data-l')}")
        expect(rust.locator("tr.jsr-sel")).to_have_count(partners.count())
        page.screenshot(path=str(shots / "01-exported-offline.png"), full_page=True)
        browser.close()
    # the widget manager and requirejs were the local copies; whatever else the page
    # asked for (MathJax from a CDN) was refused, so nothing above came from the network
    assert any(url.endswith("/html-manager/dist/embed-amd.js") for url in loaded), loaded
    assert any(url.endswith("/requirejs/require.js") for url in loaded), loaded
    assert all(url.startswith("file://") for url in loaded), loaded
