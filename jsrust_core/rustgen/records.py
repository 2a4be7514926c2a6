"""Objects whose shape the trace proved, as generated Rust structs ("records").

Why: a dynamic object (`JsValue::Obj`) answers `o.x` by finding the key's atom among its
keys behind a `RefCell`, then tag-tests the value; a numeric kernel over objects (n-body)
spends nearly all its time there. ``typeinfer`` picks the shapes that only object
literals make and that never change (``RecordShape``); each becomes one struct here:

    struct Obj0_x_y { x: Cell<f64>, y: RefCell<JsValue> }

with a field per key, in key order: ``Cell<f64>`` / ``Cell<bool>`` where every value the
trace saw there was a number / boolean, ``RefCell<Rc<Other>>`` where it was a record
``Other``, ``RefCell<Option<Rc<Other>>>`` where it was `null` or such a record
(``rtypes.opt``), ``jsrt::NumArr`` / ``jsrt::RecArr<Other>`` (no cell: the constructor sets
it once) for a class's array field that only typed code touches (``fieldarrs``; dynamic code
sees a copy, for printing) — ``jsrt::FieldArr<..>``, in the struct itself, when no binding
also names it (``RecordShape.inline_arrs``) — ``RefCell<JsValue>`` otherwise. Values are
``Rc<Obj0_x_y>`` (``rtypes.rec``): a binding, parameter or return value of that shape
holds the ``Rc`` and reads ``b.x.get()`` — no lookup, no tag test. The same ``Rc`` is
the dynamic value ``JsValue::Rec`` (an unsized coercion to ``Rc<dyn jsrt::value::Record>``),
so storing a record into an array, printing it or passing it to untyped code shares the
one object (writes on either side are seen on the other; ``===`` is identity). Dynamic
code reaches fields through the ``Record`` impl generated here (keys, get and set by
slot); a typed binding takes a dynamic value back with ``jsrt::value::guard_rec``, a
downcast that side-exits when the value is not this struct. ``set`` refuses a value of
another type for a typed field, and the runtime turns that (and new or deleted keys)
into a side exit: a struct never silently holds something the trace did not prove.

A class record (``RecordShape.cls``) also holds the prototype its instance was made with
(`_proto`): methods and accessors stay closures there, so dynamic calls, `instanceof` and
printing (`C { .. }`) work as for a `JsObject`; `emit.Emitter.ensure_record_ctor` builds
instances and `emit.Emitter.ensure_method` the statically dispatched methods.
"""
from __future__ import annotations

import re

from .rtypes import E, OPT, REC, arr_elem, is_arr, rust, to_dyn


def field_name(key: str, slot: int) -> str:
    """The Rust field for a JS key: the key itself when it is a plain identifier."""
    from .emit import RUST_KEYWORDS  # emit uses this module: import at call time

    if re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", key) and key not in RUST_KEYWORDS:
        return key
    return f"k{slot}"


def field_arr_type(rep: str) -> str:
    """The Rust type of typed array field ``rep`` held in the struct itself (``jsrt::FieldArr``)."""
    return f"jsrt::FieldArr<{rust(arr_elem(rep))}>"


def struct_items(records: dict) -> list[list[str]]:
    """Rust items (lines) for every record shape: the struct and its ``Record`` impl."""
    from .emit import rust_str

    items = []
    for rec in sorted(records.values(), key=lambda r: r.name):
        keys = list(rec.fields)
        names = [field_name(k, i) for i, k in enumerate(keys)]
        reps = [rec.rep(k) for k in keys]
        store = {"f64": "Cell<f64>", "bool": "Cell<bool>", "dyn": "RefCell<JsValue>"}
        lines = [f"/// JS objects of shape {rec.shape} (see jsrust_core/rustgen/records.py)",
                 f"struct {rec.name} {{"]
        # (a typed array field is set once, by the constructor: the `Rc` itself never changes)
        lines += [f"    {n}: {store.get(r) or _arr_field(k, r, rec.inline_arrs) or f'RefCell<{rust(r)}>'},"
                  for n, k, r in zip(names, keys, reps)]
        if rec.cls is not None:
            lines.append("    _proto: Rc<RefCell<jsrt::JsObject>>,")
        lines += ["}", "", f"impl jsrt::value::Record for {rec.name} {{",
                  "    fn keys(&self) -> &'static [&'static str] {",
                  f"        &[{', '.join(rust_str(k) for k in keys)}]",
                  "    }",
                  "    fn slot(&self, key: &str) -> Option<usize> {",
                  "        match key {"]
        lines += [f"            {rust_str(k)} => Some({i})," for i, k in enumerate(keys)]
        lines += ["            _ => None,", "        }", "    }"]
        if rec.cls is not None:
            lines += ["    fn class_name(&self) -> Option<&'static str> {", f"        Some({rust_str(rec.cls)})", "    }",
                      "    fn proto(&self) -> Option<Rc<RefCell<jsrt::JsObject>>> {", "        Some(self._proto.clone())", "    }"]
        lines += [
                  "    fn get(&self, i: usize) -> JsValue {",
                  "        match i {"]
        for i, (n, r) in enumerate(zip(names, reps)):
            if is_arr(r):
                lines.append(f"            {i} => self.{n}.snapshot(),")
                continue
            value = {"f64": f"JsValue::Num(self.{n}.get())", "bool": f"JsValue::Bool(self.{n}.get())",
                     "dyn": f"jsrt::value::load(&self.{n})"}.get(r) or to_dyn(E(f"jsrt::value::{'load_opt' if r.startswith(OPT) else 'load_rec::<' + r[len(REC):] + '>'}(&self.{n})", r))
            lines.append(f"            {i} => {value},")
        lines += ["            _ => JsValue::Undefined,", "        }", "    }",
                  "    fn set(&self, i: usize, v: JsValue) -> bool {",
                  "        match (i, v) {"]
        for i, (n, r) in enumerate(zip(names, reps)):
            if is_arr(r):
                continue  # (dynamic code never stores there: `fieldarrs`)
            if r == "f64":
                lines.append(f"            ({i}, JsValue::Num(x)) => self.{n}.set(x),")
            elif r == "bool":
                lines.append(f"            ({i}, JsValue::Bool(x)) => self.{n}.set(x),")
            elif r.startswith(OPT):
                lines.append(f"            ({i}, x) => match jsrt::value::opt_of::<{r[len(OPT):]}>(x) {{ Some(o) => *self.{n}.borrow_mut() = o, None => return false }},")
            elif r.startswith(REC):
                lines.append(f"            ({i}, x) => match jsrt::value::opt_of::<{r[len(REC):]}>(x) {{ Some(Some(o)) => *self.{n}.borrow_mut() = o, _ => return false }},")
            else:
                lines.append(f"            ({i}, x) => *self.{n}.borrow_mut() = x,")
        lines += ["            _ => return false,", "        }", "        true", "    }", "}"]
        items.append(lines)
    return items


def _arr_field(key: str, rep: str, inline: set) -> str:
    """The Rust type of a typed array field (in the struct or a shared ``Rc``), else ''."""
    if not is_arr(rep):
        return ""
    return field_arr_type(rep) if key in inline else rust(rep)
