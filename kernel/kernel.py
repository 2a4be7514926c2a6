"""The Jupyter kernel: a thin translation between protocol messages and the Workbench.

Why so thin: like evcxr's kernel, this class only turns core results into replies and
MIME bundles; cells run in ``workbench.py``, magics in ``magic_commands.py``, the
JavaScript in ``jsrust_core``. Everything user code can do is caught at the request
boundary so the kernel process never dies from a cell. An interrupt (SIGINT, the
kernelspec's ``interrupt_mode``) is routed by ``Workbench.on_sigint``: to the running
JS program through ``Session.interrupt`` (the interpreter runs JS on a worker thread
that the signal cannot reach), otherwise as ``KeyboardInterrupt`` here.
"""
from __future__ import annotations

import signal
import traceback as py_traceback
from typing import Any

from ipykernel.kernelbase import Kernel

from . import __version__
from .comms import install_widget_comms
from .completeness import is_complete
from .introspect import complete_at, inspect_at
from .output import CellOutput
from .workbench import Workbench, error_fields


class JsrustKernel(Kernel):
    implementation = "jsrust"
    implementation_version = __version__
    language = "javascript"
    language_info = {
        "name": "javascript",
        "version": "ES2023 (Node v20 semantics)",
        "mimetype": "text/javascript",
        "file_extension": ".js",
        "codemirror_mode": "javascript",
        "pygments_lexer": "javascript",
    }
    banner = ("jsrust: JavaScript run by a tracing interpreter, compiled to safe Rust.\n"
              "%lsmagic lists the magics; %%rust compiles a cell; %%trace shows its trace tree.")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.comm_manager = install_widget_comms(self)
        self.bench = Workbench()

    @property
    def kernel_info(self) -> dict:
        """ipykernel advertises the debugger whenever debugpy imports; we have none."""
        info = dict(super().kernel_info)
        info["supported_features"] = [f for f in info.get("supported_features", []) if f != "debugger"]
        return info

    # -- execute ---------------------------------------------------------------
    async def do_execute(self, code: str, silent: bool, store_history: bool = True, user_expressions: Any = None,
                         allow_stdin: bool = False, **kwargs: Any) -> dict:
        count = self.execution_count
        if store_history:
            self.bench.history.add(count, code)
        out = CellOutput(self, silent)
        previous = signal.signal(signal.SIGINT, self.bench.on_sigint)
        try:
            result = self.bench.run_cell(code, out, count)
        except KeyboardInterrupt:
            return self._error_reply(out, {"ename": "Interrupted", "evalue": "execution interrupted by the user",
                                           "traceback": ["Interrupted"]})
        except Exception as exc:  # a bug of ours: report it, keep the kernel alive
            return self._error_reply(out, {"ename": "InternalError", "evalue": f"{type(exc).__name__}: {exc}",
                                           "traceback": py_traceback.format_exception(exc)})
        finally:
            signal.signal(signal.SIGINT, previous)
        if result.error is not None:
            return self._error_reply(out, error_fields(result.error))
        if result.display is not None and not silent:
            self.send_response(self.iopub_socket, "execute_result",
                               {"execution_count": count, "data": {"text/plain": result.display}, "metadata": {}})
        return {"status": "ok", "execution_count": count, "payload": result.payload,
                "user_expressions": self._user_expressions(user_expressions or {})}

    def _error_reply(self, out: CellOutput, fields: dict) -> dict:
        out.error(fields["ename"], fields["evalue"], fields["traceback"])
        return {"status": "error", "execution_count": self.execution_count, **fields}

    def _user_expressions(self, expressions: dict) -> dict:
        """Evaluate each expression in the realm, as the protocol asks after a cell."""
        results = {}
        for key, expr in expressions.items():
            try:
                r = self.bench.execute(expr, "<user_expression>")
            except BaseException as exc:  # noqa: BLE001 - never fail the reply for one expression
                results[key] = {"status": "error", "ename": type(exc).__name__, "evalue": str(exc), "traceback": []}
                continue
            if r.error is not None:
                results[key] = {"status": "error", **error_fields(r.error)}
            else:
                results[key] = {"status": "ok", "data": {"text/plain": r.display or "undefined"}, "metadata": {}}
        return results

    # -- console helpers ---------------------------------------------------------
    async def do_is_complete(self, code: str) -> dict:
        status, indent = is_complete(code)
        reply = {"status": status}
        if status == "incomplete":
            reply["indent"] = indent
        return reply

    async def do_complete(self, code: str, cursor_pos: int) -> dict:
        try:
            matches, start, end = complete_at(self.bench, code, cursor_pos)
        except Exception:  # completion must never error the request
            matches, start, end = [], cursor_pos, cursor_pos
        return {"status": "ok", "matches": matches, "cursor_start": start, "cursor_end": end, "metadata": {}}

    async def do_inspect(self, code: str, cursor_pos: int, detail_level: int = 0, omit_sections: Any = ()) -> dict:
        try:
            data = inspect_at(self.bench, code, cursor_pos, detail_level)
        except Exception:
            data = {}
        return {"status": "ok", "found": bool(data), "data": data, "metadata": {}}

    async def do_history(self, hist_access_type: str, output: bool, raw: bool, session: int | None = None,
                         start: int | None = None, stop: int | None = None, n: int | None = None,
                         pattern: str | None = None, unique: bool = False) -> dict:
        entries = self.bench.history.query(hist_access_type, n=n, start=start or 0, stop=stop,
                                           pattern=pattern or "*", unique=unique)
        if output:
            entries = [(s, ln, (src, None)) for s, ln, src in entries]
        return {"status": "ok", "history": entries}

    # -- lifecycle ---------------------------------------------------------------
    async def do_shutdown(self, restart: bool) -> dict:
        if restart:
            self.bench.reset()
        return {"status": "ok", "restart": restart}
