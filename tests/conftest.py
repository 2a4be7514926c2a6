"""Shared pytest setup: the `compiled` marker and the hypothesis profiles.

Hypothesis gets `deadline=None` everywhere (interpreter and node subprocess times vary
with machine load, which says nothing about correctness) and derandomizes when the `CI`
environment variable is set, so a CI run is reproducible.
"""
from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "compiled: compares jsrust-compiled Rust binaries with node")
