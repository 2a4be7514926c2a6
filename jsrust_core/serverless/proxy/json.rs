//! Just the JSON the proxy needs: validate a document and list the members of its top-level
//! object as spans of the original text, decode a string member, quote a string.
//!
//! Why spans rather than a tree: every `/run` body and every answer of the exec is validated,
//! but only its top level is looked at (`value`, the developer-error marker); the rest passes
//! through byte for byte, so nothing is allocated for nested values and numbers keep their text.

/// A top-level member: its decoded key and the byte range of its value in the document.
pub struct Member {
    pub key: String,
    pub start: usize,
    pub end: usize,
}

/// Nesting deeper than this is refused rather than risking the proxy thread's stack.
const MAX_DEPTH: usize = 512;

struct Scanner<'a> {
    s: &'a [u8],
    i: usize,
}

impl<'a> Scanner<'a> {
    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn err<T>(&self, what: &str) -> Result<T, String> {
        Err(format!("{} at offset {}", what, self.i))
    }

    fn expect(&mut self, b: u8) -> Result<(), String> {
        if self.s.get(self.i) == Some(&b) {
            self.i += 1;
            Ok(())
        } else {
            self.err(&format!("expected '{}'", b as char))
        }
    }

    fn value(&mut self, depth: usize) -> Result<(), String> {
        if depth > MAX_DEPTH {
            return self.err("nesting too deep");
        }
        self.ws();
        match self.s.get(self.i) {
            Some(b'{') => {
                self.object(depth, |_, _| {})?;
                Ok(())
            }
            Some(b'[') => {
                self.i += 1;
                self.ws();
                if self.s.get(self.i) == Some(&b']') {
                    self.i += 1;
                    return Ok(());
                }
                loop {
                    self.value(depth + 1)?;
                    self.ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return Ok(());
                        }
                        _ => return self.err("expected ',' or ']'"),
                    }
                }
            }
            Some(b'"') => self.string().map(|_| ()),
            Some(b't') => self.word(b"true"),
            Some(b'f') => self.word(b"false"),
            Some(b'n') => self.word(b"null"),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => self.err("unexpected character"),
            None => self.err("unexpected end of data"),
        }
    }

    /// An object at the cursor; `each(key_span, value_span)` sees every member.
    fn object(&mut self, depth: usize, mut each: impl FnMut((usize, usize), (usize, usize))) -> Result<(), String> {
        self.expect(b'{')?;
        self.ws();
        if self.s.get(self.i) == Some(&b'}') {
            self.i += 1;
            return Ok(());
        }
        loop {
            self.ws();
            let key = self.string()?;
            self.ws();
            self.expect(b':')?;
            self.ws();
            let start = self.i;
            self.value(depth + 1)?;
            each(key, (start, self.i));
            self.ws();
            match self.s.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(());
                }
                _ => return self.err("expected ',' or '}'"),
            }
        }
    }

    fn word(&mut self, w: &[u8]) -> Result<(), String> {
        if self.s[self.i..].starts_with(w) {
            self.i += w.len();
            Ok(())
        } else {
            self.err("invalid literal")
        }
    }

    fn digits(&mut self) -> usize {
        let from = self.i;
        while self.i < self.s.len() && self.s[self.i].is_ascii_digit() {
            self.i += 1;
        }
        self.i - from
    }

    fn number(&mut self) -> Result<(), String> {
        if self.s[self.i] == b'-' {
            self.i += 1;
        }
        match self.s.get(self.i) {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return self.err("invalid number"),
        }
        if self.s.get(self.i) == Some(&b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return self.err("invalid number");
            }
        }
        if matches!(self.s.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.s.get(self.i), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return self.err("invalid number");
            }
        }
        Ok(())
    }

    /// A string at the cursor; returns the span of its content between the quotes.
    fn string(&mut self) -> Result<(usize, usize), String> {
        self.expect(b'"')?;
        let start = self.i;
        loop {
            self.i = plain_run_end(self.s, self.i);
            match self.s.get(self.i) {
                None => return self.err("unterminated string"),
                Some(b'"') => {
                    self.i += 1;
                    return Ok((start, self.i - 1));
                }
                Some(b'\\') => {
                    match self.s.get(self.i + 1) {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => self.i += 2,
                        Some(b'u') => {
                            let hex = self.s.get(self.i + 2..self.i + 6);
                            if !hex.map(|h| h.iter().all(u8::is_ascii_hexdigit)).unwrap_or(false) {
                                return self.err("invalid \\u escape");
                            }
                            self.i += 6;
                        }
                        _ => return self.err("invalid escape"),
                    }
                }
                Some(&c) if c < 0x20 => return self.err("control character in string"),
                Some(_) => self.i += 1,
            }
        }
    }
}

/// The end of the run of plain string bytes (not `"`, `\\` or a control character) from `i`.
/// Why eight bytes at a time: a zip's base64 is one string of about a megabyte in `/init`.
fn plain_run_end(s: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // `zero_bytes(v)` is non-zero exactly when some byte of `v` is zero, and `v - 0x20..` & !v
    // & 0x80.. exactly when some byte is below 0x20; the byte loop below then finds which one
    let zero_bytes = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    while i + 8 <= s.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&s[i..i + 8]);
        let v = u64::from_le_bytes(word);
        let special = zero_bytes(v ^ (ONES * b'"' as u64))
            | zero_bytes(v ^ (ONES * b'\\' as u64))
            | (v.wrapping_sub(ONES * 0x20) & !v & HIGHS);
        if special != 0 {
            break;
        }
        i += 8;
    }
    while i < s.len() && !(s[i] == b'"' || s[i] == b'\\' || s[i] < 0x20) {
        i += 1;
    }
    i
}

/// Validate `text` as one JSON document; when it is an object, return its members.
/// `Ok(None)`: valid JSON that is not an object.
pub fn top_members(text: &str) -> Result<Option<Vec<Member>>, String> {
    let mut sc = Scanner { s: text.as_bytes(), i: 0 };
    sc.ws();
    let members = if sc.s.get(sc.i) == Some(&b'{') {
        let mut spans = Vec::new();
        sc.object(0, |k, v| spans.push((k, v)))?;
        let list = spans
            .into_iter()
            .map(|((ks, ke), (vs, ve))| Member { key: unescape(&text[ks..ke]), start: vs, end: ve })
            .collect();
        Some(list)
    } else {
        sc.value(0)?;
        None
    };
    sc.ws();
    if sc.i != sc.s.len() {
        return sc.err("extra data after the JSON value");
    }
    Ok(members)
}

/// The members of an object value `text` (already validated), or None when it is not one.
pub fn object_members(text: &str) -> Option<Vec<Member>> {
    top_members(text).ok().flatten()
}

/// The value of member `key`, as text, if present.
pub fn get<'t>(text: &'t str, members: &[Member], key: &str) -> Option<&'t str> {
    members.iter().find(|m| m.key == key).map(|m| &text[m.start..m.end])
}

/// The decoded content of a JSON string literal (with its quotes), or None if `raw` is no string.
pub fn as_string(raw: &str) -> Option<String> {
    if raw.len() >= 2 && raw.starts_with('"') && raw.ends_with('"') {
        Some(unescape(&raw[1..raw.len() - 1]))
    } else {
        None
    }
}

/// Decode the escapes of a validated string's content.  A lone surrogate becomes U+FFFD.
fn unescape(s: &str) -> String {
    if !s.contains('\\') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    let hex = |at: usize| u32::from_str_radix(&s[at..at + 4], 16).unwrap_or(0xfffd);
    while i < b.len() {
        if b[i] != b'\\' {
            let next = s[i..].find('\\').map(|k| i + k).unwrap_or(b.len());
            out.push_str(&s[i..next]);
            i = next;
            continue;
        }
        let c = b[i + 1];
        i += 2;
        match c {
            b'b' => out.push('\u{8}'),
            b'f' => out.push('\u{c}'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'u' => {
                let hi = hex(i);
                i += 4;
                let mut code = hi;
                if (0xd800..0xdc00).contains(&hi) && s[i..].starts_with("\\u") {
                    let lo = hex(i + 2);
                    if (0xdc00..0xe000).contains(&lo) {
                        code = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
                        i += 6;
                    }
                }
                out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
            }
            other => out.push(other as char),
        }
    }
    out
}

/// `s` as a JSON string literal.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `{"error": message}` as JSON text.
pub fn error_object(message: &str) -> String {
    format!("{{\"error\":{}}}", quote(message))
}

/// Standard base64 (RFC 4648) with padding; line breaks are skipped, anything else outside
/// the alphabet is an error.
pub fn base64_decode(text: &str) -> Result<Vec<u8>, String> {
    let mut table = [0xffu8; 256];
    for (i, c) in b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".iter().enumerate() {
        table[*c as usize] = i as u8;
    }
    let joined: Vec<u8>;
    let mut bytes = text.as_bytes();
    if bytes.contains(&b'\n') || bytes.contains(&b'\r') {
        joined = bytes.iter().copied().filter(|&c| c != b'\n' && c != b'\r').collect();
        bytes = &joined;
    }
    let body = bytes.strip_suffix(b"==").or_else(|| bytes.strip_suffix(b"=")).unwrap_or(bytes);
    let mut out = vec![0u8; body.len() / 4 * 3];
    let quads = body.chunks_exact(4);
    let rest = quads.remainder();
    for (q, o) in quads.zip(out.chunks_exact_mut(3)) {
        let (a, b, c, d) = (table[q[0] as usize], table[q[1] as usize], table[q[2] as usize], table[q[3] as usize]);
        if (a | b | c | d) > 63 {
            return Err("invalid base64 character".to_string());
        }
        let v = (a as u32) << 18 | (b as u32) << 12 | (c as u32) << 6 | d as u32;
        o.copy_from_slice(&[(v >> 16) as u8, (v >> 8) as u8, v as u8]);
    }
    let mut acc = 0u32;
    for &c in rest {
        let v = table[c as usize];
        if v > 63 {
            return Err("invalid base64 character".to_string());
        }
        acc = (acc << 6) | v as u32;
    }
    let padding = bytes.len() - body.len();
    match (rest.len(), padding) {
        (0, 0) => {}
        (2, 2) | (2, 0) => out.push((acc >> 4) as u8),
        (3, 1) | (3, 0) => out.extend_from_slice(&[(acc >> 10) as u8, (acc >> 2) as u8]),
        _ => return Err("invalid base64 length or padding".to_string()),
    }
    Ok(out)
}
