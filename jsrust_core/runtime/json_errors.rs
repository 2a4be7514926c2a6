//! V8's `JSON.parse` error messages ("Expected property name or '}' in JSON at position 1").
//!
//! Why a second scan: the parser in `json.rs` stays a plain fast walk and only reports that
//! the text is bad; this validating scanner (building no values) runs once, after that, to
//! find the first error and word it as V8 does, by the state the grammar was in.  Positions
//! count characters, as the interpreter's twin (`interp/builtins_json.py`) does.

/// Texts V8 names whole: `"undefined" is not valid JSON`.
const SPECIAL_SOURCES: [&str; 4] = ["undefined", "NaN", "Infinity", "[object Object]"];

struct Scan {
    s: Vec<char>,
    i: usize,
}

type Fail = Result<(), String>;

fn at(message: &str, pos: usize) -> String {
    format!("{} in JSON at position {}", message, pos)
}

impl Scan {
    fn unexpected(&self, pos: usize) -> String {
        let s = &self.s;
        let Some(&c) = s.get(pos) else { return "Unexpected end of JSON input".to_string() };
        if c == '-' || c.is_ascii_digit() {
            return at("Unexpected number", pos);
        }
        if c == '"' {
            return at("Unexpected string", pos);
        }
        let text: String = s.iter().collect();
        if SPECIAL_SOURCES.contains(&text.as_str()) {
            return format!("\"{}\" is not valid JSON", text);
        }
        if s.len() <= 20 {
            return format!("Unexpected token '{}', \"{}\" is not valid JSON", c, text);
        }
        let (start, end) = (pos.saturating_sub(10), (pos + 10).min(s.len()));
        let pre = if start > 0 { "..." } else { "" };
        let post = if end < s.len() { "..." } else { "" };
        let context: String = s[start..end].iter().collect();
        format!("Unexpected token '{}', {}\"{}\"{} is not valid JSON", c, pre, context, post)
    }

    fn peek(&mut self) -> Option<char> {
        while matches!(self.s.get(self.i), Some(' ' | '\t' | '\n' | '\r')) {
            self.i += 1;
        }
        self.s.get(self.i).copied()
    }

    fn digit(&self, i: usize) -> bool {
        self.s.get(i).is_some_and(|c| c.is_ascii_digit())
    }

    fn value(&mut self) -> Fail {
        match self.peek() {
            Some('{') => self.object(),
            Some('[') => self.array(),
            Some('"') => self.string(),
            Some(c) if c == '-' || c.is_ascii_digit() => self.number(),
            Some('t') => self.literal("true"),
            Some('f') => self.literal("false"),
            Some('n') => self.literal("null"),
            _ => Err(self.unexpected(self.i)),
        }
    }

    fn literal(&mut self, word: &str) -> Fail {
        for (k, ch) in word.chars().enumerate() {
            if self.s.get(self.i + k) != Some(&ch) {
                return Err(self.unexpected(self.i + k));
            }
        }
        self.i += word.chars().count();
        Ok(())
    }

    fn number(&mut self) -> Fail {
        let mut i = self.i;
        if self.s[i] == '-' {
            i += 1;
            if !self.digit(i) {
                return Err(at("No number after minus sign", i));
            }
        }
        if self.s[i] == '0' {
            i += 1;
            if self.digit(i) {
                return Err(at("Unexpected number", i));
            }
        } else {
            while self.digit(i) {
                i += 1;
            }
        }
        if self.s.get(i) == Some(&'.') {
            i += 1;
            if !self.digit(i) {
                return Err(at("Unterminated fractional number", i));
            }
            while self.digit(i) {
                i += 1;
            }
        }
        if matches!(self.s.get(i), Some('e' | 'E')) {
            i += 1;
            if matches!(self.s.get(i), Some('+' | '-')) {
                i += 1;
            }
            if !self.digit(i) {
                return Err(at("Exponent part is missing a number", i));
            }
            while self.digit(i) {
                i += 1;
            }
        }
        self.i = i;
        Ok(())
    }

    fn string(&mut self) -> Fail {
        let n = self.s.len();
        let mut i = self.i + 1;
        loop {
            let Some(&c) = self.s.get(i) else { return Err(at("Unterminated string", n)) };
            match c {
                '"' => {
                    self.i = i + 1;
                    return Ok(());
                }
                '\\' => {
                    i += 1;
                    let Some(&e) = self.s.get(i) else { return Err("Unexpected end of JSON input".to_string()) };
                    if e == 'u' {
                        for k in 1..5 {
                            if !self.s.get(i + k).is_some_and(|c| c.is_ascii_hexdigit()) {
                                return Err(at("Bad Unicode escape", (i + k).min(n)));
                            }
                        }
                        i += 5;
                        continue;
                    }
                    if !"\"\\/bfnrt".contains(e) {
                        return Err(at("Bad escaped character", i));
                    }
                }
                c if c < ' ' => return Err(at("Bad control character in string literal", i)),
                _ => {}
            }
            i += 1;
        }
    }

    fn array(&mut self) -> Fail {
        self.i += 1;
        if self.peek() == Some(']') {
            self.i += 1;
            return Ok(());
        }
        loop {
            self.value()?;
            match self.peek() {
                Some(',') => self.i += 1,
                Some(']') => {
                    self.i += 1;
                    return Ok(());
                }
                _ => return Err(at("Expected ',' or ']' after array element", self.i)),
            }
        }
    }

    fn object(&mut self) -> Fail {
        self.i += 1;
        match self.peek() {
            Some('}') => {
                self.i += 1;
                return Ok(());
            }
            Some('"') => {}
            _ => return Err(at("Expected property name or '}'", self.i)),
        }
        let mut first = true;
        loop {
            self.string()?;
            if self.peek() != Some(':') {
                return Err(if first { at("Expected ':' after property name", self.i) } else { self.unexpected(self.i) });
            }
            self.i += 1;
            self.value()?;
            match self.peek() {
                Some('}') => {
                    self.i += 1;
                    return Ok(());
                }
                Some(',') => self.i += 1,
                _ => return Err(at("Expected ',' or '}' after property value", self.i)),
            }
            if self.peek() != Some('"') {
                return Err(at("Expected double-quoted property name", self.i));
            }
            first = false;
        }
    }
}

/// The message V8 gives for `text`, which the parser has already found to be bad JSON.
pub fn message(text: &str) -> String {
    let mut scan = Scan { s: text.chars().collect(), i: 0 };
    match scan.value() {
        Err(m) => m,
        Ok(()) if scan.peek().is_some() => format!("Unexpected non-whitespace character after JSON at position {}", scan.i),
        // the parser and this scan disagree: say what the parser says in general terms
        Ok(()) => format!("\"{}\" is not valid JSON", text),
    }
}
