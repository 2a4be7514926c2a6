"""Where a cell's output goes: the iopub messages of the request being handled.

Why a class of its own: JS execution, the ``display`` object in the realm and every
magic publish the same few kinds of message (streams as they happen, rich
``display_data`` with an optional ``display_id`` to update in place, widgets). Giving
them one small interface keeps the Jupyter wire format in this file only.
"""
from __future__ import annotations

import uuid
from typing import Any

from .comms import widget_bundle


class CellOutput:
    """Publishes outputs for the execute request currently being handled.

    ``silent`` requests publish nothing (the protocol says so), but the code still runs.
    """

    def __init__(self, kernel: Any, silent: bool = False) -> None:
        self.kernel = kernel
        self.silent = silent
        #: captured now because JS runs on the interpreter's worker thread, where the
        #: kernel's per-request context is not the current one
        self.parent = kernel.get_parent("shell")

    def _send(self, msg_type: str, content: dict) -> None:
        if not self.silent:
            self.kernel.session.send(self.kernel.iopub_socket, msg_type, content, self.parent)

    def stdout(self, text: str) -> None:
        if text:
            self._send("stream", {"name": "stdout", "text": text})

    def stderr(self, text: str) -> None:
        if text:
            self._send("stream", {"name": "stderr", "text": text})

    def display(self, data: dict, metadata: dict | None = None, display_id: str | None = None,
                update: bool = False) -> str | None:
        """Publish a MIME bundle; with ``display_id`` a later ``update=True`` call replaces it
        in place (used for compile progress). Returns the display id."""
        content: dict = {"data": data, "metadata": metadata or {}, "transient": {}}
        if display_id is not None:
            content["transient"]["display_id"] = display_id
        self._send("update_display_data" if update else "display_data", content)
        return display_id

    def new_display_id(self) -> str:
        return uuid.uuid4().hex

    def widget(self, widget: Any) -> None:
        """Show an ipywidget: creating it already sent ``comm_open``; this sends its view."""
        self._send("display_data", widget_bundle(widget))

    def clear(self, wait: bool = False) -> None:
        self._send("clear_output", {"wait": wait})

    def error(self, ename: str, evalue: str, traceback: list[str]) -> None:
        self._send("error", {"ename": ename, "evalue": evalue, "traceback": traceback})
