"""Every tutorial notebook runs top to bottom on the jsrust kernel with no error output,
and exports to HTML with its views embedded (widget state stored) and the widget
renderer and require.js taken from local copies, so the page reads offline
(``test_export.py`` opens one such page in Chromium with the network blocked)."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbconvert import HTMLExporter
from offline_html import local_widget_scripts

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_clean(path: Path, tmp_path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name="jsrust", timeout=600, store_widget_state=True,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    errors = [(i, o) for i, c in enumerate(nb.cells) if c.cell_type == "code"
              for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, f"error outputs in {path.name}: {errors[:3]}"
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.get("execution_count") for c in code_cells)
    renderer, require = local_widget_scripts()  # exported pages must read offline
    html, _ = HTMLExporter(template_name="lab", widget_renderer_url=renderer.as_uri(),
                           require_js_url=require.as_uri()).from_notebook_node(nb)
    assert renderer.as_uri() in html and require.as_uri() in html
    (tmp_path / f"{path.stem}.html").write_text(html)
    assert "jsrust" in html or "JavaScript" in html
    if "%%rust" in "".join(c.source for c in code_cells):
        # the side-by-side view and the equality verdict are in the executed output
        texts = "".join(str(o.get("data", {}).get("text/html", "")) for c in code_cells for o in c.get("outputs", []))
        assert "fn " in texts and "outputs match" in texts and "outputs DIFFER" not in texts
