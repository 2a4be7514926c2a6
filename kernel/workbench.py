"""The kernel's state and cell runner, independent of the Jupyter wire protocol.

A ``Workbench`` owns one ``jsrust_core.pipeline.Session`` (the persistent JS realm),
the magic registry and the cell history, and runs a cell: JavaScript chunks go to
the session, magics to their commands, and output goes to a ``CellOutput``. The
kernel class only translates requests and replies; this class is what it drives.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jsrust_core.pipeline import JsErrorInfo, Session

from .cells import JsChunk, MagicCall, split_cell
from .history import CellHistory
from .jsdisplay import install_display
from .magic_commands import build_registry
from .magics import MagicError, MagicHelp
from .output import CellOutput


@dataclass
class CellResult:
    """What the execute reply needs: the REPL text of the last value, or an error."""

    display: str | None = None
    error: JsErrorInfo | None = None
    payload: list = field(default_factory=list)


class Workbench:
    """One kernel's JS session, magics and history; ``run_cell`` runs a cell."""

    def __init__(self) -> None:
        self.out: CellOutput | None = None
        self.js_running = False
        self.history = CellHistory()
        self.magics = build_registry()
        self.session = self.new_session()

    # -- the session ---------------------------------------------------------
    def new_session(self) -> Session:
        """A fresh realm whose console and ``display`` publish to the current cell."""
        session = Session(stdout=self._stdout, stderr=self._stderr)
        install_display(session.realm, self._display, self._clear)
        return session

    def reset(self) -> None:
        self.session = self.new_session()

    def execute(self, source: str, filename: str, trace: bool = False, extend: bool = False) -> Any:
        """Run JS in the session; ``js_running`` tells the SIGINT handler that an
        interrupt should go to the interpreter (``Session.interrupt``) rather than
        raise ``KeyboardInterrupt`` in this thread."""
        self.js_running = True
        try:
            return self.session.execute(source, filename=filename, trace=trace, extend=extend)
        finally:
            self.js_running = False

    def on_sigint(self, signum: int, frame: Any) -> None:
        """SIGINT while a cell runs: stop the JS program if one is running, else
        interrupt whatever Python is doing (a magic waiting on a subprocess)."""
        if self.js_running:
            self.session.interrupt()
        else:
            raise KeyboardInterrupt

    def _stdout(self, text: str) -> None:
        if self.out is not None:
            self.out.stdout(text)

    def _stderr(self, text: str) -> None:
        if self.out is not None:
            self.out.stderr(text)

    def _display(self, bundle: dict) -> None:
        if self.out is not None:
            self.out.display(bundle)

    def _clear(self, wait: bool) -> None:
        if self.out is not None:
            self.out.clear(wait)

    # -- running a cell --------------------------------------------------------
    def run_cell(self, code: str, out: CellOutput, count: int) -> CellResult:
        """Run every chunk and magic of a cell in order; stop at the first error."""
        self.out = out
        filename = cell_filename(count)
        result = CellResult()
        for part in split_cell(code):
            result.display = None
            if isinstance(part, JsChunk):
                executed = self.execute(part.source, filename)
                if executed.error is not None:
                    result.error = with_source_pointer(executed.error, code)
                    return result
                result.display = executed.display
            elif isinstance(part, MagicCall):
                try:
                    result.display = self.run_magic(part, out, filename)
                except MagicHelp as shown:
                    if part.help:  # ``%name?`` pages, as IPython's ``obj?`` does
                        result.payload.append({"source": "page", "data": {"text/plain": shown.magic.usage()},
                                               "start": 0})
                    else:
                        out.stdout(shown.magic.usage() + "\n")
                except MagicError as exc:
                    result.error = JsErrorInfo(exc.ename, str(exc), [f"{exc.ename}: {exc}"], filename, part.line, 0)
                    return result
        return result

    def run_magic(self, call: MagicCall, out: CellOutput, filename: str) -> str | None:
        magic = self.magics.get(call.name, cell=call.body is not None)
        if call.help:
            raise MagicHelp(magic)
        args = self.magics.parse(magic, call.args)
        return magic.run(self, out, args, call.body, filename)


def cell_filename(count: int) -> str:
    """The file name errors and stack frames show for cell ``count``."""
    return f"<cell {count}>"


def with_source_pointer(error: JsErrorInfo, cell: str) -> JsErrorInfo:
    """Add the offending cell line and a caret when the error knows its position and its
    traceback does not already quote the line."""
    if not error.line:
        return error
    lines = cell.split("\n")
    if not 0 < error.line <= len(lines):
        return error
    text = lines[error.line - 1]
    if any(text.strip() and ln.strip() == text.strip() for ln in error.traceback):
        return error
    column = max(error.column - 1, 0)  # JsErrorInfo columns are 1-based
    pointer = [f"{error.filename or 'cell'}:{error.line}:{column + 1}", text, " " * column + "^", ""]
    return JsErrorInfo(error.ename, error.evalue, pointer + list(error.traceback), error.filename, error.line,
                       error.column)


def error_fields(error: JsErrorInfo) -> dict[str, Any]:
    return {"ename": error.ename, "evalue": error.evalue, "traceback": list(error.traceback)}
