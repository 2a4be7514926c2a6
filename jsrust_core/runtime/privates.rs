//! Private class members (`#x`): fields, methods and statics a class declares with a
//! private name.
//!
//! Why a store of their own: a private name is not a property key. `o["#x"]` is an
//! ordinary property, two classes that both declare `#x` have different names, and
//! private members never show in printing, `Object.keys`, JSON or spread. So each
//! object keeps `(id, value)` pairs apart from its keys, where `id` is the site of the
//! name's declaration (unique per class element); the emitter resolves every `#x` in the
//! source to the id of the class that declares it. An object without the member is a
//! TypeError, with V8's messages.
#![forbid(unsafe_code)]

use crate::exit::throw_engine_error;
use crate::value::JsValue;

/// Run `f` on the private store of `obj` (instances and class constructors have one).
fn with_store<R>(obj: &JsValue, f: impl FnOnce(&mut Vec<(u32, JsValue)>) -> R) -> Option<R> {
    match obj {
        JsValue::Obj(o) => Some(f(&mut o.borrow_mut().privs)),
        JsValue::Func(func) => Some(f(&mut func.privs.borrow_mut())),
        _ => None,
    }
}

/// `obj.#name` (a method reads as its function); `missing` is V8's message when `obj`
/// lacks it (it differs for fields and methods, and names the class for methods).
pub fn get(obj: &JsValue, id: u32, missing: &str) -> JsValue {
    let found = with_store(obj, |store| store.iter().find(|(k, _)| *k == id).map(|(_, v)| v.clone()));
    match found.flatten() {
        Some(v) => v,
        None => throw_engine_error("TypeError", missing),
    }
}

/// `obj.#name = v` on a private field (`missing`: the message when `obj` lacks it).
pub fn set(obj: &JsValue, id: u32, missing: &str, v: JsValue) {
    let mut v = Some(v);
    let done = with_store(obj, |store| match store.iter_mut().find(|(k, _)| *k == id) {
        Some(slot) => {
            slot.1 = v.take().unwrap_or(JsValue::Undefined);
            true
        }
        None => false,
    });
    if done != Some(true) {
        throw_engine_error("TypeError", missing);
    }
}

/// `obj.#name = v` where `#name` is a private method: methods are not writable.
pub fn set_method(obj: &JsValue, id: u32, name: &str, missing: &str) -> ! {
    let present = with_store(obj, |store| store.iter().any(|(k, _)| *k == id)).unwrap_or(false);
    if present {
        throw_engine_error("TypeError", &format!("Private method '{}' is not writable", name));
    }
    throw_engine_error("TypeError", missing)
}

/// Add private member `id` to a new instance (or a class, for statics), as its class's
/// field initialisers do.
pub fn init(obj: &JsValue, id: u32, name: &str, v: JsValue) {
    let mut v = Some(v);
    let added = with_store(obj, |store| {
        if store.iter().any(|(k, _)| *k == id) {
            return false;
        }
        store.push((id, v.take().unwrap_or(JsValue::Undefined)));
        true
    });
    if added != Some(true) {
        throw_engine_error("TypeError", &format!("Cannot initialize {} twice on the same object", name));
    }
}

/// `#name in obj`.
pub fn has(obj: &JsValue, id: u32, name: &str) -> bool {
    match with_store(obj, |store| store.iter().any(|(k, _)| *k == id)) {
        Some(found) => found,
        None if matches!(obj, JsValue::Arr(_) | JsValue::Rec(_) | JsValue::Map(_) | JsValue::Set(_) | JsValue::RegExp(_)) => false,
        None => throw_engine_error(
            "TypeError",
            &format!("Cannot use 'in' operator to search for '{}' in {}", name, obj.to_js_string()),
        ),
    }
}
