//! Symbols: unique values with a description, the `Symbol.for` registry, the well-known
//! `Symbol.iterator`, and symbol-keyed properties of plain objects.
//!
//! Why a side list on objects (`JsObject::syms`) and not symbols among the string keys: a
//! symbol key is never enumerated, stringified or listed by `Object.keys`; kept apart, none
//! of the string-key paths (and none of their speed) changes.
use std::cell::RefCell;
use std::rc::Rc;

use crate::value::{JsStr, JsValue};

/// One symbol.  `registered`: made by `Symbol.for` (then `Symbol.keyFor` answers its key).
pub struct JsSymbol {
    pub description: Option<JsStr>,
    pub registered: bool,
}

thread_local! {
    static REGISTRY: RefCell<Vec<Rc<JsSymbol>>> = const { RefCell::new(Vec::new()) };
    static ITERATOR: Rc<JsSymbol> = Rc::new(JsSymbol { description: Some(JsStr::from("Symbol.iterator")), registered: false });
}

/// `Symbol(description)`.
pub fn symbol(args: &[JsValue]) -> JsValue {
    let description = match args.first() {
        None | Some(JsValue::Undefined) => None,
        Some(v) => Some(v.to_js_string()),
    };
    JsValue::Sym(Rc::new(JsSymbol { description, registered: false }))
}

/// `Symbol.for(key)`: one symbol per key for the whole run.
pub fn symbol_for(args: &[JsValue]) -> JsValue {
    let key = args.first().cloned().unwrap_or(JsValue::Undefined).to_js_string();
    REGISTRY.with(|r| {
        if let Some(s) = r.borrow().iter().find(|s| s.description.as_deref() == Some(&*key)) {
            return JsValue::Sym(s.clone());
        }
        let s = Rc::new(JsSymbol { description: Some(key), registered: true });
        r.borrow_mut().push(s.clone());
        JsValue::Sym(s)
    })
}

/// `Symbol.keyFor(sym)`: the registry key, `undefined` for a symbol not made by `Symbol.for`.
pub fn key_for(args: &[JsValue]) -> JsValue {
    match args.first() {
        Some(JsValue::Sym(s)) if s.registered => s.description.clone().map(JsValue::Str).unwrap_or(JsValue::Undefined),
        Some(JsValue::Sym(_)) => JsValue::Undefined,
        Some(other) => crate::exit::throw_error("TypeError", &format!("{} is not a symbol", other.to_js_string())),
        None => crate::exit::throw_error("TypeError", "undefined is not a symbol"),
    }
}

/// `Symbol.iterator`.
pub fn iterator() -> JsValue {
    ITERATOR.with(|s| JsValue::Sym(s.clone()))
}

pub fn is_iterator(s: &Rc<JsSymbol>) -> bool {
    ITERATOR.with(|it| Rc::ptr_eq(it, s))
}

/// `String(sym)`, `sym.toString()`, and how `console.log` shows a symbol: `Symbol(desc)`.
pub fn describe(s: &JsSymbol) -> String {
    format!("Symbol({})", s.description.as_deref().unwrap_or(""))
}

/// `String(v)`: a symbol's description, ToString for anything else.
pub fn string_of(v: &JsValue) -> JsStr {
    match v {
        JsValue::Sym(s) => JsStr::from(describe(s).as_str()),
        other => other.to_js_string(),
    }
}

/// `sym.description`, `sym.toString()`: what a symbol answers as a receiver.
pub fn get(s: &Rc<JsSymbol>, key: &str) -> JsValue {
    match key {
        "description" => s.description.clone().map(JsValue::Str).unwrap_or(JsValue::Undefined),
        "toString" => {
            let me = s.clone();
            JsValue::func("toString", move |_, _| JsValue::string(describe(&me))).with_length(0)
        }
        _ => JsValue::Undefined,
    }
}

/// `obj[sym]` for a plain object (own, then along its prototype chain), an array
/// (`arr[Symbol.iterator]` is its `values`), or anything else (`undefined`).
pub fn get_key(obj: &JsValue, sym: &Rc<JsSymbol>) -> JsValue {
    let chain = |start: Option<Rc<std::cell::RefCell<crate::value::JsObject>>>| {
        let mut cur = start;
        while let Some(c) = cur {
            if let Some((_, v)) = c.borrow().syms.iter().find(|(k, _)| Rc::ptr_eq(k, sym)) {
                return v.clone();
            }
            cur = c.borrow().proto.clone();
        }
        JsValue::Undefined
    };
    match obj {
        JsValue::Obj(o) => chain(Some(o.clone())),
        // a struct has no symbol keys of its own; its class prototype may (`[Symbol.iterator]() {}`)
        JsValue::Rec(r) => chain(r.proto()),
        JsValue::Arr(_) | JsValue::Map(_) | JsValue::Set(_) if is_iterator(sym) => {
            let name = if matches!(obj, JsValue::Map(_)) { "entries" } else { "values" };
            crate::builtins::method_value(obj, name).unwrap_or(JsValue::Undefined)
        }
        _ => JsValue::Undefined,
    }
}

/// The iterator a program's own iterable makes (`obj[Symbol.iterator]()`), None when `v` has
/// no such method.
pub fn user_iterator(v: &JsValue) -> Option<JsValue> {
    if !matches!(v, JsValue::Obj(_) | JsValue::Rec(_)) {
        return None;
    }
    let method = ITERATOR.with(|it| get_key(v, it));
    if !matches!(method, JsValue::Func(_)) {
        return None;
    }
    Some(crate::ops::call(&method, v.clone(), &[], "[Symbol.iterator]"))
}

/// One step of the iterator protocol: `it.next()`, None once it says `done`.
pub fn step(it: &JsValue) -> Option<JsValue> {
    let result = crate::builtins::call_method(it, "next", &[]);
    if !matches!(result, JsValue::Obj(_) | JsValue::Rec(_)) {
        crate::exit::throw_error("TypeError", &format!("Iterator result {} is not an object", crate::console::inspect(&result)));
    }
    if crate::ops::get(&result, "done").truthy() {
        None
    } else {
        Some(crate::ops::get(&result, "value"))
    }
}

/// A class member with a computed key (`[Symbol.iterator]() {..}`, `["a" + b]() {..}`):
/// a symbol-keyed method, or a method by name.
pub fn define_method_key(proto: &Rc<std::cell::RefCell<crate::value::JsObject>>, key: &JsValue, f: JsValue) {
    match key {
        JsValue::Sym(sym) => set_key(&JsValue::Obj(proto.clone()), sym, f),
        other => crate::ops::define_method(proto, &other.to_js_string(), f),
    }
}

/// The name a function defined under `key` gets: `[desc]` for a symbol, the key otherwise.
pub fn key_name(key: &JsValue) -> JsStr {
    match key {
        // (`Symbol()` has no description: a function under it has the empty name)
        JsValue::Sym(s) => match s.description.as_deref() {
            Some(d) => JsStr::from(format!("[{}]", d).as_str()),
            None => JsStr::from(""),
        },
        other => other.to_js_string(),
    }
}

/// A computed key where only string keys are modelled (static members, accessors).
pub fn string_key(key: &JsValue) -> JsStr {
    match key {
        JsValue::Sym(_) => crate::exit::unsupported("a symbol-keyed static member or accessor of a class"),
        other => other.to_js_string(),
    }
}

/// `obj[sym] = v` on a plain object.
pub fn set_key(obj: &JsValue, sym: &Rc<JsSymbol>, v: JsValue) {
    match obj {
        JsValue::Obj(o) => {
            let mut b = o.borrow_mut();
            match b.syms.iter_mut().find(|(k, _)| Rc::ptr_eq(k, sym)) {
                Some(slot) => slot.1 = v,
                None => b.syms.push((sym.clone(), v)),
            }
        }
        _ => crate::exit::unsupported("a symbol-keyed property on anything but a plain object"),
    }
}

/// `Object.getOwnPropertySymbols(obj)`.
pub fn own_symbols(args: &[JsValue]) -> JsValue {
    match args.first() {
        Some(JsValue::Obj(o)) => JsValue::array(o.borrow().syms.iter().map(|(k, _)| JsValue::Sym(k.clone())).collect()),
        _ => JsValue::array(Vec::new()),
    }
}

/// `recv[key](args)` with a key known only at run time: a symbol key reads the method by
/// symbol, any other is a method name. ``callee`` is its source text (`o[k]`), which V8
/// quotes in `TypeError: o[k] is not a function`.
pub fn call_method_key_as(recv: &JsValue, key: &JsValue, args: &[JsValue], callee: &str) -> JsValue {
    match key {
        JsValue::Sym(sym) => crate::ops::call(&get_key(recv, sym), recv.clone(), args, callee),
        _ => crate::builtins::call_method_as(recv, &key.to_js_string(), args, Some(callee)),
    }
}

