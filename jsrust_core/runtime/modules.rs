//! CommonJS at run time: the module cache, `require`, and the `module` / `exports` objects of a
//! program compiled together with the files it requires.
//!
//! The compiler resolves every `require("literal")` as Node would, when it compiles (see
//! `jsrust_core/linker.py`), and emits each module's body as a function of Node's five wrapper
//! parameters.  What stays for run time is what Node does at run time: a module's body runs on
//! its first `require` only, later ones get the cached `module.exports` (even a half-built one,
//! inside a require cycle), and a module whose body threw leaves the cache, so the next
//! `require` runs it again.
use std::cell::RefCell;
use std::rc::Rc;

use crate::exit::{make_error, throw};
use crate::ops;
use crate::value::JsValue;

/// One file of the program, as the compiler found it.
pub struct Module {
    /// The absolute path, as `__filename` and `module.filename` give it.
    pub filename: &'static str,
    /// Every `require` argument the compiler saw in this file: the module it resolved to, or
    /// `None` where Node would find no file (that `require` throws MODULE_NOT_FOUND).
    pub specs: Vec<(&'static str, Option<usize>)>,
    /// A `.json` module's text (its exports are that text parsed); `None` for JavaScript.
    pub json: Option<&'static str>,
    /// A JavaScript module's body: the function of `(exports, require, module, __filename,
    /// __dirname)` the compiler made of it.
    pub body: JsValue,
}

struct Registry {
    modules: Vec<Module>,
    /// The `module` object of every module that has started loading and not failed.
    cache: Vec<Option<JsValue>>,
    /// Modules whose bodies are running, innermost last: Node's "Require stack".
    loading: Vec<usize>,
}

thread_local! {
    static REGISTRY: RefCell<Option<Rc<RefCell<Registry>>>> = const { RefCell::new(None) };
}

fn registry() -> Rc<RefCell<Registry>> {
    REGISTRY.with(|r| r.borrow().clone()).expect("jsrust: modules used before modules::run")
}

/// Run the program: `modules[0]` is the main file, run as Node runs a main module.
pub fn run(modules: Vec<Module>) {
    let cache = modules.iter().map(|_| None).collect();
    let reg = Registry { modules, cache, loading: Vec::new() };
    REGISTRY.with(|r| *r.borrow_mut() = Some(Rc::new(RefCell::new(reg))));
    load(0);
}

fn dirname(path: &str) -> &str {
    match path.rfind('/') {
        Some(0) => "/",
        Some(i) => &path[..i],
        None => ".",
    }
}

/// `require` of module `index`: its exports, running its body first if nothing has yet.
fn load(index: usize) -> JsValue {
    let reg = registry();
    if let Some(module) = reg.borrow().cache[index].clone() {
        return ops::get(&module, "exports");
    }
    let (filename, json, body) = {
        let r = reg.borrow();
        let m = &r.modules[index];
        (m.filename, m.json, m.body.clone())
    };
    let exports = JsValue::object(vec![]);
    let module = JsValue::object(vec![
        ("id", JsValue::str(if index == 0 { "." } else { filename })),
        ("path", JsValue::str(dirname(filename))),
        ("exports", exports.clone()),
        ("filename", JsValue::str(filename)),
        ("loaded", JsValue::Bool(false)),
    ]);
    if let JsValue::Obj(o) = &module {
        o.borrow_mut().class = Some(crate::value::JsStr::from("Module"));
    }
    {
        let mut r = reg.borrow_mut();
        r.cache[index] = Some(module.clone());
        r.loading.push(index);
    }
    let ran = crate::exit::try_catch(|| match json {
        Some(text) => ops::set(&module, "exports", crate::json::parse(&[JsValue::str(text)])),
        None => {
            let require = require_fn(index, &reg);
            let args = [exports.clone(), require, module.clone(), JsValue::str(filename), JsValue::str(dirname(filename))];
            ops::call(&body, exports.clone(), &args, "module");
        }
    });
    {
        let mut r = reg.borrow_mut();
        r.loading.pop();
        if ran.is_err() {
            // as Node: a module that failed to load is loaded afresh by the next require
            r.cache[index] = None;
        }
    }
    if let Err(thrown) = ran {
        throw(thrown);
    }
    ops::set(&module, "loaded", JsValue::Bool(true));
    ops::get(&module, "exports")
}

/// The `require` function module `index` sees: its own table of resolved specifiers.
fn require_fn(index: usize, reg: &Rc<RefCell<Registry>>) -> JsValue {
    let f = JsValue::func("require", move |_this, args| {
        let spec = args.first().map(|a| a.to_js_string()).unwrap_or_else(|| "undefined".into());
        let reg = registry();
        let found = reg.borrow().modules[index].specs.iter().find(|(s, _)| **s == *spec).map(|(_, target)| *target);
        match found {
            Some(Some(target)) => load(target),
            Some(None) => throw(not_found(&spec, &reg.borrow())),
            None => crate::exit::unsupported(&format!(
                "require('{}'): a module the compiler did not see (only literal specifiers are compiled in)", spec)),
        }
    })
    .with_length(1);
    let main = reg.borrow().cache[0].clone().unwrap_or(JsValue::Undefined);
    ops::set(&f, "main", main);
    f
}

/// Node's MODULE_NOT_FOUND error: the specifier, then the files whose requires led here.
fn not_found(spec: &str, reg: &Registry) -> JsValue {
    let mut message = format!("Cannot find module '{}'\nRequire stack:", spec);
    for &i in reg.loading.iter().rev() {
        message.push_str("\n- ");
        message.push_str(reg.modules[i].filename);
    }
    let err = make_error("Error", &message);
    ops::set(&err, "code", JsValue::str("MODULE_NOT_FOUND"));
    ops::set(&err, "requireStack", JsValue::array(reg.loading.iter().rev().map(|&i| JsValue::str(reg.modules[i].filename)).collect()));
    err
}
