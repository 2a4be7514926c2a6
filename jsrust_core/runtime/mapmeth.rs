//! `m.get(k)`, `m.set(k, v)` and `m.has(k)` at a site where the trace saw a Map receiver,
//! `s.has(k)` and `s.add(k)` where it saw a Set.
//!
//! Why: through `builtins::call_method_lit` such a call first looks for an own method on
//! the receiver, then finds the Map method by comparing its name with every other's and
//! takes its arguments as a slice; a word count (`counts.set(w, (counts.get(w) || 0) + 1)`)
//! spent a third of its time there. Each entry here goes straight to the entries; any other
//! receiver takes the general path with the same arguments.
use crate::builtins::general;
use crate::ops::key_zero;
use crate::value::JsValue;

/// `recv.get(k)`.
#[inline]
pub fn get(recv: &JsValue, k: JsValue, callee: &str) -> JsValue {
    match recv {
        JsValue::Map(m) => {
            let entries = m.borrow();
            entries.position(&k).map_or(JsValue::Undefined, |i| entries[i].1.clone())
        }
        _ => general(recv, "get", &[k], callee),
    }
}

/// `recv.set(k, v)`: the Map itself, as JS returns it.
#[inline]
pub fn set(recv: &JsValue, k: JsValue, v: JsValue, callee: &str) -> JsValue {
    match recv {
        JsValue::Map(m) => {
            let mut entries = m.borrow_mut();
            match entries.position(&k) {
                Some(i) => entries.value_mut(i).1 = v,
                None => entries.push((key_zero(k), v)),
            }
            drop(entries);
            recv.clone()
        }
        _ => general(recv, "set", &[k, v], callee),
    }
}

/// `recv.has(k)` (a Map's or a Set's).
#[inline]
pub fn has(recv: &JsValue, k: JsValue, callee: &str) -> JsValue {
    match recv {
        JsValue::Map(m) => JsValue::Bool(m.borrow().position(&k).is_some()),
        JsValue::Set(s) => JsValue::Bool(s.borrow().position(&k).is_some()),
        _ => general(recv, "has", &[k], callee),
    }
}

/// `recv.add(k)` where the trace saw a Set: the Set itself, as JS returns it.
#[inline]
pub fn add(recv: &JsValue, k: JsValue, callee: &str) -> JsValue {
    match recv {
        JsValue::Set(s) => {
            let mut members = s.borrow_mut();
            if members.position(&k).is_none() {
                members.push(key_zero(k));
            }
            drop(members);
            recv.clone()
        }
        _ => general(recv, "add", &[k], callee),
    }
}
