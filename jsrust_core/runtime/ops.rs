//! JS operators and property access on dynamic values.
//!
//! Generated code calls these only where an operand's type is not known statically;
//! typed operands compile to plain Rust arithmetic and comparisons.
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::exit::throw_engine_error;
use crate::strings;
use crate::value::{JsFunc, JsObject, JsStr, JsValue};

/// ToPrimitive for `+`, `<` and `==`: objects become their string form.
/// ToPrimitive with the default/number hint: an object's own `valueOf` (a user method)
/// wins when it returns a primitive, otherwise its string form (`toString`).
pub(crate) fn to_primitive(v: &JsValue) -> JsValue {
    match v {
        JsValue::Obj(o) if o.borrow().boxed.is_some() && lookup(o, "valueOf").is_none() => {
            o.borrow().boxed.clone().unwrap_or(JsValue::Undefined)
        }
        JsValue::Obj(o) => {
            if let Some(f @ JsValue::Func(_)) = lookup(o, "valueOf") {
                let r = call(&f, v.clone(), &[], "valueOf");
                if !matches!(r, JsValue::Arr(_) | JsValue::Obj(_) | JsValue::Rec(_) | JsValue::Func(_) | JsValue::Map(_) | JsValue::Set(_) | JsValue::RegExp(_)) {
                    return r;
                }
            }
            JsValue::Str(v.to_js_string())
        }
        JsValue::Rec(r) => {
            if let Some(f @ JsValue::Func(_)) = r.lookup("valueOf") {
                let r = call(&f, v.clone(), &[], "valueOf");
                if !matches!(r, JsValue::Arr(_) | JsValue::Obj(_) | JsValue::Rec(_) | JsValue::Func(_) | JsValue::Map(_) | JsValue::Set(_) | JsValue::RegExp(_)) {
                    return r;
                }
            }
            JsValue::Str(v.to_js_string())
        }
        JsValue::Arr(_) | JsValue::Func(_) | JsValue::Map(_) | JsValue::Set(_) | JsValue::RegExp(_) => JsValue::Str(v.to_js_string()),
        other => other.clone(),
    }
}

/// JS `a + b`.
pub fn add(a: &JsValue, b: &JsValue) -> JsValue {
    if let (JsValue::Num(x), JsValue::Num(y)) = (a, b) {
        return JsValue::Num(x + y);
    }
    let (pa, pb) = (to_primitive(a), to_primitive(b));
    match (&pa, &pb) {
        (JsValue::Str(x), _) => concat(x, &pb.to_js_string()),
        (_, JsValue::Str(y)) => concat(&pa.to_js_string(), y),
        _ => JsValue::Num(pa.to_number() + pb.to_number()),
    }
}

/// JS `x += v` / `x = x + v` on a variable: when `x` holds a string it solely owns, the
/// string grows in place, so building a string in a loop costs O(total length) instead
/// of copying the accumulated prefix at every step. Other cases are plain `add`.
pub fn add_assign(target: &mut JsValue, v: &JsValue) {
    if let JsValue::Str(s) = target {
        match v {
            JsValue::Str(t) => s.push_js(t),
            JsValue::Num(n) => s.push_number(*n),
            other => s.push_str(&to_primitive(other).to_js_string()),
        }
        return;
    }
    *target = add(target, v);
}

/// JS `x += 'lit'` on a variable: a string `x` grows by the literal's text in place, and
/// no string value is made for the literal.
#[inline]
pub fn append_lit(target: &mut JsValue, text: &'static str) {
    if let JsValue::Str(s) = target {
        s.push_str(text);
        return;
    }
    let v = crate::value::lit(text);
    add_assign(target, &v)
}

/// JS `x += a + b` on a variable (`a + b` not known to be a string at compile time):
/// when `x` is a string and `a + b` joins a string with a string or number, both are
/// appended to `x` in place, never joined into a string of their own first.
pub fn append_sum(target: &mut JsValue, a: &JsValue, b: &JsValue) {
    if let JsValue::Str(s) = target {
        match (a, b) {
            (JsValue::Str(x), JsValue::Str(y)) => {
                s.push_str(x);
                s.push_str(y);
                return;
            }
            (JsValue::Str(x), JsValue::Num(n)) => {
                s.push_str(x);
                s.push_number(*n);
                return;
            }
            (JsValue::Num(n), JsValue::Str(y)) => {
                s.push_number(*n);
                s.push_str(y);
                return;
            }
            _ => {}
        }
    }
    let sum = add(a, b);
    add_assign(target, &sum);
}

/// JS `x += 'a' + y + ...` on a local `x`, the right side a `+` chain that is a string
/// from its first step: each operand is converted as `+` converts it and appended onto
/// `x`'s own string as soon as it is evaluated, so the chain is never a string of its own
/// (a serializer's `out += '"' + k + '":' + inner` copied every piece twice).
///
/// JS leaves `x` as it was when an operand throws, so until `done` a guard undoes the
/// appends (or restores a primitive `x` that was turned into its string first). When `x`
/// holds an object its ToPrimitive must run after the operands, as `+` runs it: the chain
/// is then gathered apart and joined by `add` at `done`.
pub struct StrAppend<'a> {
    target: &'a mut JsValue,
    /// `x`'s length in bytes before the first append
    start: usize,
    /// a primitive `x` as it was before it became its string
    before: Option<JsValue>,
    /// the chain, when `x` holds an object (or a symbol, whose `+` throws after the operands)
    apart: Option<String>,
    done: bool,
}

impl<'a> StrAppend<'a> {
    pub fn new(target: &'a mut JsValue) -> StrAppend<'a> {
        let (mut before, mut apart) = (None, None);
        match target {
            JsValue::Str(_) => {}
            JsValue::Undefined | JsValue::Null | JsValue::Bool(_) | JsValue::Num(_) | JsValue::Hole => {
                let s = target.to_js_string();
                before = Some(std::mem::replace(target, JsValue::Str(s)));
            }
            _ => apart = Some(String::new()),
        }
        let start = match &*target {
            JsValue::Str(s) => s.len(),
            _ => 0,
        };
        StrAppend { target, start, before, apart, done: false }
    }

    /// The chain `x + 'lit' + ...` that `x` itself starts (a return's `out + '}'`): the
    /// first `+` converts `x` before any later operand is evaluated, so an object `x` is
    /// turned into its string (ToPrimitive, then ToString) now, not gathered apart.
    pub fn first(target: &'a mut JsValue) -> StrAppend<'a> {
        let mut before = None;
        if !matches!(target, JsValue::Str(_)) {
            let s = to_primitive(target).to_js_string();
            before = Some(std::mem::replace(target, JsValue::Str(s)));
        }
        let start = match &*target {
            JsValue::Str(s) => s.len(),
            _ => 0,
        };
        StrAppend { target, start, before, apart: None, done: false }
    }

    #[inline]
    pub fn push_str(&mut self, text: &str) {
        match (&mut self.apart, &mut *self.target) {
            (Some(buf), _) => buf.push_str(text),
            (None, JsValue::Str(s)) => s.push_str(text),
            _ => unreachable!("a StrAppend target is a string unless its chain is gathered apart"),
        }
    }

    #[inline]
    pub fn push_num(&mut self, n: f64) {
        match (&mut self.apart, &mut *self.target) {
            (Some(buf), _) => crate::numfmt::push_number(buf, n),
            (None, JsValue::Str(s)) => s.push_number(n),
            _ => unreachable!("a StrAppend target is a string unless its chain is gathered apart"),
        }
    }

    /// The JS `+` form of `v` (ToPrimitive, then ToString).
    #[inline]
    pub fn push_plus(&mut self, v: &JsValue) {
        match v {
            JsValue::Str(t) => match (&mut self.apart, &mut *self.target) {
                (None, JsValue::Str(s)) => s.push_js(t),
                _ => self.push_str(t),
            },
            JsValue::Num(n) => self.push_num(*n),
            other => self.push_str(&to_primitive(other).to_js_string()),
        }
    }

    /// Every operand was appended: keep the result.
    pub fn done(mut self) {
        self.done = true;
        if let Some(chain) = self.apart.take() {
            *self.target = add(self.target, &JsValue::string(chain));
        }
    }
}

impl Drop for StrAppend<'_> {
    /// An operand threw (the unwind passes here): `x` is put back as it was.
    fn drop(&mut self) {
        if self.done || self.apart.is_some() {
            return;
        }
        match self.before.take() {
            Some(v) => *self.target = v,
            None => {
                if let JsValue::Str(s) = &mut *self.target {
                    s.truncate(self.start);
                }
            }
        }
    }
}

/// JS `x += String(v)` on a variable: `v`'s string form (ToString, not the `+` operator's
/// ToPrimitive first) is appended in place, a number formatted straight into `x`.
pub fn append_string(target: &mut JsValue, v: &JsValue) {
    match (&mut *target, v) {
        (JsValue::Str(s), JsValue::Num(n)) => s.push_number(*n),
        (JsValue::Str(s), JsValue::Str(t)) => s.push_js(t),
        (JsValue::Str(s), other) => s.push_str(&other.to_js_string()),
        (_, other) => add_assign(target, &JsValue::Str(other.to_js_string())),
    }
}

/// Append the JS `+` form of `v` to a string under construction: a chain `"a" + x + y`
/// (which is a string from its first `+` on) is built in one buffer instead of copying
/// each partial result. `v` goes through ToPrimitive then ToString, as `+` does.
pub fn push_plus(buf: &mut String, v: &JsValue) {
    match v {
        JsValue::Str(s) => buf.push_str(s),
        JsValue::Num(n) => crate::numfmt::push_number(buf, *n),
        other => buf.push_str(&to_primitive(other).to_js_string()),
    }
}

/// JS string concatenation of any two values (template literals, `s + x`).
pub fn concat(a: &str, b: &str) -> JsValue {
    let mut s = String::with_capacity(a.len() + b.len());
    s.push_str(a);
    s.push_str(b);
    JsValue::string(s)
}

/// JS `a < b` (with `swap` for `>`): strings compare by code units, the rest as numbers.
pub fn less(a: &JsValue, b: &JsValue) -> Option<bool> {
    let (pa, pb) = (to_primitive(a), to_primitive(b));
    if let (JsValue::Str(x), JsValue::Str(y)) = (&pa, &pb) {
        return Some(strings::cmp16(x, y) == std::cmp::Ordering::Less);
    }
    let (x, y) = (pa.to_number(), pb.to_number());
    if x.is_nan() || y.is_nan() {
        None
    } else {
        Some(x < y)
    }
}

pub fn lt(a: &JsValue, b: &JsValue) -> bool {
    less(a, b).unwrap_or(false)
}
pub fn gt(a: &JsValue, b: &JsValue) -> bool {
    less(b, a).unwrap_or(false)
}
pub fn le(a: &JsValue, b: &JsValue) -> bool {
    less(b, a).map(|r| !r).unwrap_or(false)
}
pub fn ge(a: &JsValue, b: &JsValue) -> bool {
    less(a, b).map(|r| !r).unwrap_or(false)
}

/// JS `===`.
pub fn strict_eq(a: &JsValue, b: &JsValue) -> bool {
    match (a, b) {
        (JsValue::Undefined, JsValue::Undefined) | (JsValue::Null, JsValue::Null) => true,
        (JsValue::Bool(x), JsValue::Bool(y)) => x == y,
        (JsValue::Num(x), JsValue::Num(y)) => x == y,
        (JsValue::Str(x), JsValue::Str(y)) => x == y,
        (JsValue::Arr(x), JsValue::Arr(y)) => Rc::ptr_eq(x, y),
        (JsValue::Obj(x), JsValue::Obj(y)) => Rc::ptr_eq(x, y),
        (JsValue::Rec(x), JsValue::Rec(y)) => x.addr() == y.addr(),
        (JsValue::Func(x), JsValue::Func(y)) => Rc::ptr_eq(x, y),
        (JsValue::Map(x), JsValue::Map(y)) => Rc::ptr_eq(x, y),
        (JsValue::Set(x), JsValue::Set(y)) => Rc::ptr_eq(x, y),
        (JsValue::RegExp(x), JsValue::RegExp(y)) => Rc::ptr_eq(x, y),
        (JsValue::Sym(x), JsValue::Sym(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

/// `v === "text"` against a string literal: no string value made for the literal.
#[inline]
pub fn eq_str(v: &JsValue, text: &str) -> bool {
    matches!(v, JsValue::Str(s) if **s == *text)
}

/// `v[i] === "text"`: on a string the code unit at `i` is compared in place (every
/// `text[pos]` of a scanner would make a one-character string otherwise, and half a
/// surrogate pair, which a string value here cannot hold, is simply unequal); any other
/// receiver is read as `v[i]` and compared.
/// Always inlined: a program is compiled at opt-level 1, which leaves a plain `#[inline]`
/// function a call, and the call cost more than this fast path (a scanner runs it per
/// character); inlined, the literal's byte is a constant.
#[inline(always)]
pub fn index_is<I: crate::numarr::ArrIndex>(v: &JsValue, i: I, text: &str) -> bool {
    if let (JsValue::Str(s), [b]) = (v, text.as_bytes()) {
        // a one-byte literal (`text[pos] === ','`, the scanner's case) against ASCII text:
        // one byte compare, the literal's code unit being that byte
        if s.ascii() {
            return i.slot().and_then(|j| s.as_bytes().get(j)).is_some_and(|c| c == b);
        }
    }
    index_is_slow(v, i, text)
}

#[inline(never)]
fn index_is_slow<I: crate::numarr::ArrIndex>(v: &JsValue, i: I, text: &str) -> bool {
    if let JsValue::Str(s) = v {
        // `s[i]` is one UTF-16 unit or `undefined`: equal only to a one-unit text
        let mut units = text.encode_utf16();
        let (unit, more) = (units.next(), units.next().is_some());
        return match (i.slot(), unit) {
            (Some(j), Some(u)) if !more && s.ascii() => s.as_bytes().get(j).is_some_and(|b| *b as u16 == u),
            (Some(j), Some(u)) if !more => strings::code_at(s, j as f64) == u as f64,
            _ => false,
        };
    }
    eq_str(&get_index(v, i), text)
}

/// `index_is` on the value a cell holds, read in place as `get_index_in` does (a string
/// answers under the borrow; anything else, which might run a getter, from a clone).
/// Always inlined, as `index_is`.
#[inline(always)]
pub fn index_is_in<I: crate::numarr::ArrIndex>(cell: &RefCell<JsValue>, i: I, text: &str) -> bool {
    {
        let v = cell.borrow();
        if let JsValue::Str(_) = &*v {
            return index_is(&v, i, text);
        }
    }
    index_is_in_slow(cell, i, text)
}

#[inline(never)]
fn index_is_in_slow<I: crate::numarr::ArrIndex>(cell: &RefCell<JsValue>, i: I, text: &str) -> bool {
    let v = cell.borrow().clone();
    index_is(&v, i, text)
}

/// `typeof v === "text"`: the tag compared as text, no string value made.
#[inline]
pub fn type_is(v: &JsValue, text: &str) -> bool {
    v.type_of() == text
}

/// SameValueZero (`includes`, Map/Set keys): `===` except NaN equals NaN.
/// A Map key or Set member as stored: `-0` becomes `+0` (JS normalises it, so Node prints
/// `Set(1) { 0 }` for `new Set([-0])`).
#[inline]
pub fn key_zero(k: JsValue) -> JsValue {
    match k {
        JsValue::Num(x) if x == 0.0 => JsValue::Num(0.0),
        other => other,
    }
}

pub fn same_value_zero(a: &JsValue, b: &JsValue) -> bool {
    match (a, b) {
        (JsValue::Num(x), JsValue::Num(y)) => x == y || (x.is_nan() && y.is_nan()),
        _ => strict_eq(a, b),
    }
}

/// JS `==`.
pub fn loose_eq(a: &JsValue, b: &JsValue) -> bool {
    use JsValue::*;
    match (a, b) {
        (Undefined | Null, Undefined | Null) => true,
        (Undefined | Null, _) | (_, Undefined | Null) => false,
        (Num(_), Str(_)) | (Str(_), Num(_)) | (Bool(_), _) | (_, Bool(_)) => {
            if matches!(a, Bool(_)) || matches!(b, Bool(_)) {
                let na = if let Bool(_) = a { Num(a.to_number()) } else { a.clone() };
                let nb = if let Bool(_) = b { Num(b.to_number()) } else { b.clone() };
                return loose_eq(&na, &nb);
            }
            a.to_number() == b.to_number()
        }
        (Arr(_) | Obj(_) | Rec(_) | RegExp(_), Num(_) | Str(_)) => loose_eq(&to_primitive(a), b),
        (Num(_) | Str(_), Arr(_) | Obj(_) | Rec(_) | RegExp(_)) => loose_eq(a, &to_primitive(b)),
        _ => strict_eq(a, b),
    }
}

/// `typeof v`.
pub fn type_of(v: &JsValue) -> JsValue {
    JsValue::str(v.type_of())
}

fn read_error(target: &JsValue, key: &str) -> ! {
    throw_engine_error("TypeError", &format!("Cannot read properties of {} (reading '{}')", target.tag(), key))
}

/// Look a key up an object's prototype chain.
pub fn lookup(o: &Rc<RefCell<JsObject>>, key: &str) -> Option<JsValue> {
    lookup_id(o, crate::value::atom_id(key)?)
}

/// `lookup` by atom id.
pub(crate) fn lookup_id(o: &Rc<RefCell<JsObject>>, id: usize) -> Option<JsValue> {
    let mut next = {
        let b = o.borrow();
        if let Some(i) = b.position_id(id) {
            return Some(b.vals[i].clone());
        }
        b.proto.clone()
    };
    while let Some(p) = next {
        let b = p.borrow();
        if let Some(i) = b.position_id(id) {
            return Some(b.vals[i].clone());
        }
        next = b.proto.clone();
    }
    None
}

/// The getter/setter pair defining `key` along a prototype chain, if an accessor does.
pub fn find_accessor(o: &Rc<RefCell<JsObject>>, key: &str) -> Option<(Option<JsValue>, Option<JsValue>)> {
    match find(o, key) {
        Slot::Accessor(g, s) => Some((g, s)),
        _ => None,
    }
}

/// Method lookup for `recv.name(..)` with a literal name (see `value::literal_id`).
pub fn lookup_lit(o: &Rc<RefCell<JsObject>>, key: &'static str) -> Option<JsValue> {
    lookup_id(o, crate::value::literal_id(key))
}

/// The function `recv.name` finds on an object or a record (own key or class prototype),
/// named by a literal: the common method call skips hashing the name.
#[inline]
pub fn method_lit(recv: &JsValue, key: &'static str) -> Option<JsValue> {
    let f = match recv {
        JsValue::Obj(o) => lookup_lit(o, key),
        JsValue::Rec(r) => match r.get_key(key) {
            Some(v) => Some(v),
            None => lookup_lit(&r.proto()?, key),
        },
        _ => None,
    };
    f.filter(|f| matches!(f, JsValue::Func(_)))
}

/// Find `key` along the prototype chain: a plain value, or the getter/setter pair that
/// defines it.
enum Slot {
    /// a data property and whether it is writable (`attrs`: a read-only one, own or
    /// inherited, refuses assignment)
    Value(JsValue, bool),
    Accessor(Option<JsValue>, Option<JsValue>),
    Missing,
}

fn find(o: &Rc<RefCell<JsObject>>, key: &str) -> Slot {
    match crate::value::atom_id(key) {
        Some(id) => find_id(o, id),
        None => Slot::Missing,
    }
}

/// `find` by atom id: pointer comparisons only, and no reference-count traffic when
/// the object itself has the key.
fn find_id(o: &Rc<RefCell<JsObject>>, id: usize) -> Slot {
    #[inline]
    fn own(b: &JsObject, id: usize) -> Option<Slot> {
        if let Some((g, s)) = b.accessor_id(id) {
            return Some(Slot::Accessor(g, s));
        }
        b.position_id(id).map(|i| {
            let writable = b.readonly.is_empty() || !b.readonly.iter().any(|k| **k == *b.keys[i]);
            Slot::Value(b.vals[i].clone(), writable)
        })
    }
    let mut next = {
        let b = o.borrow();
        if let Some(slot) = own(&b, id) {
            return slot;
        }
        b.proto.clone()
    };
    while let Some(p) = next {
        let b = p.borrow();
        if let Some(slot) = own(&b, id) {
            return slot;
        }
        next = b.proto.clone();
    }
    Slot::Missing
}

/// Define a getter and/or setter (object literal `get x() {}`, class accessors).
pub fn define_accessor(target: &JsValue, key: &str, getter: Option<JsValue>, setter: Option<JsValue>, hidden: bool) {
    let o = match target {
        JsValue::Obj(o) => o.clone(),
        JsValue::Func(f) => match &f.proto() {
            Some(p) => p.clone(),
            None => return,
        },
        _ => return,
    };
    let mut b = o.borrow_mut();
    match b.accessors.iter_mut().find(|a| &*a.0 == key) {
        Some(slot) => {
            if getter.is_some() {
                slot.1 = getter;
            }
            if setter.is_some() {
                slot.2 = setter;
            }
        }
        None => {
            b.accessors.push((crate::value::atom(key), getter, setter));
            if b.get_own(key).is_none() {
                b.set(key, JsValue::Undefined);
            }
            if hidden {
                b.hidden.push(JsStr::from(key));
            }
        }
    }
}

/// `proto` of a class or constructor function: where `define_accessor` puts class accessors.
pub fn proto_of(cls: &JsValue) -> JsValue {
    match cls {
        JsValue::Func(f) => f.proto().map(JsValue::Obj).unwrap_or(JsValue::Undefined),
        _ => JsValue::Undefined,
    }
}

/// A static member of class `f` read with `recv` as `this`: an own value or static
/// accessor, else the same up the `extends` chain (a subclass inherits its parent's
/// statics; a getter still sees the class it was read on). `None`: no such member.
pub fn static_get(f: &Rc<JsFunc>, recv: &JsValue, key: &str) -> Option<JsValue> {
    let mut class = f.clone();
    loop {
        // (values are cloned out before a getter runs: it may write statics itself)
        let own = class.props.borrow().iter().find(|(k, _)| &**k == key).map(|(_, v)| v.clone());
        if own.is_some() {
            return own;
        }
        let getter = class.accessors.borrow().iter().find(|a| &*a.0 == key).map(|a| a.1.clone());
        if let Some(getter) = getter {
            return Some(match getter {
                Some(g) => call(&g, recv.clone(), &[], key),
                None => JsValue::Undefined,
            });
        }
        class = class.parent.clone()?;
    }
}

/// `C.key = v` on a function or class: the nearest static accessor along the `extends`
/// chain takes it (no setter: ignored, as sloppy code does), unless a plain value is met
/// first; otherwise it becomes (or replaces) an own value of `C`, even when inherited.
fn static_set(f: &Rc<JsFunc>, recv: &JsValue, key: &str, v: JsValue) {
    let mut class = Some(f.clone());
    while let Some(c) = class {
        if c.props.borrow().iter().any(|(k, _)| &**k == key) {
            break;
        }
        let setter = c.accessors.borrow().iter().find(|a| &*a.0 == key).map(|a| a.2.clone());
        if let Some(setter) = setter {
            if let Some(s) = setter {
                call(&s, recv.clone(), &[v], key);
            }
            return;
        }
        class = c.parent.clone();
    }
    let mut props = f.props.borrow_mut();
    match props.iter_mut().find(|(k, _)| &**k == key) {
        Some(slot) => slot.1 = v,
        None => props.push((JsStr::from(key), v)),
    }
}

/// A sloppy-mode function's `this`: `undefined` and `null` become the global object and a
/// primitive its wrapper object, as in JS (a symbol's wrapper is not modelled).
pub fn sloppy_this(this: JsValue) -> JsValue {
    match this {
        JsValue::Undefined | JsValue::Null => crate::builtins::global_this(),
        JsValue::Num(_) | JsValue::Str(_) | JsValue::Bool(_) => crate::builtins::boxed(this),
        JsValue::Sym(_) => crate::exit::unsupported("a symbol `this` in a sloppy-mode function (boxing is not modelled)"),
        other => other,
    }
}

/// `F.prototype = obj` (the ES5 way to inherit: `Circle.prototype = Object.create(Shape.prototype)`):
/// later `new F` objects get `obj` as their prototype. A class's `prototype` is read-only.
/// `{ __proto__: p, .. }` in an object literal: `p` becomes the new object's prototype
/// (null leaves it none; any other value is ignored, as in JS).
pub fn literal_proto(o: &JsValue, p: JsValue) {
    if let JsValue::Obj(obj) = o {
        let mut b = obj.borrow_mut();
        match p {
            JsValue::Obj(proto) => {
                b.proto = Some(proto);
                b.null_proto = false;
            }
            JsValue::Null => {
                b.proto = None;
                b.null_proto = true;
            }
            _ => {}
        }
    }
}

fn set_prototype(f: &Rc<JsFunc>, v: JsValue, strict: bool) {
    if f.is_class {
        if strict {
            // (V8's message quotes the class's source text)
            crate::exit::unsupported("assigning a class's read-only `prototype` in strict code");
        }
        return;
    }
    match v {
        JsValue::Obj(o) => *f.proto_slot.borrow_mut() = Some(o),
        other => crate::exit::unsupported(&format!("a function's `prototype` set to a {}", other.tag())),
    }
}

/// `static get key()` / `static set key(v)` on class `cls` (a later half joins an earlier one).
pub fn define_static_accessor(cls: &JsValue, key: &str, getter: Option<JsValue>, setter: Option<JsValue>) {
    let JsValue::Func(f) = cls else { return };
    let mut accessors = f.accessors.borrow_mut();
    match accessors.iter_mut().find(|a| &*a.0 == key) {
        Some(slot) => {
            if getter.is_some() {
                slot.1 = getter;
            }
            if setter.is_some() {
                slot.2 = setter;
            }
        }
        None => accessors.push((crate::value::atom(key), getter, setter)),
    }
}

/// What V8 throws for `this` (or `super.x`, or falling off the end) in a derived
/// constructor before its `super(..)` call has returned.
const THIS_UNBOUND: &str = "Must call super constructor in derived class before accessing 'this' or returning from derived constructor";

/// `this` in a derived constructor whose `super(..)` is not plainly its first statement
/// (or in an arrow inside it): `bound` is set once `super(..)` returns.
pub fn derived_this(this: &JsValue, bound: &Cell<bool>) -> JsValue {
    if !bound.get() {
        throw_engine_error("ReferenceError", THIS_UNBOUND);
    }
    this.clone()
}

/// After the parent constructor ran for a `super(..)` call: `this` is bound now, and a
/// second call is V8's ReferenceError (thrown after the parent ran, as V8 does).
pub fn derived_bind(bound: &Cell<bool>) {
    if bound.get() {
        throw_engine_error("ReferenceError", "Super constructor may only be called once");
    }
    bound.set(true);
}

/// What a derived constructor returns (`return v;` or falling off the end with
/// `undefined`): an object replaces the instance; `undefined` keeps it, which needs
/// `super(..)` to have run; anything else is a TypeError.
pub fn derived_return(v: JsValue, bound: &Cell<bool>) -> JsValue {
    match v {
        JsValue::Obj(_) | JsValue::Rec(_) | JsValue::Arr(_) | JsValue::Func(_) | JsValue::Map(_) | JsValue::Set(_) | JsValue::RegExp(_) => v,
        JsValue::Undefined if bound.get() => v,
        JsValue::Undefined => throw_engine_error("ReferenceError", THIS_UNBOUND),
        _ => throw_engine_error("TypeError", "Derived constructors may only return object or undefined"),
    }
}

/// `obj.key` / `obj["key"]`.
pub fn get(obj: &JsValue, key: &str) -> JsValue {
    match obj {
        JsValue::Obj(o) => match find(o, key) {
            Slot::Value(v, _) => v,
            Slot::Accessor(Some(g), _) => call(&g, obj.clone(), &[], key),
            // V8's stack text (frames, file paths) is not reproduced
            Slot::Missing if key == "stack" && o.borrow().is_error => crate::exit::unsupported("error stacks (`e.stack`)"),
            // a built-in iterator's `next`, inherited in JS: a function of its receiver
            Slot::Missing if key == "next" && o.borrow().iter.is_some() => JsValue::func("next", |this, _| match &this {
                JsValue::Obj(o) if o.borrow().iter.is_some() => crate::iterators::next(o),
                _ => crate::exit::unsupported("an iterator's `next` called on another object"),
            })
            .with_length(0),
            // a wrapper's `length`, indices and methods are its primitive's
            Slot::Missing if o.borrow().boxed.is_some() => {
                let p = o.borrow().boxed.clone().unwrap_or(JsValue::Undefined);
                get(&p, key)
            }
            // (the pointer test first: the name search only for the global object's misses)
            Slot::Missing if crate::builtins::is_global(o) && crate::builtins::node_global(key) => {
                crate::exit::unsupported(&format!("reading Node's global `{}` through the global object", key))
            }
            // inherited from Object.prototype in JS: a function (or `Object`), never undefined
            Slot::Missing if (key == "constructor" || crate::builtins::OBJECT_METHODS.contains(&key))
                && o.borrow().inherits_object_prototype() => {
                crate::exit::unsupported("Object.prototype members read as values")
            }
            _ => JsValue::Undefined,
        },
        JsValue::Rec(r) => {
            if let Some(v) = r.get_key(key) {
                return v;
            }
            if let Some(proto) = r.proto() {
                match find(&proto, key) {
                    Slot::Value(v, _) => return v,
                    Slot::Accessor(Some(g), _) => return call(&g, obj.clone(), &[], key),
                    Slot::Accessor(None, _) => return JsValue::Undefined,
                    Slot::Missing => {}
                }
            }
            if key == "constructor" || crate::builtins::OBJECT_METHODS.contains(&key) {
                crate::exit::unsupported("Object.prototype members read as values")
            }
            JsValue::Undefined
        }
        JsValue::Arr(a) => {
            if key == "length" {
                return JsValue::Num(a.borrow().len() as f64);
            }
            match crate::value::index_key(key) {
                Some(i) => a.borrow().get(i as usize).map(JsValue::slot_value).unwrap_or(JsValue::Undefined),
                None => crate::arrprops::get(a, key)
                    // `arr.push` as a value is a function in JS, not undefined
                    .or_else(|| crate::builtins::method_value(obj, key))
                    .unwrap_or(JsValue::Undefined),
            }
        }
        JsValue::Str(s) => {
            if key == "length" {
                return JsValue::Num(strings::len16(s) as f64);
            }
            match crate::value::index_key(key) {
                Some(i) => strings::char_at(s, i as f64).map(JsValue::Str).unwrap_or(JsValue::Undefined),
                None => crate::builtins::method_value(obj, key).unwrap_or(JsValue::Undefined),
            }
        }
        JsValue::Func(f) => {
            if key == "name" {
                return JsValue::Str(f.name.clone());
            }
            if key == "prototype" {
                return match f.proto() {
                    Some(p) => JsValue::Obj(p),
                    None => crate::exit::unsupported("the `prototype` of a built-in or plain function"),
                };
            }
            match static_get(f, obj, key) {
                Some(v) => v,
                None if key == "length" => match f.length.get() {
                    Some(n) => JsValue::Num(n as f64),
                    None => crate::exit::unsupported("the `length` of a built-in function"),
                },
                None => JsValue::Undefined,
            }
        }
        JsValue::Map(m) if key == "size" => JsValue::Num(m.borrow().len() as f64),
        JsValue::Set(s) if key == "size" => JsValue::Num(s.borrow().len() as f64),
        JsValue::RegExp(re) => crate::regex::get(re, key),
        JsValue::Sym(sym) => crate::symbols::get(sym, key),
        JsValue::Undefined | JsValue::Null => read_error(obj, key),
        _ => crate::builtins::method_value(obj, key).unwrap_or(JsValue::Undefined),
    }
}

/// `obj.key` with a literal name: the generated code's property reads.
pub fn get_lit(obj: &JsValue, key: &'static str) -> JsValue {
    if let JsValue::Obj(o) = obj {
        let id = crate::value::literal_id(key);
        {
            // an own data property (the common read): no chain walk
            let b = o.borrow();
            if b.accessors.is_empty() {
                if let Some(i) = b.position_id(id) {
                    return b.vals[i].clone();
                }
            }
        }
        return match find_id(o, id) {
            Slot::Value(v, _) => v,
            Slot::Accessor(Some(g), _) => call(&g, obj.clone(), &[], key),
            // a miss (rare) takes `get`'s path, which knows what a modelled object lacks
            Slot::Missing => get(obj, key),
            _ => JsValue::Undefined,
        };
    }
    if let JsValue::Rec(r) = obj {
        if let Some(v) = r.get_key(key) {
            return v;
        }
        if let Some(proto) = r.proto() {
            match find_id(&proto, crate::value::literal_id(key)) {
                Slot::Value(v, _) => return v,
                Slot::Accessor(Some(g), _) => return call(&g, obj.clone(), &[], key),
                _ => {}
            }
        }
    }
    get(obj, key)
}

/// `obj.key = v` with a literal name: the generated code's property writes (sloppy code).
pub fn set_lit(obj: &JsValue, key: &'static str, v: JsValue) {
    set_lit_mode(obj, key, v, false)
}

/// `set_lit` in strict-mode code: a refused write throws.
pub fn set_lit_strict(obj: &JsValue, key: &'static str, v: JsValue) {
    set_lit_mode(obj, key, v, true)
}

#[inline]
fn set_lit_mode(obj: &JsValue, key: &'static str, v: JsValue, strict: bool) {
    if let JsValue::Obj(o) = obj {
        let id = crate::value::literal_id(key);
        {
            // an own data property (the common write) is overwritten without a chain walk
            let mut b = o.borrow_mut();
            if b.accessors.is_empty() && b.readonly.is_empty() {
                if let Some(i) = b.position_id(id) {
                    b.vals[i] = v;
                    return;
                }
            }
        }
    }
    set_mode(obj, key, v, strict)
}

/// An atom key (from `Object.keys`, a literal; `id` its atom) read without hashing or a
/// chain walk: an own data property by pointer, or `undefined` for a plain miss; None
/// when the answer needs the general path (accessors, inherited names).
#[inline]
fn own_or_plain_miss(b: &JsObject, k: &JsStr, id: usize) -> Option<JsValue> {
    if !b.accessors.is_empty() {
        return None;
    }
    if let Some(i) = b.position_id(id) {
        return Some(b.vals[i].clone());
    }
    plain_miss(b, k).then_some(JsValue::Undefined)
}

/// `obj[key]` with a dynamic key. Inline for the common hit, an own data property of a
/// small dictionary read by an atom key (`counts[word]`, `byCategory[cat]`): the key's
/// pointer compared with a handful of keys at the site, no call (`inline(always)`: the
/// generated code is built at opt-level 1, whose inliner leaves plain `#[inline]` calls);
/// the rest out of line.
#[inline(always)]
pub fn get_dyn(obj: &JsValue, key: &JsValue) -> JsValue {
    if let (JsValue::Obj(o), JsValue::Str(k)) = (obj, key) {
        if let (Some(id), Ok(b)) = (k.atom_id(), o.try_borrow()) {
            if b.accessors.is_empty() && b.index.is_none() {
                if let Some(i) = b.keys.iter().position(|x| x.id() == id) {
                    return b.vals[i].clone();
                }
            }
        }
    }
    get_dyn_slow(obj, key)
}

#[inline(never)]
fn get_dyn_slow(obj: &JsValue, key: &JsValue) -> JsValue {
    match key {
        JsValue::Num(i) => get_index(obj, *i),
        JsValue::Str(k) => {
            match obj {
                JsValue::Obj(o) => {
                    if let Some(id) = k.atom_id() {
                        if let Some(v) = own_or_plain_miss(&o.borrow(), k, id) {
                            return v;
                        }
                    }
                }
                // a record's own field, found by its generated `match` on the key text:
                // `get`'s dispatch over every kind of value is skipped for the common hit
                // (a template renderer's `data[tag]`)
                JsValue::Rec(r) => {
                    if let Some(v) = r.get_key(k) {
                        return v;
                    }
                }
                _ => {}
            }
            get(obj, k)
        }
        JsValue::Sym(sym) => crate::symbols::get_key(obj, sym),
        _ => get(obj, &key.to_js_string()),
    }
}

/// `get_dyn` on the object a cell or a record's dynamic field holds (`d[k]` where `d` is
/// captured by a closure), read in place as `length_in`: an own data property or a plain
/// miss of an atom key answers under the borrow; anything else (which may run a getter
/// that stores into the cell) is read from a clone after the borrow ends.
#[inline]
pub fn get_dyn_in(cell: &RefCell<JsValue>, key: &JsValue) -> JsValue {
    if let (JsValue::Obj(o), JsValue::Str(k)) = (&*cell.borrow(), key) {
        if let Some(id) = k.atom_id() {
            if let Some(v) = own_or_plain_miss(&o.borrow(), k, id) {
                return v;
            }
        }
    }
    let v = cell.borrow().clone();
    get_dyn(&v, key)
}

/// Whether reading `key`, which `b` does not hold as an own key, is plainly `undefined`: a
/// dictionary object (`{}` filled by `d[k] = v`) with no prototype object of ours, no
/// accessors and no iterator, no wrapped primitive (whose `length` and indices answer) and
/// not the global object (whose Node globals stop the run), and a name that
/// `Object.prototype` (or an error's `stack`) does not answer. The first read of each new
/// key of a dictionary (`d[k] || 0`) would otherwise hash the key and walk `get`'s general path.
#[inline]
fn plain_miss(b: &JsObject, key: &str) -> bool {
    b.proto.is_none() && !b.is_error && b.iter.is_none() && b.boxed.is_none() && key != "constructor"
        && !crate::builtins::OBJECT_METHODS.contains(&key) && !crate::builtins::is_global_object(b)
}

/// `i` as an element index when it is a non-negative integer (`-0` is `0`), tested by a
/// cast round trip: `f64::fract` is a libm call on baseline x86-64, paid on every `a[i]`.
#[inline]
pub fn whole_index(i: f64) -> Option<usize> {
    let u = i as usize;
    if u as f64 == i {
        Some(u)
    } else {
        None
    }
}

/// `obj[i]` with a numeric index: an array's element in range is read inline (the hot
/// `a[i]` of loops over dynamic arrays, where a call per element cost more than the read),
/// everything else out of line. `i` may be an `i64` counter (`numarr::ArrIndex`).
/// `text[pos]` of ASCII text is the shared one-character string, also inline (a scanner's
/// read per character: through `get_index_slow` and `strings::char_at` it cost ~90
/// instructions).
#[inline(always)]
pub fn get_index<I: crate::numarr::ArrIndex>(obj: &JsValue, i: I) -> JsValue {
    match (obj, i.slot()) {
        (JsValue::Arr(a), Some(j)) => {
            if let Some(v) = a.borrow().get(j) {
                return v.slot_value();
            }
        }
        (JsValue::Str(s), Some(j)) if s.ascii() => {
            if let Some(b) = s.utf8().get(j) {
                return JsValue::Str(crate::value::ascii_char(*b));
            }
        }
        _ => {}
    }
    get_index_slow(obj, i.num())
}

#[inline(never)]
fn get_index_slow(obj: &JsValue, i: f64) -> JsValue {
    match obj {
        JsValue::Arr(a) => match whole_index(i) {
            Some(i) if i <= 4_294_967_294 => a.borrow().get(i).map(JsValue::slot_value).unwrap_or(JsValue::Undefined),
            // `a[-1]`, `a[1.5]`, `a[2 ** 32]`: named properties
            _ => get(obj, &crate::num_to_string(i)),
        },
        JsValue::Str(s) => strings::char_at(s, i).map(JsValue::Str).unwrap_or(JsValue::Undefined),
        _ => get(obj, &crate::num_to_string(i)),
    }
}

/// `obj.key = v` in sloppy code.
pub fn set(obj: &JsValue, key: &str, v: JsValue) {
    set_mode(obj, key, v, false)
}

/// `obj.key = v`; `strict`: strict-mode code (or a built-in that throws), where a write
/// the object refuses (read-only key, no setter, not extensible) is a TypeError.
pub fn set_mode(obj: &JsValue, key: &str, v: JsValue, strict: bool) {
    match obj {
        JsValue::Obj(o) => {
            match find(o, key) {
                Slot::Accessor(_, Some(s)) => {
                    call(&s, obj.clone(), &[v], key);
                    return;
                }
                Slot::Accessor(_, None) => {
                    let what = crate::attrs::describe(&o.borrow());
                    return crate::attrs::refuse(strict, || format!("Cannot set property {} of {} which has only a getter", key, what));
                }
                Slot::Value(_, false) => {
                    let what = crate::attrs::describe(&o.borrow());
                    return crate::attrs::refuse(strict, || format!("Cannot assign to read only property '{}' of object '{}'", key, what));
                }
                _ => {}
            }
            let mut b = o.borrow_mut();
            if b.no_extend && b.get_own(key).is_none() {
                drop(b);
                return crate::attrs::refuse(strict, || format!("Cannot add property {}, object is not extensible", key));
            }
            b.set(key, v)
        }
        JsValue::Rec(r) => r.set_key(obj, key, v),
        JsValue::Arr(a) => {
            if key == "length" {
                let n = v.to_number();
                if !(n >= 0.0 && n <= 4294967295.0 && n.fract() == 0.0) {
                    throw_engine_error("RangeError", "Invalid array length");
                }
                if !crate::closedarr::may_set_length(a, n as usize, strict) {
                    return;
                }
                // growing leaves holes, shrinking drops the tail
                grow_check(a.borrow().len(), n as usize);
                a.borrow_mut().resize(n as usize, JsValue::Hole);
            } else if let Some(i) = crate::value::index_key(key) {
                set_index(obj, i as f64, v, strict);
            } else if crate::closedarr::closed(a).is_some() && !crate::arrprops::has(a, key) {
                crate::attrs::refuse(strict, || format!("Cannot add property {}, object is not extensible", key));
            } else {
                crate::arrprops::set(a, key, v);
            }
        }
        JsValue::Func(f) if key == "prototype" => set_prototype(f, v, strict),
        JsValue::Func(f) => static_set(f, obj, key, v),
        JsValue::RegExp(re) => crate::regex::set(re, key, v),
        JsValue::Undefined | JsValue::Null => {
            throw_engine_error("TypeError", &format!("Cannot set properties of {} (setting '{}')", obj.tag(), key))
        }
        // a string's own indices and length are read-only properties (V8 names them so)
        JsValue::Str(s) if key == "length" || crate::value::index_key(key).is_some_and(|i| (i as usize) < strings::len16(s)) => {
            crate::attrs::refuse(strict, || format!("Cannot assign to read only property '{}' of string '{}'", key, s))
        }
        // a primitive has nowhere to keep a property: ignored in sloppy code
        JsValue::Str(_) | JsValue::Num(_) | JsValue::Bool(_) => crate::attrs::refuse(strict, || {
            format!("Cannot create property '{}' on {} '{}'", key, obj.type_of(), obj.to_js_string())
        }),
        _ => {}
    }
}

/// `obj[key] = v` with a dynamic key (sloppy code).
#[inline(always)]
pub fn set_dyn(obj: &JsValue, key: &JsValue, v: JsValue) {
    set_dyn_mode(obj, key, v, false)
}

/// `set_dyn` in strict-mode code.
#[inline(always)]
pub fn set_dyn_strict(obj: &JsValue, key: &JsValue, v: JsValue) {
    set_dyn_mode(obj, key, v, true)
}

/// `obj[key] = v`; `strict` as in `set_mode`. Inline for the common case, an own data
/// property of a small dictionary overwritten through an atom key (`d[k] = d[k] + 1`),
/// as `get_dyn`; the rest (new keys, other receivers and keys) out of line.
#[inline(always)]
pub fn set_dyn_mode(obj: &JsValue, key: &JsValue, v: JsValue, strict: bool) {
    if let (JsValue::Obj(o), JsValue::Str(k)) = (obj, key) {
        if let (Some(id), Ok(mut b)) = (k.atom_id(), o.try_borrow_mut()) {
            if b.accessors.is_empty() && b.readonly.is_empty() && b.index.is_none() {
                if let Some(i) = b.keys.iter().position(|x| x.id() == id) {
                    b.vals[i] = v;
                    return;
                }
            }
        }
    }
    set_dyn_slow(obj, key, v, strict)
}

#[inline(never)]
fn set_dyn_slow(obj: &JsValue, key: &JsValue, v: JsValue, strict: bool) {
    if let JsValue::Sym(sym) = key {
        return crate::symbols::set_key(obj, sym, v);
    }
    if let (JsValue::Num(i), JsValue::Arr(_)) = (key, obj) {
        return set_index(obj, *i, v, strict);
    }
    if let (JsValue::Str(k), JsValue::Obj(o)) = (key, obj) {
        // an atom key (`d[k] = v`, `k` from a literal or `Object.keys`) needs no hashing;
        // any other string key (a parsed name, `out[k] = ..`) is hashed once to its atom
        let k = if k.atom_id().is_some() { k.clone() } else { crate::value::atom(k) };
        // an own data property is overwritten, and a new key is added when no prototype
        // could hold a setter or a read-only key for it
        let mut b = o.borrow_mut();
        if b.accessors.is_empty() && b.readonly.is_empty() {
            if let Some(i) = b.position_id(k.id()) {
                b.vals[i] = v;
                return;
            }
            if b.proto.is_none() && !b.no_extend {
                b.push_key(k, v);
                return;
            }
        }
    }
    set_mode(obj, &key.to_js_string(), v, strict)
}

/// Arrays are `Vec`s, holes included; V8 keeps a very sparse array as a dictionary
/// instead. Growing a `Vec` by millions of holes would exhaust memory where Node does not,
/// so such a growth stops the run honestly (the interpreter has the same limit,
/// `Realm.check_hole_run`).
const MAX_HOLE_RUN: usize = 1 << 24;

pub fn grow_check(len: usize, new_len: usize) {
    if new_len > len.saturating_add(MAX_HOLE_RUN) {
        crate::exit::unsupported("a very sparse array (growing an array by more than 2^24 holes)");
    }
}

/// `obj[i] = v` with a numeric key (`strict` as in `set_mode`): a store into an array's
/// existing element inline, everything else (appending, holes, named properties, other
/// objects) through `set_dyn_mode`.
#[inline(always)]
pub fn set_index_mode<I: crate::numarr::ArrIndex>(obj: &JsValue, i: I, v: JsValue, strict: bool) {
    if let JsValue::Arr(a) = obj {
        if let Some(j) = i.slot() {
            if let Some(slot) = a.borrow_mut().get_mut(j).filter(|_| !crate::closedarr::any()) {
                *slot = v;
                return;
            }
        }
    }
    set_index_slow(obj, i.num(), v, strict)
}

#[inline(never)]
fn set_index_slow(obj: &JsValue, i: f64, v: JsValue, strict: bool) {
    set_dyn_mode(obj, &JsValue::Num(i), v, strict)
}

/// `arr[i] = v`: writing at the end appends; writing past it leaves holes between.
/// `strict` as in `set_mode` (a closed array refuses some writes: `closedarr`).
pub fn set_index(obj: &JsValue, i: f64, v: JsValue, strict: bool) {
    match obj {
        // 2^32 - 2 is the largest array index; above it `i` is a named property
        JsValue::Arr(a) if whole_index(i).is_some() && i <= 4294967294.0 => {
            let i = i as usize;
            if !crate::closedarr::may_store(a, i, strict) {
                return;
            }
            let mut a = a.borrow_mut();
            if i >= a.len() {
                grow_check(a.len(), i + 1);
                a.resize(i + 1, JsValue::Hole);
            }
            a[i] = v;
        }
        _ => set_mode(obj, &crate::num_to_string(i), v, strict),
    }
}

/// `delete obj.key`; `strict`: the code is strict mode, where a refused delete throws.
pub fn delete(obj: &JsValue, key: &JsValue, strict: bool) -> bool {
    match obj {
        JsValue::Obj(o) => {
            let k = key.to_js_string();
            let mut b = o.borrow_mut();
            if b.fixed.iter().any(|f| *f == k) && b.get_own(&k).is_some() {
                let what = crate::attrs::describe(&b);
                drop(b);
                crate::attrs::refuse(strict, || format!("Cannot delete property '{}' of {}", k, what));
                return false;
            }
            b.delete(&k);
        }
        JsValue::Rec(r) => {
            let k = key.to_js_string();
            if r.slot(&k).is_some() {
                crate::exit::record_exit(&**r, &format!("`delete` of its key `{}`", k))
            }
        }
        JsValue::Arr(a) => {
            let k = key.to_js_string();
            match crate::value::index_key(&k) {
                Some(i) => {
                    if !crate::closedarr::may_delete(a, i as usize, strict) {
                        return false;
                    }
                    if let Some(slot) = a.borrow_mut().get_mut(i as usize) {
                        *slot = JsValue::Hole; // the length stays: Node shows `<1 empty item>`
                    }
                }
                // `length` cannot be deleted: false in sloppy code, a TypeError in strict code
                None if k.as_ref() == "length" => {
                    if strict {
                        throw_engine_error("TypeError", "Cannot delete property 'length' of [object Array]");
                    }
                    return false;
                }
                None => crate::arrprops::delete(a, &k),
            }
        }
        // a function's `prototype` is not configurable: false in sloppy code; strict code's
        // TypeError names the function by its source text, which the runtime keeps only for
        // built-ins (`function Object() { [native code] }`: the ones whose length the program
        // never set, see `JsFunc::length`)
        JsValue::Func(f) if &*key.to_js_string() == "prototype" => {
            if strict {
                if f.length.get().is_some() {
                    crate::exit::unsupported("deleting a program function's `prototype` in strict code");
                }
                throw_engine_error("TypeError", &format!(
                    "Cannot delete property 'prototype' of function {}() {{ [native code] }}", f.name));
            }
            return false;
        }
        _ => {}
    }
    true
}

/// `key in obj`.
pub fn has(obj: &JsValue, key: &JsValue) -> bool {
    match obj {
        JsValue::Obj(o) => {
            let k = key.to_js_string();
            if crate::builtins::is_global(o) && crate::builtins::node_global(&k) {
                crate::exit::unsupported(&format!("`'{}' in` the global object", k));
            }
            lookup(o, &k).is_some()
                || (o.borrow().inherits_object_prototype()
                    && (k.as_ref() == "constructor" || crate::builtins::OBJECT_METHODS.contains(&k.as_ref())))
        }
        JsValue::Rec(r) => {
            let k = key.to_js_string();
            r.lookup(&k).is_some() || k.as_ref() == "constructor" || crate::builtins::OBJECT_METHODS.contains(&k.as_ref())
        }
        JsValue::Arr(a) => {
            let k = key.to_js_string();
            k.as_ref() == "length"
                || k.as_ref() == "constructor"
                || crate::builtins::ARRAY_METHODS.contains(&k.as_ref())
                || match crate::value::index_key(&k) {
                    Some(i) => a.borrow().get(i as usize).is_some_and(|x| !matches!(x, JsValue::Hole)),
                    None => crate::arrprops::has(a, &k),
                }
        }
        _ => throw_engine_error("TypeError", &format!("Cannot use 'in' operator to search for '{}' in {}", key.to_js_string(), obj.to_js_string())),
    }
}

/// Call a function value; `what` names the callee for the TypeError.
pub fn call(f: &JsValue, this: JsValue, args: &[JsValue], what: &str) -> JsValue {
    match f {
        // only `super(...)` (which the emitter names "super") may run a class constructor
        JsValue::Func(func) if func.is_class && what != "super" => throw_engine_error(
            "TypeError",
            &format!("Class constructor {} cannot be invoked without 'new'", func.name),
        ),
        JsValue::Func(func) => (func.call)(this, args),
        _ => throw_engine_error("TypeError", &format!("{} is not a function", what)),
    }
}

/// `f(v)` with the value a cell holds: a string lent under the borrow (a string method
/// on it runs no JS), anything else cloned first, since its method may be JS that assigns
/// the cell. The emitter passes only an `f` whose arguments run no code either.
#[inline(always)]
pub fn with_in<R>(cell: &RefCell<JsValue>, f: impl FnOnce(&JsValue) -> R) -> R {
    let v = cell.borrow();
    if let JsValue::Str(_) = &*v {
        return f(&v);
    }
    drop(v);
    let v = cell.borrow().clone();
    f(&v)
}

/// `f(args)` where `f` is read from a cell: a function that closures capture, as a
/// parser's nested helpers call each other (`ws()`, `value()`). The function is taken out
/// by a count bump of its `Rc<JsFunc>` instead of a clone and a drop of the whole value
/// (two calls at the program's opt-level), and the borrow ends before the call, since the
/// callee may assign the variable.
#[inline(always)]
pub fn call_in(cell: &RefCell<JsValue>, this: JsValue, args: &[JsValue], what: &str) -> JsValue {
    let func = match &*cell.borrow() {
        JsValue::Func(func) if !func.is_class => Some(func.clone()),
        _ => None,
    };
    match func {
        Some(func) => (func.call)(this, args),
        None => call_in_slow(cell, this, args, what),
    }
}

/// `call_in` of anything but a plain function (a class constructor, a non-function): the
/// general path and its errors.
#[inline(never)]
fn call_in_slow(cell: &RefCell<JsValue>, this: JsValue, args: &[JsValue], what: &str) -> JsValue {
    let f = cell.borrow().clone();
    call(&f, this, args, what)
}

/// `new C(args)`: a fresh object linked to `C`'s prototype, initialised by its constructor.
pub fn construct(cls: &JsValue, args: &[JsValue], what: &str) -> JsValue {
    match cls {
        JsValue::Func(f) => {
            let proto = f.proto();
            let class = Some(f.name.clone());
            let is_error = proto.as_ref().map(|p| p.borrow().is_error).unwrap_or(false);
            let obj = JsValue::Obj(Rc::new(RefCell::new(JsObject { proto, class, is_error, ..Default::default() })));
            let r = crate::callstack::constructing(f, || (f.call)(obj.clone(), args));
            match r {
                JsValue::Obj(_) | JsValue::Rec(_) | JsValue::Arr(_) => r,
                _ => obj,
            }
        }
        _ => throw_engine_error("TypeError", &format!("{} is not a constructor", what)),
    }
}

/// A class prototype object (methods are hidden from printing, as JS makes them non-enumerable).
pub fn new_proto(parent: Option<&JsValue>) -> Rc<RefCell<JsObject>> {
    let proto = match parent {
        Some(JsValue::Func(f)) => f.proto(),
        Some(_) => throw_engine_error("TypeError", "Class extends value is not a constructor or null"),
        None => None,
    };
    let is_error = proto.as_ref().map(|p| p.borrow().is_error).unwrap_or(false);
    Rc::new(RefCell::new(JsObject { proto, is_error, ..Default::default() }))
}

/// Install a method on a class prototype.
pub fn define_method(proto: &Rc<RefCell<JsObject>>, name: &str, f: JsValue) {
    let mut p = proto.borrow_mut();
    p.set(name, f);
    p.hidden.push(JsStr::from(name));
}

/// A class's `static m() {}`: a non-enumerable own property of the class.
pub fn define_static_method(cls: &JsValue, name: &str, f: JsValue) {
    set(cls, name, f);
    if let JsValue::Func(c) = cls {
        c.hidden.borrow_mut().push(JsStr::from(name));
    }
}

/// `v instanceof C`.
pub fn instance_of(v: &JsValue, cls: &JsValue) -> bool {
    // a wrapper is an instance of its primitive's class (`new String("a") instanceof String`)
    if let (JsValue::Obj(o), JsValue::Func(f)) = (v, cls) {
        if o.borrow().boxed.is_some() && f.proto().is_none() {
            return o.borrow().class.as_deref() == Some(&*f.name);
        }
    }
    let target = match cls {
        JsValue::Func(f) => f.proto(),
        _ => throw_engine_error("TypeError", "Right-hand side of 'instanceof' is not callable"),
    };
    let Some(target) = target else { return false };
    let mut p = match v {
        JsValue::Obj(o) => o.borrow().proto.clone(),
        JsValue::Rec(r) => r.proto(),
        _ => return false,
    };
    while let Some(pr) = p {
        if Rc::ptr_eq(&pr, &target) {
            return true;
        }
        p = pr.borrow().proto.clone();
    }
    false
}

/// ToInt32 for bitwise operators.
#[inline]
pub fn to_int32(x: f64) -> i32 {
    crate::numfmt::to_int32(x)
}

/// ToUint32 for `>>>`.
#[inline]
pub fn to_uint32(x: f64) -> u32 {
    crate::numfmt::to_uint32(x)
}

/// JS `%`: the sign of the dividend, like Rust's `%` on f64; integer-valued operands
/// (the common case) take the much cheaper integer remainder.
#[inline]
pub fn rem(a: f64, b: f64) -> f64 {
    const EXACT: f64 = 9007199254740992.0;
    const I64_END: f64 = 9223372036854775808.0;
    // integral operands, tested by a cast round trip (`fract` is a libm call). The dividend
    // may be any integer an i64 holds (a hash `(s * 1103515245 + 12345) % 2147483648` runs
    // past 2^53): the integer remainder is the exact one, and below the divisor (< 2^53)
    // it is a double exactly; only the divisor must stay below 2^53
    let (ia, ib) = (a as i64, b as i64);
    if ia as f64 == a && ib as f64 == b && a.abs() < I64_END && b.abs() < EXACT && ib != 0 {
        let r = (ia % ib) as f64;
        if r == 0.0 && a.is_sign_negative() {
            -0.0
        } else {
            r
        }
    } else {
        a % b
    }
}

/// `x.length` where the trace saw a number: arrays and ASCII strings directly (always
/// inlined, as a scanner's `pos < text.length` asks it per character, and a program's
/// opt-level 1 leaves a plain `#[inline]` a call), others out of line.
#[inline(always)]
pub fn length(v: &JsValue, guard: u32, place: &str) -> f64 {
    match v {
        JsValue::Arr(a) => a.borrow().len() as f64,
        JsValue::Str(s) if s.ascii() => s.byte_len() as f64,
        other => length_slow(other, guard, place),
    }
}

/// `length` of anything but an array or an ASCII string: a string's UTF-16 units, or a
/// property read (out of line, so the inlined fast path stays small).
#[inline(never)]
fn length_slow(v: &JsValue, guard: u32, place: &str) -> f64 {
    if let JsValue::Str(s) = v {
        return strings::len16(s) as f64;
    }
    crate::exit::guard_num(get(v, "length"), guard, place)
}

/// `length` of the value a cell or a record's dynamic field holds, read in place (no
/// clone of the `Rc` per loop test). Only an array or a string answers under the borrow;
/// anything else may run a getter (JS that could store into the cell), so it is read from
/// a clone after the borrow ends.
#[inline(always)]
pub fn length_in(cell: &RefCell<JsValue>, guard: u32, place: &str) -> f64 {
    match &*cell.borrow() {
        JsValue::Arr(a) => return a.borrow().len() as f64,
        // a scanner's `pos < text.length` over ASCII text: the byte length
        JsValue::Str(s) if s.ascii() => return s.len() as f64,
        _ => {}
    }
    length_in_slow(cell, guard, place)
}

#[inline(never)]
fn length_in_slow(cell: &RefCell<JsValue>, guard: u32, place: &str) -> f64 {
    if let JsValue::Str(s) = &*cell.borrow() {
        return strings::len16(s) as f64;
    }
    let v = cell.borrow().clone();
    length(&v, guard, place)
}

/// `x[i]` on the value a cell or a record's dynamic field holds, in place as `length_in`.
#[inline(always)]
pub fn get_index_in<I: crate::numarr::ArrIndex>(cell: &RefCell<JsValue>, i: I) -> JsValue {
    match (&*cell.borrow(), i.slot()) {
        (JsValue::Arr(a), Some(j)) => {
            if let Some(v) = a.borrow().get(j) {
                return v.slot_value();
            }
        }
        // `text[pos]` of ASCII text: the shared one-character string
        (JsValue::Str(s), Some(j)) if s.ascii() => {
            if let Some(b) = s.as_bytes().get(j) {
                return JsValue::Str(crate::value::ascii_char(*b));
            }
        }
        _ => {}
    }
    get_index_in_slow(cell, i.num())
}

#[inline(never)]
fn get_index_in_slow(cell: &RefCell<JsValue>, i: f64) -> JsValue {
    if let v @ JsValue::Str(_) = &*cell.borrow() {
        return get_index(v, i);
    }
    let v = cell.borrow().clone();
    get_index(&v, i)
}

/// `a[i]` where the trace saw a number: no clone of the array, no boxing of the element.
#[inline(always)]
pub fn index_num<I: crate::numarr::ArrIndex>(v: &JsValue, i: I, guard: u32, place: &str) -> f64 {
    if let JsValue::Arr(a) = v {
        if let Some(j) = i.slot() {
            if let Some(JsValue::Num(n)) = a.borrow().get(j) {
                return *n;
            }
        }
    }
    index_num_slow(v, i.num(), guard, place)
}

#[inline(never)]
fn index_num_slow(v: &JsValue, i: f64, guard: u32, place: &str) -> f64 {
    crate::exit::guard_num(get_index(v, i), guard, place)
}

/// `a[i]` where the trace saw a boolean (`selfLoop[w]`): no clone of the element.
#[inline(always)]
pub fn index_bool<I: crate::numarr::ArrIndex>(v: &JsValue, i: I, guard: u32, place: &str) -> bool {
    if let JsValue::Arr(a) = v {
        if let Some(j) = i.slot() {
            if let Some(JsValue::Bool(b)) = a.borrow().get(j) {
                return *b;
            }
        }
    }
    index_bool_slow(v, i.num(), guard, place)
}

#[inline(never)]
fn index_bool_slow(v: &JsValue, i: f64, guard: u32, place: &str) -> bool {
    crate::exit::guard_bool(get_index(v, i), guard, place)
}

/// `index_bool` on the array a record's dynamic field (or a cell) holds, read in place.
#[inline(always)]
pub fn index_bool_in<I: crate::numarr::ArrIndex>(cell: &RefCell<JsValue>, i: I, guard: u32, place: &str) -> bool {
    if let JsValue::Arr(a) = &*cell.borrow() {
        if let Some(j) = i.slot() {
            if let Some(JsValue::Bool(b)) = a.borrow().get(j) {
                return *b;
            }
        }
    }
    let v = cell.borrow().clone();
    index_bool_slow(&v, i.num(), guard, place)
}

/// The element `v[i][j]` of an array of arrays, looked at in place (`f` copies out what
/// the caller needs), or None when `v[i][j]` is not an in-range element of two arrays.
#[inline(always)]
fn peek2<I: crate::numarr::ArrIndex, J: crate::numarr::ArrIndex, R>(v: &JsValue, i: I, j: J, f: impl Fn(&JsValue) -> Option<R>) -> Option<R> {
    if let JsValue::Arr(a) = v {
        if let (Some(x), Some(y)) = (i.slot(), j.slot()) {
            if let Some(JsValue::Arr(row)) = a.borrow().get(x) {
                return row.borrow().get(y).and_then(f);
            }
        }
    }
    None
}

/// `v[i][j]` over an array of arrays (`grid[r][c]`, `this.domain[v][c]`): no clone of the
/// row, or of the element for a number or a boolean (`index2_num`, `index2_bool`). The
/// emitter uses it only where nothing can change `j` while `v[i]` is read (the slow path
/// reads `v[i]` as JS does, which may run a getter).
#[inline(always)]
pub fn get_index2<I: crate::numarr::ArrIndex, J: crate::numarr::ArrIndex>(v: &JsValue, i: I, j: J) -> JsValue {
    match peek2(v, i, j, |e| Some(e.slot_value())) {
        Some(e) => e,
        None => get_index2_slow(v, i.num(), j.num()),
    }
}

#[inline(never)]
fn get_index2_slow(v: &JsValue, i: f64, j: f64) -> JsValue {
    get_index(&get_index(v, i), j)
}

#[inline(always)]
pub fn index2_num<I: crate::numarr::ArrIndex, J: crate::numarr::ArrIndex>(v: &JsValue, i: I, j: J, guard: u32, place: &str) -> f64 {
    match peek2(v, i, j, |e| if let JsValue::Num(n) = e { Some(*n) } else { None }) {
        Some(n) => n,
        None => crate::exit::guard_num(get_index2_slow(v, i.num(), j.num()), guard, place),
    }
}

#[inline(always)]
pub fn index2_bool<I: crate::numarr::ArrIndex, J: crate::numarr::ArrIndex>(v: &JsValue, i: I, j: J, guard: u32, place: &str) -> bool {
    match peek2(v, i, j, |e| if let JsValue::Bool(b) = e { Some(*b) } else { None }) {
        Some(b) => b,
        None => crate::exit::guard_bool(get_index2_slow(v, i.num(), j.num()), guard, place),
    }
}

/// `get_index2` and friends on the array a record's dynamic field (or a cell) holds, in place.
#[inline(always)]
pub fn get_index2_in<I: crate::numarr::ArrIndex, J: crate::numarr::ArrIndex>(cell: &RefCell<JsValue>, i: I, j: J) -> JsValue {
    if let Some(e) = peek2(&cell.borrow(), i, j, |e| Some(e.slot_value())) {
        return e;
    }
    let v = cell.borrow().clone();
    get_index2_slow(&v, i.num(), j.num())
}

#[inline(always)]
pub fn index2_num_in<I: crate::numarr::ArrIndex, J: crate::numarr::ArrIndex>(cell: &RefCell<JsValue>, i: I, j: J, guard: u32, place: &str) -> f64 {
    if let Some(n) = peek2(&cell.borrow(), i, j, |e| if let JsValue::Num(n) = e { Some(*n) } else { None }) {
        return n;
    }
    let v = cell.borrow().clone();
    crate::exit::guard_num(get_index2_slow(&v, i.num(), j.num()), guard, place)
}

#[inline(always)]
pub fn index2_bool_in<I: crate::numarr::ArrIndex, J: crate::numarr::ArrIndex>(cell: &RefCell<JsValue>, i: I, j: J, guard: u32, place: &str) -> bool {
    if let Some(b) = peek2(&cell.borrow(), i, j, |e| if let JsValue::Bool(b) = e { Some(*b) } else { None }) {
        return b;
    }
    let v = cell.borrow().clone();
    crate::exit::guard_bool(get_index2_slow(&v, i.num(), j.num()), guard, place)
}

/// `index_num` on the array a record's dynamic field (or a cell) holds, read in place:
/// no clone of the array's `Rc` per access (`this.parent[x]`).
#[inline(always)]
pub fn index_num_in<I: crate::numarr::ArrIndex>(cell: &RefCell<JsValue>, i: I, guard: u32, place: &str) -> f64 {
    if let JsValue::Arr(a) = &*cell.borrow() {
        if let Some(j) = i.slot() {
            if let Some(JsValue::Num(n)) = a.borrow().get(j) {
                return *n;
            }
        }
    }
    index_num_in_slow(cell, i.num(), guard, place)
}

#[inline(never)]
fn index_num_in_slow(cell: &RefCell<JsValue>, i: f64, guard: u32, place: &str) -> f64 {
    let v = cell.borrow().clone();
    index_num_slow(&v, i, guard, place)
}

/// `a.push(x)` with one argument on a dynamic receiver: an array appends inline; anything
/// else is the ordinary method call (`callee` names it for V8's TypeError when known).
#[inline(always)]
pub fn push1(recv: &JsValue, x: JsValue, callee: Option<&str>) -> JsValue {
    if let (JsValue::Arr(a), false) = (recv, crate::closedarr::any()) {
        let mut v = a.borrow_mut();
        append(&mut v, x);
        return JsValue::Num(v.len() as f64);
    }
    push1_slow(recv, x, callee)
}

/// `push1` on the array a record's dynamic field (or a cell) holds, read in place: no clone
/// and drop of the array's `Rc` per push. The generated code uses it only where evaluating
/// the argument runs no JS, so reading the field after it is reading it before.
#[inline(always)]
pub fn push1_in(cell: &RefCell<JsValue>, x: JsValue, callee: Option<&str>) -> JsValue {
    if let (JsValue::Arr(a), false) = (&*cell.borrow(), crate::closedarr::any()) {
        let mut v = a.borrow_mut();
        append(&mut v, x);
        return JsValue::Num(v.len() as f64);
    }
    let recv = cell.borrow().clone();
    push1_slow(&recv, x, callee)
}

/// `a.slice()` (no arguments) on a dynamic receiver: an array is copied inline (holes
/// kept, as JS keeps them); anything else is the ordinary method call, as `push1`.
#[inline]
pub fn slice0(recv: &JsValue, callee: Option<&str>) -> JsValue {
    if let JsValue::Arr(a) = recv {
        return JsValue::array(a.borrow().clone());
    }
    crate::builtins::general(recv, "slice", &[], callee.unwrap_or(""))
}

/// `a.pop()` on a dynamic receiver: an array pops inline (a hole pops as `undefined`);
/// anything else is the ordinary method call, as `push1`.
#[inline(always)]
pub fn pop0(recv: &JsValue, callee: Option<&str>) -> JsValue {
    if let (JsValue::Arr(a), false) = (recv, crate::closedarr::any()) {
        return match a.borrow_mut().pop() {
            Some(JsValue::Hole) | None => JsValue::Undefined,
            Some(v) => v,
        };
    }
    crate::builtins::general(recv, "pop", &[], callee.unwrap_or(""))
}

/// `v.push(x)`, but an empty array's first element gets room for two, not `Vec`'s four:
/// most arrays a program fills by `push` stay short (a graph node's edges, a bucket), and
/// objects that live long (or are never freed, in a reference cycle) then take half the
/// memory; an array that keeps growing pays one extra small reallocation.
#[inline(always)]
fn append(v: &mut Vec<JsValue>, x: JsValue) {
    if v.len() == v.capacity() {
        grow_for_append(v);
    }
    v.push(x);
}

/// An array grown by `append` below this many bytes moves to a new block instead of being
/// `realloc`ed (as `JsStr::grow_slow` does, for the same reason).
const APPEND_MOVE_BELOW: usize = 4096;

/// Room for one more element (`append`): two for an empty array, else twice as much. A
/// small array is moved to a new block (malloc, copy, free): glibc's `realloc` of a small
/// block, which seldom grows in place, cost about twice that (~320 instructions per growth
/// of a request handler's six-item array, two growths per request).
#[inline(never)]
fn grow_for_append(v: &mut Vec<JsValue>) {
    let cap = v.capacity();
    if cap == 0 {
        v.reserve_exact(2);
    } else if cap * std::mem::size_of::<JsValue>() < APPEND_MOVE_BELOW {
        let mut moved = Vec::with_capacity(cap * 2);
        moved.append(v);
        *v = moved;
    } else {
        v.reserve(1);
    }
}

fn push1_slow(recv: &JsValue, x: JsValue, callee: Option<&str>) -> JsValue {
    crate::builtins::general(recv, "push", &[x], callee.unwrap_or(""))
}

/// JS truthiness of a number: false for 0, -0 and NaN.
#[inline]
pub fn truthy_num(x: f64) -> bool {
    !(x == 0.0 || x.is_nan())
}
