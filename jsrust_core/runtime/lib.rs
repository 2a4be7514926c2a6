//! `jsrt`: the runtime crate every generated program links.
//!
//! Why a runtime at all: generated code is specialised to the types a traced run
//! observed (plain `f64`, `bool`), but some values stay dynamic (unions, objects
//! built in many ways, anything never observed). Those are `JsValue`s, and the
//! operations on them (JS `+`, `==`, property access, calls, built-in methods) live
//! here, written once, compiled once into an rlib and cached by `build.py`.
//!
//! Control that leaves the trace goes through `exit`: a side exit writes a report on
//! stderr and stops with status 86; a JS `throw` unwinds with `resume_unwind` (safe,
//! zero cost until thrown) and is caught by `try_catch` or by `run_main`, which prints
//! Node's `Name: message` line and exits 1.  In action mode (`action`) a side exit answers
//! the activation with its report instead, and the process serves the next one.
#![forbid(unsafe_code)]

mod inspect;
mod numfmt;

pub mod action;
pub mod actionloop;
pub mod arrmeth;
pub mod arrprops;
pub mod attrs;
pub mod builtins;
pub mod callstack;
pub mod clock;
pub mod closedarr;
pub mod console;
pub mod exit;
pub mod heap;
pub mod iterators;
pub mod json;
pub mod keyed;
pub mod mapmeth;
pub mod json_callbacks;
pub mod json_errors;
pub mod modules;
pub mod numarr;
pub mod ops;
pub mod privates;
pub mod regex;
pub mod stablesort;
pub mod strings;
pub mod symbols;
pub mod strmeth;
pub mod value;

pub use exit::{enter, guard_bool, guard_int, guard_num, run_main, side_exit, throw, throw_engine_error, throw_error, try_catch};
pub use numarr::{BoolArr, FieldArr, NumArr, OwnArr, RecArr, RowArr};
pub use value::{JsFunc, JsObject, JsStr, JsValue};

/// JS Number → string (`String(x)`), as Node prints it.
pub fn num_to_string(x: f64) -> String {
    numfmt::number_to_string(x)
}

/// Append JS `String(x)` to `out` (an integer formatted in place, no `String` of its own).
pub fn push_num(out: &mut String, x: f64) {
    numfmt::push_number(out, x)
}

/// `parseFloat(s)`.
pub fn parse_float(s: &str) -> f64 {
    numfmt::parse_float(s)
}

/// `parseInt(s, radix)` (radix NaN means "not given").
pub fn parse_int(s: &str, radix: f64) -> f64 {
    numfmt::parse_int(s, radix)
}
