//! Property attributes of plain objects: `Object.defineProperty`, `freeze`, `seal`,
//! `preventExtensions`, their `is*` questions and `getOwnPropertyDescriptor`, and the
//! writes and deletes they make an object refuse.
//!
//! Why sparse lists on `JsObject` (`readonly`, `fixed`, `no_extend`; `hidden` is the
//! enumerable bit): almost no object has an attribute other than the defaults a plain
//! assignment gives (writable, enumerable, configurable), so the common write checks one
//! empty list. A refused write is silent in sloppy code and V8's TypeError in strict code;
//! the emitter says which (`ops::set_mode`). Arrays, functions and collections keep their
//! attributes unmodelled: freezing one stops the run by name instead of answering wrongly.
#![forbid(unsafe_code)]

use crate::exit::{throw_error, unsupported};
use crate::value::{JsObject, JsStr, JsValue};
use std::cell::RefCell;
use std::rc::Rc;

fn has_key(list: &[JsStr], key: &str) -> bool {
    list.iter().any(|k| &**k == key)
}

fn set_flag(list: &mut Vec<JsStr>, key: &str, on: bool) {
    let present = has_key(list, key);
    if on && !present {
        list.push(JsStr::from(key));
    } else if !on && present {
        list.retain(|k| &**k != key);
    }
}

/// How V8 names an object in these TypeErrors: `#<Object>`, `#<Point>`.
pub fn describe(o: &JsObject) -> String {
    format!("#<{}>", o.class.as_deref().unwrap_or("Object"))
}

/// A write or delete the object refuses: nothing in sloppy code, a TypeError in strict.
pub fn refuse(strict: bool, message: impl FnOnce() -> String) {
    if strict {
        throw_error("TypeError", &message());
    }
}

/// The plain object `v` is, or a stop naming what this model lacks for it.
fn target(v: &JsValue, what: &str) -> Option<Rc<RefCell<JsObject>>> {
    match v {
        JsValue::Obj(o) => Some(o.clone()),
        JsValue::Rec(r) => crate::exit::record_exit(&**r, what),
        JsValue::Arr(_) => None, // (closed in `close`: see `closedarr`)
        JsValue::Func(_) | JsValue::Map(_) | JsValue::Set(_) | JsValue::RegExp(_) => {
            unsupported(&format!("{} of a function or built-in object", what))
        }
        _ => None,
    }
}

fn first(args: &[JsValue]) -> JsValue {
    args.first().cloned().unwrap_or(JsValue::Undefined)
}

/// How far `preventExtensions`, `seal` and `freeze` close an object, each adding to the one before.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
pub enum Closed {
    /// no new keys
    NoExtend,
    /// and every own key fixed (not configurable)
    Sealed,
    /// and every own data key read-only
    Frozen,
}

fn close(args: &[JsValue], what: &str, level: Closed) -> JsValue {
    let v = first(args);
    if let JsValue::Arr(a) = &v {
        crate::closedarr::close(a, level);
    }
    if let Some(o) = target(&v, what) {
        let mut b = o.borrow_mut();
        if level >= Closed::Sealed {
            for k in b.keys.clone() {
                set_flag(&mut b.fixed, &k, true);
                if level == Closed::Frozen && b.accessor(&k).is_none() {
                    set_flag(&mut b.readonly, &k, true);
                }
            }
        }
        b.no_extend = true;
    }
    v
}

/// `Object.freeze(o)`.
pub fn freeze(args: &[JsValue]) -> JsValue {
    close(args, "Object.freeze", Closed::Frozen)
}

/// `Object.seal(o)`.
pub fn seal(args: &[JsValue]) -> JsValue {
    close(args, "Object.seal", Closed::Sealed)
}

/// `Object.preventExtensions(o)`.
pub fn prevent_extensions(args: &[JsValue]) -> JsValue {
    close(args, "Object.preventExtensions", Closed::NoExtend)
}

/// `Object.isFrozen` / `isSealed` / `isExtensible`; `frozen` also asks every data key
/// to be read-only. A primitive is frozen, sealed and not extensible.
/// `array`: the answer for an array from how far it is closed (`None`: open).
fn ask(args: &[JsValue], test: impl Fn(&JsObject) -> bool, array: impl Fn(Option<Closed>, &[JsValue]) -> bool,
       primitive: bool) -> JsValue {
    JsValue::Bool(match first(args) {
        JsValue::Obj(o) => test(&o.borrow()),
        JsValue::Arr(a) => array(crate::closedarr::closed(&a), &a.borrow()),
        // functions, records and collections are never frozen, sealed or closed here
        JsValue::Func(_) | JsValue::Rec(_) | JsValue::Map(_) | JsValue::Set(_) | JsValue::RegExp(_) => !primitive,
        _ => primitive,
    })
}

pub fn is_frozen(args: &[JsValue]) -> JsValue {
    ask(args, |b| {
        b.no_extend && b.keys.iter().all(|k| has_key(&b.fixed, k) && (b.accessor(k).is_some() || has_key(&b.readonly, k)))
    }, |c, _| c == Some(Closed::Frozen), true) // (an array's `length` stays writable until frozen)
}

pub fn is_sealed(args: &[JsValue]) -> JsValue {
    ask(args, |b| b.no_extend && b.keys.iter().all(|k| has_key(&b.fixed, k)), |c, elems| match c {
        Some(Closed::NoExtend) => elems.iter().all(|v| matches!(v, JsValue::Hole)),
        c => c.is_some(),
    }, true)
}

pub fn is_extensible(args: &[JsValue]) -> JsValue {
    ask(args, |b| !b.no_extend, |c, _| c.is_none(), false)
}

/// The fields a property descriptor object gives (absent ones are `None`).
struct Desc {
    value: Option<JsValue>,
    writable: Option<bool>,
    get: Option<JsValue>,
    set: Option<JsValue>,
    enumerable: Option<bool>,
    configurable: Option<bool>,
}

fn read_desc(d: &JsValue) -> Desc {
    if !matches!(d, JsValue::Obj(_) | JsValue::Rec(_)) {
        throw_error("TypeError", &format!("Property description must be an object: {}", crate::console::inspect(d)));
    }
    let field = |k: &str| {
        if crate::ops::has(d, &JsValue::str(k)) {
            Some(crate::ops::get(d, k))
        } else {
            None
        }
    };
    let accessor_fn = |k: &str| {
        field(k).map(|f| {
            if !matches!(f, JsValue::Func(_) | JsValue::Undefined) {
                throw_error("TypeError", &format!("{} must be a function: {}", if k == "get" { "Getter" } else { "Setter" },
                                                 crate::console::inspect(&f)));
            }
            f
        })
    };
    let desc = Desc {
        value: field("value"),
        writable: field("writable").map(|v| v.truthy()),
        get: accessor_fn("get"),
        set: accessor_fn("set"),
        enumerable: field("enumerable").map(|v| v.truthy()),
        configurable: field("configurable").map(|v| v.truthy()),
    };
    if (desc.get.is_some() || desc.set.is_some()) && (desc.value.is_some() || desc.writable.is_some()) {
        let what = match d {
            JsValue::Obj(o) => describe(&o.borrow()),
            JsValue::Rec(r) => format!("#<{}>", r.class_name().unwrap_or("Object")),
            _ => unreachable!("checked above"),
        };
        throw_error("TypeError", &format!(
            "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute, {}", what));
    }
    desc
}

fn nonfunc(v: &Option<JsValue>) -> Option<JsValue> {
    v.clone().filter(|f| matches!(f, JsValue::Func(_)))
}

/// `Object.defineProperty(o, key, descriptor)`: ECMA-262 ValidateAndApplyPropertyDescriptor
/// for ordinary objects (a new key's absent attributes default to false; a fixed key may
/// only be redefined where nothing changes, or made read-only).
pub fn define_property(args: &[JsValue]) -> JsValue {
    let v = first(args);
    let o = match &v {
        JsValue::Obj(_) | JsValue::Rec(_) | JsValue::Arr(_) | JsValue::Func(_) | JsValue::Map(_) | JsValue::Set(_)
        | JsValue::RegExp(_) => target(&v, "Object.defineProperty").expect("an object"),
        _ => throw_error("TypeError", "Object.defineProperty called on non-object"),
    };
    let key = args.get(1).cloned().unwrap_or(JsValue::Undefined).to_js_string();
    let desc = read_desc(&args.get(2).cloned().unwrap_or(JsValue::Undefined));
    let is_accessor = desc.get.is_some() || desc.set.is_some();
    let redefine = || -> ! { throw_error("TypeError", &format!("Cannot redefine property: {}", key)) };
    let mut b = o.borrow_mut();
    let exists = b.get_own(&key).is_some();
    if !exists {
        if b.no_extend {
            throw_error("TypeError", &format!("Cannot define property {}, object is not extensible", key));
        }
        if is_accessor {
            b.accessors.push((crate::value::atom(&key), nonfunc(&desc.get), nonfunc(&desc.set)));
            b.set(&key, JsValue::Undefined);
        } else {
            b.set(&key, desc.value.clone().unwrap_or(JsValue::Undefined));
            set_flag(&mut b.readonly, &key, !desc.writable.unwrap_or(false));
        }
        set_flag(&mut b.hidden, &key, !desc.enumerable.unwrap_or(false));
        set_flag(&mut b.fixed, &key, !desc.configurable.unwrap_or(false));
        drop(b);
        return v;
    }
    let was_accessor = b.accessor(&key);
    let fixed = has_key(&b.fixed, &key);
    let enumerable = !has_key(&b.hidden, &key);
    if fixed {
        if desc.configurable == Some(true) || desc.enumerable.is_some_and(|e| e != enumerable) {
            redefine();
        }
        match &was_accessor {
            Some((g, s)) => {
                let same = |new: &Option<JsValue>, old: &Option<JsValue>| match new {
                    None => true,
                    Some(f) => crate::ops::strict_eq(f, old.as_ref().unwrap_or(&JsValue::Undefined)),
                };
                if desc.value.is_some() || desc.writable.is_some() || !same(&desc.get, g) || !same(&desc.set, s) {
                    redefine();
                }
            }
            None => {
                if is_accessor {
                    redefine();
                }
                if has_key(&b.readonly, &key) {
                    let cur = b.get_own(&key).unwrap_or(JsValue::Undefined);
                    let same_value = |x: &JsValue| match (x, &cur) {
                        (JsValue::Num(p), JsValue::Num(q)) => (p.is_nan() && q.is_nan()) || (p == q && p.is_sign_negative() == q.is_sign_negative()),
                        _ => crate::ops::strict_eq(x, &cur),
                    };
                    if desc.writable == Some(true) || desc.value.as_ref().is_some_and(|x| !same_value(x)) {
                        redefine();
                    }
                }
            }
        }
    }
    match (was_accessor, is_accessor) {
        (Some((g, s)), true) => {
            let slot = b.accessors.iter_mut().find(|a| &*a.0 == &*key).expect("an accessor");
            slot.1 = if desc.get.is_some() { nonfunc(&desc.get) } else { g };
            slot.2 = if desc.set.is_some() { nonfunc(&desc.set) } else { s };
        }
        (Some(_), false) if desc.value.is_some() || desc.writable.is_some() => {
            // accessor → data: the value (default undefined) and writable (default false)
            b.accessors.retain(|a| &*a.0 != &*key);
            b.set(&key, desc.value.clone().unwrap_or(JsValue::Undefined));
            set_flag(&mut b.readonly, &key, !desc.writable.unwrap_or(false));
        }
        (None, true) => {
            // data → accessor
            b.accessors.push((crate::value::atom(&key), nonfunc(&desc.get), nonfunc(&desc.set)));
            b.set(&key, JsValue::Undefined);
            set_flag(&mut b.readonly, &key, false);
        }
        (None, false) => {
            if let Some(x) = &desc.value {
                b.set(&key, x.clone());
            }
            if let Some(w) = desc.writable {
                set_flag(&mut b.readonly, &key, !w);
            }
        }
        (Some(_), false) => {}
    }
    if let Some(e) = desc.enumerable {
        set_flag(&mut b.hidden, &key, !e);
    }
    if let Some(c) = desc.configurable {
        set_flag(&mut b.fixed, &key, !c);
    }
    drop(b);
    v
}

/// `Object.getOwnPropertyDescriptor(o, key)`: a fresh descriptor object, or undefined.
pub fn get_own_property_descriptor(args: &[JsValue]) -> JsValue {
    let v = first(args);
    let key = args.get(1).cloned().unwrap_or(JsValue::Undefined).to_js_string();
    let o = match &v {
        JsValue::Obj(o) => o.clone(),
        JsValue::Undefined | JsValue::Null => {
            throw_error("TypeError", "Cannot convert undefined or null to object")
        }
        JsValue::Rec(r) => {
            // a record's keys are plain writable, enumerable, configurable data properties
            return match r.get_key(&key) {
                Some(x) => descriptor_data(x, true, true, true),
                None => JsValue::Undefined,
            };
        }
        JsValue::Arr(_) | JsValue::Func(_) | JsValue::Map(_) | JsValue::Set(_) | JsValue::RegExp(_) => {
            unsupported("Object.getOwnPropertyDescriptor of an array, function or built-in object")
        }
        _ => return JsValue::Undefined,
    };
    let b = o.borrow();
    let Some(x) = b.get_own(&key) else { return JsValue::Undefined };
    let enumerable = !has_key(&b.hidden, &key);
    let configurable = !has_key(&b.fixed, &key);
    match b.accessor(&key) {
        Some((g, s)) => JsValue::object_lit(
            &["get", "set", "enumerable", "configurable"],
            [g.unwrap_or(JsValue::Undefined), s.unwrap_or(JsValue::Undefined), JsValue::Bool(enumerable), JsValue::Bool(configurable)],
        ),
        None => descriptor_data(x, !has_key(&b.readonly, &key), enumerable, configurable),
    }
}

fn descriptor_data(value: JsValue, writable: bool, enumerable: bool, configurable: bool) -> JsValue {
    JsValue::object_lit(
        &["value", "writable", "enumerable", "configurable"],
        [value, JsValue::Bool(writable), JsValue::Bool(enumerable), JsValue::Bool(configurable)],
    )
}
