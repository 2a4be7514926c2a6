"""Stack tracking in the generated Rust: which programs pay for it, how frames are
labelled, and the site table the runtime (`runtime/callstack.rs`) formats frames from.

Why only some programs: tracking costs a push per call and a store per statement, and
only a program that can see an error value needs it — one that catches, constructs an
error, throws, or reads `.stack`. Any other program can only die of an engine error,
whose report then names the file without frames, as before. A program that does not
track and still prints an error's stack stops with an honest side exit rather than
print frames Node would not (see `console.rs`).

Labels and positions follow the interpreter's rules (`interp/stack.py`,
`callsites.py`), so the compiled stack equals the interpreter's, which equals Node's
user frames.
"""
from __future__ import annotations

from typing import Any, Iterable

from ..callsites import call_position, calls_in, error_sites, inferred_names, named_callee
from ..frontend import child_nodes

#: built-in error classes: constructing or extending one makes error values observable
ERROR_CLASSES = ("Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError")


def wants_stacks(program: Any) -> bool:
    """Can this program observe an error value (and so its stack)?"""
    errors = _error_classes(program)
    stack = [program.ast]
    while stack:
        n = stack.pop()
        t = n.type
        if t in ("CatchClause", "ThrowStatement"):
            return True
        if t == "MemberExpression":
            p = n.property
            if (not n.computed and p.type == "Identifier" and p.name == "stack") or \
                    (n.computed and p.type == "Literal" and p.value == "stack"):
                return True
        if t in ("NewExpression", "CallExpression") and n.callee.type == "Identifier" and n.callee.name in errors:
            return True
        stack.extend(child_nodes(n))
    return False


def _error_classes(program: Any) -> set[str]:
    """The built-in error classes and every class declared extending one (by name, to a
    fixed point); any class extending a computed expression might be one too."""
    names = set(ERROR_CLASSES)
    classes, stack = [], [program.ast]
    while stack:
        n = stack.pop()
        if n.type in ("ClassDeclaration", "ClassExpression") and n.superClass is not None:
            classes.append(n)
        stack.extend(child_nodes(n))
    grew = True
    while grew:
        grew = False
        for c in classes:
            sup = c.superClass
            if sup.type != "Identifier" or sup.name in names:
                name = c.id.name if c.id is not None else "<class>"
                if name not in names:
                    names.add(name)
                    grew = True
    return names


def frame_labels(program: Any) -> dict[int, tuple[str, str]]:
    """id(function node) -> (kind, name) for methods and constructors, as V8 labels their
    frames (`Owner.name`, `new Name`), and for anonymous functions stored into a member,
    the name V8 infers (`exports.main`, ``callsites.inferred_names``); other functions
    are plain (their own name)."""
    out: dict[int, tuple[str, str]] = {k: ("PLAIN", name) for k, name in inferred_names(program).items()}
    stack = [program.ast]
    while stack:
        n = stack.pop()
        t = n.type
        if t == "Property" and (n.method or n.kind in ("get", "set")):
            name = "" if n.computed else _key(n.key)
            out[id(n.value)] = ("METHOD", f"{n.kind} {name}" if n.kind in ("get", "set") else name)
        elif t in ("ClassDeclaration", "ClassExpression"):
            cname = n.id.name if n.id is not None else ""
            for m in n.body.body:
                if m.type != "MethodDefinition":
                    continue
                if m.kind == "constructor":
                    out[id(m.value)] = ("CTOR", cname)
                else:
                    name = "" if m.computed else ("#" + m.key.name if m.key.type == "PrivateIdentifier" else _key(m.key))
                    out[id(m.value)] = ("METHOD", f"{m.kind} {name}" if m.kind in ("get", "set") else name)
        stack.extend(child_nodes(n))
    return out


def _key(key: Any) -> str:
    return key.name if key.type == "Identifier" else str(key.value)


def site_items(program: Any, sids: Iterable[int], rust_str: Any) -> list[str]:
    """The `JS_FILES` / `JS_SITES` statics: per announced statement its position, per
    callee name the call a frame stopped there points at, and the operations an engine
    error raised there may name (``callsites.error_sites``)."""
    files: list[str] = []
    rows = []
    for sid in sorted(set(sids)):
        site = program.site(sid)
        fname = program.where(sid).rsplit(":", 2)[0]
        if fname not in files:
            files.append(fname)
        calls = calls_in(program.node(sid))
        default = call_position(program, sid, "")
        entries = [] if default == (site.line, site.col) else [("", *default)]
        if len(calls) > 1:
            for name in sorted({named_callee(c) for c in calls} - {""}):
                pos = call_position(program, sid, name)
                if pos != default:
                    entries.append((name, *pos))
        calls_text = ", ".join(f"({rust_str(n)}, {line}, {col})" for n, line, col in entries)
        errors_text = ", ".join(f"({how}, {rust_str(text)}, {line}, {col})"
                                for how, text, line, col in error_sites(program, sid))
        rows.append(f"    jsrt::callstack::Site {{ sid: {sid}, file: {files.index(fname)}, line: {site.line}, "
                    f"col: {site.col}, calls: &[{calls_text}], errors: &[{errors_text}] }},")
    return [f"static JS_FILES: [&str; {len(files)}] = [{', '.join(rust_str(f) for f in files)}];",
            f"static JS_SITES: [jsrt::callstack::Site; {len(rows)}] = [", *rows, "];"]
