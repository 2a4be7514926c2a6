"""Errors a user sees from the core, each carrying a JS source location.

These are Python exceptions for *host-level* failures (bad syntax, a feature we do
not support, an interrupted run, a rustc failure). A JS ``throw`` travels as
``JSThrow`` (defined by the interpreter) and is a JS value, not one of these.
"""
from __future__ import annotations


class JsrustError(Exception):
    """Base of every error the core reports to a user."""


class JSSyntaxError(JsrustError):
    """Bad JavaScript; formatted the way Node reports it (``file:line`` then the message)."""

    def __init__(self, message: str, filename: str, line: int, column: int) -> None:
        super().__init__(f"SyntaxError: {message} at {filename}:{line}:{column}")
        self.message = message
        self.filename = filename
        self.line = line
        self.column = column


class Unsupported(JsrustError):
    """A JS feature jsrust does not implement, named with where it occurs."""

    def __init__(self, feature: str, filename: str, line: int, column: int) -> None:
        super().__init__(f"Unsupported: {feature} at {filename}:{line}:{column}")
        self.feature = feature
        self.filename = filename
        self.line = line
        self.column = column


class Interrupted(JsrustError):
    """The user interrupted a running program (SIGINT / kernel interrupt)."""


class BuildError(JsrustError):
    """rustc rejected generated code; ``js_lines`` maps its errors back to JS lines."""

    def __init__(self, message: str, js_lines: list | None = None) -> None:
        super().__init__(message)
        self.js_lines = js_lines or []
