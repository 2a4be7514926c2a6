//! Regular expressions: the matcher for patterns compiled by the generator, and the JS
//! methods that use them (`exec`, `test`, `replace`, `split`, `match`, `search`).
//!
//! Why the generator compiles: the interpreter's `interp/regex.py` parses a literal once
//! into a small instruction list; `rustgen` writes that list into the program as a
//! `static Prog` next to the literal, so each literal site is compiled exactly once (at
//! build time), and both engines run the same program: a backtracking VM over UTF-16
//! code units with an explicit stack, `lastIndex` and empty-match rules as in the spec.
//! Instruction meanings are documented on `Program` in `interp/regex.py`.
use std::cell::RefCell;
use std::rc::Rc;

use crate::strings;
use crate::value::{JsStr, JsValue};

/// One VM instruction (see `interp/regex.py`, which emits them).
#[derive(Clone, Copy, Debug)]
pub enum Inst {
    Char(u16),
    Set(u32),
    Split(u32, u32),
    Jmp(u32),
    Save(u32),
    Mark(u32),
    Check(u32),
    Reset(u32, u32),
    Bol,
    Eol,
    MBol,
    MEol,
    WordB,
    NWordB,
    Match,
    Repeat(u32),
    Look(u32),
    NLook(u32),
}

/// A single-unit atom repeated `min..=max` times (`max` is `u32::MAX` when unbounded).
#[derive(Debug)]
pub struct Repeat {
    pub set: u32,
    pub min: u32,
    pub max: u32,
    pub greedy: bool,
}

/// A compiled pattern, as static data in the generated program.
#[derive(Debug)]
pub struct Prog {
    pub source: &'static str,
    pub flags: &'static str,
    pub ngroups: usize,
    pub nslots: usize,
    pub insts: &'static [Inst],
    /// sorted, disjoint inclusive ranges of code units
    pub sets: &'static [&'static [(u16, u16)]],
    pub repeats: &'static [Repeat],
}

impl Prog {
    fn global(&self) -> bool {
        self.flags.contains('g')
    }
}

/// A RegExp object: its program and its `lastIndex` (any value a program stores there).
pub struct RegExp {
    pub prog: &'static Prog,
    pub last_index: RefCell<JsValue>,
}

/// The value of a regex literal: a fresh object per evaluation, as in JS.
pub fn literal(prog: &'static Prog) -> JsValue {
    JsValue::RegExp(Rc::new(RegExp { prog, last_index: RefCell::new(JsValue::Num(0.0)) }))
}

/// `String(re)`: `/source/flags`.
pub fn to_source(re: &RegExp) -> String {
    let src = if re.prog.source.is_empty() { "(?:)" } else { re.prog.source };
    format!("/{}/{}", src, re.prog.flags)
}

/// `re.key`: `lastIndex`, `source`, `flags` and the flag booleans.
pub fn get(re: &RegExp, key: &str) -> JsValue {
    let flag = |c: char| JsValue::Bool(re.prog.flags.contains(c));
    match key {
        "lastIndex" => re.last_index.borrow().clone(),
        "source" => JsValue::str(if re.prog.source.is_empty() { "(?:)" } else { re.prog.source }),
        "flags" => JsValue::str(re.prog.flags),
        "global" => flag('g'),
        "ignoreCase" => flag('i'),
        "multiline" => flag('m'),
        "dotAll" => flag('s'),
        "unicode" | "sticky" | "hasIndices" | "unicodeSets" => JsValue::Bool(false),
        "exec" | "test" | "toString" | "constructor" => crate::exit::unsupported("RegExp.prototype members read as values"),
        _ => JsValue::Undefined,
    }
}

/// `re.key = v`: only `lastIndex` is modelled (other writes would need an own-property table).
pub fn set(re: &RegExp, key: &str, v: JsValue) {
    match key {
        "lastIndex" => *re.last_index.borrow_mut() = v,
        _ => crate::exit::unsupported("properties added to a RegExp"),
    }
}

// --- the matcher ------------------------------------------------------------------------

const UNSET: usize = usize::MAX;

fn in_set(ranges: &[(u16, u16)], c: u16) -> bool {
    let k = ranges.partition_point(|r| r.0 <= c);
    k > 0 && c <= ranges[k - 1].1
}

fn is_line_terminator(c: u16) -> bool {
    c == 0x0A || c == 0x0D || c == 0x2028 || c == 0x2029
}

fn is_word(c: u16) -> bool {
    c < 128 && ((c as u8).is_ascii_alphanumeric() || c == b'_' as u16)
}

/// A backtracking point: resume at `pc`/`pos` after undoing the trail to `trail`.
/// `Greedy` gives back one more unit of a `Repeat` each time (down to `bound`); `Lazy`
/// takes one more (up to `bound`) while it is in `set`.
enum Back {
    Plain { pc: usize, pos: usize, trail: usize },
    Greedy { pc: usize, pos: usize, trail: usize, bound: usize },
    Lazy { pc: usize, pos: usize, trail: usize, bound: usize, set: usize },
}

struct Vm<'a> {
    prog: &'static Prog,
    s: &'a [u16],
    slots: Vec<usize>,
    trail: Vec<(usize, usize)>,
}

impl Vm<'_> {
    fn save(&mut self, k: usize, v: usize) {
        self.trail.push((k, self.slots[k]));
        self.slots[k] = v;
    }

    fn undo(&mut self, mark: usize) {
        while self.trail.len() > mark {
            let (k, old) = self.trail.pop().unwrap_or((0, 0));
            self.slots[k] = old;
        }
    }

    fn unit_in(&self, pos: usize, set: usize) -> bool {
        pos < self.s.len() && in_set(self.prog.sets[set], self.s[pos])
    }

    /// Run from `pc` at `pos` until `Match`: the end position. A successful lookahead
    /// keeps its trail entries, so the caller's backtracking undoes its captures.
    fn run(&mut self, mut pc: usize, mut pos: usize) -> Option<usize> {
        let insts = self.prog.insts;
        let n = self.s.len();
        let base = self.trail.len();
        let mut stack: Vec<Back> = Vec::new();
        loop {
            let ok = match insts[pc] {
                Inst::Char(c) => {
                    let hit = pos < n && self.s[pos] == c;
                    if hit {
                        pos += 1;
                        pc += 1;
                    }
                    hit
                }
                Inst::Set(k) => {
                    let hit = self.unit_in(pos, k as usize);
                    if hit {
                        pos += 1;
                        pc += 1;
                    }
                    hit
                }
                Inst::Repeat(k) => {
                    let r = &self.prog.repeats[k as usize];
                    let set = r.set as usize;
                    let limit = if r.max == u32::MAX { n } else { n.min(pos + r.max as usize) };
                    let min = r.min as usize;
                    let mut e = pos;
                    let stop = if r.greedy { limit } else { limit.min(pos + min) };
                    while e < stop && self.unit_in(e, set) {
                        e += 1;
                    }
                    if e - pos < min {
                        false
                    } else {
                        let trail = self.trail.len();
                        if r.greedy && e - pos > min {
                            stack.push(Back::Greedy { pc: pc + 1, pos: e - 1, trail, bound: pos + min });
                        } else if !r.greedy && e < limit {
                            stack.push(Back::Lazy { pc: pc + 1, pos: e, trail, bound: limit, set });
                        }
                        pos = e;
                        pc += 1;
                        true
                    }
                }
                Inst::Split(a, b) => {
                    stack.push(Back::Plain { pc: b as usize, pos, trail: self.trail.len() });
                    pc = a as usize;
                    true
                }
                Inst::Jmp(a) => {
                    pc = a as usize;
                    true
                }
                Inst::Save(k) | Inst::Mark(k) => {
                    self.save(k as usize, pos);
                    pc += 1;
                    true
                }
                Inst::Check(k) => {
                    pc += 1;
                    self.slots[k as usize] != pos
                }
                Inst::Reset(lo, hi) => {
                    for k in lo as usize..=hi as usize {
                        if self.slots[k] != UNSET {
                            self.save(k, UNSET);
                        }
                    }
                    pc += 1;
                    true
                }
                Inst::Match => return Some(pos),
                Inst::Bol => {
                    pc += 1;
                    pos == 0
                }
                Inst::Eol => {
                    pc += 1;
                    pos == n
                }
                Inst::MBol => {
                    pc += 1;
                    pos == 0 || is_line_terminator(self.s[pos - 1])
                }
                Inst::MEol => {
                    pc += 1;
                    pos == n || is_line_terminator(self.s[pos])
                }
                Inst::WordB | Inst::NWordB => {
                    let before = pos > 0 && is_word(self.s[pos - 1]);
                    let after = pos < n && is_word(self.s[pos]);
                    let want = matches!(insts[pc], Inst::WordB);
                    pc += 1;
                    (before != after) == want
                }
                Inst::Look(end) | Inst::NLook(end) => {
                    let positive = matches!(insts[pc], Inst::Look(_));
                    let mark = self.trail.len();
                    let found = self.run(pc + 1, pos).is_some();
                    if !positive {
                        self.undo(mark);
                    }
                    pc = end as usize;
                    found == positive
                }
            };
            if ok {
                continue;
            }
            // backtrack
            loop {
                let Some(back) = stack.pop() else {
                    self.undo(base);
                    return None;
                };
                match back {
                    Back::Plain { pc: p, pos: q, trail } => {
                        self.undo(trail);
                        pc = p;
                        pos = q;
                        break;
                    }
                    Back::Greedy { pc: p, pos: q, trail, bound } => {
                        self.undo(trail);
                        if q > bound {
                            stack.push(Back::Greedy { pc: p, pos: q - 1, trail, bound });
                        }
                        pc = p;
                        pos = q;
                        break;
                    }
                    Back::Lazy { pc: p, pos: q, trail, bound, set } => {
                        self.undo(trail);
                        if self.unit_in(q, set) {
                            if q + 1 < bound {
                                stack.push(Back::Lazy { pc: p, pos: q + 1, trail, bound, set });
                            }
                            pc = p;
                            pos = q + 1;
                            break;
                        }
                    }
                }
            }
        }
    }
}

impl<'a> Vm<'a> {
    fn new(prog: &'static Prog, s: &'a [u16]) -> Vm<'a> {
        Vm { prog, s, slots: vec![UNSET; prog.nslots], trail: Vec::new() }
    }

    /// Match at exactly `start`, leaving the capture slots in `self.slots` (`UNSET` for a
    /// group that did not take part).  Why the buffers are reused: a scan or a split tries
    /// every position, and a fresh VM per position was an allocation per code unit.
    fn match_here(&mut self, start: usize) -> bool {
        self.slots.fill(UNSET);
        self.trail.clear();
        self.run(0, start).is_some()
    }
}

/// Whether code unit `u` can start a match: `None` when the first instruction consumes
/// nothing (an anchor, a group, an optional atom), so every position must be tried.
fn can_start(prog: &Prog, u: u16) -> Option<bool> {
    match prog.insts[1] {
        Inst::Char(c) => Some(u == c),
        Inst::Set(k) => Some(in_set(prog.sets[k as usize], u)),
        Inst::Repeat(k) if prog.repeats[k as usize].min > 0 => Some(in_set(prog.sets[prog.repeats[k as usize].set as usize], u)),
        _ => None,
    }
}

/// The first match at `start` or later (RegExpBuiltinExec's scan, without `lastIndex`).
fn search_from(prog: &'static Prog, s: &[u16], start: usize) -> Option<Vec<usize>> {
    // when the first instruction consumes a unit, the scan skips positions it rejects
    let filtered = can_start(prog, 0).is_some();
    let mut vm = Vm::new(prog, s);
    let mut pos = start;
    while pos <= s.len() {
        if filtered {
            match s[pos..].iter().position(|&u| can_start(prog, u) == Some(true)) {
                Some(k) => pos += k,
                None => return None,
            }
        }
        if vm.match_here(pos) {
            return Some(vm.slots);
        }
        pos += 1;
    }
    None
}

// --- the JS methods -----------------------------------------------------------------------

thread_local! {
    /// The last subject in UTF-16: an `exec`/`test` loop over one string converts it once,
    /// not once per call. Holding a clone keeps the text shared, so nobody appends to it
    /// in place (`JsStr::push_str` copies a shared string), and its id stays its content.
    static LAST_SUBJECT: RefCell<Option<(JsStr, Rc<Vec<u16>>)>> = const { RefCell::new(None) };
}

/// `s` as UTF-16 code units (cached for the last subject).
fn units(s: &JsStr) -> Rc<Vec<u16>> {
    LAST_SUBJECT.with_borrow_mut(|last| {
        if let Some((t, u)) = last.as_ref() {
            if t.same(s) {
                return u.clone();
            }
        }
        let u: Rc<Vec<u16>> = Rc::new(s.encode_utf16().collect());
        *last = Some((s.clone(), u.clone()));
        u
    })
}

/// ToLength(lastIndex) as an index.
fn last_index(re: &RegExp) -> usize {
    let n = re.last_index.borrow().to_number();
    if n.is_nan() || n <= 0.0 {
        0
    } else {
        n.min(9007199254740991.0) as usize
    }
}

/// RegExpBuiltinExec: the next match's slots, reading and updating `lastIndex` for a
/// global regex (a failure resets it to 0).
fn builtin_exec(re: &RegExp, s: &[u16]) -> Option<Vec<usize>> {
    let global = re.prog.global();
    let start = if global { last_index(re) } else { 0 };
    let found = if start > s.len() { None } else { search_from(re.prog, s, start) };
    if global {
        let next = found.as_ref().map_or(0.0, |m| m[1] as f64);
        *re.last_index.borrow_mut() = JsValue::Num(next);
    }
    found
}

fn text(s: &[u16], a: usize, b: usize) -> JsValue {
    JsValue::string(strings::from_units(&s[a..b]))
}

/// Group 1..n texts, `undefined` for a group that did not take part.
fn captures(prog: &Prog, s: &[u16], m: &[usize]) -> Vec<JsValue> {
    (1..=prog.ngroups)
        .map(|g| {
            let (a, b) = (m[2 * g], m[2 * g + 1]);
            if a == UNSET || b == UNSET {
                JsValue::Undefined
            } else {
                text(s, a, b)
            }
        })
        .collect()
}

/// A match array: the match, its captures, then (as named properties, as in JS) the
/// match's `index`, the `input` and `groups` (always undefined: named groups are not supported).
fn match_array(prog: &Prog, s: &[u16], input: &JsStr, m: &[usize]) -> JsValue {
    let mut items = vec![text(s, m[0], m[1])];
    items.extend(captures(prog, s, m));
    let arr = Rc::new(RefCell::new(items));
    crate::arrprops::set(&arr, "index", JsValue::Num(m[0] as f64));
    crate::arrprops::set(&arr, "input", JsValue::Str(input.clone()));
    crate::arrprops::set(&arr, "groups", JsValue::Undefined);
    JsValue::Arr(arr)
}

/// `re.name(args)` for a RegExp receiver.
pub fn call_method(re: &RegExp, name: &str, args: &[JsValue]) -> JsValue {
    let subject = || args.first().cloned().unwrap_or(JsValue::Undefined).to_js_string();
    match name {
        "exec" => {
            let input = subject();
            let s = units(&input);
            match builtin_exec(re, &s) {
                Some(m) => match_array(re.prog, &s, &input, &m),
                None => JsValue::Null,
            }
        }
        "test" => {
            let s = units(&subject());
            JsValue::Bool(builtin_exec(re, &s).is_some())
        }
        "toString" => JsValue::string(to_source(re)),
        "compile" | "hasOwnProperty" | "isPrototypeOf" | "propertyIsEnumerable" | "toLocaleString" | "valueOf" => {
            crate::exit::unsupported(&format!("RegExp.prototype.{}", name))
        }
        _ => crate::exit::throw_error("TypeError", &format!("{}.{} is not a function", to_source(re), name)),
    }
}

/// Every match a global `replace`/`match` sees: from index 0, one unit past an empty
/// match; `lastIndex` ends at 0, as the final failed exec leaves it.
fn all_matches(re: &RegExp, s: &[u16]) -> Vec<Vec<usize>> {
    *re.last_index.borrow_mut() = JsValue::Num(0.0);
    let mut found = Vec::new();
    while let Some(m) = builtin_exec(re, s) {
        if m[0] == m[1] {
            *re.last_index.borrow_mut() = JsValue::Num((last_index(re) + 1) as f64);
        }
        found.push(m);
    }
    found
}

/// GetSubstitution: `$$`, `$&`, `` $` ``, `$'`, and `$n`/`$nn` (two digits when that
/// group exists, else one); anything else is literal.
fn expand(out: &mut Vec<u16>, template: &[u16], s: &[u16], m: &[usize], caps: &[JsValue]) {
    let dollar = b'$' as u16;
    let digit = |c: u16| (b'0' as u16..=b'9' as u16).contains(&c).then(|| (c - b'0' as u16) as usize);
    let mut i = 0;
    while i < template.len() {
        let c = template[i];
        if c != dollar || i + 1 == template.len() {
            out.push(c);
            i += 1;
            continue;
        }
        let d = template[i + 1];
        match d {
            0x24 => out.push(dollar),
            0x26 => out.extend_from_slice(&s[m[0]..m[1]]),
            0x60 => out.extend_from_slice(&s[..m[0]]),
            0x27 => out.extend_from_slice(&s[m[1].min(s.len())..]),
            _ => {
                let Some(d1) = digit(d) else {
                    out.push(dollar);
                    i += 1;
                    continue;
                };
                let two = template.get(i + 2).and_then(|&c| digit(c)).map(|d2| d1 * 10 + d2);
                let (k, used) = match two {
                    Some(nn) if (1..=caps.len()).contains(&nn) => (nn, 3),
                    _ if (1..=caps.len()).contains(&d1) => (d1, 2),
                    _ => {
                        out.push(dollar);
                        i += 1;
                        continue;
                    }
                };
                if let JsValue::Str(t) = &caps[k - 1] {
                    out.extend(t.encode_utf16());
                }
                i += used;
                continue;
            }
        }
        i += 2;
    }
}

/// `s.replace(re, replacement)` (also `replaceAll` with a global `re`). A callback runs
/// only after every match was found, as the spec orders it.
pub fn replace(re: &RegExp, input: &JsStr, replacement: &JsValue) -> JsValue {
    let s = units(&input);
    let matches = if re.prog.global() { all_matches(re, &s) } else { builtin_exec(re, &s).into_iter().collect() };
    let template: Vec<u16> = match replacement {
        JsValue::Func(_) => Vec::new(),
        other => other.to_js_string().encode_utf16().collect(),
    };
    let mut out: Vec<u16> = Vec::with_capacity(s.len());
    let mut last = 0;
    for m in &matches {
        let caps = captures(re.prog, &s, m);
        out.extend_from_slice(&s[last..m[0]]);
        match replacement {
            JsValue::Func(_) => {
                let mut args = vec![text(&s, m[0], m[1])];
                args.extend(caps);
                args.push(JsValue::Num(m[0] as f64));
                args.push(JsValue::Str(input.clone()));
                let what = crate::console::inspect(replacement);
                let r = crate::ops::call(replacement, JsValue::Undefined, &args, &what);
                out.extend(r.to_js_string().encode_utf16());
            }
            _ => expand(&mut out, &template, &s, m, &caps),
        }
        last = m[1];
    }
    out.extend_from_slice(&s[last..]);
    JsValue::string(strings::from_units(&out))
}

/// `s.match(re)`: the `exec` array, or for a global `re` every matched text (null if none).
pub fn match_(re: &RegExp, input: &JsStr) -> JsValue {
    let s = units(&input);
    if !re.prog.global() {
        return match builtin_exec(re, &s) {
            Some(m) => match_array(re.prog, &s, input, &m),
            None => JsValue::Null,
        };
    }
    let found = all_matches(re, &s);
    if found.is_empty() {
        return JsValue::Null;
    }
    JsValue::array(found.iter().map(|m| text(&s, m[0], m[1])).collect())
}

/// `s.search(re)`: the first match's index, ignoring and keeping `lastIndex`.
pub fn search(re: &RegExp, input: &JsStr) -> JsValue {
    let s = units(&input);
    JsValue::Num(search_from(re.prog, &s, 0).map_or(-1.0, |m| m[0] as f64))
}

/// `s.split(re, limit)`: matching sticky at each position (never touching `lastIndex`),
/// skipping an empty match right after the previous one, splicing in the captures.
pub fn split(re: &RegExp, input: &JsStr, limit: &JsValue) -> JsValue {
    let limit = match limit {
        JsValue::Undefined => u32::MAX as usize,
        v => {
            let n = v.to_number();
            if n.is_finite() { (n.trunc().rem_euclid(4294967296.0)) as usize } else { 0 }
        }
    };
    let s = units(&input);
    let mut parts: Vec<JsValue> = Vec::new();
    if limit == 0 {
        return JsValue::array(parts);
    }
    if s.is_empty() {
        if !Vm::new(re.prog, &s).match_here(0) {
            parts.push(JsValue::Str(input.clone()));
        }
        return JsValue::array(parts);
    }
    // an ASCII subject's pieces share its text (a code unit is a byte there)
    let ascii = input.ascii();
    let piece = |a: usize, b: usize| if ascii { JsValue::Str(input.slice(a, b)) } else { text(&s, a, b) };
    let (mut p, mut q) = (0, 0);
    let mut vm = Vm::new(re.prog, &s);
    while q < s.len() {
        if can_start(re.prog, s[q]) == Some(false) || !vm.match_here(q) {
            q += 1;
            continue;
        }
        let e = vm.slots[1].min(s.len());
        if e == p {
            q += 1;
            continue;
        }
        parts.push(piece(p, q));
        if parts.len() == limit {
            return JsValue::array(parts);
        }
        p = e;
        for cap in captures(re.prog, &s, &vm.slots) {
            parts.push(cap);
            if parts.len() == limit {
                return JsValue::array(parts);
            }
        }
        q = p;
    }
    parts.push(piece(p, s.len()));
    JsValue::array(parts)
}
