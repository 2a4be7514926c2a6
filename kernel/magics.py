"""The magic registry: names, documentation and argument parsing.

Each magic is declared once with an ``argparse`` parser (so ``%name?`` and ``%lsmagic``
print documentation generated from the same declaration that parses arguments) and a
function that does the work (``magic_commands.py``). Argument errors become a
``MagicError`` the kernel reports as a clean error reply, never a ``SystemExit``.
"""
from __future__ import annotations

import argparse
import shlex
from dataclasses import dataclass
from typing import Any, Callable


class MagicError(Exception):
    """A magic could not run: bad arguments, or nothing to show yet."""

    def __init__(self, message: str, ename: str = "UsageError") -> None:
        super().__init__(message)
        self.ename = ename


class MagicArgumentParser(argparse.ArgumentParser):
    """argparse that raises instead of printing to the kernel's stderr and exiting."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        raise MagicError(f"{self.prog}: {message}\n{self.format_usage().rstrip()}")

    def exit(self, status: int = 0, message: str | None = None) -> None:  # type: ignore[override]
        raise MagicError(message or f"{self.prog}: exited")


@dataclass
class Magic:
    name: str
    #: "line" (``%name``), "cell" (``%%name``) or "both"
    kind: str
    summary: str
    parser: MagicArgumentParser
    run: Callable[..., Any]  # run(bench, out, args: Namespace, body: str | None) -> str | None

    def usage(self) -> str:
        """The help text for ``%name?``."""
        return self.parser.format_help().rstrip()

    def prefix(self) -> str:
        return {"line": "%", "cell": "%%", "both": "%/%%"}[self.kind]


class MagicRegistry:
    def __init__(self) -> None:
        self.magics: dict[str, Magic] = {}

    def add(self, name: str, kind: str, summary: str, run: Callable[..., Any],
            configure: Callable[[MagicArgumentParser], None] | None = None) -> Magic:
        prog = ("%%" if kind == "cell" else "%") + name
        parser = MagicArgumentParser(prog=prog, description=summary)
        if configure:
            configure(parser)
        magic = Magic(name, kind, summary, parser, run)
        self.magics[name] = magic
        return magic

    def get(self, name: str, cell: bool) -> Magic:
        magic = self.magics.get(name)
        if magic is None:
            raise MagicError(f"no magic named {'%%' if cell else '%'}{name} (try %lsmagic)")
        wanted = "cell" if cell else "line"
        if magic.kind not in (wanted, "both"):
            other = "%%" if magic.kind == "cell" else "%"
            raise MagicError(f"{name} is a {magic.kind} magic: write {other}{name}")
        return magic

    def parse(self, magic: Magic, argline: str) -> argparse.Namespace:
        try:
            argv = shlex.split(argline)
        except ValueError as exc:
            raise MagicError(f"%{magic.name}: cannot split arguments: {exc}") from None
        if any(a in ("-h", "--help") for a in argv):
            raise MagicHelp(magic)
        return magic.parser.parse_args(argv)

    def listing(self) -> str:
        """``%lsmagic``'s text: every magic with its one-line summary."""
        width = max(len(m.prefix() + m.name) for m in self.magics.values())
        rows = [f"{(m.prefix() + m.name).ljust(width)}  {m.summary}" for m in sorted(self.magics.values(), key=lambda m: m.name)]
        return "Available magics (append ? for details, e.g. %types?):\n" + "\n".join(rows)


class MagicHelp(Exception):
    """``-h``/``--help`` was given: show the magic's documentation instead of running it."""

    def __init__(self, magic: Magic) -> None:
        super().__init__(magic.name)
        self.magic = magic
