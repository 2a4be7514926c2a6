"""Local copies of the widget renderer and require.js for offline HTML exports.

nbconvert's lab template loads ``@jupyter-widgets/html-manager`` and ``requirejs`` from
CDNs by default; exported notebooks must read without network, so both are installed
with npm into ``$JSRUST_NPM_CACHE`` (default ``~/.cache/jsrust/npm``) the first time.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

#: the versions nbconvert's lab template is written for (its default CDN URLs name them)
NPM_PACKAGES = ("@jupyter-widgets/html-manager@1", "requirejs@2")


def _npm_cache() -> Path:
    return Path(os.environ.get("JSRUST_NPM_CACHE", Path.home() / ".cache" / "jsrust" / "npm"))


def local_widget_scripts() -> tuple[Path, Path]:
    """``(embed-amd.js, require.js)`` from the npm cache, installed there if missing."""
    cache = _npm_cache()
    renderer = cache / "node_modules" / "@jupyter-widgets" / "html-manager" / "dist" / "embed-amd.js"
    require = cache / "node_modules" / "requirejs" / "require.js"
    if not (renderer.exists() and require.exists()):
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("npm is needed to fetch the widget renderer for offline HTML (it comes with node)")
        cache.mkdir(parents=True, exist_ok=True)
        # --ignore-scripts: the only install script is font-awesome's attribution notice
        done = subprocess.run([npm, "install", "--prefix", str(cache), "--no-audit", "--no-fund", "--ignore-scripts",
                               *NPM_PACKAGES], capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-2000:]
    return renderer, require
