//! JavaScript number <-> string conversions, bit-exact with V8 (Node 20).
//!
//! The same functions, step for step, as `jsrust_core/numconv.py`. Shortest
//! round-trip digits come from Rust's `{:e}` formatting (the digits V8 prints);
//! exact decimal expansions (`toFixed`, `toPrecision`) come from Rust's exact
//! `{:.N e}` mode with enough digits that no rounding happens, after which the
//! JS rule (ties away from zero) is applied by hand.

use std::fmt::Write;

const DIGIT_CHARS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// StrWhiteSpaceChar: WhiteSpace (TAB VT FF SP NBSP ZWNBSP, category Zs) and
/// LineTerminator (LF CR LS PS). Rust's `trim` uses a different set.
pub fn is_js_whitespace(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}'
            | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}'
    )
}

/// Shortest round-trip digits of a finite positive `x` as `(digits, n)` with
/// `x = 0.digits * 10^n` (ECMAScript Number::toString step 5). `{:e}` gives the
/// shortest length `k`, but when `x` lies exactly halfway between two `k`-digit
/// candidates it may pick the upper one; ECMAScript (and V8) take the closest,
/// ties to even, which is Rust's exact mode at `k` digits. Ties need an exact
/// value with at most 18 significant digits, so only those take the second step.
pub fn shortest_digits(x: f64) -> (Digits, i32) {
    let mut s = String::with_capacity(32);
    let _ = write!(s, "{:e}", x); // e.g. "1.2345e2", "5e-324"
    if tie_possible(x) {
        let k = s.split_once('e').map_or(1, |(m, _)| m.bytes().filter(u8::is_ascii_digit).count());
        s.clear();
        let _ = write!(s, "{:.*e}", k.saturating_sub(1), x);
    }
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let mut digits = Digits { buf: [0; 24], len: 0 };
    for b in mant.bytes().filter(u8::is_ascii_digit) {
        digits.buf[digits.len] = b;
        digits.len += 1;
    }
    while digits.len > 1 && digits.buf[digits.len - 1] == b'0' {
        digits.len -= 1;
    }
    (digits, exp.parse::<i32>().unwrap_or(0) + 1)
}

/// Up to 17 significant ASCII digits, without a heap allocation.
pub struct Digits {
    buf: [u8; 24],
    len: usize,
}

impl Digits {
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// `x = m * 2^e` with `m` odd (the value's own precision, not the format's).
fn reduced_binary(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let mut m = bits & ((1u64 << 52) - 1);
    let mut e = if biased == 0 { -1074 } else { biased - 1075 };
    if biased != 0 {
        m |= 1u64 << 52;
    }
    if m == 0 {
        return (0, 0);
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    e += tz as i32;
    (m, e)
}

/// Whether the exact decimal value of `x` has at most 18 significant digits
/// (or `x` is an integer of 2^53 or more, checked the careful way).
fn tie_possible(x: f64) -> bool {
    let (m, e) = reduced_binary(x);
    if e >= 0 {
        return true;
    }
    let k = (-e) as u32;
    // exact value = m * 5^k / 10^k; its significant digits are those of m * 5^k
    k <= 27 && (m as u128) * 5u128.pow(k) < 1_000_000_000_000_000_000u128
}

/// `Number.prototype.toString()` / `String(x)`.
pub fn number_to_string(x: f64) -> String {
    if small_integer(x) {
        let mut out = String::new();
        push_integer(&mut out, x as i64); // fast path: integers below 2^53 print all their digits
        return out;
    }
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x == 0.0 {
        return "0".to_string(); // both +0 and -0
    }
    if x.is_infinite() {
        return if x < 0.0 { "-Infinity" } else { "Infinity" }.to_string();
    }
    let mut out = String::with_capacity(24);
    if x < 0.0 {
        out.push('-');
    }
    if push_short_decimal(&mut out, x.abs()) {
        return out;
    }
    let (digits, n) = shortest_digits(x.abs());
    let digits = digits.as_str();
    let k = digits.len() as i32;
    if k <= n && n <= 21 {
        // integer: digits then zeros, up to 1e21
        out.push_str(digits);
        out.extend(std::iter::repeat('0').take((n - k) as usize));
    } else if 0 < n && n <= 21 {
        // decimal point inside the digits
        out.push_str(&digits[..n as usize]);
        out.push('.');
        out.push_str(&digits[n as usize..]);
    } else if -6 < n && n <= 0 {
        // small: 0.000ddd down to 1e-7
        out.push_str("0.");
        out.extend(std::iter::repeat('0').take((-n) as usize));
        out.push_str(digits);
    } else {
        // exponential: d.ddde±x
        let e = n - 1;
        out.push_str(&digits[..1]);
        if k > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let _ = write!(out, "e{}{}", if e >= 0 { '+' } else { '-' }, e.abs());
    }
    out
}

/// Powers of ten that `push_short_decimal` tries, each exact as a double.
const SHORT_SCALES: [f64; 8] = [10.0, 100.0, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

/// Write a positive non-integer `x` in [1e-6, 2^50) that has at most 8 fraction digits
/// (`0.5`, `12.25`, `3.14`: prices, halves, measurements) by integer arithmetic, and say
/// whether it did; `shortest_digits` goes through `{:e}` formatting, several times slower.
/// The first scale `10^d` at which `m = round(x * 10^d)` gives back `x` as `m / 10^d` (a
/// correctly rounded division, so the same double as parsing `m` scaled by 10^-d) names the
/// shortest digits: keeping `m < 2^50` makes candidates at that scale more than 4 ulps
/// apart, so at most one rounds to `x`, the product's error cannot make `round` miss it,
/// and no shorter string with fewer fraction digits exists (its scale was tried first).
/// Fixed notation is right for every such `x` (n > -6 and n <= 21 in ECMAScript's terms);
/// integers never get here (`number_to_string` writes them first).
fn push_short_decimal(out: &mut String, x: f64) -> bool {
    if !(1e-6..1.0e15).contains(&x) {
        return false;
    }
    for (i, &scale) in SHORT_SCALES.iter().enumerate() {
        let y = x * scale;
        if y >= 1_125_899_906_842_624.0 {
            return false; // 2^50: candidates could be closer than the rounding interval
        }
        let m = y.round();
        if m / scale != x {
            continue;
        }
        let m = m as u64;
        let digits = i + 1;
        let unit = 10u64.pow(digits as u32);
        push_integer(out, (m / unit) as i64);
        out.push('.');
        let mut buf = [b'0'; 8];
        let mut frac = m % unit;
        for at in (0..digits).rev() {
            buf[at] = b'0' + (frac % 10) as u8;
            frac /= 10;
        }
        // no trailing zero: `m = 10k` would have given `x` as `k / 10^(d-1)` a scale earlier
        out.push_str(std::str::from_utf8(&buf[..digits]).unwrap_or(""));
        return true;
    }
    false
}

/// `Number.prototype.toString(radix)`: V8's DoubleToRadixCString. Fraction digits
/// are produced only while significant (`delta` = half the gap to the next
/// double, scaled with each digit), the last one rounded half-to-even with
/// carry; integer digits beyond 2^53 precision are written as `0`.
/// Append JS `String(x)` to `out`: an integer's digits are written straight into it
/// (`s += i` in a loop would otherwise make and drop a `String` per number).
pub fn push_number(out: &mut String, x: f64) {
    if small_integer(x) {
        push_integer(out, x as i64);
    } else {
        out.push_str(&number_to_string(x));
    }
}

/// Is `x` an integer that `push_integer` writes (|x| <= 2^53)? Tested through `i64` (one
/// conversion each way), not `fract`, which is a libm call on the baseline x86-64 target
/// and showed in a template renderer's profile. (-0 passes and is written "0", as JS does.)
#[inline]
fn small_integer(x: f64) -> bool {
    x.abs() <= 9007199254740992.0 && (x as i64) as f64 == x
}

/// The most bytes `push_number` writes for `x`: exact for an integer, 24 for any other
/// number (`-1.2345678901234567e-308`). A string that a number is appended to reserves
/// this, not the worst case: a short row (`<li>item3: 5`) then fits the room it has.
pub fn number_len(x: f64) -> usize {
    if small_integer(x) {
        let mut m = (x as i64).unsigned_abs();
        let mut n = 1 + (x < 0.0) as usize;
        while m >= 10 {
            m /= 10;
            n += 1;
        }
        n
    } else {
        24
    }
}

/// The decimal digits of `n` (|n| <= 2^53), written into a stack buffer back to front:
/// `i64::to_string` goes through the formatting machinery, several times the cost.
fn push_integer(out: &mut String, n: i64) {
    if (0..10).contains(&n) {
        // (one digit, the commonest case: an index, a count, a small quantity)
        out.push((b'0' + n as u8) as char);
        return;
    }
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    let mut m = n.unsigned_abs();
    loop {
        at -= 1;
        buf[at] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if n < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    for &b in &buf[at..] {
        out.push(b as char);
    }
}

pub fn number_to_string_radix(x: f64, radix: u32) -> String {
    if radix == 10 || x.is_nan() || x.is_infinite() || x == 0.0 {
        return number_to_string(x);
    }
    let radix = radix.clamp(2, 36);
    let r = radix as f64;
    let negative = x < 0.0;
    let x = x.abs();
    let mut integer = x.floor();
    let mut fraction = x - integer;
    let next_up = f64::from_bits(x.to_bits() + 1);
    let mut delta = (0.5 * (next_up - x)).max(f64::from_bits(1));
    let mut frac_digits: Vec<u32> = Vec::new();
    if fraction >= delta {
        loop {
            fraction *= r;
            delta *= r;
            let digit = fraction as u32;
            frac_digits.push(digit);
            fraction -= digit as f64;
            if fraction > 0.5 || (fraction == 0.5 && (digit & 1) == 1) {
                if fraction + delta > 1.0 {
                    // round up, propagating the carry through written digits
                    loop {
                        match frac_digits.pop() {
                            None => {
                                integer += 1.0;
                                break;
                            }
                            Some(last) if last + 1 < radix => {
                                frac_digits.push(last + 1);
                                break;
                            }
                            Some(_) => {}
                        }
                    }
                    break;
                }
            }
            if !(fraction >= delta) {
                break;
            }
        }
    }
    let mut int_digits: Vec<u8> = Vec::new();
    while integer / r >= 9007199254740992.0 {
        // digits below the double's precision
        integer /= r;
        int_digits.push(b'0');
    }
    loop {
        let rem = integer % r;
        int_digits.push(DIGIT_CHARS[rem as usize]);
        integer = (integer - rem) / r;
        if !(integer > 0.0) {
            break;
        }
    }
    let mut out = String::with_capacity(int_digits.len() + frac_digits.len() + 2);
    if negative {
        out.push('-');
    }
    out.extend(int_digits.iter().rev().map(|&b| b as char));
    if !frac_digits.is_empty() {
        out.push('.');
        out.extend(frac_digits.iter().map(|&d| DIGIT_CHARS[d as usize] as char));
    }
    out
}

/// ToInt32: truncate, wrap modulo 2^32 into [-2^31, 2^31).
pub fn to_int32(x: f64) -> i32 {
    to_uint32(x) as i32
}

/// ToUint32: truncate, wrap modulo 2^32 (`>>>`, array lengths).
pub fn to_uint32(x: f64) -> u32 {
    if !x.is_finite() {
        return 0;
    }
    x.trunc().rem_euclid(4294967296.0) as u32
}

/// ToUint16: truncate, wrap modulo 2^16 (`String.fromCharCode`).
pub fn to_uint16(x: f64) -> u16 {
    to_uint32(x) as u16
}

/// StringToNumber (`Number(s)`, unary `+`): JS whitespace trimmed; empty is 0;
/// `0x`/`0o`/`0b` integers without sign; decimal literals with optional sign, or
/// `Infinity`; anything else (trailing junk, `_` separators, `inf`) is NaN.
pub fn string_to_number(s: &str) -> f64 {
    let t = s.trim_matches(is_js_whitespace);
    if t.is_empty() {
        return 0.0;
    }
    let b = t.as_bytes();
    if b.len() > 2 && b[0] == b'0' {
        let radix = match b[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 0,
        };
        if radix != 0 {
            return parse_pow2_integer(&t[2..], radix).unwrap_or(f64::NAN);
        }
    }
    if decimal_literal_len(t) != t.len() {
        return f64::NAN;
    }
    parse_decimal_literal(t)
}

/// Length of the longest StrDecimalLiteral prefix of `t` (0 if none).
fn decimal_literal_len(t: &str) -> usize {
    let b = t.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    if t[i..].starts_with("Infinity") {
        return i + 8;
    }
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut digits = i - int_start;
    if i < b.len() && b[i] == b'.' {
        let frac_start = i + 1;
        let mut j = frac_start;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if digits > 0 || j > frac_start {
            digits += j - frac_start;
            i = j;
        }
    }
    if digits == 0 {
        return 0;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        let exp_start = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j > exp_start {
            i = j;
        }
    }
    i
}

/// A validated decimal literal to the nearest double (Rust's parser rounds correctly, like V8).
fn parse_decimal_literal(t: &str) -> f64 {
    let body = t.trim_start_matches(['+', '-']);
    let negative = t.starts_with('-');
    let v = if body == "Infinity" { f64::INFINITY } else { body.parse::<f64>().unwrap_or(f64::NAN) };
    if negative {
        -v
    } else {
        v
    }
}

/// Digits in a power-of-two radix to the nearest double (ties to even): bits are
/// gathered into a u128 until it holds well over 53 of them; later digits only
/// count as a sticky bit and a binary exponent.
fn parse_pow2_integer(digits: &str, radix: u32) -> Option<f64> {
    if digits.is_empty() {
        return None;
    }
    let bits = radix.trailing_zeros();
    let mut acc: u128 = 0;
    let mut shift: i32 = 0;
    let mut sticky = false;
    for c in digits.chars() {
        let d = c.to_digit(radix)?;
        if acc >> (120 - bits) == 0 {
            acc = (acc << bits) | d as u128;
        } else {
            shift += bits as i32;
            sticky |= d != 0;
        }
    }
    let v = (acc | sticky as u128) as f64;
    Some(if shift == 0 { v } else { v * 2f64.powi(shift) })
}

/// `parseFloat`: the longest decimal-literal prefix after leading JS whitespace.
pub fn parse_float(s: &str) -> f64 {
    if let Some(x) = short_decimal(s.as_bytes()) {
        return x;
    }
    let t = s.trim_start_matches(is_js_whitespace);
    let n = decimal_literal_len(t);
    if n == 0 {
        return f64::NAN;
    }
    parse_decimal_literal(&t[..n])
}

/// `parseFloat` of text that starts `-?digits[.digits]` with at most 15 digits in all and
/// is not followed by more of a literal (an exponent, an 'I' of `Infinity` cannot follow a
/// digit): the digits as an integer `m < 10^15 < 2^53` over `10^k` (`k <= 15 <= 22`), both
/// exact doubles, so the one division is correctly rounded, as a full parse rounds. A
/// parser's `parseFloat(text.substring(a, b))` of each number it reads spent ~200
/// instructions in the general parse. `None` for any other text (leading space, `+`, an
/// exponent, more digits, no digit).
fn short_decimal(b: &[u8]) -> Option<f64> {
    let negative = b.first() == Some(&b'-');
    let mut i = negative as usize;
    let (mut m, mut digits, mut frac) = (0u64, 0u32, 0u32);
    let mut point = false;
    while let Some(&c) = b.get(i) {
        match c {
            b'0'..=b'9' => {
                m = m * 10 + (c - b'0') as u64;
                digits += 1;
                frac += point as u32;
                if digits > 15 {
                    return None;
                }
            }
            b'.' if !point => point = true,
            b'e' | b'E' => return None,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    const POW10: [f64; 16] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
    let x = m as f64 / POW10[frac as usize];
    Some(if negative { -x } else { x })
}

/// `parseInt(s, radix)`: sign, optional `0x` (radix 0 or 16), then the longest
/// run of digits valid in the radix; `-0` for `"-0"`.
pub fn parse_int(s: &str, radix: f64) -> f64 {
    let mut t = s.trim_start_matches(is_js_whitespace);
    let mut sign = 1.0;
    if let Some(rest) = t.strip_prefix('-') {
        sign = -1.0;
        t = rest;
    } else if let Some(rest) = t.strip_prefix('+') {
        t = rest;
    }
    let mut r = to_int32(radix);
    let mut strip_prefix = true;
    if r != 0 {
        if !(2..=36).contains(&r) {
            return f64::NAN;
        }
        strip_prefix = r == 16;
    } else {
        r = 10;
    }
    if strip_prefix && (t.starts_with("0x") || t.starts_with("0X")) {
        t = &t[2..];
        r = 16;
    }
    let r = r as u32;
    let end = t.find(|c: char| c.to_digit(r).is_none()).unwrap_or(t.len());
    if end == 0 {
        return f64::NAN;
    }
    let digits = &t[..end];
    let v = if r == 10 {
        digits.parse::<f64>().unwrap_or(f64::NAN)
    } else if r.is_power_of_two() {
        parse_pow2_integer(digits, r).unwrap_or(f64::NAN)
    } else {
        v8_approx_int(digits, r)
    };
    sign * v
}

/// V8's parseInt for radices other than 10 and powers of two: 32-bit chunks
/// combined in doubles (the spec allows this approximation above 2^53).
fn v8_approx_int(digits: &str, radix: u32) -> f64 {
    let max_multiplier: u64 = 0xFFFF_FFFF / 36;
    let ds: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(radix)).collect();
    let mut result = 0.0;
    let mut i = 0;
    while i < ds.len() {
        let mut part: u64 = 0;
        let mut multiplier: u64 = 1;
        while i < ds.len() {
            let m = multiplier * radix as u64;
            if m > max_multiplier {
                break;
            }
            part = part * radix as u64 + ds[i] as u64;
            multiplier = m;
            i += 1;
        }
        result = result * multiplier as f64 + part as f64;
    }
    result
}

/// Exact decimal digits of a finite positive `x` as `(digits, e)` with
/// `x = d.ddd * 10^e`, no trailing zeros. Rust's exact formatting mode asked for
/// at least as many digits as the value has never rounds: `m * 2^e` has at most
/// `digits(m) + |e| * log10(5)` significant digits when `e < 0`, and
/// `digits(m) + e * log10(2)` when `e >= 0`.
fn exact_digits(x: f64) -> (Vec<u8>, i32) {
    let (_, e) = reduced_binary(x);
    let per_bit = if e < 0 { 0.69897 } else { 0.30103 };
    let precision = 18 + (e.unsigned_abs() as f64 * per_bit).ceil() as usize;
    let s = format!("{:.*e}", precision, x);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let mut digits: Vec<u8> = mant.bytes().filter(|b| *b != b'.').map(|b| b - b'0').collect();
    while digits.len() > 1 && digits[digits.len() - 1] == 0 {
        digits.pop();
    }
    (digits, exp.parse().unwrap_or(0))
}

/// Round exact digits (`0.d1d2... * 10^point`) to `keep` leading digits, ties
/// away from zero as ECMAScript's "pick the larger n" asks. Returns the kept
/// digits and the point; a carry out of the first digit (9.99 -> 10.0) returns
/// `keep + 1` digits and moves the point by one.
pub fn round_half_up(digits: &[u8], keep: usize, point: i32) -> (Vec<u8>, i32) {
    let mut kept: Vec<u8> = (0..keep).map(|i| *digits.get(i).unwrap_or(&0)).collect();
    if digits.get(keep).copied().unwrap_or(0) >= 5 {
        let mut i = kept.len();
        loop {
            if i == 0 {
                kept.insert(0, 1);
                return (kept, point + 1);
            }
            i -= 1;
            if kept[i] == 9 {
                kept[i] = 0;
            } else {
                kept[i] += 1;
                break;
            }
        }
    }
    (kept, point)
}

fn digits_str(d: &[u8]) -> String {
    d.iter().map(|&x| (b'0' + x) as char).collect()
}

/// `Number.prototype.toFixed(digits)`: the integer nearest to `x * 10^digits`
/// on the exact binary value, ties away from zero; `|x| >= 1e21` gives `ToString`.
pub fn to_fixed(x: f64, digits: usize) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x.abs() >= 1e21 {
        return number_to_string(x);
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let (int_part, frac_part) = if x == 0.0 {
        ("0".to_string(), "0".repeat(digits))
    } else {
        let (ds, e) = exact_digits(x.abs());
        // digits before the point: e + 1; keep them plus `digits` fraction digits
        let keep = e + 1 + digits as i32;
        // below half a unit in the last place: rounds to zero
        let (kept, point) = if keep < 0 { (vec![0; digits], 0) } else { round_half_up(&ds, keep as usize, e + 1) };
        if point <= 0 {
            let mut frac = vec![0u8; (-point) as usize];
            frac.extend_from_slice(&kept);
            frac.truncate(digits);
            ("0".to_string(), digits_str(&frac))
        } else {
            let p = point as usize;
            (digits_str(&kept[..p]), digits_str(&kept[p..]))
        }
    };
    if digits == 0 {
        format!("{}{}", sign, int_part)
    } else {
        format!("{}{}.{}", sign, int_part, frac_part)
    }
}

/// The first `p` significant digits of a finite positive `x`'s exact value, ties
/// away from zero, as `(digits, e)` with `x ≈ d.ddd * 10^e`: the `n` and `e` of the
/// ECMAScript steps shared by `toPrecision` and `toExponential` ("if there are two such
/// sets of e and n, pick the e and n for which n * 10^(e-p+1) is larger").
fn significant_digits(x: f64, p: usize) -> (Vec<u8>, i32) {
    let (ds, e) = exact_digits(x);
    let (mut kept, point) = round_half_up(&ds, p, e + 1);
    kept.truncate(p); // a carry (9.99 -> 10.0) left one zero too many
    (kept, point - 1)
}

/// `d.ddde±x` (or `de±x` for one digit), the exponential layout of both methods.
fn exponential_form(sign: &str, digits: &str, e: i32) -> String {
    let mut out = String::with_capacity(digits.len() + 8);
    out.push_str(sign);
    out.push_str(&digits[..1]);
    if digits.len() > 1 {
        out.push('.');
        out.push_str(&digits[1..]);
    }
    let _ = write!(out, "e{}{}", if e >= 0 { '+' } else { '-' }, e.abs());
    out
}

/// `Number.prototype.toPrecision(p)`: `p` significant digits of the exact
/// value, ties up; exponential form when the exponent is < -6 or >= p.
pub fn to_precision(x: f64, p: usize) -> String {
    if !x.is_finite() {
        return number_to_string(x);
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let (digits, e) = if x == 0.0 { (vec![0u8; p], 0) } else { significant_digits(x.abs(), p) };
    let d = digits_str(&digits);
    if e < -6 || e >= p as i32 {
        return exponential_form(sign, &d, e);
    }
    if e >= 0 {
        let ip = (e + 1) as usize;
        if p > ip {
            format!("{}{}.{}", sign, &d[..ip], &d[ip..])
        } else {
            format!("{}{}", sign, d)
        }
    } else {
        format!("{}0.{}{}", sign, "0".repeat((-e - 1) as usize), d)
    }
}

/// `Number.prototype.toExponential(f)` (the range check on `f` is the caller's):
/// with no `f`, the shortest round-trip digits (those `String(x)` prints); with `f`,
/// `f + 1` significant digits of the exact binary value, ties away from zero.
/// Zero of either sign is `0e+0` with `f` zeros after the point.
pub fn to_exponential(x: f64, fraction: Option<usize>) -> String {
    if !x.is_finite() {
        return number_to_string(x);
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let (digits, e) = if x == 0.0 {
        ("0".repeat(fraction.unwrap_or(0) + 1), 0)
    } else if let Some(f) = fraction {
        let (ds, e) = significant_digits(x.abs(), f + 1);
        (digits_str(&ds), e)
    } else {
        let (ds, n) = shortest_digits(x.abs());
        (ds.as_str().to_string(), n - 1)
    };
    exponential_form(sign, &digits, e)
}
