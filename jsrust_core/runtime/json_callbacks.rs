//! The callback forms of JSON: `JSON.stringify(value, replacer)` with a replacer function or a
//! property list, and `JSON.parse(text, reviver)`.
//!
//! Why a separate pass instead of hooks inside `json::write`: the plain forms are the common,
//! hot ones and stay a straight walk.  A replacer is applied here first, to a copy of the value
//! that holds exactly what the spec's SerializeJSONProperty would serialise (toJSON applied,
//! the replacer's answer, properties that serialise to nothing left out), and `json::write` then
//! writes that copy; a reviver runs after the plain parse, as the spec's InternalizeJSONProperty
//! walks the parsed value bottom-up.
use crate::json::{Key, Path};
use crate::ops;
use crate::value::{JsStr, JsValue};

/// What a replacer argument means: a function called on every property, or the list of the
/// only keys an object serialises (arrays serialise every index either way).
enum Replacer {
    Call(JsValue),
    Keys(Vec<JsStr>),
}

/// The replacer `arg` stands for, if any: anything but a function or an array is ignored, as JS does.
fn replacer_of(arg: Option<&JsValue>) -> Option<Replacer> {
    match arg? {
        f @ JsValue::Func(_) => Some(Replacer::Call(f.clone())),
        JsValue::Arr(a) => {
            let mut keys: Vec<JsStr> = Vec::new();
            for item in a.borrow().iter() {
                let key = match item {
                    JsValue::Str(s) => s.clone(),
                    JsValue::Num(n) => JsStr::from(crate::num_to_string(*n).as_str()),
                    _ => continue,
                };
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            if keys_reorder(&keys) {
                // an object lists index keys first whatever their insertion order, so the copy
                // could not keep this list's order
                crate::exit::unsupported("a JSON.stringify property list naming an index key after another key");
            }
            Some(Replacer::Keys(keys))
        }
        _ => None,
    }
}

/// Whether a plain object built by inserting `keys` in order would enumerate them in another order.
fn keys_reorder(keys: &[JsStr]) -> bool {
    let index = |k: &JsStr| -> Option<u64> {
        if k.is_empty() || (k.len() > 1 && k.starts_with('0')) || !k.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        k.parse::<u64>().ok().filter(|&n| n < u32::MAX as u64)
    };
    let mut last_index: Option<u64> = None;
    let mut seen_name = false;
    for k in keys {
        match index(k) {
            Some(n) => {
                if seen_name || last_index.map_or(false, |m| n < m) {
                    return true;
                }
                last_index = Some(n);
            }
            None => seen_name = true,
        }
    }
    false
}

/// The address of an object or array, for the cycle check.
fn address(v: &JsValue) -> Option<usize> {
    match v {
        JsValue::Arr(a) => Some(std::rc::Rc::as_ptr(a) as *const u8 as usize),
        JsValue::Obj(o) => Some(std::rc::Rc::as_ptr(o) as *const u8 as usize),
        JsValue::Rec(r) => Some(r.addr()),
        _ => None,
    }
}

/// SerializeJSONProperty up to the point of writing: `holder[key]`, toJSON, the replacer, and for
/// an object or array a copy of what its properties serialise to.  `None` where JSON writes
/// nothing (undefined, a function).
fn replaced(holder: &JsValue, key: &JsStr, replacer: &Replacer, stack: &mut Path) -> Option<JsValue> {
    let mut value = ops::get(holder, key);
    if matches!(value, JsValue::Obj(_) | JsValue::Rec(_) | JsValue::Arr(_)) {
        let to_json = ops::get(&value, "toJSON");
        if matches!(to_json, JsValue::Func(_)) {
            value = ops::call(&to_json, value.clone(), &[JsValue::Str(key.clone())], "toJSON");
        }
    }
    if let Replacer::Call(f) = replacer {
        value = ops::call(f, holder.clone(), &[JsValue::Str(key.clone()), value], "replacer");
    }
    match &value {
        JsValue::Undefined | JsValue::Hole | JsValue::Func(_) | JsValue::Sym(_) => None,
        JsValue::Arr(a) => {
            let addr = enter(holder, key, &value, stack);
            let len = a.borrow().len();
            let mut items = Vec::with_capacity(len);
            for i in 0..len {
                let k = JsStr::from(i.to_string().as_str());
                items.push(replaced(&value, &k, replacer, stack).unwrap_or(JsValue::Null));
            }
            leave(addr, stack);
            Some(JsValue::array(items))
        }
        JsValue::Obj(_) | JsValue::Rec(_) => {
            let addr = enter(holder, key, &value, stack);
            let keys: Vec<JsStr> = match replacer {
                Replacer::Keys(keys) => keys.clone(),
                Replacer::Call(_) => crate::builtins::keys(&value).into_iter().map(|k| k.to_js_string()).collect(),
            };
            let copy = JsValue::object(vec![]);
            for k in keys {
                if let Some(v) = replaced(&value, &k, replacer, stack) {
                    ops::set(&copy, &k, v);
                }
            }
            leave(addr, stack);
            Some(copy)
        }
        // primitives, and Map/Set/RegExp (no enumerable own properties: `{}`) as they are
        _ => Some(value),
    }
}

/// Open `v` (reached from `holder` by `key`) for the cycle check, which throws V8's TypeError.
fn enter(holder: &JsValue, key: &JsStr, v: &JsValue, stack: &mut Path) -> Option<usize> {
    let addr = address(v);
    if let Some(a) = addr {
        let key = match holder {
            JsValue::Arr(_) => key.parse().map_or_else(|_| Key::Name(key.clone()), Key::Index),
            _ if key.is_empty() && stack.is_empty() => Key::Top,
            _ => Key::Name(key.clone()),
        };
        stack.enter(a, v, &key);
    }
    addr
}

fn leave(addr: Option<usize>, stack: &mut Path) {
    if addr.is_some() {
        stack.leave();
    }
}

/// `JSON.stringify(value, replacer, space)` when `replacer` is a function or a property list;
/// `None` when it is neither (the caller then ignores it, as JS does).
pub fn stringify_replaced(args: &[JsValue]) -> Option<JsValue> {
    let replacer = replacer_of(args.get(1))?;
    let holder = JsValue::object(vec![("", args.first().cloned().unwrap_or(JsValue::Undefined))]);
    let value = replaced(&holder, &JsStr::from(""), &replacer, &mut Path::default()).unwrap_or(JsValue::Undefined);
    Some(crate::json::stringify(&[value, JsValue::Null, args.get(2).cloned().unwrap_or(JsValue::Undefined)]))
}

/// InternalizeJSONProperty: revive `holder[name]`'s properties first (an `undefined` answer
/// deletes the property), then ask the reviver about the value itself.
fn internalize(holder: &JsValue, name: &JsStr, reviver: &JsValue) -> JsValue {
    let value = ops::get(holder, name);
    match &value {
        JsValue::Arr(a) => {
            let len = a.borrow().len();
            for i in 0..len {
                let k = JsStr::from(i.to_string().as_str());
                revive_property(&value, k, reviver);
            }
        }
        JsValue::Obj(_) | JsValue::Rec(_) => {
            for k in crate::builtins::keys(&value) {
                revive_property(&value, k.to_js_string(), reviver);
            }
        }
        _ => {}
    }
    ops::call(reviver, holder.clone(), &[JsValue::Str(name.clone()), value], "reviver")
}

fn revive_property(owner: &JsValue, key: JsStr, reviver: &JsValue) {
    match internalize(owner, &key, reviver) {
        JsValue::Undefined => {
            ops::delete(owner, &JsValue::Str(key), false);
        }
        v => ops::set(owner, &key, v),
    }
}

/// `JSON.parse(text, reviver)` with a function reviver; `None` when the second argument is no
/// function (JS then ignores it).
pub fn parse_revived(args: &[JsValue]) -> Option<JsValue> {
    let reviver = match args.get(1) {
        Some(f @ JsValue::Func(_)) => f.clone(),
        _ => return None,
    };
    let parsed = crate::json::parse(&args[..1]);
    let root = JsValue::object(vec![("", parsed)]);
    Some(internalize(&root, &JsStr::from(""), &reviver))
}
