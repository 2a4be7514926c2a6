//! Named (non-index) properties of arrays: `arr.extra = "x"`, `a[-1]`, `a[1.5]`, and the
//! `index`/`input`/`groups` of a regex match array.
//!
//! Why a side table: an array is an `Rc<RefCell<Vec<JsValue>>>`, which has no room for
//! them, and they are rare — giving every array a property list would cost every array a
//! word and every element access an indirection. The table is keyed by the array's
//! address; the `Weak` keeps the allocation, hence the address, from being reused while its
//! entry lives, and entries of dead arrays are dropped as the table grows.
#![forbid(unsafe_code)]

use crate::value::{JsStr, JsValue};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

type ArrRc = Rc<RefCell<Vec<JsValue>>>;

struct Entry {
    array: Weak<RefCell<Vec<JsValue>>>,
    /// In insertion order, as JS enumerates string keys.
    props: Vec<(JsStr, JsValue)>,
}

thread_local! {
    /// Live entries by array address, and the size at which dead ones are next swept.
    static TABLE: RefCell<(HashMap<usize, Entry>, usize)> = RefCell::new((HashMap::new(), 64));
}

fn addr(a: &ArrRc) -> usize {
    Rc::as_ptr(a) as *const u8 as usize
}

/// Run `f` on the live property list of `a`, if it has one.
fn with_props<R>(a: &ArrRc, f: impl FnOnce(&mut Vec<(JsStr, JsValue)>) -> R) -> Option<R> {
    // (no liveness check: while an entry's `Weak` lives, no other array can have its address)
    TABLE.with_borrow_mut(|(table, _)| table.get_mut(&addr(a)).map(|e| f(&mut e.props)))
}

/// `a.key` for a named key, if `a` has it.
pub fn get(a: &ArrRc, key: &str) -> Option<JsValue> {
    with_props(a, |props| props.iter().find(|(k, _)| &**k == key).map(|(_, v)| v.clone())).flatten()
}

/// `a.key = v` for a named key.
pub fn set(a: &ArrRc, key: &str, v: JsValue) {
    TABLE.with_borrow_mut(|(table, limit)| {
        if table.len() >= *limit {
            table.retain(|_, e| e.array.strong_count() > 0);
            *limit = (2 * table.len()).max(64);
        }
        let entry = table.entry(addr(a)).or_insert_with(|| Entry { array: Rc::downgrade(a), props: Vec::new() });
        match entry.props.iter_mut().find(|(k, _)| &**k == key) {
            Some(slot) => slot.1 = v,
            None => entry.props.push((JsStr::from(key), v)),
        }
    })
}

/// `delete a.key` for a named key.
pub fn delete(a: &ArrRc, key: &str) {
    with_props(a, |props| props.retain(|(k, _)| &**k != key));
}

/// `key in a` for a named key.
pub fn has(a: &ArrRc, key: &str) -> bool {
    with_props(a, |props| props.iter().any(|(k, _)| &**k == key)).unwrap_or(false)
}

/// The named properties of `a` in insertion order (after the indices in `Object.keys`).
pub fn entries(a: &ArrRc) -> Vec<(JsStr, JsValue)> {
    with_props(a, |props| props.clone()).unwrap_or_default()
}
