"""JS stack traces and Node's report of an uncaught exception.

Generated Python code has one JS statement per line group and a line -> site id
table (``CodeUnit.line_sids``), so the live Python frames of generated functions are
the JS call stack: ``install_stack`` reads them when an Error is created (as V8 does)
and ``format_uncaught`` reads the traceback of the escaping exception for the
``file:line`` + source + caret header Node prints.
"""
from __future__ import annotations

import sys
from types import FrameType, TracebackType
from typing import Any, Iterable, Iterator, Optional

from ..values import NULL, UNDEFINED, Accessor, JSError, JSObject, JSSymbol, from_js_string
from .functions import NativeFunction
from .loader import unit_for_code
from ..callsites import call_position

#: V8's default ``Error.stackTraceLimit``
STACK_LIMIT = 10


def frame_site(code_filename: str, lineno: int) -> Optional[tuple[Any, Any, int]]:
    """(program, site, sid) of a generated-code line, or None for other Python code."""
    found = unit_for_code(code_filename)
    if found is None:
        return None
    unit, program = found
    if not 0 < lineno <= len(unit.line_sids):
        return None
    sid = unit.line_sids[lineno - 1]
    return program, program.site(sid), sid



def caller_site(realm: Any) -> tuple[str, int, int]:
    """file, line, column of the innermost JS statement running (for ``Unsupported``)."""
    f = sys._getframe(1)
    while f is not None:
        loc = frame_site(f.f_code.co_filename, f.f_lineno)
        if loc is not None:
            program, site, _ = loc
            return program.filename, site.line, site.col + 1
        f = f.f_back
    return realm.main_filename, 0, 0


def _frame_label(frame: FrameType, unit_ns: dict) -> str:
    """How V8 names a frame: ``f``, ``new C``, ``C.m``, ``Object.<anonymous>``."""
    name = frame.f_code.co_name
    if not name.startswith("_f"):
        return ""
    tmpl = unit_ns.get("_T" + name[2:])
    if tmpl is None:
        return ""
    kind = tmpl.kind
    if kind == "module":
        return "Object.<anonymous>"
    if kind == "script":
        return ""
    fname = tmpl.name
    if kind in ("ctor", "derived"):
        return f"new {fname}"
    this = frame.f_locals.get("this", UNDEFINED)
    if kind == "method" and isinstance(this, JSObject):
        owner = this.class_name
        if owner is None and hasattr(this, "is_class") and getattr(this, "is_class", False):
            owner = "Function"
        return f"{owner or 'Object'}.{fname}" if fname else ""
    return fname


def _outward(start: Optional[FrameType]) -> Iterator[FrameType]:
    f = start
    while f is not None:
        yield f
        f = f.f_back


def _skip_constructors(frames: list[FrameType], ctor_tmpl: Any) -> list[FrameType]:
    """The frames after the outermost frame of ``ctor_tmpl``'s code: ``new E()`` for
    ``class E extends Error`` does not show E's (or its bases') constructors, since V8
    starts the trace below ``new.target``. Unchanged when that frame is absent."""
    for i in range(len(frames) - 1, -1, -1):
        f = frames[i]
        found = unit_for_code(f.f_code.co_filename)
        if found is not None and found[0].namespace.get("_T" + f.f_code.co_name[2:]) is ctor_tmpl:
            return frames[i + 1:]
    return frames


def frame_records(frames: Iterable[FrameType], limit: int = STACK_LIMIT,
                  ctor_tmpl: Any = None) -> list[tuple[str, Any, int]]:
    """(label, program, statement sid) for the generated-code frames among ``frames``
    (innermost first), below the constructor frames of ``ctor_tmpl`` when given. Labels
    read live frame locals, so they are taken now; positions can wait (``frame_lines``)."""
    frames = list(frames)
    if ctor_tmpl is not None:
        frames = _skip_constructors(frames, ctor_tmpl)
    out = []
    for f in frames:
        if len(out) >= limit:
            break
        found = unit_for_code(f.f_code.co_filename)
        if found is not None:
            unit, program = found
            loc = frame_site(f.f_code.co_filename, f.f_lineno)
            if loc is not None:
                out.append((_frame_label(f, unit.namespace), program, loc[2]))
    return out


def frame_lines(records: list[tuple[str, Any, int]], engine_error: bool = False) -> list[str]:
    """``    at label (file:line:col)`` for each frame record. The innermost frame of an
    error the engine raised (``null.x``) stopped at an operation, not at a call, so it
    keeps its statement's position."""
    out = []
    for i, (label, program, sid) in enumerate(records):
        if i == 0 and engine_error:
            site = program.site(sid)
            line, col = site.line, site.col
        else:
            callee = records[i - 1][0] if i else ""
            line, col = call_position(program, sid, callee.split(".")[-1].removeprefix("new "))
        where = f"{program.filename}:{line}:{col + 1}"
        out.append(f"    at {label} ({where})" if label else f"    at {where}")
    return out


def js_frames(frames: Iterable[FrameType], limit: int = STACK_LIMIT, ctor_tmpl: Any = None) -> list[str]:
    """``    at ...`` lines for the generated-code frames among ``frames``."""
    return frame_lines(frame_records(frames, limit, ctor_tmpl))


def stack_from_traceback(realm: Any, err: JSObject, tb: Optional[TracebackType]) -> str:
    """The ``stack`` of an error the engine raised deep inside (stack overflow): the
    frames come from the escaping exception's traceback rather than the live stack."""
    frames = []
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    lines = js_frames(reversed(frames))
    return error_header(realm, err) + ("\n" + "\n".join(lines) if lines else "")


def error_header(realm: Any, err: JSObject) -> str:
    name = realm.get(err, "name")
    msg = realm.get(err, "message")
    name = "Error" if name is UNDEFINED else realm.to_string(name)
    msg = "" if msg is UNDEFINED else realm.to_string(msg)
    if not name:
        return msg
    if not msg:
        return name
    return f"{name}: {msg}"


class StackGetter(NativeFunction):
    """The getter behind a fresh error's ``stack``; ``inspect`` (which never runs
    user code) may call it because it only formats text the engine already holds."""

    __slots__ = ()
    formats_stack = True


def install_stack(realm: Any, err: JSObject, new_target: Any = None, engine_error: bool = False) -> None:
    """Give a new error its ``stack``: the JS frames are captured now, the
    ``Name: message`` header when ``stack`` is first read — V8 formats lazily, so a
    subclass constructor that sets ``this.name`` after ``super()`` changes the header
    of the stack Node prints for an uncaught throw. The first read caches the text.
    ``new_target``: the class being constructed, whose constructor frames V8 omits;
    ``engine_error``: raised by an operation rather than constructed by a call."""
    records = frame_records(_outward(sys._getframe(1)), ctor_tmpl=getattr(new_target, "tmpl", None))

    def read(realm: Any, this: Any, args: list) -> Any:
        frames = frame_lines(records, engine_error)
        text = error_header(realm, err) + ("\n" + "\n".join(frames) if frames else "")
        err.props["stack"] = text
        return text

    def write(realm: Any, this: Any, args: list) -> Any:
        err.props["stack"] = args[0] if args else UNDEFINED
        return UNDEFINED

    err.set_hidden("stack", Accessor(StackGetter(realm, "stack", read), NativeFunction(realm, "stack", write, 1),
                                     enumerable=False))


def throw_site(tb: Optional[TracebackType]) -> Optional[tuple[Any, Any]]:
    """(program, site) of the innermost generated-code frame in a traceback."""
    last = None
    while tb is not None:
        loc = frame_site(tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        if loc is not None:
            last = loc
        tb = tb.tb_next
    return (last[0], last[1]) if last else None


def format_uncaught(exc: BaseException, realm_or_program: Any = None) -> str:
    """What ``node file.js`` prints on stderr for an uncaught ``JSThrow``: the
    ``file:line`` / source line / caret block, a blank line, then the error's
    inspection (its stack for errors), then the Node version trailer."""
    from ..inspect import inspect
    from .realm import NODE_VERSION

    value = getattr(exc, "value", None)
    is_error = isinstance(value, JSError)
    out = [] if is_error else [""]
    site = throw_site(exc.__traceback__)
    if site is not None:
        program, s = site
        out.append(f"{program.filename}:{s.line}")
        out.append(program.line_text(s.line))
        out.append(" " * s.col + "^")
    if value is None:
        body = str(exc)
    elif isinstance(value, JSObject):
        body = from_js_string(inspect(value))
    else:
        # a thrown primitive prints as its string (a symbol as nothing), plus a hint
        text = "" if isinstance(value, JSSymbol) else _primitive_text(value)
        body = from_js_string(text) + "\n(Use `node --trace-uncaught ...` to show where the exception was thrown)"
    if is_error:
        out.append("")
    out.append(body)
    return "\n".join(out) + f"\n\nNode.js {NODE_VERSION}\n"


def _primitive_text(v: Any) -> str:
    from ..numconv import number_to_string

    if type(v) is str:
        return v
    if type(v) is float:
        return number_to_string(v)
    if type(v) is bool:
        return "true" if v else "false"
    return "null" if v is NULL else "undefined" if v is UNDEFINED else repr(v)
