//! `JSON.stringify` and `JSON.parse` over `JsValue`.
use std::rc::Rc;

use crate::exit::throw_error;
use crate::value::{JsStr, JsValue};

/// Append `s` as a JSON string literal: runs of characters that need no escape are copied
/// whole (every escaped character is ASCII, so scanning bytes finds them all).
fn quote(s: &str, out: &mut String) {
    out.reserve(s.len() + 2);
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            b if b < 0x20 => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            out.push_str(&format!("\\u{:04x}", b));
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// The key a holder reached a value by: the top level, an array index or a property name.
#[derive(Clone)]
pub(crate) enum Key {
    Top,
    Index(usize),
    Name(JsStr),
}

impl Key {
    /// The key as `toJSON(key)` receives it.
    fn text(&self) -> JsValue {
        match self {
            Key::Top => crate::value::JsValue::str(""),
            Key::Index(i) => JsValue::string(i.to_string()),
            Key::Name(k) => JsValue::Str(k.clone()),
        }
    }

    /// The key as V8's circular-structure message names it.
    fn describe(&self) -> String {
        match self {
            Key::Index(i) => format!("index {}", i),
            Key::Top => "property ''".to_string(),
            Key::Name(k) => format!("property '{}'", k),
        }
    }
}

/// The objects and arrays being serialised, outermost first, each with its address and the
/// key its holder reached it by: the cycle check, and the path V8's TypeError spells out.
#[derive(Default)]
pub(crate) struct Path(Vec<(usize, JsValue, Key)>);

impl Path {
    /// Open `v` (at `addr`, reached by `key`), or throw V8's TypeError if it is already open.
    pub(crate) fn enter(&mut self, addr: usize, v: &JsValue, key: &Key) {
        if let Some(start) = self.0.iter().position(|(a, _, _)| *a == addr) {
            throw_error("TypeError", &self.circle(start, key));
        }
        self.0.push((addr, v.clone(), key.clone()));
    }

    pub(crate) fn leave(&mut self) {
        self.0.pop();
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// V8's message: the object the circle starts at, the keys leading round (at most three
    /// lines, the middle elided), and the key that closes it.
    fn circle(&self, start: usize, closing: &Key) -> String {
        let mut lines = vec![
            "Converting circular structure to JSON".to_string(),
            format!("    --> starting at object with constructor '{}'", ctor_name(&self.0[start].1)),
        ];
        let mut path: Vec<String> = self.0[start + 1..]
            .iter()
            .map(|(_, v, k)| format!("    |     {} -> object with constructor '{}'", k.describe(), ctor_name(v)))
            .collect();
        if path.len() > 3 {
            let last = path.pop().unwrap_or_default();
            path.truncate(2);
            path.push("    |     ...".to_string());
            path.push(last);
        }
        lines.extend(path);
        lines.push(format!("    --- {} closes the circle", closing.describe()));
        lines.join("\n")
    }
}

/// The constructor's name V8 reports for an object in a circle.
fn ctor_name(v: &JsValue) -> String {
    match v {
        JsValue::Arr(_) => "Array".to_string(),
        JsValue::Obj(o) => o.borrow().class.as_ref().map_or("Object".to_string(), |c| c.to_string()),
        JsValue::Rec(r) => r.class_name().unwrap_or("Object").to_string(),
        _ => "Object".to_string(),
    }
}

/// Serialise `v` (reached by `key`); `false` when JSON has no text for it (undefined, functions).
fn write(v: &JsValue, key: &Key, indent: &str, cur: &str, out: &mut String, stack: &mut Path) -> bool {
    match v {
        // a hole is `undefined` to JSON: `null` in an array (the only place one lives)
        JsValue::Undefined | JsValue::Hole | JsValue::Func(_) | JsValue::Sym(_) => return false,
        JsValue::Null => out.push_str("null"),
        JsValue::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        JsValue::Num(n) if n.is_finite() => crate::push_num(out, *n),
        JsValue::Num(_) => out.push_str("null"),
        JsValue::Str(s) => quote(s, out),
        JsValue::RegExp(_) => out.push_str("{}"), // no enumerable own properties
        JsValue::Arr(a) => {
            stack.enter(Rc::as_ptr(a) as *const u8 as usize, v, key);
            // the length once, then each element as it is reached: a `toJSON` further in may
            // change later elements, and JS serialises what it then finds (no copy of the array)
            let len = a.borrow().len();
            if len == 0 {
                out.push_str("[]");
            } else {
                let inner = nested(cur, indent);
                out.push('[');
                for i in 0..len {
                    if i > 0 {
                        out.push(',');
                    }
                    if !indent.is_empty() {
                        out.push('\n');
                        out.push_str(&inner);
                    }
                    let x = a.borrow().get(i).cloned().unwrap_or(JsValue::Undefined);
                    if !write(&x, &Key::Index(i), indent, &inner, out, stack) {
                        out.push_str("null");
                    }
                }
                if !indent.is_empty() {
                    out.push('\n');
                    out.push_str(cur);
                }
                out.push(']');
            }
            stack.leave();
        }
        JsValue::Obj(o) => {
            let addr = Rc::as_ptr(o) as *const u8 as usize;
            if let Some(f @ JsValue::Func(_)) = crate::ops::lookup_id(o, crate::value::literal_id("toJSON")) {
                let r = crate::ops::call(&f, v.clone(), &[key.text()], "toJSON");
                return write(&r, key, indent, cur, out, stack);
            }
            // a wrapper serialises as its primitive (converted as ToString/ToNumber would)
            let boxed = o.borrow().boxed.clone();
            if let Some(p) = boxed {
                return write(&p, key, indent, cur, out, stack);
            }
            let keys = o.borrow().enum_keys();
            // through `get`, so an enumerable accessor serialises its getter's value
            write_object(addr, v, key, keys, &|k| own_data(o, k).unwrap_or_else(|| crate::ops::get(v, k)), indent, cur, out, stack);
        }
        JsValue::Rec(r) => {
            let addr = r.addr();
            if let Some(f @ JsValue::Func(_)) = r.lookup("toJSON") {
                let r = crate::ops::call(&f, v.clone(), &[key.text()], "toJSON");
                return write(&r, key, indent, cur, out, stack);
            }
            write_object(addr, v, key, r.enum_keys(), &|k: &JsStr| r.get_key(k).unwrap_or(JsValue::Undefined), indent, cur, out, stack);
        }
        JsValue::Map(_) | JsValue::Set(_) => out.push_str("{}"),
    }
    true
}

/// The `{...}` text of an object's own enumerable `keys`, each value read by `get` as it
/// is reached (a `toJSON` further in may change later values, as in JS).
#[allow(clippy::too_many_arguments)]
fn write_object(
    addr: usize,
    v: &JsValue,
    key: &Key,
    keys: Vec<JsStr>,
    get: &dyn Fn(&JsStr) -> JsValue,
    indent: &str,
    cur: &str,
    out: &mut String,
    stack: &mut Path,
) {
    stack.enter(addr, v, key);
    let inner = nested(cur, indent);
    out.push('{');
    let mut first = true;
    for k in keys {
        let x = get(&k);
        // the member's key goes out first; a value JSON has no text for takes it back
        let mark = out.len();
        if !first {
            out.push(',');
        }
        if !indent.is_empty() {
            out.push('\n');
            out.push_str(&inner);
        }
        quote(&k, out);
        out.push(':');
        if !indent.is_empty() {
            out.push(' ');
        }
        if !write(&x, &Key::Name(k), indent, &inner, out, stack) {
            out.truncate(mark);
            continue;
        }
        first = false;
    }
    if !first && !indent.is_empty() {
        out.push('\n');
        out.push_str(cur);
    }
    out.push('}');
    stack.leave();
}

/// The value of `o`'s own data property `k`, found by the key's atom id (no hashing of
/// its text: `enum_keys` gives atoms); `None` sends the read through `ops::get` (an
/// accessor, a key a `toJSON` deleted, a key that is not an atom).
fn own_data(o: &Rc<std::cell::RefCell<crate::value::JsObject>>, k: &JsStr) -> Option<JsValue> {
    let b = o.borrow();
    if !b.accessors.is_empty() {
        return None;
    }
    b.position_id(k.atom_id()?).map(|i| b.vals[i].clone())
}

/// The indentation one level inside `cur`; nothing to build when there is no indent.
fn nested(cur: &str, indent: &str) -> String {
    if indent.is_empty() {
        String::new()
    } else {
        format!("{}{}", cur, indent)
    }
}

/// `JSON.stringify(value, replacer, space)`; a replacer function or property list is applied
/// by `json_callbacks` first.
pub fn stringify(args: &[JsValue]) -> JsValue {
    if let Some(text) = crate::json_callbacks::stringify_replaced(args) {
        return text;
    }
    let v = args.first().cloned().unwrap_or(JsValue::Undefined);
    let indent = match args.get(2) {
        Some(JsValue::Num(n)) => " ".repeat(n.clamp(0.0, 10.0) as usize),
        Some(JsValue::Str(s)) => s.chars().take(10).collect(),
        _ => String::new(),
    };
    let mut out = String::new();
    if write(&v, &Key::Top, &indent, "", &mut out, &mut Path::default()) {
        JsValue::string(out)
    } else {
        JsValue::Undefined
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl<'a> Parser<'a> {
    /// Bad JSON: V8's message for the first error, from a second, validating scan.
    fn fail(&self) -> ! {
        throw_error("SyntaxError", &crate::json_errors::message(&String::from_utf8_lossy(self.s)))
    }

    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn lit(&mut self, word: &str, v: JsValue) -> JsValue {
        if self.s[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            v
        } else {
            self.fail()
        }
    }

    fn value(&mut self) -> JsValue {
        self.ws();
        if self.i >= self.s.len() {
            self.fail();
        }
        match self.s[self.i] {
            b'n' => self.lit("null", JsValue::Null),
            b't' => self.lit("true", JsValue::Bool(true)),
            b'f' => self.lit("false", JsValue::Bool(false)),
            b'"' => JsValue::string(self.string()),
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.s.get(self.i) == Some(&b']') {
                    self.i += 1;
                    return JsValue::array(items);
                }
                loop {
                    items.push(self.value());
                    self.ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return JsValue::array(items);
                        }
                        _ => self.fail(),
                    }
                }
            }
            b'{' => {
                self.i += 1;
                let obj = JsValue::object(vec![]);
                self.ws();
                if self.s.get(self.i) == Some(&b'}') {
                    self.i += 1;
                    return obj;
                }
                loop {
                    self.ws();
                    if self.s.get(self.i) != Some(&b'"') {
                        self.fail();
                    }
                    let k = self.string();
                    self.ws();
                    if self.s.get(self.i) != Some(&b':') {
                        self.fail();
                    }
                    self.i += 1;
                    let v = self.value();
                    crate::ops::set(&obj, &k, v);
                    self.ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            return obj;
                        }
                        _ => self.fail(),
                    }
                }
            }
            _ => {
                let start = self.i;
                if !self.number_syntax() {
                    self.fail()
                }
                match std::str::from_utf8(&self.s[start..self.i]).ok().and_then(|t| t.parse::<f64>().ok()) {
                    Some(n) => JsValue::Num(n),
                    None => self.fail(),
                }
            }
        }
    }

    /// Step over a number as JSON writes one, `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`
    /// (Rust's float parser alone would also take `01`, `1.`, `.5`, `+1`).
    fn number_syntax(&mut self) -> bool {
        let digits = |p: &mut Self| {
            let from = p.i;
            while p.s.get(p.i).is_some_and(u8::is_ascii_digit) {
                p.i += 1;
            }
            p.i > from
        };
        if self.s.get(self.i) == Some(&b'-') {
            self.i += 1;
        }
        match self.s.get(self.i) {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return false,
        }
        if self.s.get(self.i) == Some(&b'.') {
            self.i += 1;
            if !digits(self) {
                return false;
            }
        }
        if matches!(self.s.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.s.get(self.i), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if !digits(self) {
                return false;
            }
        }
        // a digit right after a leading 0 (`01`) is no JSON
        !self.s.get(self.i).is_some_and(u8::is_ascii_digit)
    }

    fn string(&mut self) -> String {
        self.i += 1;
        // most strings hold no escape: their text is the bytes up to the closing quote
        let start = self.i;
        while let Some(&c) = self.s.get(self.i) {
            if c == b'"' || c == b'\\' || c < 0x20 {
                break;
            }
            self.i += 1;
        }
        if self.s.get(self.i) == Some(&b'"') {
            if let Ok(text) = std::str::from_utf8(&self.s[start..self.i]) {
                self.i += 1;
                return text.to_string();
            }
        }
        self.i = start;
        self.escaped_string()
    }

    /// The rest of a string with escapes, code unit by code unit (a `\u` escape may be
    /// half of a surrogate pair, joined with the other half or left lone as in JS).
    fn escaped_string(&mut self) -> String {
        let mut units: Vec<u16> = Vec::new();
        loop {
            let Some(&c) = self.s.get(self.i) else { self.fail() };
            match c {
                b'"' => {
                    self.i += 1;
                    return crate::strings::from_units(&units);
                }
                b'\\' => {
                    self.i += 1;
                    let Some(&e) = self.s.get(self.i) else { self.fail() };
                    self.i += 1;
                    match e {
                        b'n' => units.push(10),
                        b't' => units.push(9),
                        b'r' => units.push(13),
                        b'b' => units.push(8),
                        b'f' => units.push(12),
                        b'"' | b'\\' | b'/' => units.push(e as u16),
                        b'u' => {
                            let hex = self.s.get(self.i..self.i + 4).unwrap_or(b"");
                            if hex.len() < 4 || !hex.iter().all(u8::is_ascii_hexdigit) {
                                self.fail()
                            }
                            let u = hex.iter().fold(0u16, |acc, &h| acc * 16 + (h as char).to_digit(16).unwrap_or(0) as u16);
                            units.push(u);
                            self.i += 4;
                        }
                        _ => self.fail(),
                    }
                }
                c if c < 0x20 => self.fail(),
                c if c < 0x80 => {
                    units.push(c as u16);
                    self.i += 1;
                }
                _ => {
                    // one UTF-8 sequence (the text came from a Rust string, so it is well formed)
                    let end = (self.i + 4).min(self.s.len());
                    let ch = match std::str::from_utf8(&self.s[self.i..end]) {
                        Ok(t) => t.chars().next(),
                        Err(e) => std::str::from_utf8(&self.s[self.i..self.i + e.valid_up_to()]).ok().and_then(|t| t.chars().next()),
                    }
                    .unwrap_or('\u{fffd}');
                    let mut buf = [0u16; 2];
                    units.extend_from_slice(ch.encode_utf16(&mut buf));
                    self.i += ch.len_utf8().max(1);
                }
            }
        }
    }
}

/// `JSON.parse(text, reviver)`; a reviver function is applied by `json_callbacks`.
pub fn parse(args: &[JsValue]) -> JsValue {
    if let Some(revived) = crate::json_callbacks::parse_revived(args) {
        return revived;
    }
    let text = args.first().map(|v| v.to_js_string()).unwrap_or_else(|| JsStr::from("undefined"));
    let mut p = Parser { s: text.as_bytes(), i: 0 };
    let v = p.value();
    p.ws();
    if p.i < p.s.len() {
        p.fail();
    }
    v
}
