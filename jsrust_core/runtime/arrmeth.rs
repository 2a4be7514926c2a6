//! Array methods called at a site where the trace saw an array receiver (`keys.sort()`,
//! `xs.reduce(f, 0)`, `parts.join(',')`).
//!
//! Why: through `builtins::call_method_lit` such a call first looks for an own method on
//! the receiver, then checks whether the name is an index, then finds the method by
//! comparing its name with every other array method's. Each entry here goes to the array
//! code at once (the sort itself, or the family of methods the name belongs to); any other
//! receiver (an object with its own `sort`, a string) takes the general path.
use crate::builtins::{self, general};
use crate::value::JsValue;


fn named(callee: &str) -> Option<&str> {
    if callee.is_empty() {
        None
    } else {
        Some(callee)
    }
}

/// `recv.sort()` / `recv.sort(cmp)`.
#[inline]
pub fn sort(recv: &JsValue, args: &[JsValue], callee: &str) -> JsValue {
    match recv {
        JsValue::Arr(a) => builtins::array_sort(recv, a, args),
        _ => general(recv, "sort", args, callee),
    }
}

/// A callback-taking method (`forEach`, `map`, `filter`, `reduce`, the `find` family, ...).
#[inline]
pub fn iterate(recv: &JsValue, name: &'static str, args: &[JsValue], callee: &str) -> JsValue {
    match recv {
        JsValue::Arr(a) => builtins::iteration_method(recv, a, name, args, named(callee)),
        _ => general(recv, name, args, callee),
    }
}

/// Any other array method (`join`, `indexOf`, `slice`, ...).
#[inline]
pub fn method(recv: &JsValue, name: &'static str, args: &[JsValue], callee: &str) -> JsValue {
    match recv {
        JsValue::Arr(a) => builtins::array_method(recv, a, name, args, named(callee)),
        _ => general(recv, name, args, callee),
    }
}
