"""The representations generated Rust uses for a JS value, and conversions.

``f64`` and ``bool`` are the static types a monomorphic profile allows (numbers and
booleans live in registers, no allocation, no tag test); everything else is the
runtime's ``JsValue``. ``NEVER`` is the type of a side exit (Rust's ``!``), which
converts to anything. A conversion from ``JsValue`` to a static type is a *guard*:
if the value is not of the type the trace observed, the program side-exits.
``ARR`` is an array of numbers as ``jsrt::NumArr``, ``recarr:Name`` an array of records
``Name`` as ``jsrt::RecArr<Name>``, and ``own:`` before either the same array owned by its
only name (``jsrt::OwnArr<T>``, a plain ``Vec``); only bindings ``arrays.typed_arrays``
proved never reach dynamic code have them, so they never convert to ``JsValue`` (a copy
would break aliasing): asking for that is an emitter bug and fails loudly.
``ARRARR`` is an array of number arrays (``jsrt::RowArr``, a table of
rows such as a graph's predecessor lists): each element is the shared ``NumArr`` of the
binding pushed into it, so the row and its name stay one array; its elements read as ``ARR``.
``BOOLARR`` is an array of booleans (``jsrt::BoolArr``, flags such as a visited table);
its elements read as ``BOOL``.
``own:intarr`` is an owned number array whose every element ``counters`` proved a small
integer, stored as ``jsrt::OwnArr<i64>``; its elements read as ``I64``.
``rec:Name`` is an object of a record shape (``typeinfer.RecordShape``) as ``Rc<Name>``,
the generated struct; it converts to ``JsValue::Rec`` (the same ``Rc``, so aliases stay
one object) and back through a guard that downcasts (see ``runtime/value.rs``).
``opt:Name`` is a value the trace saw only as ``null`` or record ``Name`` (a tree node's
``left``) as ``Option<Rc<Name>>``: ``=== null`` is a tag test, a field read one null
test, and no ``JsValue`` is built, matched or dropped on the way.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

F64 = "f64"
BOOL = "bool"
DYN = "dyn"
NEVER = "never"
ARR = "numarr"
#: an array of booleans
BOOLARR = "boolarr"
#: an array whose elements are number arrays (``arrays``: only rows pushed from typed bindings)
ARRARR = "arrarr"
#: an owned array of small integers (``counters.int_plan``); only ever ``own(INTARR)``
INTARR = "intarr"

#: a loop counter proven to stay an exact small integer (``counters``); only its
#: binding has this representation — every read is ``(i as f64)``
I64 = "i64"

RUST = {F64: "f64", BOOL: "bool", DYN: "JsValue", ARR: "jsrt::NumArr", ARRARR: "jsrt::RowArr",
        BOOLARR: "jsrt::BoolArr",
        I64: "i64"}
REC = "rec:"


def rec(name: str) -> str:
    """The representation of an object stored as the generated struct ``name``."""
    return REC + name


def is_rec(ty: str) -> bool:
    return ty.startswith(REC)


OPT = "opt:"


def opt(name: str) -> str:
    """The representation of `null` or an object stored as struct ``name``."""
    return OPT + name


def is_opt(ty: str) -> bool:
    return ty.startswith(OPT)


def is_ref(ty: str) -> bool:
    """A record or a nullable record: an `Rc` that a read clones and a store moves."""
    return ty.startswith(REC) or ty.startswith(OPT)


def struct_of(ty: str) -> str:
    """The struct name of a record or nullable-record representation."""
    return ty[len(REC):] if ty.startswith(REC) else ty[len(OPT):]


RECARR = "recarr:"


def recarr(name: str) -> str:
    """The representation of an array whose elements are all records ``name``."""
    return RECARR + name


OWN = "own:"


def own(ty: str) -> str:
    """Typed array ``ty`` held by its only name (``jsrt::OwnArr``)."""
    return OWN + ty


def is_own(ty: str) -> bool:
    return ty.startswith(OWN)


def is_arr(ty: str) -> bool:
    """A typed array (``NumArr``, ``RecArr`` or ``OwnArr``)."""
    ty = ty[len(OWN):] if is_own(ty) else ty
    return ty in (ARR, INTARR, ARRARR, BOOLARR) or ty.startswith(RECARR)


def arr_elem(ty: str) -> str:
    """The representation of a typed array's elements."""
    ty = ty[len(OWN):] if is_own(ty) else ty
    if ty == INTARR:
        return I64
    if ty == ARRARR:
        return ARR
    if ty == BOOLARR:
        return BOOL
    return F64 if ty == ARR else rec(ty[len(RECARR):])


def arr_path(ty: str) -> str:
    """The Rust path to call a typed array's constructors on (``from_vec``, ``filled``)."""
    if is_own(ty):
        return f"jsrt::OwnArr::<{rust(arr_elem(ty))}>"
    if ty in (ARRARR, BOOLARR):
        return RUST[ty]
    return "jsrt::NumArr" if ty == ARR else f"jsrt::RecArr::<{ty[len(RECARR):]}>"


def rust(ty: str) -> str:
    """The Rust type of a representation."""
    if is_rec(ty):
        return f"Rc<{ty[len(REC):]}>"
    if is_opt(ty):
        return f"Option<Rc<{ty[len(OPT):]}>>"
    if is_own(ty):
        return f"jsrt::OwnArr<{rust(arr_elem(ty))}>"
    if ty.startswith(RECARR):
        return f"jsrt::RecArr<{ty[len(RECARR):]}>"
    return RUST[ty]


@dataclass
class E:
    """An emitted Rust expression and its representation."""

    code: str
    ty: str


def of_jstype(t, records: Optional[dict] = None) -> str:
    """Representation for a ``typeinfer.JsType`` (``records``: shape -> ``RecordShape``)."""
    if t.kind in ("f64", "int"):
        return F64
    if t.kind == "bool":
        return BOOL
    if t.kind == "object" and records and t.shape in records:
        return rec(records[t.shape].name)
    name = nullable_record(t, records)
    return opt(name) if name is not None else DYN


def nullable_record(t, records: Optional[dict]) -> Optional[str]:
    """The struct name when ``t`` is exactly `null` or an object of one record shape."""
    if t.kind != "union" or not records or len(t.members) != 2:
        return None
    objs = [m for m in t.members if m.kind == "object" and m.shape in records]
    if len(objs) != 1 or not any(m.kind == "null" for m in t.members):
        return None
    return records[objs[0].shape].name


def _no_arr(e: E) -> None:
    if is_arr(e.ty):
        raise AssertionError(f"a typed array reached a dynamic use: {e.code}")


def to_dyn(e: E) -> str:
    _no_arr(e)
    if e.ty == F64:
        return f"JsValue::Num({e.code})"
    if e.ty == BOOL:
        return f"JsValue::Bool({e.code})"
    if is_rec(e.ty):
        return f"JsValue::Rec({e.code})"
    if is_opt(e.ty):
        return f"jsrt::value::opt_dyn({e.code})"
    return e.code


def _dyn(e: E) -> E:
    """A record as the dynamic value it stands for (operators treat it as any object)."""
    return E(to_dyn(e), DYN) if is_ref(e.ty) else e


def to_number(e: E) -> str:
    """JS ToNumber, for arithmetic (never a guard: JS converts)."""
    _no_arr(e)
    e = _dyn(e)
    if e.ty in (F64, NEVER):
        return e.code
    if e.ty == BOOL:
        return f"(({e.code}) as u8 as f64)"
    return f"({e.code}).to_number()"


def truthy(e: E) -> str:
    _no_arr(e)
    if is_rec(e.ty):
        return f"{{ let _ = {e.code}; true }}"
    if is_opt(e.ty):
        return f"({e.code}).is_some()"
    if e.ty in (BOOL, NEVER):
        return e.code
    if e.ty == F64:
        return f"jsrt::ops::truthy_num({e.code})"
    return f"({e.code}).truthy()"


def to_str(e: E) -> str:
    """JS ToString as a Rust `&str`-able expression (an `Rc<str>` or `String`)."""
    _no_arr(e)
    e = _dyn(e)
    if e.ty == F64:
        return f"jsrt::num_to_string({e.code})"
    if e.ty == BOOL:
        return f'(if {e.code} {{ "true" }} else {{ "false" }}).to_string()'
    return f"({e.code}).to_js_string()"
