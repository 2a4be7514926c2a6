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

/// (key span, value span) of one member, as byte ranges of the document.
type Spans = ((usize, usize), (usize, usize));

struct Scanner<'a> {
    s: &'a [u8],
    i: usize,
    /// a top-level key whose value, at its first occurrence and if an object, has its members
    /// collected into `nested` on the way (`nest_key` is then cleared)
    nest_key: Option<&'a str>,
    nested: Option<Vec<Spans>>,
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
                self.object(depth, &mut |_, _| {})?;
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
    fn object(&mut self, depth: usize, each: &mut dyn FnMut((usize, usize), (usize, usize))) -> Result<(), String> {
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
            let first = depth == 0
                && self.nest_key.is_some_and(|k| std::str::from_utf8(&self.s[key.0..key.1]).is_ok_and(|raw| unescape(raw) == k));
            if first {
                self.nest_key = None;
            }
            if first && self.s.get(self.i) == Some(&b'{') {
                let mut inner = Vec::new();
                self.object(depth + 1, &mut |k, v| inner.push((k, v)))?;
                self.nested = Some(inner);
            } else {
                self.value(depth + 1)?;
            }
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
    scan(text, None).map(|found| found.map(|(members, _)| members))
}

/// `top_members`, and from the same pass the members of the (first) top-level member `key`
/// when its value is an object (ranges in `text`, as the top level's).  Why one
/// pass: an `/init` body is megabytes of base64 inside `value`, and every scan of it costs.
pub fn members_and_nested(text: &str, key: &str) -> Result<Option<(Vec<Member>, Option<Vec<Member>>)>, String> {
    scan(text, Some(key))
}

fn scan(text: &str, nest_key: Option<&str>) -> Result<Option<(Vec<Member>, Option<Vec<Member>>)>, String> {
    let mut sc = Scanner { s: text.as_bytes(), i: 0, nest_key, nested: None };
    sc.ws();
    let found = if sc.s.get(sc.i) == Some(&b'{') {
        let mut spans = Vec::new();
        sc.object(0, &mut |k, v| spans.push((k, v)))?;
        let decode = |spans: Vec<Spans>| -> Vec<Member> {
            spans
                .into_iter()
                .map(|((ks, ke), (vs, ve))| Member { key: unescape(&text[ks..ke]), start: vs, end: ve })
                .collect()
        };
        Some((decode(spans), sc.nested.take().map(decode)))
    } else {
        sc.value(0)?;
        None
    };
    sc.ws();
    if sc.i != sc.s.len() {
        return sc.err("extra data after the JSON value");
    }
    Ok(found)
}

/// The members of an object value `text` (already validated), or None when it is not one.
pub fn object_members(text: &str) -> Option<Vec<Member>> {
    top_members(text).ok().flatten()
}

/// The member `key`, if present.
pub fn member<'m>(members: &'m [Member], key: &str) -> Option<&'m Member> {
    members.iter().find(|m| m.key == key)
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

/// The value of each base64 symbol, 0x80 for a line break (skipped) and 0xff for anything
/// outside the alphabet.
const BASE64: [u8; 256] = {
    let mut t = [0xffu8; 256];
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut i = 0;
    while i < 64 {
        t[alphabet[i] as usize] = i as u8;
        i += 1;
    }
    t[b'\n' as usize] = 0x80;
    t[b'\r' as usize] = 0x80;
    t
};

/// `BASE64` pre-shifted to the place of the k-th symbol of a group of four (`SHIFTED[k][c] =
/// value << (18 - 6k)`), anything but a symbol having a bit in the top byte: a group then decodes
/// with four independent loads and three ORs (the fast path of `base64_decode_in_place`).
const SHIFTED: [[u32; 256]; 4] = {
    let mut t = [[0u32; 256]; 4];
    let mut k = 0;
    while k < 4 {
        let mut c = 0;
        while c < 256 {
            let v = BASE64[c];
            t[k][c] = if v < 64 { (v as u32) << (18 - 6 * k) } else { 0xff00_0000 };
            c += 1;
        }
        k += 1;
    }
    t
};

/// Decode standard base64 (RFC 4648; padding optional, line breaks skipped, anything else
/// outside the alphabet an error) over its own text: the bytes are written from the start of
/// `buf`, and their count returned.
///
/// Why in place: the zip of a native action is a megabyte or more of base64 inside the `/init`
/// body, and in a process that has just started every fresh buffer costs a page fault per 4 KB
/// touched; decoding into the body itself allocates nothing.  Each step reads its symbols before
/// writing fewer bytes at or behind them, so nothing unread is overwritten.
pub fn base64_decode_in_place(buf: &mut [u8]) -> Result<usize, String> {
    let invalid = || "invalid base64 character".to_string();
    let (mut r, mut w) = (0usize, 0usize);
    // the symbols of an incomplete group of four (after a line break), and how many
    let (mut acc, mut have) = (0u32, 0u32);
    while r < buf.len() {
        // fast path: eight symbols in the alphabet make six bytes, written as one 8-byte store
        // (its last two bytes land on symbols already read, and are overwritten next)
        if have == 0 && r + 8 <= buf.len() {
            let q = &buf[r..r + 8];
            let group = |i: usize| {
                SHIFTED[0][q[i] as usize] | SHIFTED[1][q[i + 1] as usize] | SHIFTED[2][q[i + 2] as usize]
                    | SHIFTED[3][q[i + 3] as usize]
            };
            let (x, y) = (group(0), group(4));
            if (x | y) >> 24 == 0 {
                buf[w..w + 8].copy_from_slice(&((x as u64) << 40 | (y as u64) << 16).to_be_bytes());
                r += 8;
                w += 6;
                continue;
            }
        }
        let c = buf[r];
        r += 1;
        match BASE64[c as usize] {
            0x80 => {}
            v if v < 64 => {
                acc = (acc << 6) | v as u32;
                have += 1;
                if have == 4 {
                    buf[w..w + 3].copy_from_slice(&acc.to_be_bytes()[1..]);
                    w += 3;
                    (acc, have) = (0, 0);
                }
            }
            _ if c == b'=' => {
                // padding ends the text: one or two '=' in all, then only line breaks
                let rest = &buf[r..];
                let more = rest.iter().filter(|&&b| b == b'=').count();
                if more > 1 || rest.iter().any(|&b| b != b'=' && BASE64[b as usize] != 0x80) {
                    return Err(invalid());
                }
                if have as usize + 1 + more != 4 {
                    return Err("invalid base64 length or padding".to_string());
                }
                break;
            }
            _ => return Err(invalid()),
        }
    }
    match have {
        0 => {}
        2 => {
            buf[w] = (acc >> 4) as u8;
            w += 1;
        }
        3 => {
            buf[w..w + 2].copy_from_slice(&((acc >> 2) as u16).to_be_bytes());
            w += 2;
        }
        _ => return Err("invalid base64 length or padding".to_string()),
    }
    Ok(w)
}
