"""Is a console input complete? (Jupyter's ``is_complete_request``.)

Why two tools: esprima says *whether* input parses and, when it does not, whether it
stopped at the end of the input ("Unexpected end of input") or on a bad token in the
middle. It cannot say how deeply the input is nested at its end, nor whether an
ILLEGAL token is an unterminated template or block comment (which more lines can
close) or a broken regular string (which they cannot: a JS string literal never spans
a raw newline; Node's REPL rejects ``"abc`` + Enter too). A small lexical scan of the
end state answers both.
"""
from __future__ import annotations

from dataclasses import dataclass

import esprima

#: one indent step, as the Node REPL's editor uses
INDENT = "  "

_OPEN = {"{": "}", "(": ")", "[": "]"}
_CLOSE = {"}", ")", "]"}


@dataclass
class EndState:
    """What is still open after scanning a whole input."""

    #: open brackets, innermost last (template ``${`` holes count as ``{``)
    brackets: list
    #: the input ends inside a template literal, a block comment, or a string whose
    #: last line ends with a backslash line continuation
    in_multiline_token: bool


def scan_end_state(source: str) -> EndState:
    """Scan ``source`` lexically (strings, templates with ``${}`` holes, comments,
    brackets) and report what is open at its end. Regex literals are not recognised;
    a ``/`` inside one only matters if it hides a quote or bracket, which is rare in
    console input and never makes a complete input look incomplete to the parser."""
    stack: list = []  # "{", "(", "[", "`" (inside template text), "${" (template hole)
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if stack and stack[-1] == "`":
            if c == "\\":
                i += 2
                continue
            if c == "`":
                stack.pop()
            elif c == "$" and source.startswith("${", i):
                stack.append("${")
                i += 2
                continue
            i += 1
            continue
        if c in "\"'":
            j = i + 1
            while j < n and source[j] != c and source[j] != "\n":
                j += 2 if source[j] == "\\" else 1
            if j >= n:
                # an unterminated string continues only through ``\`` + newline
                return EndState(_brackets(stack), source.endswith("\\\n") or source.endswith("\\"))
            i = j + 1
            continue
        if source.startswith("//", i):
            j = source.find("\n", i)
            i = n if j < 0 else j + 1
            continue
        if source.startswith("/*", i):
            j = source.find("*/", i + 2)
            if j < 0:
                return EndState(_brackets(stack), True)
            i = j + 2
            continue
        if c == "`":
            stack.append("`")
        elif c in _OPEN:
            stack.append(c)
        elif c in _CLOSE:
            if stack and stack[-1] == "${" and c == "}":
                stack.pop()
            elif stack and _OPEN.get(stack[-1]) == c:
                stack.pop()
        i += 1
    in_template = bool(stack) and stack[-1] == "`"
    return EndState(_brackets(stack), in_template)


def _brackets(stack: list) -> list:
    return [b for b in stack if b != "`"]


def is_complete(source: str) -> tuple[str, str]:
    """``(status, indent)`` with status ``complete`` / ``incomplete`` / ``invalid``.

    A line magic is complete; a cell magic (``%%name``) is incomplete until its last
    line is blank, as in IPython, because its body need not be valid JS on its own.
    """
    stripped = source.lstrip()
    if stripped.startswith("%%"):
        return ("complete", "") if "\n" in stripped and not stripped.split("\n")[-1].strip() else ("incomplete", "")
    if stripped.startswith("%"):
        return "complete", ""
    try:
        esprima.parseScript(source, {"tolerant": False})
        return "complete", ""
    except esprima.Error as exc:
        message = str(getattr(exc, "message", exc))
        index = getattr(exc, "index", -1)
    except RecursionError:
        return "invalid", ""
    end = scan_end_state(source)
    indent = INDENT * len(end.brackets)
    if "Unexpected end of input" in message:
        return "incomplete", indent
    if end.in_multiline_token and ("ILLEGAL" in message or index >= len(source.rstrip())):
        return "incomplete", indent
    return "invalid", ""
