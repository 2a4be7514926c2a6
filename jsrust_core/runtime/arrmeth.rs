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

/// `recv.name(f, ..rest)` for a callback the program wrote inline (an arrow): `f` is its
/// body as a plain Rust closure, called directly on an array; `wrap` makes it the JS
/// function value only when the receiver is something else (the general method call,
/// which may keep or print it). Why: a `JsFunc` per evaluation (an `Rc`, a boxed closure,
/// its name's atom looked up) and a dynamic call per element cost more than most
/// callbacks' bodies (`cats.reduce((a, b) => m[a] >= m[b] ? a : b)` in a request handler).
#[inline]
pub fn iterate_fn<F, W>(recv: &JsValue, name: &'static str, f: F, wrap: W, rest: &[JsValue], callee: &str) -> JsValue
where
    F: Fn(JsValue, &[JsValue]) -> JsValue + 'static,
    W: FnOnce(F) -> JsValue,
{
    match recv {
        JsValue::Arr(a) => builtins::iteration_method_with(recv, a, name, |xs| f(JsValue::Undefined, xs), rest, named(callee)),
        _ => {
            let mut args = vec![wrap(f)];
            args.extend_from_slice(rest);
            general(recv, name, &args, callee)
        }
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
