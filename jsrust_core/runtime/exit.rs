//! Leaving the specialised code: side exits, guards, JS exceptions and program exit.
//!
//! A side exit is never a wrong answer: when the compiled program reaches a path or a
//! type the trace never saw, it flushes what it printed so far, reports the guard on
//! stderr and exits with `SIDE_EXIT_STATUS` so the workbench can retrace and rebuild.
//! JS exceptions unwind the Rust stack with `resume_unwind` (no panic hook runs, no
//! message); the thrown value waits in a thread-local until `try_catch` takes it.
use std::cell::{Cell, RefCell};
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};

use crate::console;
use crate::value::JsValue;

pub const SIDE_EXIT_STATUS: i32 = 86;

thread_local! {
    static THROWN: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    /// Which run of the top level this is (`JSRUST_REPEAT` runs it several times): what
    /// `once_per_run` made in an earlier run is made afresh, as a new process would.
    static RUN: Cell<u32> = const { Cell::new(0) };
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    static ACTION_MODE: Cell<bool> = const { Cell::new(false) };
    /// `process.exitCode`: `undefined` until the program sets it; the status of a normal end.
    static EXIT_CODE: RefCell<JsValue> = const { RefCell::new(JsValue::Undefined) };
}

/// `process.exitCode` read back as it was set.
pub fn exit_code() -> JsValue {
    EXIT_CODE.with(|c| c.borrow().clone())
}

/// `process.exitCode = v`. Node accepts `undefined`, `null` and integers (and integer
/// strings); anything else throws its own `ERR_*` errors, which are not reproduced.
pub fn set_exit_code(v: JsValue) {
    if !node_accepts_exit_code(&v) {
        unsupported("process.exitCode set to something other than an integer");
    }
    EXIT_CODE.with(|c| *c.borrow_mut() = v);
}

/// Node 20's validation of an exit code: `undefined`, `null`, a safe integer, or a
/// non-empty string of an integer (the interpreter's `interp/exitcode.py` has the rest).
fn node_accepts_exit_code(v: &JsValue) -> bool {
    const MAX_SAFE: f64 = 9007199254740991.0;
    let integer = |n: f64| n.is_finite() && n.fract() == 0.0;
    match v {
        JsValue::Undefined | JsValue::Null => true,
        JsValue::Num(n) => integer(*n) && n.abs() <= MAX_SAFE,
        JsValue::Str(s) => !s.is_empty() && integer(v.to_number()),
        _ => false,
    }
}

/// The status `process.exitCode` asks for (0 when unset); the OS keeps its low 8 bits.
fn status_of(code: &JsValue) -> i32 {
    match code {
        JsValue::Num(n) if n.is_finite() => *n as i64 as i32,
        JsValue::Undefined | JsValue::Null => 0,
        other => {
            let n = other.to_number();
            if n.is_finite() {
                n as i64 as i32
            } else {
                0
            }
        }
    }
}

/// In action mode a side exit unwinds to the activation instead of exiting (see `action`):
/// the process holds warm state and further activations that the training did cover.
pub fn set_action_mode(on: bool) {
    ACTION_MODE.with(|m| m.set(on));
}

/// How many JS function frames may be live at once. Node (V8, ~1 MB stack) manages about
/// 10-12 thousand simple frames before `RangeError: Maximum call stack size exceeded`;
/// a program that recurses deeper must get that catchable error here too, never a Rust
/// stack-overflow abort, so the limit is counted in JS frames rather than left to the OS.
pub const MAX_JS_DEPTH: u32 = 10_000;

/// Bytes of stack for the thread that runs the program: enough that `MAX_JS_DEPTH`
/// frames of generated code (a few KB each at worst) fit well before the guard page.
const PROGRAM_STACK_BYTES: usize = 1 << 30;

/// One live JS call; dropping it (on return or while a throw unwinds) pops the frame.
pub struct Frame(());

impl Drop for Frame {
    #[inline]
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get() - 1));
    }
}

/// Entered at the top of every generated function: counts the frame and throws V8's
/// `RangeError` when the program recurses past `MAX_JS_DEPTH`.
#[inline]
pub fn enter() -> Frame {
    let depth = DEPTH.with(|d| {
        let n = d.get() + 1;
        d.set(n);
        n
    });
    let frame = Frame(());
    if depth > MAX_JS_DEPTH {
        // `frame` is dropped by the unwind, so the count stays balanced
        throw_engine_error("RangeError", "Maximum call stack size exceeded");
    }
    frame
}

/// The unwinding payload of a JS `throw`; the value itself is in `THROWN`.
struct JsThrow;

/// Stop at an unobserved path: report and exit 86.  In action mode the report (a `String`)
/// is the unwinding payload instead: `try_catch` lets it pass (a JS `catch` must not see a
/// side exit) and the ActionLoop answers the activation with it.
pub fn side_exit(guard: u32, place: &str, expected: &str, saw: &str) -> ! {
    console::flush();
    let report = format!("jsrust: side exit at guard {} ({}): expected {}, saw {}", guard, place, expected, saw);
    eprintln!("{}", report);
    if ACTION_MODE.with(|m| m.get()) {
        resume_unwind(Box::new(report))
    }
    std::process::exit(SIDE_EXIT_STATUS)
}

/// A built-in the program really uses but the runtime does not implement (a method that
/// exists in JS, such as `Number.prototype.toExponential`). Throwing Node's `TypeError`
/// there would be a wrong answer a `try` could even catch; instead the run stops like a
/// side exit, naming the feature, so the output is never silently different from Node's.
pub fn unsupported(what: &str) -> ! {
    console::flush();
    eprintln!("jsrust: side exit: Unsupported: {} (not implemented by the jsrust runtime)", what);
    std::process::exit(SIDE_EXIT_STATUS)
}

/// Dynamic code asked a record (an object stored as a generated struct, `value::Record`)
/// for something its fixed struct cannot hold: a new key, a deleted key, a value of an
/// unobserved type in a typed field. The trace never saw it, so this is a side exit like
/// any other (retracing with this input keeps that shape a dynamic object).
pub fn record_exit(rec: &dyn crate::value::Record, what: &str) -> ! {
    console::flush();
    let report = format!("jsrust: side exit: a struct-typed object {} got {}", rec.shape(), what);
    eprintln!("{}", report);
    if ACTION_MODE.with(|m| m.get()) {
        resume_unwind(Box::new(report))
    }
    std::process::exit(SIDE_EXIT_STATUS)
}

/// A dynamic value entering code typed `f64`.
#[inline]
pub fn guard_num(v: JsValue, guard: u32, place: &str) -> f64 {
    match v {
        JsValue::Num(n) => n,
        other => side_exit(guard, place, "number", other.tag()),
    }
}

/// A number entering a binding the emitter holds as an `i64` because every value the
/// trace saw stored there was a small integer (`rustgen/counters.py`): an integer in the
/// int32 range, not `-0`, passes exactly; anything else side-exits, since the `i64` could
/// not hold it (and the re-trace then sees the fraction and keeps an `f64`).
#[inline]
pub fn guard_int(x: f64, guard: u32, place: &str) -> i64 {
    let i = x as i32;
    if i as f64 == x && (i != 0 || x.is_sign_positive()) {
        return i as i64;
    }
    guard_int_miss(x, guard, place)
}

#[cold]
#[inline(never)]
fn guard_int_miss(x: f64, guard: u32, place: &str) -> ! {
    let saw = if x == 0.0 { "-0".to_string() } else { crate::num_to_string(x) };
    side_exit(guard, place, "an integer in the int32 range", &saw)
}

/// A dynamic value entering code typed `bool`.
#[inline]
pub fn guard_bool(v: JsValue, guard: u32, place: &str) -> bool {
    match v {
        JsValue::Bool(b) => b,
        other => side_exit(guard, place, "boolean", other.tag()),
    }
}

/// JS `throw v`.
pub fn throw(v: JsValue) -> ! {
    crate::callstack::note_throw();
    THROWN.with(|t| *t.borrow_mut() = Some(v));
    resume_unwind(Box::new(JsThrow))
}

/// Build an error object of a built-in class (`TypeError`, `RangeError`, ...).
pub fn make_error(name: &str, message: &str) -> JsValue {
    crate::builtins::new_error(name, &[JsValue::str(message)])
}

/// Which run of the program's body this is (`JSRUST_REPEAT` runs it more than once): values
/// made once per run are keyed by it.
pub fn run_number() -> u32 {
    RUN.with(|r| r.get())
}

/// The one value of something the program makes once per run, such as a function declared
/// at the top level used as a value: made by `make` on first use, the same `Rc` afterwards, so
/// JS identity holds (`f === f`, `f` as a Map key, properties set on `f` read back).
pub fn once_per_run(cell: &'static std::thread::LocalKey<RefCell<Option<(u32, JsValue)>>>,
                    make: impl FnOnce() -> JsValue) -> JsValue {
    let run = RUN.with(|r| r.get());
    let made = cell.with(|c| c.borrow().as_ref().filter(|(n, _)| *n == run).map(|(_, v)| v.clone()));
    if let Some(v) = made {
        return v;
    }
    let v = make();
    cell.with(|c| *c.borrow_mut() = Some((run, v.clone())));
    v
}

/// Throw a built-in error from inside a built-in function (`toFixed(200)`): its stack's
/// innermost frame points at the call of the built-in.
pub fn throw_error(name: &str, message: &str) -> ! {
    throw(make_error(name, message))
}

/// Throw a built-in error an operation raises (`null.x`, calling a non-function): its
/// stack's innermost frame shows the operation the message names, as V8's does.
pub fn throw_engine_error(name: &str, message: &str) -> ! {
    throw(crate::callstack::raising(message, || make_error(name, message)))
}

/// Run `body`; a JS throw inside comes back as `Err(value)`. Rust panics pass through.
pub fn try_catch<T>(body: impl FnOnce() -> T) -> Result<T, JsValue> {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(v) => Ok(v),
        Err(payload) => {
            if payload.is::<JsThrow>() {
                Err(THROWN.with(|t| t.borrow_mut().take()).unwrap_or(JsValue::Undefined))
            } else {
                resume_unwind(payload)
            }
        }
    }
}

/// The program's entry: run the top level, then flush; an uncaught JS exception prints
/// Node's report (`Name: message` for errors, the inspected value otherwise) and exits 1.
///
/// `JSRUST_REPEAT=N` (benchmarks only) first runs the top level N-1 times with the
/// console silenced, then once for real, so a steady-state time per run can be measured
/// the way the Node harness measures a warm V8.
///
/// The program runs on a thread with a `PROGRAM_STACK_BYTES` stack, so deep (but legal) JS
/// recursion never meets the small default main-thread stack before `enter` stops it.
pub fn run_main(file: &'static str, body: impl Fn() + Send + 'static) {
    crate::clock::mark_origin();
    let program = std::thread::Builder::new()
        .name("js".into())
        .stack_size(PROGRAM_STACK_BYTES)
        .spawn(move || run_program(file, body))
        .expect("jsrust: cannot start the program thread");
    if program.join().is_err() {
        // an internal error: the panic hook already reported it
        std::process::exit(101);
    }
}

fn run_program(file: &str, body: impl Fn()) {
    let silent: Box<dyn Fn(&std::panic::PanicHookInfo) + Sync + Send> = Box::new(|info| {
        console::flush();
        eprintln!("jsrust: internal error: {}", info);
    });
    std::panic::set_hook(silent);
    crate::heap::reserve();
    let repeat: usize = std::env::var("JSRUST_REPEAT").ok().and_then(|v| v.parse().ok()).unwrap_or(1);
    for _ in 1..repeat {
        console::set_muted(true);
        RUN.with(|r| r.set(r.get() + 1));
        let ok = try_catch(&body).is_ok();
        console::set_muted(false);
        if !ok {
            break;
        }
    }
    RUN.with(|r| r.set(r.get() + 1));
    match try_catch(&body) {
        Ok(()) => {
            console::flush();
            let status = status_of(&exit_code());
            if status != 0 {
                std::process::exit(status);
            }
        }
        Err(v) => {
            console::flush();
            if let Some(report) = crate::callstack::uncaught_report(&v) {
                eprintln!("{}\n\nNode.js v20.20.2", report);
                std::process::exit(1);
            }
            eprintln!("{}", file);
            eprintln!();
            let text = match &v {
                JsValue::Obj(o) if o.borrow().is_error => v.to_js_string().to_string(),
                // Node reports a thrown string as it is, without inspect's quotes
                JsValue::Str(s) => s.to_string(),
                other => console::inspect(other),
            };
            eprintln!("{}", text);
            eprintln!("\nNode.js v20.20.2");
            std::process::exit(1);
        }
    }
}

/// `process.exit(code)`: flush what was printed, then leave with that status; with no
/// argument at all, the status `process.exitCode` holds (an explicit `undefined` is 0).
pub fn process_exit(args: &[JsValue]) -> JsValue {
    console::flush();
    let status = match args.first() {
        Some(code) if !node_accepts_exit_code(code) => unsupported("process.exit with a code Node rejects (not an integer)"),
        Some(code) => status_of(code),
        None => status_of(&exit_code()),
    };
    std::process::exit(status)
}
