//! `ActionJson` for the runtime's `jsrt::JsValue`: what `actionloop::actionloop` needs to run a
//! generated `js_main(params: JsValue) -> Result<JsValue, JsValue>`.
//!
//! Compiled as a module of the action's crate (next to `actionloop.rs`), so the impl of our trait
//! for the runtime's type is legal there.  `JSON.parse` and `JSON.stringify` follow JS: object
//! keys keep their order (integer-like keys first, as `enum_keys` gives them), `undefined` and
//! functions are skipped in objects and become `null` in arrays, non-finite numbers become
//! `null`, numbers print as `String(x)` does, Map and Set print as `{}`, and a circular
//! structure is the TypeError JS throws.  Lone UTF-16 surrogates in input strings cannot live in
//! a Rust string and become U+FFFD.  When the runtime grows its own JSON, this should call it.

use std::cell::RefCell;
use std::rc::Rc;

use jsrt::{JsObject, JsValue};

use crate::actionloop::{quote_json, ActionJson};

impl ActionJson for JsValue {
    fn from_json(text: &str) -> Result<Self, String> {
        let mut p = Parser { s: text.as_bytes(), text, pos: 0 };
        p.ws();
        let v = p.value()?;
        p.ws();
        if p.pos != text.len() {
            return Err(format!("Unexpected non-whitespace character after JSON at position {}", p.pos));
        }
        Ok(v)
    }

    fn to_json(&self) -> Result<String, String> {
        let mut out = String::new();
        let mut stack: Vec<*const ()> = Vec::new();
        if !write_json(self, &mut out, &mut stack)? {
            out.push_str("null");
        }
        Ok(out)
    }

    fn is_undefined(&self) -> bool {
        matches!(self, JsValue::Undefined)
    }

    fn thrown_text(&self) -> String {
        self.to_js_string().to_string()
    }

    fn flush_logs() {
        jsrt::console::flush();
    }
}

/// Appends the JSON of `v`; `Ok(false)` when `v` has none (undefined, a function).
fn write_json(v: &JsValue, out: &mut String, stack: &mut Vec<*const ()>) -> Result<bool, String> {
    match v {
        JsValue::Undefined | JsValue::Func(_) => return Ok(false),
        JsValue::Null => out.push_str("null"),
        JsValue::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        JsValue::Num(n) => {
            if n.is_finite() {
                out.push_str(&jsrt::num_to_string(*n));
            } else {
                out.push_str("null");
            }
        }
        JsValue::Str(s) => out.push_str(&quote_json(s)),
        JsValue::Map(_) | JsValue::Set(_) => out.push_str("{}"),
        JsValue::Arr(a) => {
            enter(Rc::as_ptr(a) as *const (), stack)?;
            out.push('[');
            for (i, item) in a.borrow().iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if !write_json(item, out, stack)? {
                    out.push_str("null");
                }
            }
            out.push(']');
            stack.pop();
        }
        JsValue::Obj(o) => {
            enter(Rc::as_ptr(o) as *const (), stack)?;
            out.push('{');
            let obj = o.borrow();
            let mut first = true;
            for key in obj.enum_keys() {
                let value = match obj.get_own(&key) {
                    Some(v) => v,
                    None => continue,
                };
                let mark = out.len();
                if !first {
                    out.push(',');
                }
                out.push_str(&quote_json(&key));
                out.push(':');
                if write_json(&value, out, stack)? {
                    first = false;
                } else {
                    out.truncate(mark);
                }
            }
            out.push('}');
            stack.pop();
        }
    }
    Ok(true)
}

fn enter(ptr: *const (), stack: &mut Vec<*const ()>) -> Result<(), String> {
    if stack.contains(&ptr) {
        return Err("Converting circular structure to JSON".to_string());
    }
    stack.push(ptr);
    Ok(())
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl<'a> Parser<'a> {
    fn err<T>(&self) -> Result<T, String> {
        match self.s.get(self.pos) {
            Some(_) => Err(format!("Unexpected token in JSON at position {}", self.pos)),
            None => Err("Unexpected end of JSON input".to_string()),
        }
    }

    fn ws(&mut self) {
        while matches!(self.s.get(self.pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, lit: &str) -> bool {
        if self.text[self.pos..].starts_with(lit) {
            self.pos += lit.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self) -> Result<JsValue, String> {
        match self.s.get(self.pos) {
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => Ok(JsValue::string(self.string()?)),
            Some(b't') if self.eat("true") => Ok(JsValue::Bool(true)),
            Some(b'f') if self.eat("false") => Ok(JsValue::Bool(false)),
            Some(b'n') if self.eat("null") => Ok(JsValue::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => self.err(),
        }
    }

    fn object(&mut self) -> Result<JsValue, String> {
        self.pos += 1;
        let mut obj = JsObject::default();
        self.ws();
        if self.s.get(self.pos) == Some(&b'}') {
            self.pos += 1;
            return Ok(JsValue::Obj(Rc::new(RefCell::new(obj))));
        }
        loop {
            self.ws();
            if self.s.get(self.pos) != Some(&b'"') {
                return self.err();
            }
            let key = self.string()?;
            self.ws();
            if self.s.get(self.pos) != Some(&b':') {
                return self.err();
            }
            self.pos += 1;
            self.ws();
            let v = self.value()?;
            obj.set(&key, v);
            self.ws();
            match self.s.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(JsValue::Obj(Rc::new(RefCell::new(obj))));
                }
                _ => return self.err(),
            }
        }
    }

    fn array(&mut self) -> Result<JsValue, String> {
        self.pos += 1;
        let mut items = Vec::new();
        self.ws();
        if self.s.get(self.pos) == Some(&b']') {
            self.pos += 1;
            return Ok(JsValue::array(items));
        }
        loop {
            self.ws();
            items.push(self.value()?);
            self.ws();
            match self.s.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(JsValue::array(items));
                }
                _ => return self.err(),
            }
        }
    }

    fn number(&mut self) -> Result<JsValue, String> {
        let start = self.pos;
        if self.s.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        let digits = |p: &mut Self| {
            let s = p.pos;
            while matches!(p.s.get(p.pos), Some(b'0'..=b'9')) {
                p.pos += 1;
            }
            p.pos - s
        };
        let int_start = self.pos;
        let n = digits(self);
        if n == 0 || (n > 1 && self.s[int_start] == b'0') {
            return self.err();
        }
        if self.s.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if digits(self) == 0 {
                return self.err();
            }
        }
        if matches!(self.s.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.s.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return self.err();
            }
        }
        // Rust's f64 parsing is correctly rounded, as JS number parsing is.
        self.text[start..self.pos].parse::<f64>().map(JsValue::Num).map_err(|e| e.to_string())
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self.text.get(self.pos..self.pos + 4).ok_or("Bad Unicode escape in JSON")?;
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| "Bad Unicode escape in JSON".to_string())
    }

    fn string(&mut self) -> Result<String, String> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let rest = &self.text[self.pos..];
            let stop = match rest.find(|c: char| c == '"' || c == '\\' || (c as u32) < 0x20) {
                Some(i) => i,
                None => return Err("Unterminated string in JSON".to_string()),
            };
            out.push_str(&rest[..stop]);
            self.pos += stop;
            match self.s[self.pos] {
                b'"' => {
                    self.pos += 1;
                    return Ok(out);
                }
                b'\\' => {
                    self.pos += 1;
                    let c = match self.s.get(self.pos) {
                        Some(c) => *c,
                        None => return self.err(),
                    };
                    self.pos += 1;
                    match c {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let mut unit = self.hex4()?;
                            if (0xD800..0xDC00).contains(&unit) && self.text[self.pos..].starts_with("\\u") {
                                let save = self.pos;
                                self.pos += 2;
                                let low = self.hex4()?;
                                if (0xDC00..0xE000).contains(&low) {
                                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                                } else {
                                    self.pos = save;
                                }
                            }
                            out.push(char::from_u32(unit).unwrap_or('\u{FFFD}'));
                        }
                        _ => {
                            self.pos -= 1;
                            return self.err();
                        }
                    }
                }
                _ => return self.err(),
            }
        }
    }
}
