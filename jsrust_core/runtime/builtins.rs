//! Built-in methods on dynamic receivers: `s.slice(..)`, `a.push(..)`, `m.get(..)`, ...
//!
//! `call_method(recv, name, args)` is the one entry generated code uses for a method
//! call whose receiver is a `JsValue`: strings, arrays, maps and sets dispatch to the
//! built-ins here; objects look the method up their prototype chain and call it with
//! `this` bound to the receiver.
use crate::keyed::Keyed;
use std::cell::RefCell;
use std::rc::Rc;

use crate::exit::{self, throw_error};
use crate::iterators::{self, Yield};
use crate::ops::{self, same_value_zero, strict_eq};
use crate::strings;
use crate::strmeth;
use crate::value::{JsStr, JsValue};

fn arg(args: &[JsValue], i: usize) -> JsValue {
    args.get(i).cloned().unwrap_or(JsValue::Undefined)
}

fn num_arg(args: &[JsValue], i: usize, default: f64) -> f64 {
    match args.get(i) {
        None | Some(JsValue::Undefined) => default,
        Some(v) => v.to_number(),
    }
}

/// ToIntegerOrInfinity of an argument (missing or NaN is 0): the digit counts of the
/// Number methods, whose range checks must see `Infinity` as out of range.
fn integer_arg(args: &[JsValue], i: usize) -> f64 {
    let x = num_arg(args, i, 0.0);
    if x.is_nan() {
        0.0
    } else {
        x.trunc()
    }
}

/// One argument of `String.fromCodePoint`: V8's RangeError for anything but an integer in
/// 0..=0x10FFFF; a lone surrogate (valid in JS) is a text this runtime's strings cannot hold.
fn code_point(c: &JsValue) -> char {
    let n = c.to_number();
    if !(0.0..=1114111.0).contains(&n) || n.fract() != 0.0 {
        throw_error("RangeError", &format!("Invalid code point {}", crate::num_to_string(n)));
    }
    char::from_u32(n as u32)
        .unwrap_or_else(|| exit::unsupported("String.fromCodePoint of a lone surrogate (half a UTF-16 pair)"))
}

/// Call a callback argument (`map`, `forEach`, `sort` comparators...).
fn callback(f: &JsValue, args: &[JsValue]) -> JsValue {
    match f {
        JsValue::Func(func) if !func.is_class => (func.call)(JsValue::Undefined, args),
        // the error names the value as V8 does: formatted only when it is needed
        _ => ops::call(f, JsValue::Undefined, args, &callee_text(f)),
    }
}

/// How V8 names a non-function value passed where a callback was expected
/// (`[1].map(v)`: `TypeError: <this> is not a function`): a primitive as its string, an
/// object by its class (`#<Foo>`, `#<Object>`), an array or regexp by its tag.
fn callee_text(v: &JsValue) -> String {
    match v {
        JsValue::Arr(_) => "[object Array]".to_string(),
        JsValue::RegExp(_) => "[object RegExp]".to_string(),
        JsValue::Map(_) => "#<Map>".to_string(),
        JsValue::Set(_) => "#<Set>".to_string(),
        JsValue::Obj(o) => format!("#<{}>", o.borrow().class.as_deref().unwrap_or("Object")),
        JsValue::Rec(r) => format!("#<{}>", r.class_name().unwrap_or("Object")),
        _ => v.to_js_string().to_string(),
    }
}

/// The methods JS really has on each built-in prototype (ES2023). A name here that the
/// runtime does not implement stops the run with `exit::unsupported`; any other name is
/// the program's own mistake and throws Node's `TypeError: x.name is not a function`.
pub(crate) const OBJECT_METHODS: &[&str] = &["hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString", "valueOf"];
const NUMBER_METHODS: &[&str] = &["toExponential", "toFixed", "toLocaleString", "toPrecision", "toString", "valueOf"];
const STRING_METHODS: &[&str] = &[
    "at", "charAt", "charCodeAt", "codePointAt", "concat", "endsWith", "includes", "indexOf", "isWellFormed",
    "lastIndexOf", "localeCompare", "match", "matchAll", "normalize", "padEnd", "padStart", "repeat", "replace",
    "replaceAll", "search", "slice", "split", "startsWith", "substr", "substring", "toLocaleLowerCase",
    "toLocaleUpperCase", "toLowerCase", "toString", "toUpperCase", "toWellFormed", "trim", "trimEnd", "trimStart",
    "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString",
];
pub(crate) const ARRAY_METHODS: &[&str] = &[
    "at", "concat", "copyWithin", "entries", "every", "fill", "filter", "find", "findIndex", "findLast",
    "findLastIndex", "flat", "flatMap", "forEach", "includes", "indexOf", "join", "keys", "lastIndexOf", "map",
    "pop", "push", "reduce", "reduceRight", "reverse", "shift", "slice", "some", "sort", "splice",
    "toLocaleString", "toReversed", "toSorted", "toSpliced", "toString", "unshift", "values", "with",
    "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "valueOf",
];
const MAP_METHODS: &[&str] = &["clear", "delete", "entries", "forEach", "get", "has", "keys", "set", "values",
    "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString", "valueOf"];
const SET_METHODS: &[&str] = &["add", "clear", "delete", "entries", "forEach", "has", "keys", "values",
    "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString", "valueOf"];
/// ES2025's Set methods: absent in Node 20 (`s.union` reads as undefined), so a call is V8's
/// TypeError naming the callee by its source text, which this runtime cannot: it stops.
const SET_METHODS_LATER: &[&str] =
    &["difference", "intersection", "isDisjointFrom", "isSubsetOf", "isSupersetOf", "symmetricDifference", "union"];
const FUNCTION_METHODS: &[&str] = &["apply", "bind", "call", "toString",
    "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "valueOf"];

/// A replacement string's `$` patterns for a string (not regex) match: `$$`, `$&` (the
/// match), `` $` `` (text before it) and `$'` (text after it); any other `$` is literal.
fn expand_replacement(out: &mut String, rep: &str, matched: &str, before: &str, after: &str) {
    let mut chars = rep.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '$' {
            out.push(c);
            continue;
        }
        match chars.peek() {
            Some('$') => out.push('$'),
            Some('&') => out.push_str(matched),
            Some('`') => out.push_str(before),
            Some('\'') => out.push_str(after),
            _ => {
                out.push('$');
                continue;
            }
        }
        chars.next();
    }
}

/// `recv.name(args)` by name: the general path of the runtime's method fast paths
/// (`ops::push1`, `arrmeth`, `mapmeth`). `callee`: the source text V8 names in a "not a
/// function" error, empty when the receiver is no plain name.
#[inline(never)]
pub(crate) fn general(recv: &JsValue, name: &'static str, args: &[JsValue], callee: &str) -> JsValue {
    if callee.is_empty() {
        call_method_lit(recv, name, args)
    } else {
        call_method_lit_as(recv, name, args, callee)
    }
}

/// `recv.name(args)`.
pub fn call_method(recv: &JsValue, name: &str, args: &[JsValue]) -> JsValue {
    call_method_as(recv, name, args, None)
}

/// `recv.name(args)` where the emitter knows the callee's source text (`handlers.stop`):
/// V8 names the callee that way in `TypeError: handlers.stop is not a function`.
pub fn call_method_as(recv: &JsValue, name: &str, args: &[JsValue], callee: Option<&str>) -> JsValue {
    let not_a_function = || -> ! {
        let what = callee.map_or_else(|| member_name(recv, name), str::to_string);
        throw_error("TypeError", &format!("{} is not a function", what))
    };
    if let (JsValue::Arr(_), Some(i)) = (recv, crate::value::index_key(name)) {
        let what = callee.map_or_else(|| format!("arr[{}]", i), str::to_string);
        return ops::call(&ops::get_index(recv, i as f64), recv.clone(), args, &what);
    }
    // a name no such built-in has: V8 names the callee by its source text (`text.split`)
    let unknown = |known: &[&str]| callee.is_some() && !known.contains(&name);
    match recv {
        JsValue::Str(s) => string_method(s, name, args, callee),
        JsValue::Map(_) if unknown(MAP_METHODS) => not_a_function(),
        JsValue::Set(_) if unknown(SET_METHODS) && !SET_METHODS_LATER.contains(&name) => not_a_function(),
        // an unknown name is told apart at the end of the dispatch, not by a scan of every
        // name first (`keys.sort()`, `xs.reduce(..)` are hot)
        JsValue::Arr(a) => array_method(recv, a, name, args, callee),
        JsValue::Map(m) => map_method(recv, m, name, args),
        JsValue::Set(s) => set_method(recv, s, name, args),
        JsValue::Num(n) => number_method(*n, name, args, callee),
        JsValue::RegExp(re) => crate::regex::call_method(re, name, args),
        JsValue::Sym(sym) if name == "toString" => JsValue::string(crate::symbols::describe(sym)),
        JsValue::Sym(_) if name == "valueOf" => recv.clone(),
        JsValue::Obj(o) => {
            let f = ops::lookup(o, name);
            match f {
                Some(f @ JsValue::Func(_)) => ops::call(&f, recv.clone(), args, name),
                None if name == "next" && o.borrow().iter.is_some() => crate::iterators::next(o),
                None if !o.borrow().inherits_object_prototype() => not_a_function(),
                // a wrapper's methods are its primitive's (`valueOf` gives the primitive back)
                None if o.borrow().boxed.is_some() => {
                    let p = o.borrow().boxed.clone().unwrap_or(JsValue::Undefined);
                    if name == "valueOf" { p } else { call_method_as(&p, name, args, callee) }
                }
                _ if name == "toString" => JsValue::Str(recv.to_js_string()),
                _ if name == "hasOwnProperty" => JsValue::Bool(o.borrow().get_own(&arg(args, 0).to_js_string()).is_some()),
                None if name == "isPrototypeOf" => JsValue::Bool(is_prototype_of(o, &arg(args, 0))),
                None if OBJECT_METHODS.contains(&name) => exit::unsupported(&format!("Object.prototype.{}", name)),
                _ => not_a_function(),
            }
        }
        JsValue::Rec(r) => match r.lookup(name) {
            Some(f @ JsValue::Func(_)) => ops::call(&f, recv.clone(), args, name),
            Some(_) => not_a_function(),
            None if name == "toString" => JsValue::Str(recv.to_js_string()),
            None if name == "hasOwnProperty" => JsValue::Bool(r.slot(&arg(args, 0).to_js_string()).is_some()),
            None if OBJECT_METHODS.contains(&name) => exit::unsupported(&format!("Object.prototype.{}", name)),
            None => not_a_function(),
        },
        JsValue::Func(_) => {
            let f = ops::get(recv, name);
            if let JsValue::Func(_) = f {
                return ops::call(&f, recv.clone(), args, name);
            }
            match name {
                // (a primitive `this` reaches the function as it is: a sloppy-mode function
                // boxes it itself, `ops::sloppy_this`)
                "call" => ops::call(recv, arg(args, 0), args.get(1..).unwrap_or(&[]), "function"),
                "bind" => {
                    let target = recv.clone();
                    let bound_this = arg(args, 0);
                    let bound: Vec<JsValue> = args.iter().skip(1).cloned().collect();
                    let name = format!("bound {}", ops::get(recv, "name").to_js_string());
                    // the target's length less the bound arguments, not below zero
                    let length = match recv {
                        JsValue::Func(f) => f.length.get().map(|n| n.saturating_sub(bound.len() as u32)),
                        _ => None,
                    };
                    let f = JsValue::func_named(&name, move |_this, more| {
                        let mut all = bound.clone();
                        all.extend(more.iter().cloned());
                        ops::call(&target, bound_this.clone(), &all, "function")
                    });
                    let f = f.with_source("function () { [native code] }"); // (as V8 shows a bound function)
                    match length {
                        Some(n) => f.with_length(n),
                        None => f,
                    }
                }
                "apply" => {
                    let list = match arg(args, 1) {
                        JsValue::Arr(a) => a.borrow().iter().map(JsValue::slot_value).collect(),
                        JsValue::Undefined | JsValue::Null => Vec::new(),
                        like @ (JsValue::Obj(_) | JsValue::Rec(_) | JsValue::Func(_) | JsValue::Map(_) | JsValue::Set(_)
                        | JsValue::RegExp(_)) => {
                            (0..apply_length(&ops::get(&like, "length"))).map(|i| ops::get(&like, &i.to_string())).collect()
                        }
                        _ => throw_error("TypeError", "CreateListFromArrayLike called on non-object"),
                    };
                    ops::call(recv, arg(args, 0), &list, "function")
                }
                "toString" => JsValue::Str(recv.to_js_string()),
                _ if FUNCTION_METHODS.contains(&name) => exit::unsupported(&format!("Function.prototype.{}", name)),
                _ => not_a_function(),
            }
        }
        JsValue::Bool(_) if name == "toString" => JsValue::Str(recv.to_js_string()),
        JsValue::Undefined | JsValue::Null => throw_error(
            "TypeError",
            &format!("Cannot read properties of {} (reading '{}')", recv.tag(), name),
        ),
        _ => not_a_function(),
    }
}

/// `recv.name(args)` with a literal method name: an object finds its method through the
/// literal's atom, without hashing the name (see `value::literal_id`).
pub fn call_method_lit(recv: &JsValue, name: &'static str, args: &[JsValue]) -> JsValue {
    if let JsValue::Str(s) = recv {
        return string_method(s, name, args, None); // the hot receiver of a literal method name
    }
    if let Some(f) = ops::method_lit(recv, name) {
        return ops::call(&f, recv.clone(), args, name);
    }
    call_method(recv, name, args)
}

/// `call_method_lit` for a callee the emitter can name in source text (`handlers.stop`),
/// so a missing method reports `TypeError: handlers.stop is not a function` as V8 does.
pub fn call_method_lit_as(recv: &JsValue, name: &'static str, args: &[JsValue], callee: &str) -> JsValue {
    if let JsValue::Str(s) = recv {
        return string_method(s, name, args, Some(callee));
    }
    if let Some(f) = ops::method_lit(recv, name) {
        return ops::call(&f, recv.clone(), args, name);
    }
    call_method_as(recv, name, args, Some(callee))
}

fn member_name(recv: &JsValue, name: &str) -> String {
    match recv {
        JsValue::Obj(_) | JsValue::Rec(_) => format!("obj.{}", name),
        _ => format!("{}.{}", recv.to_js_string(), name),
    }
}

/// en-US `n.toLocaleString()`: at most 3 fraction digits, rounded half away from zero
/// from the shortest decimal form (as ICU does), the integer digits grouped by commas.
fn to_locale_string(n: f64) -> String {
    if n.is_nan() {
        return "NaN".to_string();
    }
    if n.is_infinite() {
        return if n > 0.0 { "∞" } else { "-∞" }.to_string();
    }
    let sign = if n.is_sign_negative() { "-" } else { "" };
    // the shortest digits d1d2d3.. with the value 0.d1d2d3.. × 10^point, from the first
    // integer place on (zeros before the first digit of a 0.00ddd value)
    let (shortest, point) = crate::numfmt::shortest_digits(n.abs());
    let int_len = point.max(0);
    let digits: Vec<u8> = std::iter::repeat(0)
        .take((int_len - point) as usize)
        .chain(shortest.as_str().bytes().map(|b| b - b'0'))
        .collect();
    // the integer digits and three fraction digits, rounded half up by the next one
    let (kept, _) = crate::numfmt::round_half_up(&digits, (int_len + 3) as usize, 0);
    let (int_digits, frac_digits) = kept.split_at(kept.len() - 3);
    let mut out = String::from(sign);
    if int_digits.is_empty() {
        out.push('0');
    }
    for (i, d) in int_digits.iter().enumerate() {
        if i > 0 && (int_digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push((b'0' + d) as char);
    }
    let frac: String = frac_digits.iter().map(|d| (b'0' + d) as char).collect();
    let frac = frac.trim_end_matches('0');
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// `callee`: the call's source text when the emitter knows it (`count.x is not a function`).
fn number_method(n: f64, name: &str, args: &[JsValue], callee: Option<&str>) -> JsValue {
    match name {
        "toString" => match args.first() {
            Some(JsValue::Undefined) => JsValue::string(crate::num_to_string(n)),
            Some(r) if !(2.0..37.0).contains(&r.to_number().trunc()) => {
                throw_error("RangeError", "toString() radix argument must be between 2 and 36")
            }
            Some(r) if r.to_number().trunc() != 10.0 => {
                JsValue::string(crate::numfmt::number_to_string_radix(n, r.to_number().trunc() as u32))
            }
            _ => JsValue::string(crate::num_to_string(n)),
        },
        // the order of the checks is the spec's: toFixed refuses a bad count even for NaN,
        // the other two answer a non-finite receiver before looking at the count
        "toFixed" => {
            let f = integer_arg(args, 0);
            if !(0.0..=100.0).contains(&f) {
                throw_error("RangeError", "toFixed() digits argument must be between 0 and 100")
            }
            JsValue::string(crate::numfmt::to_fixed(n, f as usize))
        }
        "toPrecision" => match args.first() {
            None | Some(JsValue::Undefined) => JsValue::string(crate::num_to_string(n)),
            Some(_) => {
                let p = integer_arg(args, 0);
                if n.is_finite() && !(1.0..=100.0).contains(&p) {
                    throw_error("RangeError", "toPrecision() argument must be between 1 and 100")
                }
                JsValue::string(crate::numfmt::to_precision(n, p as usize))
            }
        },
        "toExponential" => {
            let f = integer_arg(args, 0);
            if n.is_finite() && !(0.0..=100.0).contains(&f) {
                throw_error("RangeError", "toExponential() argument must be between 0 and 100")
            }
            let given = !matches!(args.first(), None | Some(JsValue::Undefined));
            JsValue::string(crate::numfmt::to_exponential(n, given.then_some(f as usize)))
        }
        "valueOf" => JsValue::Num(n),
        "toLocaleString" => JsValue::string(to_locale_string(n)),
        _ if NUMBER_METHODS.contains(&name) => exit::unsupported(&format!("Number.prototype.{}", name)),
        _ => match callee {
            Some(c) => throw_error("TypeError", &format!("{} is not a function", c)),
            None => throw_error("TypeError", &format!("{}.{} is not a function", crate::num_to_string(n), name)),
        },
    }
}

/// `callee`: the call's source text when the emitter knows it, which V8's TypeError for a
/// name no string has uses (`name.sort is not a function`).
fn string_method(s: &JsStr, name: &str, args: &[JsValue], callee: Option<&str>) -> JsValue {
    if let Some(JsValue::RegExp(re)) = args.first() {
        return string_regexp_method(s, name, re, args);
    }
    let sarg = |i: usize| arg(args, i).to_js_string();
    let (a, b) = (arg(args, 0), arg(args, 1));
    match name {
        "charAt" => strmeth::char_at_str(s, &a),
        "charCodeAt" => strmeth::char_code_at_str(s, &a),
        "codePointAt" => strings::code_point_at(s, integer_arg(args, 0) + 0.0).map_or(JsValue::Undefined, JsValue::Num),
        "at" => strmeth::at_str(s, &a),
        "slice" => strmeth::slice_str(s, &a, &b),
        "substring" => strmeth::substring_str(s, &a, &b),
        "substr" => strmeth::substr_str(s, &a, &b),
        "indexOf" => strmeth::index_of_str(s, &a, &b),
        "lastIndexOf" => JsValue::Num(strings::last_index_of(s, &sarg(0), args.get(1).map_or(f64::NAN, |v| v.to_number()))),
        "includes" => strmeth::includes_str(s, &a, &b),
        "startsWith" => strmeth::starts_with_str(s, &a, &b),
        "endsWith" => strmeth::ends_with_str(s, &a, &b),
        "toUpperCase" | "toLocaleUpperCase" => strmeth::to_upper_str(s),
        "toLowerCase" | "toLocaleLowerCase" => strmeth::to_lower_str(s),
        "trim" => strmeth::trim_str(s),
        "trimStart" => strmeth::trim_start_str(s),
        "trimEnd" => strmeth::trim_end_str(s),
        "repeat" => strmeth::repeat_str(s, &a),
        "padStart" => strmeth::pad_start_str(s, &a, &b),
        "padEnd" => strmeth::pad_end_str(s, &a, &b),
        "split" => strmeth::split_str(s, &a, &b),
        "concat" => {
            let mut out = s.to_string();
            for a in args {
                out.push_str(&a.to_js_string());
            }
            JsValue::string(out)
        }
        "replace" | "replaceAll" => {
            let pat = sarg(0);
            let rep = arg(args, 1);
            // byte offsets of the matches; "" matches before every character and at the end
            let found: Vec<usize> = if name == "replace" {
                s.find(&*pat).into_iter().collect()
            } else if pat.is_empty() {
                s.char_indices().map(|(i, _)| i).chain(std::iter::once(s.len())).collect()
            } else {
                s.match_indices(&*pat).map(|(i, _)| i).collect()
            };
            let mut out = String::new();
            let mut last = 0;
            for p in found {
                out.push_str(&s[last..p]);
                let end = p + pat.len();
                match &rep {
                    JsValue::Func(_) => {
                        let at = JsValue::Num(strings::len16_str(&s[..p]) as f64);
                        out.push_str(&callback(&rep, &[JsValue::str(&s[p..end]), at, JsValue::Str(s.clone())]).to_js_string());
                    }
                    other => expand_replacement(&mut out, &other.to_js_string(), &s[p..end], &s[..p], &s[end..]),
                }
                last = end;
            }
            out.push_str(&s[last..]);
            JsValue::string(out)
        }
        "toString" | "valueOf" => JsValue::Str(s.clone()),
        "localeCompare" => {
            let o = sarg(0);
            JsValue::Num(match strings::cmp16(s, &o) {
                std::cmp::Ordering::Less => -1.0,
                std::cmp::Ordering::Equal => 0.0,
                std::cmp::Ordering::Greater => 1.0,
            })
        }
        _ if STRING_METHODS.contains(&name) => exit::unsupported(&format!("String.prototype.{}", name)),
        _ => match callee {
            Some(c) => throw_error("TypeError", &format!("{} is not a function", c)),
            None => throw_error("TypeError", &format!("\"{}\".{} is not a function", s, name)),
        },
    }
}

/// A String method given a RegExp (`replace`, `split`, `match`...); the rest see the
/// regex's string form, as JS converts it.
fn string_regexp_method(s: &JsStr, name: &str, re: &crate::regex::RegExp, args: &[JsValue]) -> JsValue {
    match name {
        "replace" => crate::regex::replace(re, s, &arg(args, 1)),
        "replaceAll" if re.prog.flags.contains('g') => crate::regex::replace(re, s, &arg(args, 1)),
        "replaceAll" => throw_error("TypeError", "replaceAll must be called with a global RegExp"),
        "split" => crate::regex::split(re, s, &arg(args, 1)),
        "match" => crate::regex::match_(re, s),
        "search" => crate::regex::search(re, s),
        "matchAll" => exit::unsupported("String.prototype.matchAll"),
        "startsWith" | "endsWith" | "includes" => throw_error(
            "TypeError",
            &format!("First argument to String.prototype.{} must not be a regular expression", name),
        ),
        _ => {
            let mut converted = args.to_vec();
            converted[0] = JsValue::string(crate::regex::to_source(re));
            string_method(s, name, &converted, None)
        }
    }
}

/// The default `sort` order: by string form, undefined last.
fn default_cmp(a: &JsValue, b: &JsValue) -> std::cmp::Ordering {
    strings::cmp16(&a.to_js_string(), &b.to_js_string())
}

/// `callee`: the call's source text when the emitter knows it, which V8's TypeError for a
/// name no array has uses (`xs.nope is not a function`).
pub(crate) fn array_method(recv: &JsValue, a: &Rc<RefCell<Vec<JsValue>>>, name: &str, args: &[JsValue], callee: Option<&str>) -> JsValue {
    let len = a.borrow().len();
    if crate::closedarr::any() {
        check_closed(a, name, args, len);
    }
    match name {
        "push" => {
            let mut v = a.borrow_mut();
            v.extend(args.iter().cloned());
            JsValue::Num(v.len() as f64)
        }
        "pop" => a.borrow_mut().pop().map(|v| v.slot_value()).unwrap_or(JsValue::Undefined),
        "shift" => {
            let mut v = a.borrow_mut();
            if v.is_empty() {
                JsValue::Undefined
            } else {
                v.remove(0).slot_value()
            }
        }
        "unshift" => {
            let mut v = a.borrow_mut();
            for (i, x) in args.iter().enumerate() {
                v.insert(i, x.clone());
            }
            JsValue::Num(v.len() as f64)
        }
        "slice" => {
            let s = strings::rel_index(num_arg(args, 0, 0.0), len);
            let e = strings::rel_index(num_arg(args, 1, len as f64), len);
            JsValue::array(if s < e { a.borrow()[s..e].to_vec() } else { Vec::new() })
        }
        "splice" => {
            let (s, n) = splice_range(args, len);
            let mut v = a.borrow_mut();
            let removed: Vec<JsValue> = v.splice(s..s + n, args.iter().skip(2).cloned()).collect();
            JsValue::array(removed)
        }
        "concat" => {
            let mut out = a.borrow().clone();
            for x in args {
                match x {
                    JsValue::Arr(b) => out.extend(b.borrow().iter().cloned()),
                    other => out.push(other.clone()),
                }
            }
            JsValue::array(out)
        }
        "indexOf" => {
            let x = arg(args, 0);
            let from = search_start(args, len);
            JsValue::Num(a.borrow()[from..].iter().position(|e| strict_eq(e, &x)).map(|i| (from + i) as f64).unwrap_or(-1.0))
        }
        "lastIndexOf" => {
            let x = arg(args, 0);
            // from `fromIndex` (default the last element) down; a negative one counts from the end
            let end = match args.get(1) {
                None => len,
                Some(_) => {
                    let k = integer_arg(args, 1);
                    let k = if k < 0.0 { k + len as f64 } else { k.min(len as f64 - 1.0) };
                    if k < 0.0 { 0 } else { k as usize + 1 }
                }
            };
            JsValue::Num(a.borrow()[..end].iter().rposition(|e| strict_eq(e, &x)).map(|i| i as f64).unwrap_or(-1.0))
        }
        "includes" => {
            let x = arg(args, 0);
            let from = search_start(args, len);
            // the one search that sees a hole, as `undefined`
            JsValue::Bool(a.borrow()[from..].iter().any(|e| same_value_zero(&e.slot_value(), &x)))
        }
        "join" => {
            let sep = match args.first() {
                None | Some(JsValue::Undefined) => JsStr::from(","),
                Some(v) => v.to_js_string(),
            };
            let parts: Vec<String> =
                a.borrow().iter().map(|v| if v.is_nullish() { String::new() } else { v.to_js_string().to_string() }).collect();
            JsValue::string(parts.join(&sep))
        }
        "reverse" => {
            a.borrow_mut().reverse();
            recv.clone()
        }
        "fill" => {
            let x = arg(args, 0);
            let s = strings::rel_index(num_arg(args, 1, 0.0), len);
            let e = strings::rel_index(num_arg(args, 2, len as f64), len);
            for slot in a.borrow_mut()[s..e.max(s)].iter_mut() {
                *slot = x.clone();
            }
            recv.clone()
        }
        "at" => {
            let i = integer_arg(args, 0);
            let i = if i < 0.0 { i + len as f64 } else { i };
            ops::get_index(recv, i)
        }
        "sort" => array_sort(recv, a, args),
        "toString" => JsValue::Str(recv.to_js_string()),
        "keys" => iterators::make(recv, Yield::Keys),
        "values" => iterators::make(recv, Yield::Values),
        "entries" => iterators::make(recv, Yield::Entries),
        "flat" => {
            let depth = num_arg(args, 0, 1.0);
            JsValue::array(flatten(&a.borrow(), depth))
        }
        "copyWithin" => {
            let t = strings::rel_index(num_arg(args, 0, 0.0), len);
            let s = strings::rel_index(num_arg(args, 1, 0.0), len);
            let e = strings::rel_index(num_arg(args, 2, len as f64), len);
            let chunk: Vec<JsValue> = a.borrow()[s..e.max(s)].to_vec();
            let mut v = a.borrow_mut();
            for (k, x) in chunk.into_iter().enumerate() {
                if t + k < len {
                    v[t + k] = x;
                }
            }
            recv.clone()
        }
        // the copying forms (ES2023): a new dense array (holes read as undefined), the
        // receiver untouched
        "toReversed" => JsValue::array(dense(a).into_iter().rev().collect()),
        "toSorted" => {
            let copy = JsValue::array(dense(a));
            let JsValue::Arr(c) = &copy else { unreachable!("JsValue::array makes an array") };
            array_sort(&copy, c, args)
        }
        "toSpliced" => {
            let (s, n) = splice_range(args, len);
            let mut items = dense(a);
            items.splice(s..s + n, args.iter().skip(2).cloned());
            JsValue::array(items)
        }
        "with" => {
            let rel = integer_arg(args, 0);
            let i = if rel < 0.0 { rel + len as f64 } else { rel };
            if !(0.0..len as f64).contains(&i) {
                throw_error("RangeError", &format!("Invalid index : {}", crate::num_to_string(rel)));
            }
            let mut items = dense(a);
            items[i as usize] = arg(args, 1);
            JsValue::array(items)
        }
        _ => iteration_method(recv, a, name, args, callee),
    }
}

/// The elements of `a` with holes read as `undefined` (what the copying methods start from).
fn dense(a: &Rc<RefCell<Vec<JsValue>>>) -> Vec<JsValue> {
    a.borrow().iter().map(JsValue::slot_value).collect()
}

/// How many arguments `f.apply(t, arrayLike)` passes: ToLength of the `length` (NaN and
/// negatives are 0), with V8's RangeErrors past what an array, or its stack, can hold (Node 20
/// here passes 125,000 arguments and throws at 130,000; the interpreter uses the same bound).
fn apply_length(length: &JsValue) -> usize {
    let n = length.to_number();
    if !(n >= 1.0) {
        return 0;
    }
    if n > 4294967295.0 {
        throw_error("RangeError", "Invalid array length");
    }
    if n > 125_000.0 {
        throw_error("RangeError", "Maximum call stack size exceeded");
    }
    n as usize
}

/// Where `indexOf` / `includes` start: `fromIndex` (an integer, negative from the end),
/// clamped to the array.
fn search_start(args: &[JsValue], len: usize) -> usize {
    strings::rel_index(integer_arg(args, 1), len)
}

/// `splice(start, deleteCount)`'s clamped start and count: no arguments delete nothing,
/// a start alone deletes to the end.
fn splice_range(args: &[JsValue], len: usize) -> (usize, usize) {
    let s = strings::rel_index(num_arg(args, 0, 0.0), len);
    let n = match args.len() {
        0 => 0,
        1 => len - s,
        _ => (num_arg(args, 1, 0.0).max(0.0) as usize).min(len - s),
    };
    (s, n)
}

/// A mutating method on an array that may be closed (`closedarr`): V8's TypeError for its
/// first refused step, from the method's clamped arguments.
fn check_closed(a: &Rc<RefCell<Vec<JsValue>>>, name: &str, args: &[JsValue], len: usize) {
    use crate::closedarr::{check_pop, check_push, check_rewrite, check_splice};
    match name {
        "push" | "unshift" => check_push(a, args.len()),
        "pop" | "shift" => check_pop(a, name == "shift"),
        "reverse" => check_rewrite(a, (len >= 2).then_some(0)),
        "fill" => {
            let s = strings::rel_index(num_arg(args, 1, 0.0), len);
            let e = strings::rel_index(num_arg(args, 2, len as f64), len);
            check_rewrite(a, (s < e).then_some(s))
        }
        "copyWithin" => {
            let t = strings::rel_index(num_arg(args, 0, 0.0), len);
            let s = strings::rel_index(num_arg(args, 1, 0.0), len);
            let e = strings::rel_index(num_arg(args, 2, len as f64), len);
            let count = e.saturating_sub(s).min(len - t);
            // an overlapping copy to the right runs backwards, from its last element
            check_rewrite(a, (count > 0).then(|| if s < t && t < s + count { t + count - 1 } else { t }))
        }
        "splice" => {
            let (s, n) = splice_range(args, len);
            check_splice(a, s, n, args.len().saturating_sub(2))
        }
        _ => {}
    }
}

/// `a.sort(cmp)` (`cmp` may be absent): apart from `array_method` so a site the trace saw
/// sorting an array calls it directly (`arrmeth::sort`).
pub(crate) fn array_sort(recv: &JsValue, a: &Rc<RefCell<Vec<JsValue>>>, args: &[JsValue]) -> JsValue {
    let cmp = arg(args, 0);
    if !matches!(cmp, JsValue::Func(_) | JsValue::Undefined) {
        throw_error("TypeError", "The comparison function must be either a function or undefined");
    }
    crate::closedarr::check_rewrite(a, (a.borrow().len() >= 2).then_some(0));
    if let JsValue::Undefined = cmp {
        let mut v = a.borrow_mut();
        if v.iter().all(|x| matches!(x, JsValue::Str(_))) {
            // only strings (`Object.keys(o).sort()`): no hole or undefined to move
            // last, so the default order is a stable sort in place
            v.sort_by(|x, y| match (x, y) {
                (JsValue::Str(p), JsValue::Str(q)) => str_order(p, q),
                _ => std::cmp::Ordering::Equal,
            });
            return recv.clone();
        }
    }
    let mut items = a.borrow().clone();
    let holes = items.iter().filter(|v| matches!(v, JsValue::Hole)).count();
    items.retain(|v| !matches!(v, JsValue::Hole));
    let (mut undef, mut vals): (Vec<JsValue>, Vec<JsValue>) = items.drain(..).partition(|v| matches!(v, JsValue::Undefined));
    if let JsValue::Func(_) = cmp {
        // the program's comparator may be no total order: our merge sort, which accepts any
        crate::stablesort::sort_by(&mut vals, &mut |x, y| {
            let r = callback(&cmp, &[x.clone(), y.clone()]).to_number();
            r.partial_cmp(&0.0).unwrap_or(std::cmp::Ordering::Equal)
        });
    } else {
        crate::stablesort::sort_by(&mut vals, &mut default_cmp);
    }
    // values, then undefineds, then the holes, as the spec's SortIndexedProperties leaves them
    vals.append(&mut undef);
    vals.resize(vals.len() + holes, JsValue::Hole);
    *a.borrow_mut() = vals;
    recv.clone()
}

/// The default sort order of two strings (UTF-16 code units). Two different ASCII keys
/// (`Object.keys(o).sort()`) mostly differ in their first byte, which settles the order
/// without the byte-slice comparison's `memcmp` call (a comparison cost ~66 instructions,
/// three per request of a request handler sorting its three category names).
#[inline]
fn str_order(p: &JsStr, q: &JsStr) -> std::cmp::Ordering {
    if p.ascii() && q.ascii() {
        let (a, b) = (p.utf8(), q.utf8());
        match (a.first(), b.first()) {
            (Some(x), Some(y)) if x != y => x.cmp(y),
            _ => a.cmp(b),
        }
    } else {
        strings::cmp16(p, q)
    }
}

/// The callback-taking array methods; each iterates a snapshot length as JS does.
/// `forEach`, `map`, `filter`, `some`, `every`, `reduce`, `reduceRight` and `flatMap` skip
/// holes (checked when the loop reaches the index: a callback may fill or punch one);
/// the `find` family visits them as `undefined`.
pub(crate) fn iteration_method(recv: &JsValue, a: &Rc<RefCell<Vec<JsValue>>>, name: &str, args: &[JsValue], callee: Option<&str>) -> JsValue {
    let f = arg(args, 0);
    iteration_method_with(recv, a, name, |xs| callback(&f, xs), args.get(1..).unwrap_or(&[]), callee)
}

/// `iteration_method` with the callback as a Rust closure (`call` gets the callback's
/// arguments) and ``rest``, the method's arguments after the callback: a callback the
/// program wrote inline is then called directly, not through a `JsFunc` made per call
/// (`arrmeth::iterate_fn`).
#[inline]
pub(crate) fn iteration_method_with(recv: &JsValue, a: &Rc<RefCell<Vec<JsValue>>>, name: &str,
                                    callback: impl Fn(&[JsValue]) -> JsValue, rest: &[JsValue], callee: Option<&str>) -> JsValue {
    let len = a.borrow().len();
    let item = |i: usize| a.borrow().get(i).map(JsValue::slot_value).unwrap_or(JsValue::Undefined);
    let present = |i: usize| a.borrow().get(i).is_some_and(|v| !matches!(v, JsValue::Hole));
    let mut call = |i: usize| -> (JsValue, JsValue) {
        let v = item(i);
        (callback(&[v.clone(), JsValue::Num(i as f64), recv.clone()]), v)
    };
    match name {
        // first: the hottest of these at a site that calls them directly (`arrmeth`)
        "reduce" => {
            let mut i = 0;
            let mut acc = if let Some(init) = rest.first() {
                init.clone()
            } else {
                // the initial value is the first element present
                match (0..len).find(|&k| present(k)) {
                    Some(k) => {
                        i = k + 1;
                        item(k)
                    }
                    None => throw_error("TypeError", "Reduce of empty array with no initial value"),
                }
            };
            while i < len {
                if present(i) {
                    acc = callback(&[acc, item(i), JsValue::Num(i as f64), recv.clone()]);
                }
                i += 1;
            }
            acc
        }
        "forEach" => {
            for i in 0..len {
                if present(i) {
                    call(i);
                }
            }
            JsValue::Undefined
        }
        // the result keeps a hole wherever the source had one
        "map" => JsValue::array((0..len).map(|i| if present(i) { call(i).0 } else { JsValue::Hole }).collect()),
        "filter" => JsValue::array((0..len).filter(|&i| present(i)).filter_map(|i| {
            let (r, v) = call(i);
            if r.truthy() { Some(v) } else { None }
        }).collect()),
        "some" => JsValue::Bool((0..len).any(|i| present(i) && call(i).0.truthy())),
        "every" => JsValue::Bool((0..len).all(|i| !present(i) || call(i).0.truthy())),
        "find" => (0..len).map(&mut call).find(|(r, _)| r.truthy()).map(|p| p.1).unwrap_or(JsValue::Undefined),
        "findIndex" => JsValue::Num((0..len).position(|i| call(i).0.truthy()).map(|i| i as f64).unwrap_or(-1.0)),
        "findLast" => (0..len).rev().map(&mut call).find(|(r, _)| r.truthy()).map(|p| p.1).unwrap_or(JsValue::Undefined),
        "findLastIndex" => JsValue::Num((0..len).rev().find(|&i| call(i).0.truthy()).map(|i| i as f64).unwrap_or(-1.0)),
        "flatMap" => {
            let mapped: Vec<JsValue> = (0..len).filter(|&i| present(i)).map(|i| call(i).0).collect();
            JsValue::array(flatten(&mapped, 1.0))
        }
        "reduceRight" => {
            let mut i = len;
            let mut acc = if let Some(init) = rest.first() {
                init.clone()
            } else {
                // the initial value is the last element present
                match (0..len).rev().find(|&k| present(k)) {
                    Some(k) => {
                        i = k;
                        item(k)
                    }
                    None => throw_error("TypeError", "Reduce of empty array with no initial value"),
                }
            };
            while i > 0 {
                i -= 1;
                if present(i) {
                    acc = callback(&[acc, item(i), JsValue::Num(i as f64), recv.clone()]);
                }
            }
            acc
        }
        _ if ARRAY_METHODS.contains(&name) => exit::unsupported(&format!("Array.prototype.{}", name)),
        _ => match callee {
            Some(c) => throw_error("TypeError", &format!("{} is not a function", c)),
            None => throw_error("TypeError", &format!("arr.{} is not a function", name)),
        },
    }
}

fn map_method(recv: &JsValue, m: &Rc<RefCell<Keyed<(JsValue, JsValue)>>>, name: &str, args: &[JsValue]) -> JsValue {
    let k = arg(args, 0);
    match name {
        "get" => {
            let m = m.borrow();
            m.position(&k).map(|i| m[i].1.clone()).unwrap_or(JsValue::Undefined)
        }
        "set" => {
            let mut mm = m.borrow_mut();
            match mm.position(&k) {
                Some(i) => mm.value_mut(i).1 = arg(args, 1),
                None => mm.push((ops::key_zero(k.clone()), arg(args, 1))),
            }
            recv.clone()
        }
        "has" => JsValue::Bool(m.borrow().position(&k).is_some()),
        "delete" => {
            let mut mm = m.borrow_mut();
            match mm.position(&k) {
                Some(i) => {
                    mm.remove(i);
                    JsValue::Bool(true)
                }
                None => JsValue::Bool(false),
            }
        }
        "clear" => {
            m.borrow_mut().clear();
            JsValue::Undefined
        }
        "keys" => iterators::make(recv, Yield::Keys),
        "values" => iterators::make(recv, Yield::Values),
        "entries" => iterators::make(recv, Yield::Entries),
        "forEach" => {
            let items = m.borrow().to_vec();
            for (key, v) in items {
                callback(&k, &[v, key, recv.clone()]);
            }
            JsValue::Undefined
        }
        _ if MAP_METHODS.contains(&name) => exit::unsupported(&format!("Map.prototype.{}", name)),
        _ => throw_error("TypeError", &format!("map.{} is not a function", name)),
    }
}

fn set_method(recv: &JsValue, s: &Rc<RefCell<Keyed<JsValue>>>, name: &str, args: &[JsValue]) -> JsValue {
    let k = arg(args, 0);
    match name {
        "add" => {
            let mut ss = s.borrow_mut();
            if ss.position(&k).is_none() {
                ss.push(ops::key_zero(k.clone()));
            }
            recv.clone()
        }
        "has" => JsValue::Bool(s.borrow().position(&k).is_some()),
        "delete" => {
            let mut ss = s.borrow_mut();
            match ss.position(&k) {
                Some(i) => {
                    ss.remove(i);
                    JsValue::Bool(true)
                }
                None => JsValue::Bool(false),
            }
        }
        "clear" => {
            s.borrow_mut().clear();
            JsValue::Undefined
        }
        "keys" | "values" => iterators::make(recv, Yield::Values),
        "entries" => iterators::make(recv, Yield::Entries),
        "forEach" => {
            let items = s.borrow().to_vec();
            for v in items {
                callback(&k, &[v.clone(), v, recv.clone()]);
            }
            JsValue::Undefined
        }
        _ if SET_METHODS.contains(&name) || SET_METHODS_LATER.contains(&name) => {
            exit::unsupported(&format!("Set.prototype.{}", name))
        }
        _ => throw_error("TypeError", &format!("set.{} is not a function", name)),
    }
}

/// Values a `for...of` loop visits (arrays, strings by code point, maps as entries, sets).
pub fn iterate(v: &JsValue) -> Vec<JsValue> {
    try_iterate(v).unwrap_or_else(|| throw_error("TypeError", &not_iterable(v, "", false)))
}

/// The values a spread (`[...v]`, or `f(...v)` when `in_call`) takes from `v`; one that is
/// not iterable is V8's TypeError, naming `text` (the source V8 quotes, see
/// `calleetext.iterable_text`; `""`: the value is described), raised by the operation.
pub fn spread(v: &JsValue, text: &str, in_call: bool) -> Vec<JsValue> {
    try_iterate(v).unwrap_or_else(|| crate::exit::throw_engine_error("TypeError", &not_iterable(v, text, in_call)))
}

/// `iterate`, or None for a value that is not iterable.
pub fn try_iterate(v: &JsValue) -> Option<Vec<JsValue>> {
    Some(match v {
        JsValue::Arr(a) => a.borrow().iter().map(JsValue::slot_value).collect(),
        JsValue::Str(s) => s.chars().map(|c| JsValue::string(c.to_string())).collect(),
        JsValue::Map(m) => m.borrow().iter().map(|p| JsValue::array(vec![p.0.clone(), p.1.clone()])).collect(),
        JsValue::Set(s) => s.borrow().to_vec(),
        JsValue::Obj(o) if o.borrow().iter.is_some() => iterators::drain(o),
        other => {
            let it = crate::symbols::user_iterator(other)?;
            std::iter::from_fn(|| crate::symbols::step(&it)).collect()
        }
    })
}

/// V8's message for a `for..of` or spread of `v`, which is not iterable (as the
/// interpreter's `Realm.iterate` words it): `text is not iterable`, the value described
/// when there is no `text`; spread into a call, V8's own wording.
pub fn not_iterable(v: &JsValue, text: &str, in_call: bool) -> String {
    if in_call {
        return match v {
            JsValue::Null | JsValue::Undefined => {
                let what = if matches!(v, JsValue::Null) { "null" } else { "undefined" };
                format!("{} is not iterable (cannot read property {})", if text.is_empty() { what } else { text }, what)
            }
            _ => "Spread syntax requires ...iterable[Symbol.iterator] to be a function".to_string(),
        };
    }
    if !text.is_empty() {
        return format!("{} is not iterable", text);
    }
    match v {
        JsValue::Undefined | JsValue::Null | JsValue::Num(_) | JsValue::Bool(_) | JsValue::Sym(_) | JsValue::Str(_) => {
            format!("{} is not iterable", crate::console::inspect(v))
        }
        _ => "object is not iterable".to_string(),
    }
}


/// The values an array pattern takes from `v`. One that is not iterable is V8's TypeError
/// naming `src`, the source text V8 quotes (`n is not iterable`), or, without it,
/// describing the value (`object null is not iterable (cannot read property ...)`).
pub fn iterated_as(v: JsValue, src: Option<&str>) -> JsValue {
    match &v {
        JsValue::Arr(_) => v,
        JsValue::Str(_) | JsValue::Map(_) | JsValue::Set(_) => JsValue::array(iterate(&v)),
        JsValue::Obj(o) if o.borrow().iter.is_some() => JsValue::array(iterate(&v)),
        other => match crate::symbols::user_iterator(other) {
            Some(it) => JsValue::array(std::iter::from_fn(|| crate::symbols::step(&it)).collect()),
            None => match src {
                Some(text) => throw_error("TypeError", &format!("{} is not iterable", text)),
                None => throw_error(
                    "TypeError",
                    &format!("{} is not iterable (cannot read property Symbol(Symbol.iterator))", type_described(other)),
                ),
            },
        },
    }
}

/// A value as V8's "not iterable" message describes it: its type, then a primitive's value.
fn type_described(v: &JsValue) -> String {
    match v {
        JsValue::Undefined => "undefined".to_string(),
        JsValue::Null => "object null".to_string(),
        JsValue::Num(n) => format!("number {}", crate::num_to_string(*n)),
        JsValue::Bool(b) => format!("boolean {}", b),
        JsValue::Sym(_) => "symbol".to_string(),
        JsValue::Func(_) => "function".to_string(),
        _ => "object".to_string(),
    }
}

/// What an object pattern destructures: `v` itself, or for null and undefined V8's
/// TypeError, naming the first key when it is a plain one and `src`, the value's source
/// text (`Some("")`: the value described, for a parameter; None: a pattern nested in
/// another, which V8 words as a property read).
pub fn destructurable(v: JsValue, key: Option<&str>, src: Option<&str>) -> JsValue {
    let what = match v {
        JsValue::Undefined => "undefined",
        JsValue::Null => "null",
        _ => return v,
    };
    let src = match (src, key) {
        (None, Some(k)) => throw_error("TypeError", &format!("Cannot read properties of {} (reading '{}')", what, k)),
        (Some(""), _) if what == "null" => "object null",
        (None, None) | (Some(""), _) => what,
        (Some(text), _) => text,
    };
    match key {
        None => throw_error("TypeError", &format!("Cannot destructure '{}' as it is {}.", src, what)),
        Some(k) => throw_error("TypeError", &format!("Cannot destructure property '{}' of '{}' as it is {}.", k, src, what)),
    }
}

/// Keys a `for...in` loop visits.
pub fn keys(v: &JsValue) -> Vec<JsValue> {
    match v {
        // (Node's own enumerable globals, `setTimeout` and the like, would be listed too)
        JsValue::Obj(o) if is_global(o) => exit::unsupported("listing the global object's keys"),
        // a String wrapper's indices come first, as a string's
        JsValue::Obj(o) if matches!(o.borrow().boxed, Some(JsValue::Str(_))) => {
            let text = o.borrow().boxed.clone().unwrap_or(JsValue::Undefined);
            let mut out = keys(&text);
            out.extend(o.borrow().enum_keys().into_iter().map(JsValue::Str));
            out
        }
        JsValue::Obj(o) => {
            let b = o.borrow();
            if b.hidden.is_empty() && !b.keys.iter().any(|k| crate::value::index_key(k).is_some()) {
                // a dictionary of plain names (`Object.keys(counts)`): its keys in insertion
                // order as they are, with no reordering pass and no list in between
                return b.keys.iter().map(|k| JsValue::Str(k.clone())).collect();
            }
            b.enum_keys().into_iter().map(JsValue::Str).collect()
        }
        JsValue::Rec(r) => r.enum_keys().into_iter().map(JsValue::Str).collect(),
        // a hole has no key; named properties follow the indices
        JsValue::Arr(a) => {
            let mut out: Vec<JsValue> = a.borrow().iter().enumerate()
                .filter(|(_, x)| !matches!(x, JsValue::Hole))
                .map(|(i, _)| JsValue::string(i.to_string()))
                .collect();
            out.extend(crate::arrprops::entries(a).into_iter().map(|(k, _)| JsValue::Str(k)));
            out
        }
        JsValue::Str(s) => (0..strings::len16(s)).map(|i| JsValue::string(i.to_string())).collect(),
        // a function's own enumerable properties: `f.x = ..` and a class's static fields
        JsValue::Func(f) => {
            let hidden = f.hidden.borrow();
            f.props.borrow().iter().filter(|(k, _)| !hidden.contains(k)).map(|(k, _)| JsValue::Str(k.clone())).collect()
        }
        _ => Vec::new(),
    }
}

/// Whether `for (k in v)` still visits `key` when its turn comes: a key an earlier
/// iteration deleted is skipped, as in V8.
pub fn for_in_present(v: &JsValue, key: &JsValue) -> bool {
    match v {
        JsValue::Obj(_) | JsValue::Rec(_) | JsValue::Arr(_) => ops::has(v, key),
        _ => true,
    }
}

/// `for (k in v)`: own enumerable keys, then those inherited along the prototype chain
/// (`Base.prototype.x = ...`), each name once, as Node enumerates them.
pub fn for_in_keys(v: &JsValue) -> Vec<JsValue> {
    let (mut seen, mut out, mut cur): (Vec<JsStr>, Vec<JsValue>, _) = match v {
        JsValue::Obj(o) => (Vec::new(), Vec::new(), Some(o.clone())),
        JsValue::Rec(r) => {
            let own = r.enum_keys();
            (own.clone(), own.into_iter().map(JsValue::Str).collect(), r.proto())
        }
        // a class's statics, then those it inherits from the classes it extends
        JsValue::Func(f) => {
            let mut out: Vec<JsStr> = Vec::new();
            let mut cls = Some(f.clone());
            while let Some(c) = cls {
                let hidden = c.hidden.borrow();
                for (k, _) in c.props.borrow().iter() {
                    if !hidden.contains(k) && !out.contains(k) {
                        out.push(k.clone());
                    }
                }
                cls = c.parent.clone();
            }
            return out.into_iter().map(JsValue::Str).collect();
        }
        _ => return keys(v),
    };
    while let Some(obj) = cur {
        let b = obj.borrow();
        for k in b.enum_keys() {
            if !seen.contains(&k) {
                out.push(JsValue::Str(k.clone()));
            }
        }
        // a key met once (even hidden, like a class method) shadows the same key further up
        seen.extend(b.keys.iter().cloned());
        cur = b.proto.clone();
    }
    out
}

/// `new String(v)`, `new Number(v)`, `new Boolean(v)`: a wrapper object of the converted value.
pub fn new_wrapper(kind: &str, args: &[JsValue]) -> JsValue {
    let v = match kind {
        "String" => JsValue::Str(args.first().map(|a| a.to_js_string()).unwrap_or_else(|| JsStr::from(""))),
        "Number" => JsValue::Num(args.first().map(|a| a.to_number()).unwrap_or(0.0)),
        _ => JsValue::Bool(args.first().map(|a| a.truthy()).unwrap_or(false)),
    };
    boxed(v)
}

/// The wrapper object of a primitive (its class names it: `[String: 'a']`).
pub fn boxed(v: JsValue) -> JsValue {
    let class = match &v {
        JsValue::Str(_) => "String",
        JsValue::Num(_) => "Number",
        _ => "Boolean",
    };
    JsValue::Obj(Rc::new(RefCell::new(crate::value::JsObject {
        class: Some(JsStr::from(class)),
        boxed: Some(v),
        ..Default::default()
    })))
}

thread_local! {
    static GLOBAL_THIS: RefCell<Option<(u32, JsValue)>> = const { RefCell::new(None) };
}

/// `globalThis` (and a sloppy-mode function's `this` when called plainly): one object per
/// run, holding what the program stores on it. Node's built-in globals are not its
/// properties here, so reading a key it lacks stops the run (`ops::get`) rather than
/// answer `undefined` for `globalThis.Math`.
pub fn global_this() -> JsValue {
    crate::exit::once_per_run(&GLOBAL_THIS, || JsValue::object(vec![]))
}

/// The own property names of Node 20's global object in a CommonJS script, sorted (from
/// `Object.getOwnPropertyNames(globalThis)`): the keys the global object here cannot answer.
const NODE_GLOBAL_NAMES: &[&str] = &[
    "AbortController", "AbortSignal", "AggregateError", "Array", "ArrayBuffer", "Atomics", "BigInt",
    "BigInt64Array", "BigUint64Array", "Blob", "Boolean", "BroadcastChannel", "Buffer",
    "ByteLengthQueuingStrategy", "CompressionStream", "CountQueuingStrategy", "Crypto", "CryptoKey",
    "CustomEvent", "DOMException", "DataView", "Date", "DecompressionStream", "Error", "EvalError",
    "Event", "EventTarget", "File", "FinalizationRegistry", "Float32Array", "Float64Array", "FormData",
    "Function", "Headers", "Infinity", "Int16Array", "Int32Array", "Int8Array", "Intl", "JSON", "Map",
    "Math", "MessageChannel", "MessageEvent", "MessagePort", "NaN", "Number", "Object", "Performance",
    "PerformanceEntry", "PerformanceMark", "PerformanceMeasure", "PerformanceObserver",
    "PerformanceObserverEntryList", "PerformanceResourceTiming", "Promise", "Proxy", "RangeError",
    "ReadableByteStreamController", "ReadableStream", "ReadableStreamBYOBReader",
    "ReadableStreamBYOBRequest", "ReadableStreamDefaultController", "ReadableStreamDefaultReader",
    "ReferenceError", "Reflect", "RegExp", "Request", "Response", "Set", "SharedArrayBuffer", "String",
    "SubtleCrypto", "Symbol", "SyntaxError", "TextDecoder", "TextDecoderStream", "TextEncoder",
    "TextEncoderStream", "TransformStream", "TransformStreamDefaultController", "TypeError",
    "URIError", "URL", "URLSearchParams", "Uint16Array", "Uint32Array", "Uint8Array",
    "Uint8ClampedArray", "WeakMap", "WeakRef", "WeakSet", "WebAssembly", "WritableStream",
    "WritableStreamDefaultController", "WritableStreamDefaultWriter", "atob", "btoa", "clearImmediate", 
    "clearInterval", "clearTimeout", "console", "crypto", "decodeURI", "decodeURIComponent", 
    "encodeURI", "encodeURIComponent", "escape", "eval", "fetch", "global", "globalThis", "isFinite", 
    "isNaN", "parseFloat", "parseInt", "performance", "process", "queueMicrotask", "setImmediate", 
    "setInterval", "setTimeout", "structuredClone", "undefined", "unescape"
];

/// Is `key` one of Node's own globals, which the global object here does not hold?
pub fn node_global(key: &str) -> bool {
    NODE_GLOBAL_NAMES.binary_search(&key).is_ok()
}

/// Is `b` the global object (as `is_global`, for code holding a borrow)?
pub fn is_global_object(b: &crate::value::JsObject) -> bool {
    GLOBAL_THIS.with(|g| matches!(&*g.borrow(), Some((_, JsValue::Obj(g))) if std::ptr::eq(g.as_ptr(), b)))
}

/// Is `o` the global object?
pub fn is_global(o: &Rc<RefCell<crate::value::JsObject>>) -> bool {
    GLOBAL_THIS.with(|g| matches!(&*g.borrow(), Some((_, JsValue::Obj(g))) if Rc::ptr_eq(g, o)))
}

/// An identifier no scope declares: what the program stored on the global object under
/// that name (`globalThis.x = 1`, `this.x = 1` in a sloppy function), else Node's
/// `ReferenceError`.
pub fn global_read(name: &str) -> JsValue {
    global_own(name).unwrap_or_else(|| crate::exit::throw_engine_error("ReferenceError", &format!("{} is not defined", name)))
}

/// `typeof x` of an identifier no scope declares (never a `ReferenceError`).
pub fn global_typeof(name: &str) -> JsValue {
    global_own(name).map(|v| ops::type_of(&v)).unwrap_or_else(|| JsValue::str("undefined"))
}

/// What the program stored on the global object under `name`.
fn global_own(name: &str) -> Option<JsValue> {
    match global_this() {
        JsValue::Obj(g) => g.borrow().get_own(name),
        _ => None,
    }
}

/// `proto.isPrototypeOf(v)`: is `proto` on `v`'s prototype chain?
fn is_prototype_of(proto: &Rc<RefCell<crate::value::JsObject>>, v: &JsValue) -> bool {
    let mut p = match v {
        JsValue::Obj(o) => o.borrow().proto.clone(),
        JsValue::Rec(r) => r.proto(),
        _ => None,
    };
    while let Some(cur) = p {
        if Rc::ptr_eq(&cur, proto) {
            return true;
        }
        p = cur.borrow().proto.clone();
    }
    false
}

/// `Object.getOwnPropertyNames`: every own string key, the non-enumerable ones (class
/// methods, `constructor`, an array's `length`) too.
fn object_own_names(args: &[JsValue]) -> JsValue {
    let names: Vec<JsStr> = match arg(args, 0) {
        // (an error's own `stack` exists only where the program tracks its stack)
        JsValue::Obj(o) if !o.borrow().is_error || crate::callstack::tracking() => o.borrow().ordered_keys(true),
        JsValue::Rec(r) => r.enum_keys(),
        JsValue::Arr(a) => (0..a.borrow().len()).map(|i| JsStr::from(i.to_string())).chain([JsStr::from("length")]).collect(),
        other => exit::unsupported(&format!("Object.getOwnPropertyNames of a {}", other.tag())),
    };
    JsValue::array(names.into_iter().map(JsValue::Str).collect())
}

/// `Object.values`.
pub fn values(v: &JsValue) -> Vec<JsValue> {
    keys(v).iter().map(|k| ops::get_dyn(v, k)).collect()
}

/// `new Map(entries)` / `new Set(items)`.
pub fn new_map(args: &[JsValue]) -> JsValue {
    let init = args.first();
    let m = JsValue::Map(Rc::new(RefCell::new(Keyed::default())));
    if let Some(init) = init.filter(|v| !v.is_nullish()) {
        for e in iterate(init) {
            map_method(&m, match &m { JsValue::Map(mm) => mm, _ => unreachable!() }, "set", &[ops::get_index(&e, 0.0), ops::get_index(&e, 1.0)]);
        }
    }
    m
}

pub fn new_set(args: &[JsValue]) -> JsValue {
    let init = args.first();
    let cell = Rc::new(RefCell::new(Keyed::default()));
    let s = JsValue::Set(cell.clone());
    if let Some(init) = init.filter(|v| !v.is_nullish()) {
        for e in iterate(init) {
            set_method(&s, &cell, "add", &[e]);
        }
    }
    s
}

fn arr_items(args: &[JsValue]) -> Vec<JsValue> {
    match args.first() {
        Some(v @ (JsValue::Arr(_) | JsValue::Str(_) | JsValue::Map(_) | JsValue::Set(_))) => iterate(v),
        _ => Vec::new(),
    }
}

/// `Math.round`: halves round up (towards +Infinity), `-0.4` rounds to `-0`.
pub fn math_round(x: f64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    // not `(x + 0.5).floor()`: that sum rounds up for 0.49999999999999994 (JS gives 0)
    let f = x.floor();
    let r = if x - f >= 0.5 { f + 1.0 } else { f };
    if r == 0.0 && x < 0.0 {
        -0.0
    } else {
        r
    }
}

pub fn math_sign(x: f64) -> f64 {
    if x.is_nan() || x == 0.0 {
        x
    } else {
        x.signum()
    }
}

/// `Math.hypot(..xs)` as V8 computes it, so the last bit agrees with Node (the naive
/// `sqrt(x*x + y*y)` differs in the last bit and overflows to Infinity for large values):
/// Infinity wins over NaN; otherwise each value is scaled by the largest and the squares
/// are summed with Kahan compensation (the interpreter's `m_hypot` does the same).
pub fn math_hypot(xs: &[f64]) -> f64 {
    let abs: Vec<f64> = xs.iter().map(|x| x.abs()).collect();
    if abs.iter().any(|a| a.is_infinite()) {
        return f64::INFINITY;
    }
    if abs.iter().any(|a| a.is_nan()) {
        return f64::NAN;
    }
    let biggest = abs.iter().fold(0.0, |m: f64, a| m.max(*a));
    if biggest == 0.0 {
        return 0.0;
    }
    let (mut total, mut compensation) = (0.0, 0.0);
    for a in abs {
        let n = a / biggest;
        let summand = n * n - compensation;
        let preliminary = total + summand;
        compensation = (preliminary - total) - summand;
        total = preliminary;
    }
    total.sqrt() * biggest
}

/// `**` / `Math.pow`: JS gives NaN for `(±1) ** ±Infinity` and `1 ** NaN`, Rust gives 1.
pub fn math_pow(a: f64, b: f64) -> f64 {
    if b.is_nan() || (a.abs() == 1.0 && b.is_infinite()) {
        return f64::NAN;
    }
    a.powf(b)
}

/// `Math.max` of two: NaN wins, `+0` beats `-0`.
pub fn math_max(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else if a == b {
        if a.is_sign_negative() { b } else { a }
    } else if a > b {
        a
    } else {
        b
    }
}

pub fn math_min(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else if a == b {
        if a.is_sign_negative() { a } else { b }
    } else if a < b {
        a
    } else {
        b
    }
}

thread_local! {
    static SEED: std::cell::Cell<u64> = const { std::cell::Cell::new(0x2545_f491_4f6c_dd1d) };
}

/// `Math.random`: xorshift64* (programs that print random numbers differ from Node anyway).
pub fn math_random() -> f64 {
    SEED.with(|s| {
        let mut x = s.get();
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        s.set(x);
        (x.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    })
}

/// `[a, ...rest] = v`: the items from `start` on.
pub fn rest_of(v: &JsValue, start: usize) -> JsValue {
    JsValue::array(iterate(v).into_iter().skip(start).collect())
}

/// `{a, ...rest} = v`: own enumerable properties not already taken.
pub fn object_rest(v: &JsValue, taken: &[&str]) -> JsValue {
    let out = JsValue::object(vec![]);
    for k in keys(v) {
        let ks = k.to_js_string();
        if !taken.iter().any(|t| *t == &*ks) {
            ops::set(&out, &ks, ops::get(v, &ks));
        }
    }
    out
}

/// `{...src}` inside an object literal / `Object.assign(target, src)`.
pub fn assign(target: &JsValue, src: &JsValue) {
    if src.is_nullish() {
        return;
    }
    for k in keys(src) {
        // Object.assign throws on a write the target refuses, in sloppy code too
        ops::set_dyn_mode(target, &k, ops::get_dyn(src, &k), true);
    }
}

pub fn object_assign(args: &[JsValue]) -> JsValue {
    let target = arg(args, 0);
    for src in args.iter().skip(1) {
        assign(&target, src);
    }
    target
}

pub fn object_keys(args: &[JsValue]) -> JsValue {
    JsValue::array(keys(&arg(args, 0)))
}

pub fn object_values(args: &[JsValue]) -> JsValue {
    JsValue::array(values(&arg(args, 0)))
}

pub fn object_entries(args: &[JsValue]) -> JsValue {
    let v = arg(args, 0);
    JsValue::array(keys(&v).into_iter().map(|k| {
        let x = ops::get_dyn(&v, &k);
        JsValue::array(vec![k, x])
    }).collect())
}

pub fn array_is_array(args: &[JsValue]) -> JsValue {
    JsValue::Bool(matches!(args.first(), Some(JsValue::Arr(_))))
}

/// `Array.from(iterable, mapFn)` and `Array.from({length: n}, mapFn)`.
pub fn array_from(args: &[JsValue]) -> JsValue {
    let src = arg(args, 0);
    let items = match &src {
        JsValue::Obj(o) if o.borrow().iter.is_some() => iterators::drain(o),
        // an iterable first (its `[Symbol.iterator]`), an array-like (`length`) otherwise
        JsValue::Obj(_) | JsValue::Rec(_) => match crate::symbols::user_iterator(&src) {
            Some(it) => std::iter::from_fn(|| crate::symbols::step(&it)).collect(),
            None => {
                // ToLength; an array cannot be longer than 2^32 - 1
                let n = ops::get(&src, "length").to_number();
                if n > 4294967295.0 {
                    throw_error("RangeError", "Invalid array length");
                }
                let n = if n.is_nan() { 0 } else { n as usize };
                ops::grow_check(0, n);
                (0..n).map(|i| ops::get_index(&src, i as f64)).collect()
            }
        },
        _ => arr_items(args),
    };
    match args.get(1) {
        Some(f @ JsValue::Func(_)) => {
            JsValue::array(items.into_iter().enumerate().map(|(i, v)| callback(f, &[v, JsValue::Num(i as f64)])).collect())
        }
        _ => JsValue::array(items),
    }
}

pub fn array_of(args: &[JsValue]) -> JsValue {
    JsValue::array(args.to_vec())
}

/// `new Array(n)` (n holes) or `new Array(a, b)`.
pub fn new_array(args: &[JsValue]) -> JsValue {
    match args {
        [JsValue::Num(n)] => {
            if *n < 0.0 || n.fract() != 0.0 || *n > 4294967295.0 {
                throw_error("RangeError", "Invalid array length");
            }
            ops::grow_check(0, *n as usize);
            JsValue::array(vec![JsValue::Hole; *n as usize])
        }
        _ => JsValue::array(args.to_vec()),
    }
}

pub fn number_is_integer(args: &[JsValue]) -> JsValue {
    JsValue::Bool(matches!(args.first(), Some(JsValue::Num(n)) if n.is_finite() && n.fract() == 0.0))
}

pub fn number_is_finite(args: &[JsValue]) -> JsValue {
    JsValue::Bool(matches!(args.first(), Some(JsValue::Num(n)) if n.is_finite()))
}

pub fn number_is_nan(args: &[JsValue]) -> JsValue {
    JsValue::Bool(matches!(args.first(), Some(JsValue::Num(n)) if n.is_nan()))
}

pub fn parse_float(args: &[JsValue]) -> JsValue {
    JsValue::Num(crate::parse_float(&arg(args, 0).to_js_string()))
}

pub fn parse_int(args: &[JsValue]) -> JsValue {
    JsValue::Num(crate::parse_int(&arg(args, 0).to_js_string(), num_arg(args, 1, f64::NAN)))
}

pub fn from_char_code(args: &[JsValue]) -> JsValue {
    let units: Vec<u16> = args.iter().map(|a| crate::numfmt::to_uint16(a.to_number())).collect();
    JsValue::string(strings::from_units(&units))
}

/// `new Error(msg)` and its built-in subclasses.
pub fn new_error(name: &str, args: &[JsValue]) -> JsValue {
    ops::construct(&error_class(name), args, name)
}

thread_local! {
    static ERROR_CLASSES: RefCell<Vec<(&'static str, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// A built-in error class as a value (`e instanceof RangeError`, `class E extends Error`):
/// one per name, each a subclass of `Error`; its constructor sets `message`.
pub fn error_class(name: &str) -> JsValue {
    const NAMES: [&str; 7] = ["Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError"];
    let name: &'static str = NAMES.iter().find(|n| **n == name).copied().unwrap_or("Error");
    if let Some(c) = ERROR_CLASSES.with_borrow(|v| v.iter().find(|(n, _)| *n == name).map(|(_, c)| c.clone())) {
        return c;
    }
    let parent = if name == "Error" { None } else { Some(error_class("Error")) };
    let proto = ops::new_proto(parent.as_ref());
    {
        let mut p = proto.borrow_mut();
        p.is_error = true;
        p.set("name", JsValue::str(name));
        p.hidden.push(JsStr::from("name"));
        if name == "Error" {
            p.set("message", JsValue::str(""));
            p.hidden.push(JsStr::from("message"));
        }
    }
    let cls = JsValue::class(name, proto, None, |this, args| {
        if let JsValue::Obj(o) = &this {
            crate::callstack::install_stack(o);
            let mut o = o.borrow_mut();
            if let Some(v) = args.first().filter(|v| !matches!(v, JsValue::Undefined)) {
                o.set("message", JsValue::Str(v.to_js_string()));
                o.hidden.push(JsStr::from("message"));
            }
            // `new Error(msg, { cause })` (ES2022): a non-enumerable own `cause`
            let cause = match args.get(1) {
                Some(JsValue::Obj(opts)) => opts.borrow().get_own("cause"),
                Some(JsValue::Rec(opts)) => opts.get_key("cause"),
                _ => None,
            };
            {
                if let Some(cause) = cause {
                    o.set("cause", cause);
                    o.hidden.push(JsStr::from("cause"));
                }
            }
        }
        JsValue::Undefined
    });
    ERROR_CLASSES.with_borrow_mut(|v| v.push((name, cls.clone())));
    cls
}

/// `super.name(args)` inside a method of a class whose parent is `parent`.
pub fn call_super(parent: &JsValue, name: &str, this: JsValue, args: &[JsValue]) -> JsValue {
    let f = match parent {
        JsValue::Func(p) => p.proto().and_then(|proto| ops::lookup(&proto, name)),
        _ => None,
    };
    match f {
        Some(f) => ops::call(&f, this, args, name),
        None => throw_error("TypeError", &format!("(intermediate value).{} is not a function", name)),
    }
}

/// `super.name(args)` inside a static method (or static block or initialiser) of a
/// class whose parent is `parent`: the parent's static, called with this class as `this`.
pub fn call_super_static(parent: &JsValue, name: &str, this: JsValue, args: &[JsValue]) -> JsValue {
    match super_static(parent, name, &this) {
        f @ JsValue::Func(_) => ops::call(&f, this, args, name),
        _ => throw_error("TypeError", &format!("(intermediate value).{} is not a function", name)),
    }
}

/// `super.name` in a static method (or static block or initialiser): the parent's static
/// member, a getter run with this class as `this`.
pub fn super_static(parent: &JsValue, name: &str, this: &JsValue) -> JsValue {
    match parent {
        JsValue::Func(p) if name != "name" && name != "prototype" => ops::static_get(p, this, name).unwrap_or(JsValue::Undefined),
        _ => ops::get(parent, name),
    }
}

/// `super.name` (a getter or a value) inside a method of a class whose parent is `parent`.
pub fn get_super(parent: &JsValue, name: &str, this: JsValue) -> JsValue {
    match parent {
        JsValue::Func(p) => match &p.proto() {
            Some(proto) => {
                let holder = JsValue::Obj(proto.clone());
                match proto.borrow().accessor(name) {
                    Some((Some(g), _)) => return ops::call(&g, this, &[], name),
                    _ => {}
                }
                ops::get(&holder, name)
            }
            None => JsValue::Undefined,
        },
        _ => JsValue::Undefined,
    }
}

/// `process.argv`: `node`, the JS file the program was compiled from, then the arguments.
pub fn argv(script: &str) -> JsValue {
    let mut items = vec![JsValue::str("node"), JsValue::str(script)];
    items.extend(std::env::args().skip(1).map(JsValue::string));
    JsValue::array(items)
}

thread_local! {
    /// `process.env`, built on first use.  One object for the whole run, so that what the
    /// program assigns to it reads back, as in Node.
    static PROCESS_ENV: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// `process.env`: the environment as an object of strings (a variable whose name or value is
/// not valid UTF-8 is left out).
pub fn process_env() -> JsValue {
    PROCESS_ENV.with_borrow_mut(|slot| {
        slot.get_or_insert_with(|| {
            let env = JsValue::object(vec![]);
            for (k, v) in std::env::vars_os() {
                if let (Ok(k), Ok(v)) = (k.into_string(), v.into_string()) {
                    ops::set(&env, &k, JsValue::string(v));
                }
            }
            env
        })
        .clone()
    })
}

/// Gives `process.env` this activation's `__OW_*` variables.  Why: the ActionLoop gives them
/// per activation (`__OW_ACTIVATION_ID`, `__OW_DEADLINE`, ...) and Node's runtime sets every one
/// in its live `process.env` before each call of `main` (overwriting what the program assigned);
/// the loop hands them over directly (`actionloop::actionloop_vars`), not through the process
/// environment, so the object is made here if the program has not read it yet.
pub fn refresh_activation_env(vars: &[(String, String)]) {
    let env = process_env();
    for (name, text) in vars {
        ops::set(&env, name, JsValue::str(text));
    }
}

/// `v instanceof Object` / `Array` / `Function` / `Map` / `Set` for the built-in constructors.
pub fn is_instance_of_builtin(v: &JsValue, name: &str) -> bool {
    match name {
        "Object" => matches!(v, JsValue::Obj(_) | JsValue::Rec(_) | JsValue::Arr(_) | JsValue::Func(_) | JsValue::Map(_) | JsValue::Set(_) | JsValue::RegExp(_)),
        "Array" => matches!(v, JsValue::Arr(_)),
        "Function" => matches!(v, JsValue::Func(_)),
        "Map" => matches!(v, JsValue::Map(_)),
        "Set" => matches!(v, JsValue::Set(_)),
        _ => false,
    }
}

fn math1(args: &[JsValue], f: fn(f64) -> f64) -> JsValue {
    JsValue::Num(f(num_arg(args, 0, f64::NAN)))
}

/// A built-in function as a value (`arr.map(Number)`, `Math.max(...xs)`, `const J = JSON.stringify`).
pub fn native(name: &str) -> JsValue {
    if name == "process.env" {
        return process_env();
    }
    // `Number.parseFloat` is the global `parseFloat` itself (and `Number.parseInt` `parseInt`)
    let name = name.strip_prefix("Number.").filter(|n| matches!(*n, "parseFloat" | "parseInt")).unwrap_or(name);
    let run = crate::exit::run_number();
    let made = NATIVES.with(|c| c.borrow().get(name).filter(|(n, _)| *n == run).map(|(_, v)| v.clone()));
    if let Some(v) = made {
        return v;
    }
    let v = make_native(name);
    NATIVES.with(|c| c.borrow_mut().insert(name.to_string(), (run, v.clone())));
    v
}

thread_local! {
    /// The built-in functions made so far this run, by name: one object each, so JS identity
    /// holds (`Math.max === Math.max`, `Number.parseFloat === parseFloat`, a property set on one).
    static NATIVES: RefCell<std::collections::HashMap<String, (u32, JsValue)>> = RefCell::new(std::collections::HashMap::new());
}

/// A fresh function object for the built-in `name` (`native` keeps one per run).
fn make_native(name: &str) -> JsValue {
    let short = name.rsplit('.').next().unwrap_or(name).to_string();
    let f: fn(&[JsValue]) -> JsValue = match name {
        "console.log" | "console.info" | "console.debug" => crate::console::log_values,
        "console.error" | "console.warn" => crate::console::error_values,
        "JSON.stringify" => crate::json::stringify,
        "process.exit" => exit::process_exit,
        "JSON.parse" => crate::json::parse,
        "Object.keys" => object_keys,
        "Object.values" => object_values,
        "Object.entries" => object_entries,
        "Object.getOwnPropertyNames" => object_own_names,
        "Object.freeze" => crate::attrs::freeze,
        "Object.seal" => crate::attrs::seal,
        "Object.preventExtensions" => crate::attrs::prevent_extensions,
        "Object.isFrozen" => crate::attrs::is_frozen,
        "Object.isSealed" => crate::attrs::is_sealed,
        "Object.isExtensible" => crate::attrs::is_extensible,
        "Object.defineProperty" => crate::attrs::define_property,
        "Object.getOwnPropertyDescriptor" => crate::attrs::get_own_property_descriptor,
        "Object.assign" => object_assign,
        "Object.is" => |a| JsValue::Bool(match (arg(a, 0), arg(a, 1)) {
            (JsValue::Num(x), JsValue::Num(y)) => (x.is_nan() && y.is_nan()) || (x == y && x.is_sign_negative() == y.is_sign_negative()),
            (x, y) => strict_eq(&x, &y),
        }),
        "Array.isArray" => array_is_array,
        "Array.from" => array_from,
        "Array.of" => array_of,
        "Number.isInteger" => number_is_integer,
        "Number.isFinite" => number_is_finite,
        "Number.isNaN" => number_is_nan,
        "Number.parseFloat" | "parseFloat" => parse_float,
        "Number.parseInt" | "parseInt" => parse_int,
        "String.fromCharCode" => from_char_code,
        "String.fromCodePoint" => |a| JsValue::string(a.iter().map(code_point).collect()),
        "Object.hasOwn" => |a| JsValue::Bool(match arg(a, 0) {
            JsValue::Obj(o) => o.borrow().get_own(&arg(a, 1).to_js_string()).is_some(),
            JsValue::Rec(r) => r.slot(&arg(a, 1).to_js_string()).is_some(),
            v @ JsValue::Arr(_) => ops::has(&v, &arg(a, 1)),
            _ => false,
        }),
        "Number.isSafeInteger" => |a| JsValue::Bool(matches!(arg(a, 0), JsValue::Num(n) if n.fract() == 0.0 && n.abs() <= 9007199254740991.0)),
        "Object.fromEntries" => |a| {
            let out = JsValue::object(vec![]);
            for e in iterate(&arg(a, 0)) {
                ops::set_dyn(&out, &ops::get_index(&e, 0.0), ops::get_index(&e, 1.0));
            }
            out
        },
        "Object.create" => |a| {
            let proto = match arg(a, 0) {
                JsValue::Obj(p) => Some(p),
                JsValue::Null => None,
                other => exit::unsupported(&format!("Object.create with a {} prototype", other.tag())),
            };
            let null_proto = proto.is_none();
            let made = JsValue::Obj(Rc::new(RefCell::new(crate::value::JsObject { proto, null_proto, ..Default::default() })));
            // `Object.create(p, { x: { value: 1, enumerable: true } })`: each descriptor as defineProperty does it
            let descriptors = arg(a, 1);
            if !matches!(descriptors, JsValue::Undefined) {
                for key in keys(&descriptors) {
                    let desc = ops::get_dyn(&descriptors, &key);
                    crate::attrs::define_property(&[made.clone(), key, desc]);
                }
            }
            made
        },
        "Object.getPrototypeOf" => |a| match arg(a, 0) {
            JsValue::Obj(o) => match o.borrow().proto.clone() {
                Some(p) => JsValue::Obj(p),
                None if o.borrow().null_proto => JsValue::Null,
                None => exit::unsupported("Object.getPrototypeOf of a plain object (Object.prototype is not modelled)"),
            },
            // a subclass's prototype is the class it extends (Function.prototype is not modelled)
            JsValue::Func(f) if f.parent.is_some() => f.parent.clone().map(JsValue::Func).unwrap_or(JsValue::Undefined),
            other => exit::unsupported(&format!("Object.getPrototypeOf of a {}", other.tag())),
        },
        "Math.clz32" => |a| JsValue::Num(crate::numfmt::to_uint32(num_arg(a, 0, 0.0)).leading_zeros() as f64),
        "Math.imul" => |a| JsValue::Num(crate::numfmt::to_int32(num_arg(a, 0, 0.0)).wrapping_mul(crate::numfmt::to_int32(num_arg(a, 1, 0.0))) as f64),
        "Math.hypot" => |a| JsValue::Num(math_hypot(&a.iter().map(JsValue::to_number).collect::<Vec<f64>>())),
        "Math.atan2" => |a| JsValue::Num(num_arg(a, 0, f64::NAN).atan2(num_arg(a, 1, f64::NAN))),
        "Math.log" => |a| math1(a, f64::ln),
        "Math.exp" => |a| math1(a, f64::exp),
        "Math.cbrt" => |a| math1(a, f64::cbrt),
        "Math.log2" => |a| math1(a, f64::log2),
        "Math.log10" => |a| math1(a, f64::log10),
        "Math.sin" => |a| math1(a, f64::sin),
        "Math.cos" => |a| math1(a, f64::cos),
        "Math.tan" => |a| math1(a, f64::tan),
        "Math.asin" => |a| math1(a, f64::asin),
        "Math.acos" => |a| math1(a, f64::acos),
        "Math.atan" => |a| math1(a, f64::atan),
        "Math.sinh" => |a| math1(a, f64::sinh),
        "Math.cosh" => |a| math1(a, f64::cosh),
        "Math.tanh" => |a| math1(a, f64::tanh),
        "Math.asinh" => |a| math1(a, f64::asinh),
        "Math.acosh" => |a| math1(a, f64::acosh),
        "Math.atanh" => |a| math1(a, f64::atanh),
        "Math.log1p" => |a| math1(a, f64::ln_1p),
        "Math.expm1" => |a| math1(a, f64::exp_m1),
        "Math.fround" => |a| math1(a, |x| x as f32 as f64),
        "String" => |a| JsValue::Str(if a.is_empty() { JsStr::from("") } else { crate::symbols::string_of(&a[0]) }),
        "Number" => |a| JsValue::Num(if a.is_empty() { 0.0 } else { a[0].to_number() }),
        "Boolean" => |a| JsValue::Bool(arg(a, 0).truthy()),
        "isNaN" => |a| JsValue::Bool(arg(a, 0).to_number().is_nan()),
        "isFinite" => |a| JsValue::Bool(arg(a, 0).to_number().is_finite()),
        "Math.max" => |a| JsValue::Num(a.iter().fold(f64::NEG_INFINITY, |m, x| math_max(m, x.to_number()))),
        "Math.min" => |a| JsValue::Num(a.iter().fold(f64::INFINITY, |m, x| math_min(m, x.to_number()))),
        "Math.abs" => |a| math1(a, f64::abs),
        "Math.floor" => |a| math1(a, f64::floor),
        "Math.ceil" => |a| math1(a, f64::ceil),
        "Math.round" => |a| math1(a, math_round),
        "Math.sqrt" => |a| math1(a, f64::sqrt),
        "Math.trunc" => |a| math1(a, f64::trunc),
        "Math.sign" => |a| math1(a, math_sign),
        "Math.random" => |_| JsValue::Num(math_random()),
        "Math.pow" => |a| JsValue::Num(math_pow(num_arg(a, 0, f64::NAN), num_arg(a, 1, f64::NAN))),
        "Map" => new_map,
        "Set" => new_set,
        "Array" => new_array,
        "Object" => |a| match arg(a, 0) {
            v @ (JsValue::Obj(_) | JsValue::Rec(_) | JsValue::Arr(_) | JsValue::Func(_)) => v,
            _ => JsValue::object(vec![]),
        },
        _ => exit::unsupported(&format!("the built-in `{}`", name)),
    };
    JsValue::func_named(&short, move |_this, args| f(args))
}

fn flatten(items: &[JsValue], depth: f64) -> Vec<JsValue> {
    let mut out = Vec::new();
    for x in items {
        match x {
            JsValue::Arr(inner) if depth >= 1.0 => out.extend(flatten(&inner.borrow(), depth - 1.0)),
            JsValue::Hole => {} // flat skips holes
            other => out.push(other.clone()),
        }
    }
    out
}

/// `Object.prototype.toString.call(v)`: `[object <tag>]`, the tag from the kind of value
/// (no `Symbol.toStringTag` of the program's own: symbol keys on classes are not compiled).
pub fn object_to_string(v: &JsValue) -> String {
    let tag = match v {
        JsValue::Undefined | JsValue::Hole => "Undefined",
        JsValue::Sym(_) => "Symbol",
        JsValue::Null => "Null",
        JsValue::Num(_) => "Number",
        JsValue::Str(_) => "String",
        JsValue::Bool(_) => "Boolean",
        JsValue::Arr(_) => "Array",
        JsValue::Func(_) => "Function",
        JsValue::Map(_) => "Map",
        JsValue::Set(_) => "Set",
        JsValue::RegExp(_) => "RegExp",
        JsValue::Obj(o) => {
            let o = o.borrow();
            match &o.iter {
                Some(st) => iterators::tag(st),
                None if o.is_error => "Error",
                None => "Object",
            }
        }
        JsValue::Rec(_) => "Object",
    };
    format!("[object {}]", tag)
}

/// `Error.prototype.toString.call(v)`, the generic steps: `name` (default "Error") and
/// `message` (default "") read from any object, joined by ": " when both are non-empty.
fn error_to_string(v: &JsValue) -> JsValue {
    match v {
        JsValue::Num(_) | JsValue::Bool(_) | JsValue::Undefined | JsValue::Null => throw_error(
            "TypeError",
            &format!("Method Error.prototype.toString called on incompatible receiver {}", v.to_js_string()),
        ),
        JsValue::Str(_) => exit::unsupported("Error.prototype.toString called on a string"),
        _ => {}
    }
    let field = |key: &str, default: &str| match ops::get(v, key) {
        JsValue::Undefined => default.to_string(),
        other => other.to_js_string().to_string(),
    };
    let name = field("name", "Error");
    let message = field("message", "");
    JsValue::string(match (name.is_empty(), message.is_empty()) {
        (true, _) => message,
        (false, true) => name,
        (false, false) => format!("{}: {}", name, message),
    })
}

/// The array methods that are generic in JS: they read `length` and the indexed
/// properties of any receiver (`concat` and the iterators are left out: `concat` does not
/// spread a non-array receiver, and an iterator would walk a copy).
const ARRAY_LIKE_METHODS: &[&str] = &[
    "at", "copyWithin", "every", "fill", "filter", "find", "findIndex", "findLast", "findLastIndex", "flat",
    "flatMap", "forEach", "includes", "indexOf", "join", "lastIndexOf", "map", "pop", "push", "reduce",
    "reduceRight", "reverse", "shift", "slice", "some", "sort", "splice", "toReversed", "toSorted", "toSpliced",
    "unshift", "with",
];
/// Of those, the ones that change their receiver.
const ARRAY_MUTATORS: &[&str] = &["copyWithin", "fill", "pop", "push", "reverse", "shift", "sort", "splice", "unshift"];

/// `Array.prototype.m.call(arrayLike, ..)` on an object with a `length` (or a string's
/// characters): the method runs on an array of the receiver's elements (a missing index
/// a hole), then a method that changes its receiver writes the elements and the length
/// back (deleting what became a hole or fell off the end), and one that returns its
/// receiver returns the object.
fn array_like_method(this: &JsValue, name: &str, args: &[JsValue]) -> JsValue {
    let len = ops::get(this, "length").to_number();
    let len = if len.is_nan() || len <= 0.0 { 0.0 } else { len.floor() };
    if len > 1e7 {
        exit::unsupported("an array method on an array-like object with more than 10^7 elements");
    }
    let len = len as usize;
    let items = (0..len)
        .map(|i| {
            // (a string has every index below its length; `in` would throw on it)
            let present = matches!(this, JsValue::Str(_)) || ops::has(this, &JsValue::string(i.to_string()));
            if present { ops::get(this, &i.to_string()) } else { JsValue::Hole }
        })
        .collect();
    let copy = JsValue::array(items);
    let JsValue::Arr(a) = &copy else { unreachable!("JsValue::array makes an array") };
    let mutates = ARRAY_MUTATORS.contains(&name);
    if mutates && matches!(this, JsValue::Str(_)) {
        exit::unsupported(&format!("Array.prototype.{} called on a string (its characters are read-only)", name));
    }
    let result = array_method(&copy, a, name, args, None);
    if mutates {
        let items = a.borrow().clone();
        for (i, v) in items.iter().enumerate() {
            match v {
                JsValue::Hole => {
                    ops::delete(this, &JsValue::string(i.to_string()), false);
                }
                v => ops::set(this, &i.to_string(), v.clone()),
            }
        }
        for i in items.len()..len {
            ops::delete(this, &JsValue::string(i.to_string()), false);
        }
        ops::set(this, "length", JsValue::Num(items.len() as f64));
    }
    match &result {
        JsValue::Arr(r) if Rc::ptr_eq(r, a) => this.clone(),
        _ => result,
    }
}

/// `Number.prototype.toString.call(x, 16)` and the like: a built-in prototype's method
/// run on a receiver the program chooses (the emitter matches `C.prototype.m.call(..)`,
/// so the prototype object itself never has to exist as a value). The receiver checks are
/// V8's; a combination not modelled here stops the run.
pub fn proto_call(class: &str, name: &str, this: JsValue, args: &[JsValue]) -> JsValue {
    match (class, &this) {
        ("Number", JsValue::Num(n)) if NUMBER_METHODS.contains(&name) => number_method(*n, name, args, None),
        ("Number", _) if NUMBER_METHODS.contains(&name) => {
            throw_error("TypeError", &format!("Number.prototype.{} requires that 'this' be a Number", name))
        }
        ("String", JsValue::Str(s)) if STRING_METHODS.contains(&name) => string_method(s, name, args, None),
        ("String", JsValue::Undefined | JsValue::Null) if STRING_METHODS.contains(&name) => {
            throw_error("TypeError", &format!("String.prototype.{} called on null or undefined", name))
        }
        ("String", _) if name == "toString" || name == "valueOf" => {
            throw_error("TypeError", &format!("String.prototype.{} requires that 'this' be a String", name))
        }
        // the other String methods are generic: they work on ToString(this)
        ("String", JsValue::Num(_) | JsValue::Bool(_)) if STRING_METHODS.contains(&name) => {
            string_method(&this.to_js_string(), name, args, None)
        }
        ("Array", JsValue::Arr(a)) if ARRAY_METHODS.contains(&name) => array_method(&this, a, name, args, None),
        ("Array", JsValue::Obj(_) | JsValue::Rec(_) | JsValue::Str(_)) if ARRAY_LIKE_METHODS.contains(&name) => {
            array_like_method(&this, name, args)
        }
        ("Object", _) if name == "toString" => JsValue::string(object_to_string(&this)),
        ("Error", _) if name == "toString" => error_to_string(&this),
        _ => exit::unsupported(&format!("{}.prototype.{} called on this kind of receiver", class, name)),
    }
}

thread_local! {
    /// The built-in methods handed out as values, one function per (kind, name), so that
    /// reading `s.search` twice gives the same function, as JS's shared prototypes do.
    static METHOD_VALUES: RefCell<Vec<(&'static str, &'static str, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// The built-in prototype a value's methods come from, by name (`None`: no such table).
fn method_kind(v: &JsValue) -> Option<(&'static str, &'static [&'static str])> {
    Some(match v {
        JsValue::Str(_) => ("String", STRING_METHODS),
        JsValue::Arr(_) => ("Array", ARRAY_METHODS),
        JsValue::Num(_) => ("Number", NUMBER_METHODS),
        JsValue::Map(_) => ("Map", MAP_METHODS),
        JsValue::Set(_) => ("Set", SET_METHODS),
        _ => return None,
    })
}

/// `s.search`, `arr.map`, `m.get` read as values (`if (s.search)`, `const f = a.push`): the
/// method as a function of its `this`, which runs it by name. Called on a receiver of
/// another kind it stops the run (JS's generic methods would apply; these do not).
pub fn method_value(recv: &JsValue, key: &str) -> Option<JsValue> {
    let (kind, names) = method_kind(recv)?;
    let name: &'static str = names.iter().find(|n| **n == key)?;
    let cached = METHOD_VALUES.with(|c| c.borrow().iter().find(|e| e.0 == kind && e.1 == name).map(|e| e.2.clone()));
    if let Some(f) = cached {
        return Some(f);
    }
    let f = JsValue::func(name, move |this, args| match method_kind(&this) {
        Some((k, _)) if k == kind => call_method(&this, name, args),
        _ => exit::unsupported(&format!("{}.prototype.{} called on another kind of receiver", kind, name)),
    });
    METHOD_VALUES.with(|c| c.borrow_mut().push((kind, name, f.clone())));
    Some(f)
}
