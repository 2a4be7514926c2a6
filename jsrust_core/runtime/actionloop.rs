//! OpenWhisk ActionLoop main loop for a compiled action: std only, no `unsafe`.
//!
//! Protocol (as OpenWhisk's Go proxy drives a native `exec`):
//! * the exec is started once; if `__OW_WAIT_FOR_ACK` is non-empty it first writes `{"ok":true}`
//!   and one newline on file descriptor 3 (and must not otherwise, or every answer arrives one
//!   activation late);
//! * each activation is one line on stdin: the whole `/run` body; every key but `value` becomes an
//!   `__OW_<KEY>` variable for that activation (in the process environment for `actionloop_json`;
//!   handed to the handler by `actionloop_vars`, which a generated action's `process.env` uses);
//! * the answer is exactly one JSON line on fd 3.  fd 3 is opened through `/proc/self/fd/3`,
//!   which needs no `unsafe` (`File::from_raw_fd` would).
//!
//! Errors: an action that throws (the handler's `Err`), panics (a side exit raised as a panic
//! carries its report as the payload) or returns a non-object answers
//! `{"error": "...", "__ow_developer_error": true}`; the runner turns the marker into HTTP 502 and
//! removes it.  A returned `{"error": ...}` object is an application error and passes unchanged.
//! After a panic the process re-executes itself once the answer is sent (`restart`): the next
//! activation starts from fresh module state, never from a half-done activation's.
//!
//! `std::env::set_var` is safe only up to edition 2021; compile this module with `--edition 2021`.

use std::env;
use std::fs::OpenOptions;
use std::io::{self, BufRead, Write};
use std::os::unix::process::CommandExt;
use std::panic::{self, AssertUnwindSafe};
use std::process::Command;

/// Marker key of a developer error line; see the module documentation.
pub const DEVELOPER_ERROR_KEY: &str = "__ow_developer_error";

/// What the loop needs from the action's value type (the runtime's `JsValue`): JSON in and out,
/// and `String(e)` of a thrown value.  A trait rather than a direct use of the runtime keeps this
/// module compilable on its own, so the protocol can be tested without generated code.
pub trait ActionJson: Sized {
    /// `JSON.parse` of the activation's `value` text.
    fn from_json(text: &str) -> Result<Self, String>;
    /// `JSON.stringify` of a result (one line: JSON text never holds a raw newline), empty when
    /// JSON has no text for it (a function); `Err` is `String(e)` of what JS would throw
    /// (`TypeError: Converting circular structure to JSON`).
    fn to_json(&self) -> Result<String, String>;
    /// True for `undefined`, which an action may return: it answers `{}` (as our Node launcher does).
    fn is_undefined(&self) -> bool;
    /// `String(e)` of a thrown value, e.g. `TypeError: x is not a function`.
    fn thrown_text(&self) -> String;
    /// Write out logs the value's runtime buffers (its `console.log`), so each activation's logs
    /// precede its result and the proxy's end-of-activation sentinel.
    fn flush_logs() {}
}

/// The ActionLoop around a compiled `main(params)`: `Err` is a JS throw, answered as OpenWhisk's
/// Node runtime answers one (`An error has occurred: ` + `String(e)`, HTTP 502 via the runner).
pub fn actionloop<V: ActionJson>(main: fn(V) -> Result<V, V>) {
    actionloop_json(|value: &str| {
        let params = V::from_json(value).map_err(|e| format!("The action did not receive a valid JSON value: {}", e))?;
        let outcome = main(params);
        V::flush_logs();
        match outcome {
            Ok(result) if result.is_undefined() => Ok("{}".to_string()),
            Ok(result) => result.to_json().map_err(|e| format!("An error has occurred: {}", e)),
            Err(thrown) => Err(format!("An error has occurred: {}", thrown.thrown_text())),
        }
    });
}

/// Runs the ActionLoop until stdin closes.  `handler` receives the JSON text of the activation's
/// `value` and returns the JSON text of the result, or the message of a developer error.  The
/// activation's `__OW_*` variables are in the process environment (`std::env::var`).
pub fn actionloop_json<F: FnMut(&str) -> Result<String, String>>(mut handler: F) {
    // what the environment holds: only a changed value is set again (`setenv` scans the
    // whole environment each time; the namespace, action name and key rarely change)
    let mut set: Vec<(String, String)> = Vec::new();
    actionloop_vars(|value: &str, vars: &[(String, String)]| {
        for (name, text) in vars {
            match set.iter_mut().find(|(n, _)| n == name) {
                Some((_, current)) if current == text => {}
                Some((_, current)) => {
                    env::set_var(name, text);
                    *current = text.clone();
                }
                None => {
                    env::set_var(name, text);
                    set.push((name.clone(), text.clone()));
                }
            }
        }
        handler(value)
    });
}

/// The ActionLoop with the `__OW_*` variables handed to `handler` instead of set in the
/// process environment: `vars` holds each one's latest value (an activation that leaves a key
/// out keeps the previous one, as the environment would).  Why: a generated action reads them
/// only through its own `process.env` object, and `setenv` per activation cost ~6% of a small
/// action's time (glibc scans the environment and searches a tree of every value ever set,
/// which it never frees: the activation id is new each time).
pub fn actionloop_vars<F: FnMut(&str, &[(String, String)]) -> Result<String, String>>(mut handler: F) {
    let mut results = match OpenOptions::new().write(true).open("/proc/self/fd/3") {
        Ok(f) => f,
        Err(e) => {
            eprintln!("actionloop: cannot open the result channel fd 3: {}", e);
            std::process::exit(1);
        }
    };
    if env::var("__OW_WAIT_FOR_ACK").map(|v| !v.is_empty()).unwrap_or(false) {
        send(&mut results, "{\"ok\":true}");
    }
    // names of the `__OW_*` variables activations have set: a restart must not show the last
    // activation's values to the fresh module's top level
    let mut activation_vars: Vec<(String, String)> = Vec::new();
    let stdin = io::stdin();
    for line in stdin.lock().lines() {
        let line = match line {
            Ok(l) => l,
            Err(_) => break,
        };
        if line.trim().is_empty() {
            continue;
        }
        let (reply, panicked) = activate(&line, &mut handler, &mut activation_vars);
        // Logs first, so a reader of the logs sees them before the result is known.
        let _ = io::stdout().flush();
        let _ = io::stderr().flush();
        send(&mut results, &reply);
        if panicked {
            restart(&activation_vars);
        }
    }
}

/// Replaces this process with a fresh run of the same executable, keeping its pid, pipes and
/// fd 3 (exec keeps descriptors that are not close-on-exec), after an activation that panicked
/// (in generated code: a side exit).  Why: the activation stopped half-way, so module state may
/// hold half of its changes, a state Node (which would have finished it) never shows; a fresh
/// start is the state of a new container, which OpenWhisk may hand out at any time.  The proxy
/// sends the next activation only after this one's answer, so no unread request is lost; the
/// new process must not ack again, or every later answer would be one activation late.
fn restart(activation_vars: &[(String, String)]) -> ! {
    let mut args = env::args_os();
    let mut cmd = Command::new("/proc/self/exe");
    if let Some(arg0) = args.next() {
        cmd.arg0(arg0);
    }
    cmd.args(args).env_remove("__OW_WAIT_FOR_ACK");
    for (name, _) in activation_vars {
        cmd.env_remove(name);
    }
    let err = cmd.exec();
    eprintln!("actionloop: cannot restart after a failed activation: {}", err);
    std::process::exit(1);
}

fn send(out: &mut std::fs::File, line: &str) {
    // One write of line + newline: never a stray second newline.
    let mut buf = String::with_capacity(line.len() + 1);
    buf.push_str(line);
    buf.push('\n');
    if out.write_all(buf.as_bytes()).and_then(|_| out.flush()).is_err() {
        // The proxy has gone away: nothing left to answer.
        std::process::exit(1);
    }
}

/// One activation's answer line, and whether the handler panicked (see `restart`).
fn activate<F: FnMut(&str, &[(String, String)]) -> Result<String, String>>(line: &str, handler: &mut F,
                                                      activation_vars: &mut Vec<(String, String)>) -> (String, bool) {
    let fields = match split_object(line) {
        Ok(f) => f,
        Err(e) => return (developer_error(&format!("The action did not receive a valid JSON request: {}", e)), false),
    };
    let mut value = "{}";
    for (key, raw) in &fields {
        if key == "value" {
            value = raw;
        } else {
            let name = format!("__OW_{}", key.to_uppercase());
            let text = env_text(raw);
            match activation_vars.iter_mut().find(|(n, _)| *n == name) {
                Some((_, current)) => *current = text,
                None => activation_vars.push((name, text)),
            }
        }
    }
    match panic::catch_unwind(AssertUnwindSafe(|| handler(value, activation_vars))) {
        Ok(Ok(text)) => {
            if text.trim_start().starts_with('{') {
                (text, false)
            } else {
                (developer_error("The action did not return a dictionary."), false)
            }
        }
        Ok(Err(message)) => (developer_error(&message), false),
        Err(payload) => {
            let report = if let Some(s) = payload.downcast_ref::<String>() {
                s.clone()
            } else if let Some(s) = payload.downcast_ref::<&'static str>() {
                (*s).to_string()
            } else {
                "the action panicked".to_string()
            };
            (developer_error(&report), true)
        }
    }
}

/// `{"error": message, "__ow_developer_error": true}` as one JSON line.
pub fn developer_error(message: &str) -> String {
    format!("{{\"error\":{},\"{}\":true}}", quote_json(message), DEVELOPER_ERROR_KEY)
}

/// A JSON string literal for `s`, escaped as `JSON.stringify` escapes it.
pub fn quote_json(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Environment text of an activation field: a JSON string's contents, else the raw JSON text
/// (the `deadline` arrives as a string, but a number would be passed through as written).
fn env_text(raw: &str) -> String {
    if raw.starts_with('"') {
        let mut scan = Scanner { text: raw, pos: 0 };
        if let Ok(s) = scan.string() {
            return s;
        }
    }
    raw.to_string()
}

/// Splits a JSON object into (key, raw value text) pairs without building values: the loop
/// only needs `value` as text for the handler and the other fields as strings for the env.
/// The runner has already validated the body, so this scanner checks structure, not grammar.
pub fn split_object(text: &str) -> Result<Vec<(String, &str)>, String> {
    let mut scan = Scanner { text, pos: 0 };
    let mut fields = Vec::new();
    scan.ws();
    scan.expect(b'{')?;
    scan.ws();
    if scan.peek() == Some(b'}') {
        return Ok(fields);
    }
    loop {
        scan.ws();
        let key = scan.string()?;
        scan.ws();
        scan.expect(b':')?;
        scan.ws();
        let start = scan.pos;
        scan.skip_value()?;
        fields.push((key, &text[start..scan.pos]));
        scan.ws();
        match scan.next() {
            Some(b',') => continue,
            Some(b'}') => return Ok(fields),
            _ => return Err(format!("expected ',' or '}}' at byte {}", scan.pos)),
        }
    }
}

struct Scanner<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek();
        if b.is_some() {
            self.pos += 1;
        }
        b
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, want: u8) -> Result<(), String> {
        match self.next() {
            Some(b) if b == want => Ok(()),
            _ => Err(format!("expected '{}' at byte {}", want as char, self.pos)),
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self.text.get(self.pos..self.pos + 4).ok_or("truncated \\u escape")?;
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| format!("bad \\u escape '{}'", digits))
    }

    /// Decodes a JSON string starting at the opening quote.
    fn string(&mut self) -> Result<String, String> {
        self.expect(b'"')?;
        let mut out = String::new();
        loop {
            let rest = &self.text[self.pos..];
            let stop = rest.find(|c| c == '"' || c == '\\').ok_or("unterminated string")?;
            out.push_str(&rest[..stop]);
            self.pos += stop;
            if self.next() == Some(b'"') {
                return Ok(out);
            }
            match self.next() {
                Some(b'"') => out.push('"'),
                Some(b'\\') => out.push('\\'),
                Some(b'/') => out.push('/'),
                Some(b'b') => out.push('\u{8}'),
                Some(b'f') => out.push('\u{c}'),
                Some(b'n') => out.push('\n'),
                Some(b'r') => out.push('\r'),
                Some(b't') => out.push('\t'),
                Some(b'u') => {
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
                    // A lone surrogate has no UTF-8 form; U+FFFD is what a UTF-8 decoder shows.
                    out.push(char::from_u32(unit).unwrap_or('\u{FFFD}'));
                }
                _ => return Err(format!("bad escape at byte {}", self.pos)),
            }
        }
    }

    fn skip_value(&mut self) -> Result<(), String> {
        match self.peek() {
            Some(b'"') => self.string().map(|_| ()),
            Some(b'{') | Some(b'[') => {
                let mut depth = 0usize;
                loop {
                    match self.peek() {
                        None => return Err("unterminated object or array".to_string()),
                        Some(b'"') => {
                            self.string()?;
                            continue;
                        }
                        Some(b'{') | Some(b'[') => depth += 1,
                        Some(b'}') | Some(b']') => {
                            depth -= 1;
                            if depth == 0 {
                                self.pos += 1;
                                return Ok(());
                            }
                        }
                        _ => {}
                    }
                    self.pos += 1;
                }
            }
            Some(_) => {
                let start = self.pos;
                while !matches!(self.peek(), None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')) {
                    self.pos += 1;
                }
                if self.pos == start {
                    Err(format!("expected a value at byte {}", start))
                } else {
                    Ok(())
                }
            }
            None => Err("expected a value, found the end".to_string()),
        }
    }
}
