//! JS call stacks for programs that look at them: `e.stack`, an error printed by
//! `console.log`, the frames of an uncaught error's report.
//!
//! Only programs compiled with stack tracking pay for it (the emitter decides, see
//! `rustgen/stacks.py`): each generated function pushes a `Live` entry (its label) and
//! each statement announces its site id with `at`, so the innermost frame's statement is
//! `CURRENT` and every outer frame's is what `CURRENT` held when it made its call
//! (`Entry::saved`, restored when the callee's entry drops). An error captures the
//! frames when it is constructed, as V8 does, and writes its header (`Name: message`)
//! when `stack` is first read. Positions come from the program's site table: per
//! statement its own position and, per callee name, the call V8 points at (`new` for a
//! construction, the callee's name for `f()`, the property for `o.m()`) — the same
//! rule the interpreter applies (`interp/stack.py`), computed once by the emitter. An
//! error the engine raises points instead at the operation its message names: the
//! first of the statement's `errors` that fits (`callsites.error_sites`).
//! Native frames (`Array.map`) and Node's internal ones are not shown, as in the
//! interpreter.
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::value::{JsFunc, JsObject, JsValue};

/// How V8 labels a frame.
pub const PLAIN: u8 = 0;
/// `Owner.name`, the owner being the receiver's class (`Object` for a literal).
pub const METHOD: u8 = 1;
/// `new Name`.
pub const CTOR: u8 = 2;
/// A CommonJS module's top level: `Object.<anonymous>`.
pub const TOP: u8 = 3;
/// A `function` that may run as a method: `Owner.name` when its call had a receiver
/// (`o.h()`), else its plain name.
pub const FUNC: u8 = 4;

/// V8's default `Error.stackTraceLimit`.
const STACK_LIMIT: usize = 10;

/// One statement of the program: where it is, which call of it a frame stopped at
/// shows, by the name of the function that call entered (`""`: any other callee; no
/// entry: the statement's own position), and where each engine error its operations
/// can raise points: (match, text, line, col), the message being `text` (`EXACT`),
/// starting with it (`PREFIX`) or ending with it (`SUFFIX`).
pub struct Site {
    pub sid: u32,
    pub file: u16,
    pub line: u32,
    pub col: u32,
    pub calls: &'static [(&'static str, u32, u32)],
    pub errors: &'static [(u8, &'static str, u32, u32)],
}

/// How a `Site::errors` entry matches a message (the numbers of `callsites.py`).
pub const EXACT: u8 = 0;
pub const PREFIX: u8 = 1;
pub const SUFFIX: u8 = 2;

impl Site {
    /// Where V8 points for an engine error with `message` raised in this statement.
    fn engine_position(&self, message: &str) -> (u32, u32) {
        let fits = |(how, text, _, _): &&(u8, &str, u32, u32)| match *how {
            EXACT => message == *text,
            PREFIX => message.starts_with(text),
            _ => message.ends_with(text),
        };
        self.errors.iter().find(fits).map(|e| (e.2, e.3)).unwrap_or((self.line, self.col))
    }
}

/// One frame: its label and the caller's statement when it was entered. `Copy`, and held
/// in a slice allocated once, so entering a frame is a few stores — a thread-local that
/// needs dropping (a `Vec`) costs a registration check on every access.
#[derive(Clone, Copy)]
struct Entry {
    kind: u8,
    name: &'static str,
    /// a method's owner (its receiver's class) as V8 names the frame
    owner: &'static str,
    saved: u32,
}

const EMPTY: Entry = Entry { kind: PLAIN, name: "", owner: "", saved: 0 };

/// Frames tracked: deeper calls stop at `exit::MAX_JS_DEPTH` with a RangeError first.
const CAPACITY: usize = crate::exit::MAX_JS_DEPTH as usize + 8;

thread_local! {
    static TABLE: Cell<Option<(&'static [&'static str], &'static [Site])>> = const { Cell::new(None) };
    static CURRENT: Cell<u32> = const { Cell::new(0) };
    static FRAMES: Cell<&'static [Cell<Entry>]> = const { Cell::new(&[]) };
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    /// class names of receivers met by methods, made `'static` once each
    static OWNERS: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
    /// the statement running when the last JS `throw` happened (for the uncaught report)
    static THROWN_AT: Cell<u32> = const { Cell::new(0) };
    /// the message of an error being built by the engine (`null.x`), not by `new Error(..)`
    static RAISING: RefCell<Option<String>> = const { RefCell::new(None) };
    /// `new F()` is calling `F`: the frame it enters is labelled `new F`
    static CONSTRUCTING: Cell<Option<Rc<JsFunc>>> = const { Cell::new(None) };
    /// the last engine error built: its address, statement and the position V8 shows
    static ORIGIN: Cell<(usize, u32, u32, u32)> = const { Cell::new((0, 0, 0, 0)) };
}

/// Build an error the engine raises with `message`: `make` runs with `RAISING` set, so
/// its stack's innermost frame shows the operation the message names.
pub fn raising<T>(message: &str, make: impl FnOnce() -> T) -> T {
    if !tracking() {
        return make();
    }
    RAISING.with(|r| *r.borrow_mut() = Some(message.to_string()));
    let v = make();
    RAISING.with(|r| *r.borrow_mut() = None);
    v
}

/// Run `body`, the call of `f` by `new`: the frame it enters first, if it is `f`'s (a
/// frameless leaf enters none, a built-in none of its own), is labelled `new F` however
/// `f` was compiled.
pub fn constructing<T>(f: &Rc<JsFunc>, body: impl FnOnce() -> T) -> T {
    if !tracking() {
        return body();
    }
    CONSTRUCTING.with(|c| c.set(Some(f.clone())));
    let v = body();
    CONSTRUCTING.with(|c| c.set(None));
    v
}

/// Switch tracking on for this run: the program's files and its site table (sorted by sid).
/// The frame slots are allocated for the thread's lifetime, once.
pub fn install(files: &'static [&'static str], sites: &'static [Site]) {
    TABLE.with(|t| t.set(Some((files, sites))));
    if FRAMES.with(|f| f.get().is_empty()) {
        let slots: Vec<Cell<Entry>> = (0..CAPACITY).map(|_| Cell::new(EMPTY)).collect();
        FRAMES.with(|f| f.set(Box::leak(slots.into_boxed_slice())));
    }
    DEPTH.with(|d| d.set(0));
}

/// Is this program tracking its stack?
pub fn tracking() -> bool {
    TABLE.with(|t| t.get().is_some())
}

/// The statement about to run in the innermost frame.
#[inline]
pub fn at(sid: u32) {
    CURRENT.with(|c| c.set(sid));
}

/// A frame on the tracked stack; dropping it (return or unwind) pops it and gives the
/// caller back its statement.
pub struct Live(());

impl Drop for Live {
    #[inline]
    fn drop(&mut self) {
        let depth = DEPTH.with(|d| {
            let n = d.get().saturating_sub(1);
            d.set(n);
            n
        });
        if let Some(e) = FRAMES.with(|f| f.get().get(depth).map(Cell::get)) {
            CURRENT.with(|c| c.set(e.saved));
        }
    }
}

/// Enter a frame labelled `kind` + `name`, a method's owner given (`owner`: a class the
/// emitter knows). This is the frame count of a tracking program (in place of
/// `exit::enter`): past `exit::MAX_JS_DEPTH` frames below the top level it throws V8's
/// RangeError, as `exit::enter` does.
#[inline]
pub fn push_owned(kind: u8, name: &'static str, owner: &'static str) -> Live {
    let saved = CURRENT.with(|c| c.get());
    let depth = DEPTH.with(|d| {
        let n = d.get();
        d.set(n + 1);
        n
    });
    let live = Live(());
    FRAMES.with(|f| {
        if let Some(slot) = f.get().get(depth) {
            slot.set(Entry { kind, name, owner, saved });
        }
    });
    if depth > crate::exit::MAX_JS_DEPTH as usize {
        // (`live` is dropped by the unwind, so the count stays balanced)
        crate::exit::throw_engine_error("RangeError", "Maximum call stack size exceeded");
    }
    live
}

/// Enter a frame labelled `kind` + `name`; a method's owner is read from its receiver, as
/// V8 names it by the receiver it was called on.
#[inline]
pub fn push(kind: u8, name: &'static str, this: &JsValue) -> Live {
    // (a `Cell` swap: this runs on every call of a tracking program, a `RefCell` adds a borrow check)
    let new = CONSTRUCTING.with(Cell::take).is_some_and(|f| &*f.name == name);
    match kind {
        FUNC if new => push_owned(CTOR, name, ""),
        METHOD => push_owned(METHOD, name, owner_of(this)),
        FUNC if is_receiver(this) => push_owned(METHOD, name, owner_of(this)),
        FUNC => push_owned(PLAIN, name, ""),
        _ => push_owned(kind, name, ""),
    }
}

/// Did a call pass `this` as a receiver (not a plain call: `undefined`, or the global
/// object a sloppy function sees then)?
fn is_receiver(this: &JsValue) -> bool {
    match this {
        JsValue::Undefined | JsValue::Null => false,
        JsValue::Obj(o) => !crate::builtins::is_global(o),
        _ => true,
    }
}

/// The receiver's class as V8 shows it in a method frame.
fn owner_of(this: &JsValue) -> &'static str {
    match this {
        JsValue::Rec(r) => r.class_name().unwrap_or("Object"),
        JsValue::Obj(o) => match &o.borrow().class {
            Some(c) => intern(c),
            None => "Object",
        },
        // a static method: V8 names the class it ran on
        JsValue::Func(f) if f.is_class && !f.name.is_empty() => intern(&f.name.to_string()),
        JsValue::Func(_) => "Function",
        JsValue::Num(_) => "Number",
        JsValue::Str(_) => "String",
        JsValue::Bool(_) => "Boolean",
        _ => "Object",
    }
}

/// A class name as a `'static` string: each distinct one is leaked once (a program has
/// few classes).
fn intern(name: &str) -> &'static str {
    OWNERS.with(|o| {
        let mut o = o.borrow_mut();
        if let Some(known) = o.iter().find(|k| **k == name) {
            return *known;
        }
        let made: &'static str = Box::leak(name.to_string().into_boxed_str());
        o.push(made);
        made
    })
}

/// Remember where a `throw` happened (the report of an uncaught error starts there).
#[inline]
pub fn note_throw() {
    if tracking() {
        THROWN_AT.with(|t| t.set(CURRENT.with(|c| c.get())));
    }
}

fn site(sid: u32) -> Option<(&'static str, &'static Site)> {
    let (files, sites) = TABLE.with(|t| t.get())?;
    let i = sites.binary_search_by_key(&sid, |s| s.sid).ok()?;
    let s = &sites[i];
    Some((files[s.file as usize], s))
}

/// Node's report of an uncaught throw of `v` when the stack is tracked: the throwing
/// statement's `file:line`, its source line (read from the file, as Node does) and a
/// caret, then the error's inspection (its stack) or a primitive with Node's hint. None
/// when the program does not track its stack or the statement is unknown.
pub fn uncaught_report(v: &JsValue) -> Option<String> {
    let thrown = THROWN_AT.with(|t| t.get());
    let (file, s) = site(thrown)?;
    // an engine error thrown where it was raised: the caret is at the failing operation
    let (line, col) = match (v, ORIGIN.with(|o| o.get())) {
        (JsValue::Obj(o), (addr, sid, line, col)) if addr == address(o) && sid == thrown => (line, col),
        _ => (s.line, s.col),
    };
    let source = std::fs::read_to_string(file).ok()?;
    let text = source.split('\n').nth(line as usize - 1)?.trim_end_matches('\r');
    let place = format!("{}:{}\n{}\n{}^", file, line, text, " ".repeat(col as usize));
    Some(match v {
        JsValue::Obj(o) if o.borrow().is_error => format!("{}\n\n{}", place, crate::console::inspect(v)),
        JsValue::Str(_) | JsValue::Num(_) | JsValue::Bool(_) | JsValue::Null | JsValue::Undefined | JsValue::Sym(_) => {
            let shown = match v {
                JsValue::Sym(_) => String::new(),
                other => other.to_js_string().to_string(),
            };
            format!("\n{}\n{}\n(Use `node --trace-uncaught ...` to show where the exception was thrown)", place, shown)
        }
        other => format!("\n{}\n{}", place, crate::console::inspect(other)),
    })
}

/// An error's identity for `ORIGIN` (its address; only compared, never followed).
fn address(o: &Rc<RefCell<JsObject>>) -> usize {
    Rc::as_ptr(o) as *const u8 as usize
}

/// The `    at ...` lines of the stack as it is now, innermost first. `engine`: the
/// message of an error an operation raised (`null.x`), so the innermost frame shows that
/// operation (`Site::engine_position`) rather than a call. Frames of the constructors
/// named in `ctors` (the class chain of the error being built) are left out from the
/// inside, as V8 starts the trace below `new.target`.
pub fn capture(engine: Option<&str>, ctors: &[String]) -> Option<String> {
    if !tracking() {
        return None;
    }
    let depth = DEPTH.with(|d| d.get());
    FRAMES.with(|frames| {
        let frames = frames.get();
        let mut stmt = CURRENT.with(|c| c.get());
        let mut entries = frames[..depth.min(frames.len())].iter().map(Cell::get).rev().peekable();
        let mut inner_engine = engine;
        while let Some(e) = entries.peek() {
            if e.kind == CTOR && ctors.iter().any(|c| c == e.name) {
                stmt = e.saved;
                inner_engine = None;
                entries.next();
            } else {
                break;
            }
        }
        let mut out = String::new();
        // a constructed error's innermost frame shows its construction (`new E(..)`)
        let mut inner = if engine.is_none() { ctors.first().map(String::as_str).unwrap_or("") } else { "" };
        for (n, e) in entries.enumerate() {
            if n == STACK_LIMIT {
                break;
            }
            let label = match e.kind {
                TOP => "Object.<anonymous>".to_string(),
                CTOR => format!("new {}", e.name),
                METHOD if !e.name.is_empty() => format!("{}.{}", e.owner, e.name),
                _ => e.name.to_string(),
            };
            let place = site(stmt).map(|(file, s)| {
                let (line, col) = if let (0, Some(message)) = (n, inner_engine) {
                    s.engine_position(message)
                } else {
                    let by_name = s.calls.iter().find(|c| c.0 == inner);
                    let any = || s.calls.iter().find(|c| c.0.is_empty());
                    by_name.or_else(any).map(|c| (c.1, c.2)).unwrap_or((s.line, s.col))
                };
                format!("{}:{}:{}", file, line, col + 1)
            });
            out.push_str("\n    at ");
            match (label.is_empty(), place) {
                (true, Some(p)) => out.push_str(&p),
                (false, Some(p)) => out.push_str(&format!("{} ({})", label, p)),
                (_, None) => out.push_str(if label.is_empty() { "<anonymous>" } else { &label }),
            }
            inner = e.name;
            stmt = e.saved;
        }
        Some(out)
    })
}

/// The class names of `obj`'s prototype chain (its constructors), for `capture`.
pub fn chain_names(obj: &Rc<RefCell<JsObject>>) -> Vec<String> {
    let mut names = Vec::new();
    let mut p = obj.borrow().proto.clone();
    while let Some(proto) = p {
        if let Some(JsValue::Func(f)) = proto.borrow().get_own("constructor") {
            names.push(f.name.to_string());
        }
        p = proto.borrow().proto.clone();
    }
    names
}

/// Give a new error its own `stack`: frames captured now, the header written on the
/// first read (V8 formats lazily, so a `name` set by a subclass's constructor shows),
/// and a write replacing it. A no-op unless the program tracks its stack.
pub fn install_stack(err: &Rc<RefCell<JsObject>>) {
    let engine = RAISING.with(|r| r.borrow_mut().take());
    let Some(frames) = capture(engine.as_deref(), &chain_names(err)) else {
        return;
    };
    if let Some(message) = &engine {
        let sid = CURRENT.with(|c| c.get());
        if let Some((_, s)) = site(sid) {
            let (line, col) = s.engine_position(message);
            ORIGIN.with(|o| o.set((address(err), sid, line, col)));
        }
    }
    let cache: Rc<RefCell<Option<JsValue>>> = Rc::new(RefCell::new(None));
    let read = cache.clone();
    let getter = JsValue::func("stack", move |this, _| {
        let mut c = read.borrow_mut();
        if c.is_none() {
            *c = Some(JsValue::string(format!("{}{}", this.to_js_string(), frames)));
        }
        c.clone().unwrap_or(JsValue::Undefined)
    });
    let setter = JsValue::func("stack", move |_, args| {
        *cache.borrow_mut() = Some(args.first().cloned().unwrap_or(JsValue::Undefined));
        JsValue::Undefined
    });
    crate::ops::define_accessor(&JsValue::Obj(err.clone()), "stack", Some(getter), Some(setter), true);
}
