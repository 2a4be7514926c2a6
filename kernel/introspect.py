"""Completion and inspection over the live realm.

Why no evaluation of arbitrary code: completing ``a.b.`` must not run user code (a
getter or a call could have side effects while the user is typing), so a dotted
chain is resolved by reading plain data properties only. The chain's first name is
read from the global object, or, for top-level ``let``/``const``/``class`` (which JS
keeps off the global object), by evaluating that single identifier, which has no
effects.
"""
from __future__ import annotations

import re
from typing import Any

from jsrust_core.values import Accessor, JSArray, JSFunction, JSObject

JS_KEYWORDS = (
    "async", "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
    "else", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "let",
    "new", "null", "of", "return", "static", "super", "switch", "this", "throw", "true", "try", "typeof",
    "undefined", "var", "void", "while", "yield",
)

_IDENT = r"[A-Za-z_$][\w$]*"
_MEMBER_AT_END = re.compile(rf"({_IDENT}(?:\.{_IDENT})*)\.([\w$]*)$")
_IDENT_AT_END = re.compile(rf"({_IDENT})$")
_MAGIC_AT_END = re.compile(r"^(\s*)(%%?)([\w]*)$")
_CHAIN_AROUND = re.compile(rf"{_IDENT}(?:\.{_IDENT})*")



def top_level_names(session: Any) -> list[str]:
    """Names declared at the top level of every cell run so far (in order, deduplicated)."""
    seen: dict[str, None] = {}
    for program in session.programs.programs:
        for stmt in getattr(program.ast, "body", []):
            if stmt.type == "VariableDeclaration":
                for decl in stmt.declarations:
                    if getattr(decl.id, "type", "") == "Identifier":
                        seen[decl.id.name] = None
            elif stmt.type in ("FunctionDeclaration", "ClassDeclaration") and stmt.id is not None:
                seen[stmt.id.name] = None
    return list(seen)


def global_names(session: Any) -> list[str]:
    names = dict.fromkeys(top_level_names(session))
    global_obj = getattr(session.realm, "global_obj", None)
    if global_obj is not None:
        names.update(dict.fromkeys(k for k in global_obj.props if type(k) is str))
    return list(names)


def lookup_name(session: Any, name: str) -> tuple[bool, Any]:
    """``(found, value)`` of a global or top-level binding, without running user code."""
    global_obj = getattr(session.realm, "global_obj", None)
    if global_obj is not None and name in global_obj.props:
        value = global_obj.props[name]
        return (False, None) if isinstance(value, Accessor) else (True, value)
    if name in top_level_names(session):
        result = session.execute(name, filename="<inspect>")
        if result.error is None:
            return True, result.value
    return False, None


def own_data(obj: Any, key: str) -> tuple[bool, Any]:
    """A data property along the prototype chain (accessors are not invoked)."""
    if isinstance(obj, JSArray) and key == "length":
        return True, float(len(obj.elems))
    seen = 0
    while isinstance(obj, JSObject) and seen < 100:
        if key in obj.props:
            value = obj.props[key]
            return (False, None) if isinstance(value, Accessor) else (True, value)
        obj = obj.proto
        seen += 1
    return False, None


def resolve_chain(session: Any, chain: str) -> tuple[bool, Any]:
    first, *rest = chain.split(".")
    found, value = lookup_name(session, first)
    for key in rest:
        if not found:
            break
        found, value = own_data(_as_object(session, value), key)
    return found, value


def _as_object(session: Any, value: Any) -> Any:
    """Primitives complete with their prototype's methods (``"s".`` → ``charAt`` …)."""
    realm = session.realm
    if isinstance(value, JSObject):
        return value
    proto_attr = {str: "string_proto", float: "number_proto", bool: "boolean_proto"}.get(type(value))
    return getattr(realm, proto_attr, None) if proto_attr else None


def property_names(session: Any, value: Any) -> list[str]:
    """Every string key reachable on ``value`` (own first, then its prototypes)."""
    obj = _as_object(session, value)
    names: dict[str, None] = {}
    if isinstance(value, (JSArray, str)):
        names["length"] = None
    depth = 0
    while isinstance(obj, JSObject) and depth < 100:
        names.update(dict.fromkeys(k for k in obj.props if type(k) is str and not k.isdigit()))
        obj = obj.proto
        depth += 1
    return list(names)


def complete_at(bench: Any, code: str, cursor_pos: int) -> tuple[list[str], int, int]:
    """``(matches, cursor_start, cursor_end)`` for the text before the cursor."""
    before = code[:cursor_pos]
    line_start = before.rfind("\n") + 1
    m = _MAGIC_AT_END.match(before[line_start:])
    if m:
        prefix = m.group(3)
        names = sorted(n for n in bench.magics.magics if n.startswith(prefix))
        start = line_start + len(m.group(1)) + len(m.group(2))
        return names, start, cursor_pos
    session = bench.session
    m = _MEMBER_AT_END.search(before)
    if m:
        found, value = resolve_chain(session, m.group(1))
        prefix = m.group(2)
        names = property_names(session, value) if found else []
        return sorted(n for n in names if n.startswith(prefix)), cursor_pos - len(prefix), cursor_pos
    m = _IDENT_AT_END.search(before)
    prefix = m.group(1) if m else ""
    names = set(global_names(session)) | set(JS_KEYWORDS)
    return sorted(n for n in names if n.startswith(prefix)), cursor_pos - len(prefix), cursor_pos


def chain_at(code: str, cursor_pos: int) -> str | None:
    """The dotted name under (or just before) the cursor."""
    for m in _CHAIN_AROUND.finditer(code):
        if m.start() <= cursor_pos <= m.end():
            # only up to the segment the cursor is in: ``a.b|.c`` inspects ``a.b``
            end = code.find(".", cursor_pos, m.end())
            return m.group(0)[: (end - m.start()) if end >= 0 else None]
    return None


def inspect_at(bench: Any, code: str, cursor_pos: int, detail_level: int = 0) -> dict:
    """A MIME bundle describing the value under the cursor, or ``{}``."""
    chain = chain_at(code, cursor_pos)
    if not chain:
        return {}
    session = bench.session
    found, value = resolve_chain(session, chain)
    if not found:
        return {}
    return {"text/plain": describe(session, chain, value, detail_level)}


def describe(session: Any, name: str, value: Any, detail_level: int = 0) -> str:
    """What ``inspect`` shows: a function's source, signature and trace statistics; an
    object's class and shape (property types); a primitive's type and value."""
    from jsrust_core.inspect import inspect as js_inspect
    from jsrust_core.profile import type_tag

    if isinstance(value, JSFunction):
        return _describe_function(session, name, value, detail_level)
    lines = [f"{name}: {type_tag(value)}"]
    if isinstance(value, JSObject) and not isinstance(value, JSArray):
        if value.class_name:
            lines.append(f"class: {value.class_name}")
        shape = [f"  {k}: {_field_tag(v)}" for k, v in value.props.items() if type(k) is str]
        if shape:
            lines.append("shape:")
            lines.extend(shape)
    elif isinstance(value, JSArray):
        lines.append(f"length: {len(value.elems)}; element types: "
                     + ", ".join(sorted({type_tag(e) for e in value.elems[:1000]})) or "none")
    lines.append("value: " + js_inspect(value))
    return "\n".join(lines)


def _field_tag(v: Any) -> str:
    from jsrust_core.profile import type_tag

    return "accessor" if isinstance(v, Accessor) else type_tag(v)


def _describe_function(session: Any, name: str, fn: JSFunction, detail_level: int) -> str:
    lines = [f"{name}: function {fn.name or '<anonymous>'} (length {fn.length})"]
    if fn.fn_sid is None:
        lines.append("native built-in function")
        return "\n".join(lines)
    programs = session.programs
    try:
        program = programs.program_of(fn.fn_sid)
        site = program.site(fn.fn_sid)
        lines.append(f"defined at {program.where(fn.fn_sid)}")
    except KeyError:
        program = site = None
    forest = session.last_forest
    if forest is not None:
        types = _try_types(session)  # inferred afresh: ``last_types`` may predate the last trace
        sig = getattr(types, "functions", {}).get(fn.fn_sid) if types is not None else None
        if sig is not None:
            lines.append(f"inferred signature: {sig}")
        tree = forest.tree_for(fn.fn_sid)
        if tree is not None:
            nodes = sum(1 for _ in tree.nodes())
            lines.append(f"trace tree: {len(tree.traces)} traces, {nodes} nodes, {tree.activations} activations")
        status = forest.callgraph.status_of(fn.fn_sid)
        if forest.callgraph.is_recursive(fn.fn_sid):
            lines.append(f"recursion: {status.value}")
    else:
        lines.append("not traced yet (run it under %%trace for types and trace statistics)")
    if program is not None and site is not None:
        lines.append("source:")
        lines.append(program.source[site.start:site.end])
    return "\n".join(lines)


def _try_types(session: Any) -> Any:
    try:
        return session.types()
    except Exception:  # inference trouble must not break inspection
        return None
