//! `console.log` and friends: buffered stdout, values converted to `inspect::Insp`.
//!
//! Output goes through one thread-local `BufWriter` (a compiled loop printing a line
//! per iteration would otherwise make a syscall each time); every exit path —
//! normal end, side exit, uncaught throw — calls `flush` first, so the order of
//! stdout and stderr matches what the program did.
use std::cell::RefCell;
use std::io::{BufWriter, Stdout, Write};
use std::rc::Rc;

use crate::inspect::{self, Full, Insp, Key, Kind};
use crate::value::{JsObject, JsStr, JsValue};

thread_local! {
    static OUT: RefCell<BufWriter<Stdout>> = RefCell::new(BufWriter::with_capacity(1 << 16, std::io::stdout()));
    /// set while `run_main` repeats the program for a steady-state measurement
    /// (`JSRUST_REPEAT`): console calls then do nothing, as the Node harness's silenced console
    static MUTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The name of the class `f` extends (`[class B extends A]`): the constructor of its
/// prototype's prototype.
fn parent_class_name(f: &crate::value::JsFunc) -> Option<String> {
    let proto = f.proto()?.borrow().proto.clone()?;
    let ctor = proto.borrow().get_own("constructor");
    match ctor {
        Some(JsValue::Func(p)) => Some(p.name.to_string()),
        _ => None,
    }
}

/// Silence (or restore) console output; see `exit::run_main`.
pub fn set_muted(muted: bool) {
    MUTED.with(|m| m.set(muted));
}

fn muted() -> bool {
    MUTED.with(|m| m.get())
}

/// Write raw text to stdout (buffered).
pub fn write_out(text: &str) {
    OUT.with(|o| {
        let _ = o.borrow_mut().write_all(text.as_bytes());
    });
}

pub fn flush() {
    OUT.with(|o| {
        let _ = o.borrow_mut().flush();
    });
}

/// `console.log(...args)`.
pub fn log(args: &[Insp]) {
    if muted() {
        return;
    }
    let mut line = inspect::format_log(args);
    line.push('\n');
    write_out(&line);
}

/// `console.error(...args)`: unbuffered stderr, after flushing stdout so the two interleave as in Node.
pub fn error(args: &[Insp]) {
    if muted() {
        return;
    }
    flush();
    eprintln!("{}", inspect::format_log(args));
}

/// `console.log(...)` of dynamic values.
pub fn log_values(args: &[JsValue]) -> JsValue {
    if muted() {
        return JsValue::Undefined;
    }
    log(&args.iter().map(to_insp).collect::<Vec<_>>());
    JsValue::Undefined
}

/// `console.error(...)` / `console.warn(...)`.
pub fn error_values(args: &[JsValue]) -> JsValue {
    if muted() {
        return JsValue::Undefined;
    }
    error(&args.iter().map(to_insp).collect::<Vec<_>>());
    JsValue::Undefined
}

/// `util.inspect(v)` of a dynamic value.
pub fn inspect(v: &JsValue) -> String {
    inspect::inspect(&to_insp(v))
}

/// Convert a dynamic value for printing. Objects already on the path being converted
/// print as `[Circular *1]` as Node shows them.
pub fn to_insp(v: &JsValue) -> Insp {
    let mut path: Vec<usize> = Vec::new();
    convert(v, &mut path)
}

fn convert(v: &JsValue, path: &mut Vec<usize>) -> Insp {
    let addr = match v {
        JsValue::Arr(a) => Rc::as_ptr(a) as *const u8 as usize,
        JsValue::Obj(o) => Rc::as_ptr(o) as *const u8 as usize,
        JsValue::Rec(r) => r.addr(),
        JsValue::Map(m) => Rc::as_ptr(m) as *const u8 as usize,
        JsValue::Set(s) => Rc::as_ptr(s) as *const u8 as usize,
        _ => 0,
    };
    if let Some(pos) = path.iter().position(|&p| addr != 0 && p == addr) {
        return Insp::Circular(path.len() - pos); // levels up to that ancestor, so it gets the `<ref *1>`
    }
    if addr != 0 {
        path.push(addr);
    }
    let out = match v {
        JsValue::Undefined => Insp::Undef,
        JsValue::Hole => Insp::Hole,
        JsValue::Null => Insp::Null,
        JsValue::Bool(b) => Insp::Bool(*b),
        JsValue::Num(n) => Insp::Num(*n),
        JsValue::Str(s) => Insp::Str(s.to_string()),
        JsValue::Arr(a) => {
            let items = a.borrow().iter().map(|x| convert(x, path)).collect();
            // named properties (`arr.extra`, a match's `index`/`input`/`groups`) follow the items
            let named = crate::arrprops::entries(a);
            if named.is_empty() {
                Insp::Array { items }
            } else {
                let props = named.iter().map(|(k, x)| (Key::Str(k.to_string()), convert(x, path))).collect();
                Insp::Full(Box::new(Full { ctor: Some("Array".to_string()), kind: Kind::Array(items), props }))
            }
        }
        JsValue::RegExp(re) => Insp::Depth(crate::regex::to_source(re)),
        JsValue::Sym(sym) => Insp::Depth(crate::symbols::describe(sym)),
        JsValue::Obj(o) if o.borrow().is_error => error_object(o),
        JsValue::Obj(o) if crate::builtins::is_global(o) => crate::exit::unsupported("printing the global object"),
        JsValue::Obj(o) => object(&o.borrow(), path),
        // a record prints as the plain object with the same keys it stands for
        JsValue::Rec(r) => Insp::Object {
            class: r.class_name().map(str::to_string),
            entries: r.keys().iter().enumerate().map(|(i, k)| (k.to_string(), convert(&r.get(i), path))).collect(),
        },
        JsValue::Func(f) => {
            // static fields and `f.x = ...` are enumerable and shown after the function, as
            // Node does; static methods are not
            let hidden = f.hidden.borrow();
            let props: Vec<(JsStr, JsValue)> =
                f.props.borrow().iter().filter(|(k, _)| !hidden.contains(k)).cloned().collect();
            if props.is_empty() {
                Insp::Func { name: f.name.to_string(), is_class: f.is_class, extends: parent_class_name(f) }
            } else {
                let props = props.iter().map(|(k, x)| (Key::Str(k.to_string()), convert(x, path))).collect();
                let kind = Kind::Func { name: f.name.to_string(), is_class: f.is_class, extends: parent_class_name(f) };
                Insp::Full(Box::new(Full { ctor: Some("Function".to_string()), kind, props }))
            }
        }
        JsValue::Map(m) => Insp::Map(m.borrow().iter().map(|(k, x)| (convert(k, path), convert(x, path))).collect()),
        JsValue::Set(s) => Insp::Set(s.borrow().iter().map(|x| convert(x, path)).collect()),
    };
    if addr != 0 {
        path.pop();
    }
    out
}

/// An error prints as its stack (`callstack`); a program compiled without stack tracking
/// has no frames to show, and stops rather than print different ones than Node.
fn error_object(o: &Rc<RefCell<JsObject>>) -> Insp {
    let getter = o.borrow().accessor("stack").and_then(|(g, _)| g);
    match getter {
        Some(g) => Insp::Error { text: crate::ops::call(&g, JsValue::Obj(o.clone()), &[], "stack").to_js_string().to_string() },
        None => crate::exit::unsupported("printing an error without its stack (compiled without stack tracking)"),
    }
}

/// Node's name for an heir of `Object.create(null)` (no constructor on its chain):
/// `Object <P>`, P being `[Object: null prototype]` for the null-prototype object itself,
/// else its prototype's own such name (as Node 20 prints them).
fn null_rooted_name(first: &JsObject) -> String {
    match &first.proto {
        None => "Object <[Object: null prototype]>".to_string(),
        Some(p) => format!("Object <{}>", null_rooted_name(&p.borrow())),
    }
}

fn object(o: &JsObject, path: &mut Vec<usize>) -> Insp {
    if let Some(p) = &o.boxed {
        // a wrapper prints as `[String: 'a']`; own properties beside it are not modelled
        if !o.keys.is_empty() {
            crate::exit::unsupported("printing a wrapper object (new String, ..) with properties of its own");
        }
        let (class, shown) = match p {
            JsValue::Str(s) => ("String", inspect::str_escape(s)),
            JsValue::Num(n) => ("Number", inspect::format_number(*n)),
            other => ("Boolean", other.to_js_string().to_string()),
        };
        return Insp::Depth(format!("[{}: {}]", class, shown));
    }
    if let Some(st) = &o.iter {
        let of = crate::iterators::tag(st).trim_end_matches(" Iterator").to_string();
        let ahead = crate::iterators::preview(st).map(|(items, pairs)| (items.iter().map(|x| convert(x, path)).collect(), pairs));
        let props = o.enum_keys().into_iter().map(|k| {
            let v = o.get_own(&k).unwrap_or(JsValue::Undefined);
            (Key::Str(k.to_string()), convert(&v, path))
        });
        return Insp::Full(Box::new(Full { ctor: Some("Object".to_string()), kind: Kind::Iter { of, ahead }, props: props.collect() }));
    }
    let entries: Vec<(String, Insp)> = o.enum_keys().into_iter().map(|k| {
        if let Some((g, s)) = o.accessor(&k) {
            return (k.to_string(), Insp::Accessor { get: g.is_some(), set: s.is_some() });
        }
        let v = o.get_own(&k).unwrap_or(JsValue::Undefined);
        (k.to_string(), convert(&v, path))
    }).collect();
    if o.syms.is_empty() && o.inherits_object_prototype() {
        return Insp::Object { class: o.class.as_ref().map(|c| c.to_string()), entries };
    }
    // symbol keys print after the string keys, as `[Symbol(desc)]: value`
    let mut props: Vec<(Key, Insp)> = entries.into_iter().map(|(k, v)| (Key::Str(k), v)).collect();
    for (sym, v) in &o.syms {
        props.push((Key::Sym(sym.description.as_deref().unwrap_or("").to_string()), convert(v, path)));
    }
    // (no constructor: inspect prints `[Object: null prototype]`)
    let ctor = match &o.class {
        Some(c) => Some(c.to_string()),
        None if o.inherits_object_prototype() => Some("Object".to_string()),
        None => o.proto.as_ref().map(|p| null_rooted_name(&p.borrow())),
    };
    Insp::Full(Box::new(Full { ctor, kind: Kind::Object, props }))
}
