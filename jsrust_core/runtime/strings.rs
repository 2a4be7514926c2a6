//! JS string semantics over UTF-8 `str`: lengths and indices count UTF-16 code units.
//!
//! ASCII strings (the common case) take byte-indexed fast paths (a `JsStr` knows whether
//! it is ASCII after one scan); others convert to UTF-16 for the operation. A result that splits a surrogate pair has no UTF-8 form:
//! the run stops there (`exit::unsupported`) rather than print U+FFFD where Node prints
//! the lone half.

use crate::value::JsStr;

/// `s.length` (inline: every string method asks it first, and for ASCII it is one load)
#[inline(always)]
pub fn len16(s: &JsStr) -> usize {
    if s.ascii() {
        s.byte_len()
    } else {
        s.encode_utf16().count()
    }
}

/// The UTF-16 length of a slice that is no `JsStr` of its own.
pub fn len16_str(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.encode_utf16().count()
    }
}

fn units(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

pub fn from_units(u: &[u16]) -> String {
    String::from_utf16(u).unwrap_or_else(|_| crate::exit::unsupported("a string with a lone surrogate (half a UTF-16 pair)"))
}

/// `s.slice(a, b)` / `s.substring` after the caller resolved indices to `0..=len`.
pub fn sub16(s: &JsStr, start: usize, end: usize) -> String {
    if end <= start {
        return String::new();
    }
    if s.ascii() {
        return s[start..end].to_string();
    }
    let u = units(s);
    from_units(&u[start.min(u.len())..end.min(u.len())])
}

/// `sub16` as a string value: for ASCII text a `JsStr::slice` (no copy of a finished text).
#[inline]
pub fn sub_js(s: &JsStr, start: usize, end: usize) -> JsStr {
    if end <= start {
        return JsStr::default();
    }
    if s.ascii() {
        return s.slice(start, end);
    }
    JsStr::from(sub16(s, start, end))
}

/// `s.charCodeAt(i)`: NaN out of range.
pub fn code_at(s: &JsStr, i: f64) -> f64 {
    if i < 0.0 || i.is_nan() {
        return if i.is_nan() { code_at(s, 0.0) } else { f64::NAN };
    }
    let i = i as usize;
    if s.ascii() {
        return s.as_bytes().get(i).map(|b| *b as f64).unwrap_or(f64::NAN);
    }
    s.encode_utf16().nth(i).map(|c| c as f64).unwrap_or(f64::NAN)
}

/// `s.codePointAt(i)`: like `charCodeAt`, but a surrogate pair starting at `i` is one code
/// point; `undefined` (None) out of range, as in JS.
pub fn code_point_at(s: &str, i: f64) -> Option<f64> {
    let i = if i.is_nan() { 0.0 } else { i.trunc() };
    if i < 0.0 {
        return None;
    }
    let mut units = s.encode_utf16().skip(i as usize);
    let hi = units.next()?;
    match units.next() {
        Some(lo) if (0xD800..0xDC00).contains(&hi) && (0xDC00..0xE000).contains(&lo) => {
            Some((((hi as u32 - 0xD800) << 10) + (lo as u32 - 0xDC00) + 0x10000) as f64)
        }
        _ => Some(hi as f64),
    }
}

/// `s[i]` / `s.charAt(i)`; `None` out of range.
pub fn char_at(s: &JsStr, i: f64) -> Option<JsStr> {
    let i = crate::ops::whole_index(i)?;
    if s.ascii() {
        return s.as_bytes().get(i).map(|b| crate::value::ascii_char(*b));
    }
    s.encode_utf16().nth(i).map(|c| JsStr::from(from_units(&[c])))
}

/// Resolve a relative index as `slice` does (negative counts from the end). The float
/// compares and the `as` cast (which truncates toward zero) stand for `trunc`, which is a
/// libm call on the baseline x86-64 target and cost more than the rest of a hot `slice`.
/// Indices convert through `i64` (see `clamp_index`).
pub fn rel_index(i: f64, len: usize) -> usize {
    let lenf = len as i64 as f64;
    if i >= 0.0 {
        if i >= lenf {
            len
        } else {
            i as i64 as usize
        }
    } else if i > -1.0 || i.is_nan() {
        0 // -0.5 truncates to -0, NaN is 0
    } else if -i >= lenf {
        0
    } else {
        len - ((-i) as i64 as usize)
    }
}

/// Clamp an index as `substring` does (NaN and negatives are 0; see `rel_index` on `trunc`).
/// The conversions go through `i64` (a string's length is far below 2^63): `usize` to and
/// from `f64` has no single x86-64 instruction, and the emulation was a tenth of a
/// scanner's `substring` and `indexOf` calls.
#[inline]
pub fn clamp_index(i: f64, len: usize) -> usize {
    if i >= len as i64 as f64 {
        len
    } else if i > 0.0 {
        i as i64 as usize
    } else {
        0
    }
}

/// `s.indexOf(needle, from)` in UTF-16 units; -1 if absent. An ASCII `s` is searched by
/// bytes whatever the needle: a needle with a non-ASCII character has a byte no ASCII
/// text holds, so the byte search rightly finds nothing (and the needle is not scanned).
pub fn index_of(s: &JsStr, needle: &str, from: usize) -> f64 {
    if s.ascii() {
        let found = if needle.len() <= SHORT_NEEDLE {
            find_short(s.utf8(), needle.as_bytes(), from)
        } else if from <= s.len() {
            s[from..].find(needle).map(|p| p + from)
        } else {
            None
        };
        return match found {
            Some(p) => p as i64 as f64,
            None => -1.0,
        };
    }
    let (h, n) = (units(s), units(needle));
    if n.is_empty() {
        return from.min(h.len()) as f64;
    }
    (from..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()] == n[..]).map(|i| i as f64).unwrap_or(-1.0)
}

/// The longest needle `find_short` takes: it compares every candidate in full, which for
/// a long needle of repeated text could take time proportional to the product of the two
/// lengths; longer needles take std's searcher, linear in the worst case.
const SHORT_NEEDLE: usize = 16;

/// The first position at or after `from` where `needle` (at most `SHORT_NEEDLE` bytes)
/// occurs in `hay` (ASCII text, so byte positions are UTF-16 ones); an empty needle is
/// found at `from` clamped to the end. Candidates are found by their first byte
/// (`find_byte`) and the rest compared in place, byte by byte: the needles JS scanners
/// search for are short (`{{`, `, `, a tag), and a general searcher's set-up, or a
/// `memcmp` call per candidate, costs more than such a search.
#[inline]
fn find_short(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let Some((&first, rest)) = needle.split_first() else {
        return Some(from.min(hay.len()));
    };
    let mut at = from;
    while at + needle.len() <= hay.len() {
        let i = at + find_byte(&hay[at..], first)?;
        let tail = hay.get(i + 1..i + needle.len())?;
        if tail.iter().zip(rest).all(|(a, b)| a == b) {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

/// The first position of byte `b` in `hay`, eight bytes a step: each word is XORed with
/// `b` in every byte and tested for a zero byte (the lowest flagged byte is always a true
/// zero; a false flag can only sit above one). A byte-at-a-time scan was most of a
/// template renderer's `indexOf('{{')`.
pub fn find_byte(hay: &[u8], b: u8) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let pattern = ONES * b as u64;
    let mut chunks = hay.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word) ^ pattern;
        let zero = x.wrapping_sub(ONES) & !x & HIGHS;
        if zero != 0 {
            return Some(at + (zero.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks.remainder().iter().position(|&c| c == b).map(|p| at + p)
}

/// `s.startsWith(prefix, from)` with `from` resolved to `0..=len`, comparing in place.
/// Past the length test, the first bytes are compared before the rest: a parser trying
/// `'null'`, `'true'`, `'false'` at each value mostly fails there, and the slice
/// comparison's `memcmp` call cost more than the whole test.
pub fn starts_with_at(s: &JsStr, prefix: &str, from: usize) -> bool {
    if s.ascii() {
        let (hay, p) = (&s.utf8()[from..], prefix.as_bytes());
        return p.len() <= hay.len() && p.first().is_none_or(|b| hay[0] == *b && hay[..p.len()] == *p);
    }
    sub16(s, from, len16(s)).starts_with(prefix)
}

/// `s.endsWith(suffix, end)` with `end` resolved to `0..=len`, comparing in place.
pub fn ends_with_at(s: &JsStr, suffix: &str, end: usize) -> bool {
    if s.ascii() {
        return s.utf8()[..end].ends_with(suffix.as_bytes());
    }
    sub16(s, 0, end).ends_with(suffix)
}

/// `s.lastIndexOf(needle, from)`: the last match starting at or before `from` (a NaN or
/// absent `from` means the end of the string).
pub fn last_index_of(s: &str, needle: &str, from: f64) -> f64 {
    let (h, n) = (units(s), units(needle));
    if n.len() > h.len() {
        return -1.0;
    }
    let last = h.len() - n.len();
    let start = if from.is_nan() { last } else { (from.max(0.0).min(last as f64)) as usize };
    (0..=start).rev().find(|&i| h[i..i + n.len()] == n[..]).map(|i| i as f64).unwrap_or(-1.0)
}

/// JS whitespace for `trim` and number parsing.
pub fn is_js_space(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{a}' | '\u{b}' | '\u{c}' | '\u{d}' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}'
        | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}')
}

/// JS `<` on strings: UTF-16 code unit order.
pub fn cmp16(a: &str, b: &str) -> std::cmp::Ordering {
    if a.is_ascii() && b.is_ascii() {
        return a.cmp(b);
    }
    a.encode_utf16().cmp(b.encode_utf16())
}

/// `s.split(sep)` for a string separator (empty separator splits into code units).
pub fn split(s: &str, sep: Option<&str>, limit: usize) -> Vec<String> {
    let out: Vec<String> = match sep {
        None => vec![s.to_string()],
        Some("") => units(s).iter().map(|u| from_units(&[*u])).collect(),
        Some(sep) => s.split(sep).map(|p| p.to_string()).collect(),
    };
    out.into_iter().take(limit).collect()
}

/// `s.padStart(n, fill)` / `padEnd`.
/// V8's longest string, in UTF-16 units (`String::kMaxLength` on 64-bit: 2^29 - 24): a
/// built-in asked for a longer one (`repeat`, `padStart`) throws `RangeError: Invalid
/// string length` rather than allocating it.
pub const MAX_LENGTH: usize = (1 << 29) - 24;

pub fn pad(s: &str, target: f64, fill: &str, at_start: bool) -> String {
    let len = len16_str(s);
    let target = if target.is_nan() { 0 } else { target.max(0.0) as usize };
    if target <= len || fill.is_empty() {
        return s.to_string();
    }
    if target > MAX_LENGTH {
        crate::exit::throw_error("RangeError", "Invalid string length");
    }
    let fu = units(fill);
    let need = target - len;
    let padding: Vec<u16> = fu.iter().cycle().take(need).copied().collect();
    let p = from_units(&padding);
    if at_start {
        p + s
    } else {
        s.to_string() + &p
    }
}
