//! String methods called by name at a site where the trace saw a string receiver.
//!
//! Why: the general `builtins::call_method_lit` finds a string method by comparing its
//! name against every method's, and takes its arguments as a `&[JsValue]` slice, so a
//! literal needle (`s.indexOf('{{', pos)`) is looked up as a shared value and a number is
//! boxed, all to be unboxed again. Here each method is its own function: the emitter
//! names it at the call site and passes each argument as it has it (a `&'static str`
//! literal, an `f64`, or a `JsValue`, see `Arg`), so a template renderer's hot loop makes
//! no dispatch and no argument slice. A receiver that is not a string after all (or a
//! RegExp first argument) takes the general path with the same arguments, so the result
//! is always the one `call_method_lit` gives.
//!
//! The method bodies (`*_str`) are shared with `builtins::string_method`, so both paths
//! keep one definition of each method's JS semantics.
use crate::builtins;
use crate::exit::throw_error;
use crate::strings;
use crate::value::{JsStr, JsValue};

/// One argument of a string method call, in the form the emitter has it.
pub trait Arg {
    /// JS ToString of the argument, lent to `f` (a string argument is not copied).
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R;
    /// Whether it is `undefined` (or absent), which most methods read as their default.
    fn is_undefined(&self) -> bool {
        false
    }
    /// JS ToNumber of the argument; `None` when it is `undefined`.
    fn opt_num(&self) -> Option<f64>;
    /// Whether it is a RegExp (`split`, `replace` and friends change meaning then).
    fn is_regexp(&self) -> bool {
        false
    }
    /// Append the argument as the general path takes it (`Absent` appends nothing).
    fn push_to(self, args: &mut Vec<JsValue>);
}

/// An argument the call does not pass (`s.slice(1)`: the second one).
pub struct Absent;

impl Arg for Absent {
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f("undefined")
    }
    fn is_undefined(&self) -> bool {
        true
    }
    fn opt_num(&self) -> Option<f64> {
        None
    }
    fn push_to(self, _: &mut Vec<JsValue>) {}
}

impl Arg for &'static str {
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(self)
    }
    fn opt_num(&self) -> Option<f64> {
        Some(crate::numfmt::string_to_number(self))
    }
    fn push_to(self, args: &mut Vec<JsValue>) {
        args.push(crate::value::lit(self));
    }
}

impl Arg for f64 {
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(&crate::num_to_string(*self))
    }
    fn opt_num(&self) -> Option<f64> {
        Some(*self)
    }
    fn push_to(self, args: &mut Vec<JsValue>) {
        args.push(JsValue::Num(self));
    }
}

impl Arg for JsValue {
    fn with_str<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        match self {
            JsValue::Str(s) => f(s),
            other => f(&other.to_js_string()),
        }
    }
    fn is_undefined(&self) -> bool {
        matches!(self, JsValue::Undefined)
    }
    fn opt_num(&self) -> Option<f64> {
        match self {
            JsValue::Undefined => None,
            other => Some(other.to_number()),
        }
    }
    fn is_regexp(&self) -> bool {
        matches!(self, JsValue::RegExp(_))
    }
    fn push_to(self, args: &mut Vec<JsValue>) {
        args.push(self);
    }
}

/// The general path: `recv.name(args)` as `builtins` calls it (`callee` is the source
/// text V8 names in a "not a function" error, empty when the receiver is no plain name).
#[inline(never)]
fn general(recv: &JsValue, name: &'static str, args: Vec<JsValue>, callee: &str) -> JsValue {
    if callee.is_empty() {
        builtins::call_method_lit(recv, name, &args)
    } else {
        builtins::call_method_lit_as(recv, name, &args, callee)
    }
}

fn general1(recv: &JsValue, name: &'static str, a: impl Arg, callee: &str) -> JsValue {
    let mut args = Vec::with_capacity(1);
    a.push_to(&mut args);
    general(recv, name, args, callee)
}

fn general2(recv: &JsValue, name: &'static str, a: impl Arg, b: impl Arg, callee: &str) -> JsValue {
    let mut args = Vec::with_capacity(2);
    a.push_to(&mut args);
    b.push_to(&mut args);
    general(recv, name, args, callee)
}

/// The methods taking no argument (`s.trim()`).
macro_rules! method0 {
    ($(#[$doc:meta])* $name:ident, $js:literal, $body:path) => {
        $(#[$doc])*
        #[inline]
        pub fn $name(recv: &JsValue, callee: &str) -> JsValue {
            match recv {
                JsValue::Str(s) => $body(s),
                _ => general(recv, $js, Vec::new(), callee),
            }
        }
    };
}

/// The methods taking one argument (`s.charCodeAt(i)`).
macro_rules! method1 {
    ($(#[$doc:meta])* $name:ident, $js:literal, $body:path) => {
        $(#[$doc])*
        #[inline]
        pub fn $name<A: Arg>(recv: &JsValue, a: A, callee: &str) -> JsValue {
            match recv {
                JsValue::Str(s) if !a.is_regexp() => $body(s, &a),
                _ => general1(recv, $js, a, callee),
            }
        }
    };
}

/// The methods taking two arguments (`s.indexOf(x, from)`).
macro_rules! method2 {
    ($(#[$doc:meta])* $name:ident, $js:literal, $body:path) => {
        $(#[$doc])*
        #[inline]
        pub fn $name<A: Arg, B: Arg>(recv: &JsValue, a: A, b: B, callee: &str) -> JsValue {
            match recv {
                JsValue::Str(s) if !a.is_regexp() => $body(s, &a, &b),
                _ => general2(recv, $js, a, b, callee),
            }
        }
    };
}

method0!(trim, "trim", trim_str);
method0!(trim_start, "trimStart", trim_start_str);
method0!(trim_end, "trimEnd", trim_end_str);
method0!(to_upper_case, "toUpperCase", to_upper_str);
method0!(to_lower_case, "toLowerCase", to_lower_str);
method1!(char_at, "charAt", char_at_str);
method1!(char_code_at, "charCodeAt", char_code_at_str);
method1!(at, "at", at_str);
method1!(repeat, "repeat", repeat_str);
method2!(slice, "slice", slice_str);
method2!(substring, "substring", substring_str);
method2!(substr, "substr", substr_str);
method2!(index_of, "indexOf", index_of_str);
method2!(includes, "includes", includes_str);
method2!(starts_with, "startsWith", starts_with_str);
method2!(ends_with, "endsWith", ends_with_str);
method2!(pad_start, "padStart", pad_start_str);
method2!(pad_end, "padEnd", pad_end_str);
method2!(split, "split", split_str);

/// The result of trimming `s` to `kept` (a part of `s`): `s` itself when nothing was cut,
/// else that part (shared when `s` is ASCII, see `JsStr::slice`).
fn trimmed(s: &JsStr, kept: &str) -> JsValue {
    if kept.len() == s.len() {
        JsValue::Str(s.clone())
    } else if s.ascii() {
        let from = kept.as_ptr() as usize - s.as_ptr() as usize;
        JsValue::Str(s.slice(from, from + kept.len()))
    } else {
        JsValue::str(kept)
    }
}

pub fn trim_str(s: &JsStr) -> JsValue {
    if !ends_in_space(s.utf8()) {
        return JsValue::Str(s.clone());  // (the common case, decided by two bytes)
    }
    trimmed(s, s.trim_matches(strings::is_js_space))
}

/// Could `text` start or end with a JS space? Every space is ASCII 9..=13 or 32, or a
/// multi-byte character; a printable ASCII byte at both ends rules them all out, with no
/// per-character decoding of the general trim (`tag.trim()` in a template scanner).
#[inline]
fn ends_in_space(text: &[u8]) -> bool {
    let plain = |b: u8| b > b' ' && b < 0x80;
    match (text.first(), text.last()) {
        (Some(&a), Some(&z)) => !(plain(a) && plain(z)),
        _ => false,
    }
}

pub fn trim_start_str(s: &JsStr) -> JsValue {
    trimmed(s, s.trim_start_matches(strings::is_js_space))
}

pub fn trim_end_str(s: &JsStr) -> JsValue {
    trimmed(s, s.trim_end_matches(strings::is_js_space))
}

pub fn to_upper_str(s: &JsStr) -> JsValue {
    JsValue::string(s.to_uppercase())
}

pub fn to_lower_str(s: &JsStr) -> JsValue {
    JsValue::string(s.to_lowercase())
}

/// A position argument as `charAt`, `charCodeAt`, `at` take it: ToIntegerOrInfinity
/// (missing or NaN is 0, a fraction truncates: `charAt(2.9)` is `charAt(2)`).
pub fn position_arg(i: &impl Arg) -> f64 {
    let x = i.opt_num().unwrap_or(0.0);
    if x.is_nan() {
        0.0
    } else {
        x.trunc() + 0.0 // (`-0.5` truncates to -0, which is index 0)
    }
}

pub fn char_at_str(s: &JsStr, i: &impl Arg) -> JsValue {
    JsValue::Str(strings::char_at(s, position_arg(i)).unwrap_or_default())
}

pub fn char_code_at_str(s: &JsStr, i: &impl Arg) -> JsValue {
    JsValue::Num(strings::code_at(s, position_arg(i)))
}

pub fn at_str(s: &JsStr, i: &impl Arg) -> JsValue {
    let len = strings::len16(s);
    let i = position_arg(i);
    let i = if i < 0.0 { i + len as f64 } else { i };
    strings::char_at(s, i).map(JsValue::Str).unwrap_or(JsValue::Undefined)
}

pub fn repeat_str(s: &JsStr, n: &impl Arg) -> JsValue {
    let n = n.opt_num().unwrap_or(0.0);
    if n < 0.0 || n.is_infinite() {
        throw_error("RangeError", &format!("Invalid count value: {}", crate::num_to_string(n)));
    }
    if n >= 1.0 && strings::len16(s) as f64 * n.trunc() > strings::MAX_LENGTH as f64 {
        throw_error("RangeError", "Invalid string length");
    }
    JsValue::string(s.repeat(n as usize))
}

/// The string of UTF-16 units `a..b` of `s`: `s` itself when that is all of it.
fn sub(s: &JsStr, a: usize, b: usize, len: usize) -> JsValue {
    if a == 0 && b == len {
        return JsValue::Str(s.clone());
    }
    JsValue::Str(strings::sub_js(s, a, b))
}

/// The UTF-16 range `s.slice(a, b)` takes (empty when `b <= a`).
fn slice_range(len: usize, a: &impl Arg, b: &impl Arg) -> (usize, usize) {
    let a = strings::rel_index(a.opt_num().unwrap_or(0.0), len);
    let b = strings::rel_index(b.opt_num().unwrap_or(len as f64), len);
    (a, b.max(a))
}

/// The UTF-16 range `s.substring(a, b)` takes (the bounds in either order).
fn substring_range(len: usize, a: &impl Arg, b: &impl Arg) -> (usize, usize) {
    let a = strings::clamp_index(a.opt_num().unwrap_or(0.0), len);
    let b = strings::clamp_index(b.opt_num().unwrap_or(len as f64), len);
    (a.min(b), a.max(b))
}

/// The UTF-16 range `s.substr(a, n)` takes.
fn substr_range(len: usize, a: &impl Arg, n: &impl Arg) -> (usize, usize) {
    let a = strings::rel_index(a.opt_num().unwrap_or(0.0), len);
    let n = n.opt_num().unwrap_or((len - a) as f64).max(0.0) as usize;
    (a, (a + n).min(len))
}

pub fn slice_str(s: &JsStr, a: &impl Arg, b: &impl Arg) -> JsValue {
    let len = strings::len16(s);
    let (a, b) = slice_range(len, a, b);
    sub(s, a, b, len)
}

pub fn substring_str(s: &JsStr, a: &impl Arg, b: &impl Arg) -> JsValue {
    let len = strings::len16(s);
    let (a, b) = substring_range(len, a, b);
    sub(s, a, b, len)
}

pub fn substr_str(s: &JsStr, a: &impl Arg, n: &impl Arg) -> JsValue {
    let len = strings::len16(s);
    let (a, b) = substr_range(len, a, n);
    sub(s, a, b, len)
}

/// `out += recv.substring(a, b)` (and `slice`, `substr`) on a local: the piece is copied
/// from `recv` straight onto the end of `out`, never made a string of its own.
macro_rules! append_sub {
    ($(#[$doc:meta])* $name:ident, $method:ident, $range:ident) => {
        $(#[$doc])*
        #[inline]
        pub fn $name<A: Arg, B: Arg>(out: &mut JsValue, recv: &JsValue, a: A, b: B, callee: &str) {
            if let (JsValue::Str(o), JsValue::Str(s)) = (&mut *out, recv) {
                let (from, to) = $range(strings::len16(s), &a, &b);
                if s.ascii() {
                    o.push_str(&s[from..to]);
                } else {
                    o.push_str(&strings::sub16(s, from, to));
                }
                return;
            }
            let piece = $method(recv, a, b, callee);
            crate::ops::add_assign(out, &piece);
        }
    };
}

append_sub!(append_slice, slice, slice_range);
append_sub!(append_substring, substring, substring_range);
append_sub!(append_substr, substr, substr_range);

pub fn index_of_str(s: &JsStr, needle: &impl Arg, from: &impl Arg) -> JsValue {
    let len = strings::len16(s);
    needle.with_str(|n| JsValue::Num(strings::index_of(s, n, strings::clamp_index(from.opt_num().unwrap_or(0.0), len))))
}

pub fn includes_str(s: &JsStr, needle: &impl Arg, from: &impl Arg) -> JsValue {
    let len = strings::len16(s);
    needle.with_str(|n| {
        JsValue::Bool(strings::index_of(s, n, strings::clamp_index(from.opt_num().unwrap_or(0.0), len)) >= 0.0)
    })
}

pub fn starts_with_str(s: &JsStr, prefix: &impl Arg, from: &impl Arg) -> JsValue {
    let len = strings::len16(s);
    prefix.with_str(|p| {
        JsValue::Bool(strings::starts_with_at(s, p, strings::clamp_index(from.opt_num().unwrap_or(0.0), len)))
    })
}

pub fn ends_with_str(s: &JsStr, suffix: &impl Arg, end: &impl Arg) -> JsValue {
    let len = strings::len16(s);
    suffix.with_str(|x| {
        JsValue::Bool(strings::ends_with_at(s, x, strings::clamp_index(end.opt_num().unwrap_or(len as f64), len)))
    })
}

fn pad_str(s: &JsStr, target: &impl Arg, fill: &impl Arg, at_start: bool) -> JsValue {
    let target = target.opt_num().unwrap_or(0.0);
    let padded = if fill.is_undefined() {
        strings::pad(s, target, " ", at_start)
    } else {
        fill.with_str(|f| strings::pad(s, target, f, at_start))
    };
    if padded.len() == s.len() {
        return JsValue::Str(s.clone());
    }
    JsValue::string(padded)
}

pub fn pad_start_str(s: &JsStr, target: &impl Arg, fill: &impl Arg) -> JsValue {
    pad_str(s, target, fill, true)
}

pub fn pad_end_str(s: &JsStr, target: &impl Arg, fill: &impl Arg) -> JsValue {
    pad_str(s, target, fill, false)
}

pub fn split_str(s: &JsStr, sep: &impl Arg, limit: &impl Arg) -> JsValue {
    // the spec reads the limit (ToUint32: `-1` is 2^32 - 1) before the separator's ToString
    let limit = limit.opt_num().map_or(usize::MAX, |n| crate::numfmt::to_uint32(n) as usize);
    let parts = if sep.is_undefined() {
        strings::split(s, None, limit)
    } else {
        sep.with_str(|p| strings::split(s, Some(p), limit))
    };
    JsValue::array(parts.into_iter().map(JsValue::string).collect())
}

/// `for (const x of s.split(sep))` with a literal separator: the pieces are made one at a
/// time as the loop takes them, never gathered into an array. The array would be
/// unreachable from JS (only the loop sees it) and the text cannot change under a
/// `JsStr`, so the loop sees the same values; a word count over a long text kept all its
/// words alive at once (the array) before the first was counted.
pub enum SplitWalk {
    Pieces { text: JsStr, sep: &'static str, pos: usize, done: bool },
    Other(crate::iterators::ForOf),
}

/// The walk of `for (x of recv.split(sep))` (`sep` a literal; any receiver that is not a
/// string, or an empty separator, walks the array the general path gives).
pub fn for_of_split(recv: &JsValue, sep: &'static str, callee: &str) -> SplitWalk {
    match recv {
        JsValue::Str(s) if !sep.is_empty() => SplitWalk::Pieces { text: s.clone(), sep, pos: 0, done: false },
        _ => SplitWalk::Other(crate::iterators::for_of(&split(recv, sep, Absent, callee), "")),
    }
}

impl Iterator for SplitWalk {
    type Item = JsValue;

    fn next(&mut self) -> Option<JsValue> {
        match self {
            SplitWalk::Pieces { text, sep, pos, done } => {
                if *done {
                    return None;
                }
                let start = *pos;
                let rest = &text[start..];
                let end = match rest.find(*sep) {
                    Some(at) => {
                        *pos += at + sep.len();
                        start + at
                    }
                    None => {
                        *done = true;
                        text.len()
                    }
                };
                // a piece of ASCII text shares it (`JsStr::slice`), as `substring` does: a
                // word count made two allocations and a copy per word
                if text.ascii() {
                    Some(JsValue::Str(text.slice(start, end)))
                } else {
                    Some(JsValue::str(&text[start..end]))
                }
            }
            SplitWalk::Other(walk) => walk.next(),
        }
    }
}

/// `'-+.0123456789eE'.includes(c)` with a literal receiver (a scanner's set of characters):
/// the literal's text is searched in place, with no string value made for it. Any needle
/// but a string takes `includes`' own path (ToString, or the TypeError of a RegExp).
#[inline]
pub fn lit_includes(text: &'static str, needle: JsValue) -> bool {
    match &needle {
        JsValue::Str(n) => text.contains(&**n),
        _ => matches!(includes(&crate::value::lit(text), needle, Absent, ""), JsValue::Bool(true)),
    }
}
