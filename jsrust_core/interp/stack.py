"""JS stack traces and Node's report of an uncaught exception.

Generated Python code has one JS statement per line group and a line -> site id
table (``CodeUnit.line_sids``), so the live Python frames of generated functions are
the JS call stack: ``install_stack`` reads them when an Error is created (as V8 does)
and ``format_uncaught`` reads the traceback of the escaping exception for the
``file:line`` + source + caret header Node prints.
"""
from __future__ import annotations

import sys
from types import FrameType
from typing import Any, Iterable, Iterator, Optional

from ..inspect import get_constructor_name
from ..values import NULL, UNDEFINED, Accessor, JSError, JSObject, JSSymbol, from_js_string
from .functions import NativeFunction
from .loader import unit_for_code
from ..callsites import call_position, error_position

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
    if kind in ("ctor", "derived") or (kind == "function" and frame.f_locals.get("nt", UNDEFINED) is not UNDEFINED):
        return f"new {fname}"  # (a class's constructor, or `new F()` of a plain function)
    if not fname:
        return tmpl.inferred  # (`exports.main = function ..` runs as `exports.main`, unprefixed)
    if kind not in ("method", "function"):
        return fname
    owner = _receiver_type(frame.f_locals.get("this", UNDEFINED), unit_ns.get("_GOBJ"))
    return f"{owner}.{fname}" if owner else fname


#: the type V8 names a primitive receiver by
_PRIMITIVE_TYPES = {float: "Number", str: "String", bool: "Boolean"}


def _receiver_type(this: Any, global_obj: Any) -> Optional[str]:
    """How V8 names the receiver of a method call in a frame label (`Object.h`,
    `Number.f`, `C.s` for a static method of class C); None when the call had none (a
    plain call: `this` undefined, or the global object in sloppy code)."""
    primitive = _PRIMITIVE_TYPES.get(type(this))
    if primitive is not None:
        return primitive
    if not isinstance(this, JSObject) or this is global_obj:
        return None
    if getattr(this, "is_class", False):
        return this.name or "Function"
    return get_constructor_name(this) or "Object"


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
    return _records([(f, f.f_lineno) for f in frames], limit)


def _records(frames: list[tuple[FrameType, int]], limit: int = STACK_LIMIT) -> list[tuple[str, Any, int]]:
    """``frame_records`` for (frame, the line it is at) pairs: a traceback's frames are
    at its ``tb_lineno``, not at their ``f_lineno`` (the handler, for the catching frame)."""
    out = []
    for f, lineno in frames:
        if len(out) >= limit:
            break
        found = unit_for_code(f.f_code.co_filename)
        if found is not None:
            unit, program = found
            loc = frame_site(f.f_code.co_filename, lineno)
            if loc is not None:
                out.append((_frame_label(f, unit.namespace), program, loc[2]))
    return out


def frame_lines(records: list[tuple[str, Any, int]], inner: tuple[str, str] = ("call", "")) -> list[str]:
    """``    at label (file:line:col)`` for each frame record. ``inner``: where the innermost
    frame stopped (``inner_position``); every outer one at its call of the next."""
    out = []
    for i, (label, program, sid) in enumerate(records):
        if i == 0:
            line, col = inner_position(program, sid, inner)
        else:
            callee = records[i - 1][0]
            line, col = call_position(program, sid, callee.split(".")[-1].removeprefix("new "))
        where = f"{program.filename}:{line}:{col + 1}"
        out.append(f"    at {label} ({where})" if label else f"    at {where}")
    return out


def inner_position(program: Any, sid: int, inner: tuple[str, str]) -> tuple[int, int]:
    """Where the innermost frame of an error stopped in statement ``sid``: ``("call",
    name)``, at its call of the function ``name`` (``""``: of the statement's only call)
    — the built-in that raised the error, or the error's constructor; ``("op",
    message)``, at the operation an engine error with ``message`` names."""
    how, what = inner
    return engine_position(program, sid, what) if how == "op" else call_position(program, sid, what)


def engine_position(program: Any, sid: int, message: str) -> tuple[int, int]:
    """(line, 0-based column) of the operation in statement ``sid`` that raised an engine
    error with ``message``; the statement's own position when it cannot be told."""
    pos = error_position(program, sid, message)
    if pos is None:
        site = program.site(sid)
        return site.line, site.col
    return pos


def js_frames(frames: Iterable[FrameType], limit: int = STACK_LIMIT, ctor_tmpl: Any = None) -> list[str]:
    """``    at ...`` lines for the generated-code frames among ``frames``."""
    return frame_lines(frame_records(frames, limit, ctor_tmpl))


def raised_error(realm: Any, kind: str, message: str, exc: BaseException) -> JSError:
    """The JS error for a failure Python reported as an exception (a stack overflow's
    RecursionError, a TDZ read's UnboundLocalError). Its frames are the exception's
    traceback, continued outward from the frame that caught it (a traceback starts
    there), so they are the JS stack where it was raised, as V8 captures it. The
    innermost frame points at the failing operation (``engine_position``; for a stack
    overflow, the statement the new frame was entering), and the error keeps that place
    (``JSError.origin``)."""
    err = realm.make_error(kind, message)
    tb = exc.__traceback__
    caught = tb.tb_frame if tb is not None else None
    pairs = []
    while tb is not None:
        pairs.append((tb.tb_frame, tb.tb_lineno))
        tb = tb.tb_next
    pairs.reverse()
    if caught is not None:
        pairs += [(f, f.f_lineno) for f in _outward(caught.f_back)]
    records = _records(pairs)
    if records:
        err.origin = (records[0][1], records[0][2], ("op", message))
    lines = frame_lines(records, ("op", message))
    err.props["stack"] = error_header(realm, err) + ("\n" + "\n".join(lines) if lines else "")
    return err


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


def install_stack(realm: Any, err: JSObject, new_target: Any = None,
                  raised: Optional[tuple[str, str]] = None) -> None:
    """Give a new error its ``stack``: the JS frames are captured now, the
    ``Name: message`` header when ``stack`` is first read — V8 formats lazily, so a
    subclass constructor that sets ``this.name`` after ``super()`` changes the header
    of the stack Node prints for an uncaught throw. The first read caches the text.
    ``new_target``: the class being constructed, whose constructor frames V8 omits and
    whose construction the innermost frame shows; ``raised``: the engine made the error
    (an operation failed or a built-in threw), and where its innermost frame stopped
    (``inner_position``); the error keeps that place (``JSError.origin``) for the caret
    of an uncaught throw (``throw_position``)."""
    records = frame_records(_outward(sys._getframe(1)), ctor_tmpl=getattr(new_target, "tmpl", None))
    inner = raised if raised is not None else ("call", getattr(new_target, "name", "") or "")
    if raised is not None and records and isinstance(err, JSError):
        err.origin = (records[0][1], records[0][2], raised)

    def read(realm: Any, this: Any, args: list) -> Any:
        frames = frame_lines(records, inner)
        text = error_header(realm, err) + ("\n" + "\n".join(frames) if frames else "")
        err.props["stack"] = text
        return text

    def write(realm: Any, this: Any, args: list) -> Any:
        err.props["stack"] = args[0] if args else UNDEFINED
        return UNDEFINED

    err.set_hidden("stack", Accessor(StackGetter(realm, "stack", read), NativeFunction(realm, "stack", write, 1),
                                     enumerable=False))


def throw_position(exc: BaseException) -> Optional[tuple[Any, int, int]]:
    """(program, line, 0-based column) Node's caret shows for an uncaught exception: the
    statement the innermost generated-code frame of its traceback stopped in, or, for an
    error the engine raised right there (not caught and thrown again elsewhere), the
    failing operation or built-in call in that statement."""
    last = None
    tb = exc.__traceback__
    while tb is not None:
        loc = frame_site(tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        if loc is not None:
            last = loc
        tb = tb.tb_next
    if last is None:
        return None
    program, site, sid = last
    origin = getattr(getattr(exc, "value", None), "origin", None)
    if origin is not None and origin[0] is program and origin[1] == sid:
        return (program, *inner_position(program, sid, origin[2]))
    return program, site.line, site.col


def format_uncaught(exc: BaseException, realm_or_program: Any = None) -> str:
    """What ``node file.js`` prints on stderr for an uncaught ``JSThrow``: the
    ``file:line`` / source line / caret block, a blank line, then the error's
    inspection (its stack for errors), then the Node version trailer."""
    from ..inspect import inspect
    from .realm import NODE_VERSION

    value = getattr(exc, "value", None)
    is_error = isinstance(value, JSError)
    out = [] if is_error else [""]
    where = throw_position(exc)
    if where is not None:
        program, line, col = where
        out.append(f"{program.filename}:{line}")
        out.append(program.line_text(line))
        out.append(" " * col + "^")
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
