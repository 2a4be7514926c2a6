//! Arrays closed by `Object.preventExtensions`, `Object.seal` or `Object.freeze`.
//!
//! Why a side table: a dynamic array is a bare `Rc<RefCell<Vec<JsValue>>>` with no room for
//! attributes, and closing an array is rare, so every array paying a flag would be waste.
//! The table holds a `Weak` per closed array (which also keeps its address from being
//! reused while the entry exists); every mutation path asks `closed` first, which is one
//! thread-local read until some array has been closed. The rules and V8's messages follow
//! the interpreter's (`interp/builtins_array.py::_refuse_locked`, `realm.put`): element
//! writes and deletes a closed array refuses are ignored in sloppy code and TypeErrors in
//! strict code; the mutating built-ins throw in any mode.
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use crate::attrs::{refuse, Closed};
use crate::exit::throw_error;
use crate::value::JsValue;

type Elements = RefCell<Vec<JsValue>>;

thread_local! {
    static CLOSED: RefCell<Vec<(Weak<Elements>, Closed)>> = const { RefCell::new(Vec::new()) };
    static ANY: Cell<bool> = const { Cell::new(false) };
}

/// Has any array been closed in this run? (The fast paths' one check.)
#[inline(always)]
pub fn any() -> bool {
    ANY.with(|c| c.get())
}

/// How far `a` is closed, if at all.
#[inline]
pub fn closed(a: &Rc<Elements>) -> Option<Closed> {
    if !any() {
        return None;
    }
    CLOSED.with(|t| t.borrow().iter().find(|(w, _)| std::ptr::eq(w.as_ptr(), Rc::as_ptr(a))).map(|(_, c)| *c))
}

/// Close `a` to `level` (never reopening it: freezing a sealed array freezes it, sealing a
/// frozen one leaves it frozen).
pub fn close(a: &Rc<Elements>, level: Closed) {
    CLOSED.with(|t| {
        let mut t = t.borrow_mut();
        t.retain(|(w, _)| w.strong_count() > 0);
        match t.iter_mut().find(|(w, _)| std::ptr::eq(w.as_ptr(), Rc::as_ptr(a))) {
            Some((_, c)) if *c < level => *c = level,
            Some(_) => {}
            None => t.push((Rc::downgrade(a), level)),
        }
    });
    ANY.with(|c| c.set(true));
}

/// `a[i] = v`: may it happen? A refused write is ignored (false) or, in strict code, thrown.
pub fn may_store(a: &Rc<Elements>, i: usize, strict: bool) -> bool {
    let Some(level) = closed(a) else { return true };
    let exists = matches!(a.borrow().get(i), Some(v) if !matches!(v, JsValue::Hole));
    if !exists {
        refuse(strict, || format!("Cannot add property {}, object is not extensible", i));
        false
    } else if level == Closed::Frozen {
        refuse(strict, || format!("Cannot assign to read only property '{}' of object '[object Array]'", i));
        false
    } else {
        true
    }
}

/// `a.length = n`: may it happen? A frozen array's length is read-only (even rewriting the
/// same value fails); a sealed array's elements cannot be deleted by shrinking it.
pub fn may_set_length(a: &Rc<Elements>, n: usize, strict: bool) -> bool {
    let Some(level) = closed(a) else { return true };
    let len = a.borrow().len();
    if level == Closed::Frozen {
        refuse(strict, || "Cannot assign to read only property 'length' of object '[object Array]'".to_string());
        false
    } else if level == Closed::Sealed && n < len {
        refuse(strict, || format!("Cannot delete property '{}' of [object Array]", len - 1));
        false
    } else {
        true
    }
}

/// `delete a[i]`: may it happen? Sealed and frozen elements are not configurable.
pub fn may_delete(a: &Rc<Elements>, i: usize, strict: bool) -> bool {
    match closed(a) {
        Some(level) if level >= Closed::Sealed && i < a.borrow().len() => {
            refuse(strict, || format!("Cannot delete property '{}' of [object Array]", i));
            false
        }
        _ => true,
    }
}

/// The elements from `from` to the end, written over the ones from `to` (`to < from`), as the
/// spec's element-by-element moves leave them; the end of the array keeps its old values.
fn move_down(v: &mut [JsValue], from: usize, to: usize) {
    for j in 0..v.len() - from {
        v[to + j] = v[from + j].clone();
    }
}

fn read_only(what: &str) -> ! {
    throw_error("TypeError", &format!("Cannot assign to read only property '{}' of object '[object Array]'", what))
}

fn not_extensible(i: usize) -> ! {
    throw_error("TypeError", &format!("Cannot add property {}, object is not extensible", i))
}

fn not_deletable(i: usize) -> ! {
    throw_error("TypeError", &format!("Cannot delete property '{}' of [object Array]", i))
}

/// `a.push(..k items)` / `a.unshift(..)` on a closed array: V8's TypeError, if any (the
/// built-ins throw in sloppy code too). Adding is refused at every level; with nothing to
/// add, only a frozen array's read-only `length` refuses the final write.
pub fn check_push(a: &Rc<Elements>, k: usize) {
    let Some(level) = closed(a) else { return };
    if k > 0 {
        not_extensible(a.borrow().len());
    }
    if level == Closed::Frozen {
        read_only("length");
    }
}

/// `a.pop()` / `a.shift()` on a closed array. A sealed array's `shift` moves its elements
/// down before it fails to delete the last one, as V8 leaves it.
pub fn check_pop(a: &Rc<Elements>, shift: bool) {
    let Some(level) = closed(a) else { return };
    let n = a.borrow().len();
    match level {
        Closed::NoExtend => {}
        _ if n == 0 => {
            if level == Closed::Frozen {
                read_only("length");
            }
        }
        Closed::Frozen if shift => read_only("0"),
        Closed::Frozen => not_deletable(n - 1),
        Closed::Sealed => {
            if shift {
                move_down(&mut a.borrow_mut(), 1, 0);
            }
            not_deletable(n - 1)
        }
    }
}

/// A built-in that rewrites elements in place (`reverse`, `sort`, `fill`, `copyWithin`),
/// whose first write would be at index `first` (None: it writes nothing): only a frozen
/// array refuses.
pub fn check_rewrite(a: &Rc<Elements>, first: Option<usize>) {
    if let (Some(Closed::Frozen), Some(i)) = (closed(a), first) {
        read_only(&i.to_string());
    }
}

/// `a.splice(start, count, ..k items)` on a closed array, `start` and `count` already
/// clamped: V8's TypeError for its first refused step. Removing more than it inserts moves
/// the tail down first, then deletes from the end: a sealed array is left with the tail
/// moved (as V8 leaves it), a frozen one fails at the first move.
pub fn check_splice(a: &Rc<Elements>, start: usize, count: usize, k: usize) {
    let Some(level) = closed(a) else { return };
    let n = a.borrow().len();
    if k > count {
        not_extensible(n);
    }
    if k == count {
        if level == Closed::Frozen {
            read_only(&if k == 0 { "length".to_string() } else { start.to_string() });
        }
        return;
    }
    match level {
        Closed::NoExtend => {}
        Closed::Frozen if start + count < n => read_only(&(start + k).to_string()),
        Closed::Frozen => not_deletable(n - 1),
        Closed::Sealed => {
            move_down(&mut a.borrow_mut(), start + count, start + k);
            not_deletable(n - 1)
        }
    }
}
