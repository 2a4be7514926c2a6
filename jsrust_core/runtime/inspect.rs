//! Node 20's `util.inspect` and `util.format` (what `console.log` prints) over a
//! value-independent tree, `Insp`, that the runtime builds from its `JsValue`s.
//!
//! The same algorithm as `jsrust_core/inspect.py`, with the same function names
//! and steps (`format_value`, `format_raw`, `reduce_to_single_string`,
//! `group_array_elements`, ...), which in turn follow Node's
//! `lib/internal/util/inspect.js`. Lengths are counted in UTF-16 code units, as
//! JS `.length` counts them.
//!
//! Simple shapes (`Array`, `Object`, `Map`, `Set`, `Func`, `Error { text }`) cover
//! what most values need; `Full` carries everything Node can print about an
//! object (constructor name or null prototype, symbol and hidden keys, array
//! extras, class `extends`, error name/message/stack). Cycles: a converter emits
//! `Circular(n)` for a value that is the container `n` levels up the path being
//! converted (1 = the container holding it); the ancestor then prints `<ref *k>`.
//! Not modelled: colors, getters evaluation, `Symbol.toStringTag`, custom
//! inspectors, typed arrays, Date/RegExp, async/generator function labels, and
//! numbering one object that is a cycle target in two separate branches.

use super::numfmt::{number_to_string, parse_float, parse_int, string_to_number};

/// A property key.
#[derive(Clone, Debug, PartialEq)]
pub enum Key {
    /// an enumerable string key: printed bare if identifier-like, else quoted
    Str(String),
    /// a symbol key, by description: printed `[Symbol(desc)]`
    Sym(String),
    /// a non-enumerable key Node still lists (an error's `cause`): printed `[key]`
    Hidden(String),
}

/// A value to print.
#[derive(Clone, Debug, PartialEq)]
pub enum Insp {
    Undef,
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    /// a symbol, by description
    Sym(String),
    /// an array hole (only meaningful among array items)
    Hole,
    /// an accessor property's value: `[Getter]`, `[Setter]`, `[Getter/Setter]`
    Accessor { get: bool, set: bool },
    /// a plain `Array`
    Array { items: Vec<Insp> },
    /// an object: `class` None is a plain `Object`, Some(c) an instance of class `c`
    Object { class: Option<String>, entries: Vec<(String, Insp)> },
    Map(Vec<(Insp, Insp)>),
    Set(Vec<Insp>),
    Func { name: String, is_class: bool, extends: Option<String> },
    /// an error without extra properties, by its stack text (`Name: msg\n    at ...`)
    Error { text: String },
    /// the container `n` levels up the path (1 = the one holding this value)
    Circular(usize),
    /// printed verbatim (a converter that cut the tree itself, e.g. `[Object]`)
    Depth(String),
    Full(Box<Full>),
}

/// Everything Node prints about an object.
#[derive(Clone, Debug, PartialEq)]
pub struct Full {
    /// constructor name (`Object`, `Array`, `Foo`, `TypeError`...), None for a null prototype
    pub ctor: Option<String>,
    pub kind: Kind,
    /// own listed properties in JS order (for arrays: the non-index ones)
    pub props: Vec<(Key, Insp)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Object,
    Array(Vec<Insp>),
    Map(Vec<(Insp, Insp)>),
    Set(Vec<Insp>),
    Func { name: String, is_class: bool, extends: Option<String> },
    /// `name` and `message` as the error's properties read; `stack` as stored ("" if none)
    Error { name: String, message: String, stack: String },
    /// a built-in iterator over an `Array`, a `Map` or a `Set` (`of`); a Map/Set one
    /// carries the entries still ahead (flattened `k, v` pairs when `pairs`), which Node
    /// previews; an array iterator shows none
    Iter { of: String, ahead: Option<(Vec<Insp>, bool)> },
}

/// Options that differ between `console.log` and `%o`/`%s`.
#[derive(Clone, Debug)]
pub struct InspectOptions {
    /// None = unlimited
    pub depth: Option<usize>,
    /// only the `[length]` of arrays is shown (what `%o` adds to arrays)
    pub show_hidden: bool,
}

impl Default for InspectOptions {
    fn default() -> Self {
        InspectOptions { depth: Some(2), show_hidden: false }
    }
}

const BREAK_LENGTH: usize = 80;
const COMPACT: usize = 3;
const MAX_ARRAY_LENGTH: usize = 100;
const MAX_STRING_LENGTH: usize = 10000;
/// Node's kMinLineWidth: strings up to this length are never split on newlines
const MIN_LINE_WIDTH: usize = 16;

/// extrasType in Node: how the keys of an object are printed and whether the
/// entries may be grouped into columns.
#[derive(Clone, Copy, PartialEq)]
enum Extras {
    Object,
    /// an array's entries and extra keys: groupable
    ArrayExtras,
}

/// Node's `ctx`: options plus the state threaded through one inspection.
struct Ctx {
    depth: Option<usize>,
    show_hidden: bool,
    indentation_lvl: usize,
    /// the depth of the most recently entered object (Node's `currentDepth`)
    current_depth: usize,
    /// containers on the current path, with the `<ref *k>` number once one is a cycle target
    seen: Vec<Option<usize>>,
    circular_count: usize,
}

/// `util.inspect(v)` with console.log's defaults.
pub fn inspect(v: &Insp) -> String {
    inspect_with(v, &InspectOptions::default())
}

pub fn inspect_with(v: &Insp, opts: &InspectOptions) -> String {
    let mut ctx = Ctx {
        depth: opts.depth,
        show_hidden: opts.show_hidden,
        indentation_lvl: 0,
        current_depth: 0,
        seen: Vec::new(),
        circular_count: 0,
    };
    format_value(&mut ctx, v, 0)
}

/// JS `.length` of a string (UTF-16 code units).
fn jlen(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.encode_utf16().count()
    }
}

// ------------------------------------------------------------------ primitives

fn format_value(ctx: &mut Ctx, v: &Insp, recurse_times: usize) -> String {
    match v {
        Insp::Undef | Insp::Hole => "undefined".to_string(),
        Insp::Null => "null".to_string(),
        Insp::Bool(b) => b.to_string(),
        Insp::Num(x) => format_number(*x),
        Insp::Str(s) => format_string(ctx, s),
        Insp::Sym(d) => symbol_to_string(d),
        Insp::Accessor { get, set } => accessor_label(*get, *set).to_string(),
        Insp::Depth(s) => s.clone(),
        Insp::Circular(n) => {
            let len = ctx.seen.len();
            let idx = len.saturating_sub((*n).max(1));
            let index = match ctx.seen.get(idx).copied().flatten() {
                Some(k) => k,
                None => {
                    ctx.circular_count += 1;
                    if idx < len {
                        ctx.seen[idx] = Some(ctx.circular_count);
                    }
                    ctx.circular_count
                }
            };
            format!("[Circular *{}]", index)
        }
        Insp::Array { items } => format_raw(ctx, Some("Array"), View::Array(items), named_keys(&[]), recurse_times),
        Insp::Object { class, entries } => {
            format_raw(ctx, Some(class.as_deref().unwrap_or("Object")), View::Object, named_keys(entries), recurse_times)
        }
        Insp::Map(entries) => format_raw(ctx, Some("Map"), View::Map(entries), Vec::new(), recurse_times),
        Insp::Set(items) => format_raw(ctx, Some("Set"), View::Set(items), Vec::new(), recurse_times),
        Insp::Func { name, is_class, extends } => format_raw(
            ctx,
            Some("Function"),
            View::Func { name, is_class: *is_class, extends: extends.as_deref() },
            Vec::new(),
            recurse_times,
        ),
        Insp::Error { text } => {
            let name = text.split([':', '\n']).next().unwrap_or("Error");
            format_raw(ctx, Some(name), View::Error { name, message: "", stack: text }, Vec::new(), recurse_times)
        }
        Insp::Full(full) => {
            let view = match &full.kind {
                Kind::Object => View::Object,
                Kind::Array(items) => View::Array(items),
                Kind::Map(entries) => View::Map(entries),
                Kind::Set(items) => View::Set(items),
                Kind::Func { name, is_class, extends } => {
                    View::Func { name, is_class: *is_class, extends: extends.as_deref() }
                }
                Kind::Error { name, message, stack } => View::Error { name, message, stack },
                Kind::Iter { of, ahead } => View::Iter { of, ahead: ahead.as_ref().map(|(v, p)| (v.as_slice(), *p)) },
            };
            let keys = full.props.iter().map(|(k, v)| (key_ref(k), v)).collect();
            format_raw(ctx, full.ctor.as_deref(), view, keys, recurse_times)
        }
    }
}

/// Inspect distinguishes `-0` (`String(-0)` is `"0"`).
pub fn format_number(x: f64) -> String {
    if x == 0.0 && x.is_sign_negative() {
        "-0".to_string()
    } else {
        number_to_string(x)
    }
}

fn symbol_to_string(desc: &str) -> String {
    format!("Symbol({})", desc)
}

fn accessor_label(get: bool, set: bool) -> &'static str {
    match (get, set) {
        (true, true) => "[Getter/Setter]",
        (true, false) => "[Getter]",
        (false, true) => "[Setter]",
        (false, false) => "undefined",
    }
}

/// Quoted and escaped; cut at 10000 code units; a long string with newlines is
/// split after each newline into `'...\n' +` continuation lines.
fn format_string(ctx: &Ctx, s: &str) -> String {
    let mut s = s;
    let mut trailer = String::new();
    let len = jlen(s);
    if len > MAX_STRING_LENGTH {
        let remaining = len - MAX_STRING_LENGTH;
        let mut units = 0;
        let mut cut = s.len();
        for (i, c) in s.char_indices() {
            if units + c.len_utf16() > MAX_STRING_LENGTH {
                cut = i;
                break;
            }
            units += c.len_utf16();
        }
        s = &s[..cut];
        trailer = format!("... {} more character{}", remaining, if remaining > 1 { "s" } else { "" });
    }
    let len = jlen(s);
    if len > MIN_LINE_WIDTH && len + ctx.indentation_lvl + 4 > BREAK_LENGTH {
        let joiner = format!(" +\n{}", " ".repeat(ctx.indentation_lvl + 2));
        let pieces: Vec<String> = split_after_newlines(s).into_iter().map(str_escape).collect();
        return pieces.join(&joiner) + &trailer;
    }
    str_escape(s) + &trailer
}

/// `s.split(/(?<=\n)/)`: pieces ending in `\n`, no empty last piece.
fn split_after_newlines(s: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if c == '\n' && i + 1 < s.len() {
            pieces.push(&s[start..i + 1]);
            start = i + 1;
        }
    }
    pieces.push(&s[start..]);
    pieces
}

/// Node's `meta` table: the escape for a code unit below 160 that needs one.
fn meta(code: u32) -> String {
    match code {
        8 => "\\b".to_string(),
        9 => "\\t".to_string(),
        10 => "\\n".to_string(),
        12 => "\\f".to_string(),
        13 => "\\r".to_string(),
        39 => "\\'".to_string(),
        92 => "\\\\".to_string(),
        _ => format!("\\x{:02X}", code),
    }
}

/// Node's strEscape: single quotes unless the text has one; then double quotes if
/// it has none, else backticks if it has neither backtick nor `${`; control
/// characters as `\n`/`\x1B`.
pub fn str_escape(s: &str) -> String {
    let mut quote = '\'';
    if s.contains('\'') {
        if !s.contains('"') {
            quote = '"';
        } else if !s.contains('`') && !s.contains("${") {
            quote = '`';
        }
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    escape_units(s, quote == '\'', &mut out);
    out.push(quote);
    out
}

fn escape_units(s: &str, escape_single_quote: bool, out: &mut String) {
    for c in s.chars() {
        let code = c as u32;
        if code < 32 || (127..160).contains(&code) || code == 92 || (code == 39 && escape_single_quote) {
            out.push_str(&meta(code));
        } else {
            out.push(c);
        }
    }
}

// ------------------------------------------------------------------ objects

/// What kind of object `format_raw` is printing, borrowed from an `Insp`.
enum View<'a> {
    Object,
    Array(&'a [Insp]),
    Map(&'a [(Insp, Insp)]),
    Set(&'a [Insp]),
    Func { name: &'a str, is_class: bool, extends: Option<&'a str> },
    Error { name: &'a str, message: &'a str, stack: &'a str },
    Iter { of: &'a str, ahead: Option<(&'a [Insp], bool)> },
}

#[derive(Clone, Copy)]
enum KeyRef<'a> {
    Str(&'a str),
    Sym(&'a str),
    Hidden(&'a str),
}

fn key_ref(k: &Key) -> KeyRef<'_> {
    match k {
        Key::Str(s) => KeyRef::Str(s),
        Key::Sym(s) => KeyRef::Sym(s),
        Key::Hidden(s) => KeyRef::Hidden(s),
    }
}

fn named_keys(entries: &[(String, Insp)]) -> Vec<(KeyRef<'_>, &Insp)> {
    entries.iter().map(|(k, v)| (KeyRef::Str(k.as_str()), v)).collect()
}

/// `tag` is `Symbol.toStringTag`: only Map and Set have one here (inherited from
/// their built-in prototypes), so a subclass prints `MyMap(0) [Map] {}`.
fn get_prefix(constructor: Option<&str>, tag: &str, fallback: &str, size: &str) -> String {
    match constructor {
        None if !tag.is_empty() && fallback != tag => format!("[{}{}: null prototype] [{}] ", fallback, size, tag),
        None => format!("[{}{}: null prototype] ", fallback, size),
        Some(c) if !tag.is_empty() && c != tag => format!("{}{} [{}] ", c, size, tag),
        Some(c) => format!("{}{} ", c, size),
    }
}

/// Pick braces, prefix and entries by kind; stop at `depth` with
/// `[Object]`/`[Array]`/`[Foo]`; format entries and keys one level deeper; then
/// lay them out with `reduce_to_single_string`.
fn format_raw(
    ctx: &mut Ctx,
    constructor: Option<&str>,
    view: View,
    mut keys: Vec<(KeyRef, &Insp)>,
    recurse_times: usize,
) -> String {
    let mut base = String::new();
    let mut extras = Extras::Object;
    let mut braces: [String; 2] = ["{".to_string(), "}".to_string()];
    let mut array_items: Option<&[Insp]> = None;
    match &view {
        View::Array(items) => {
            let prefix = if constructor == Some("Array") {
                String::new()
            } else {
                get_prefix(constructor, "", "Array", &format!("({})", items.len()))
            };
            braces = [format!("{}[", prefix), "]".to_string()];
            if items.is_empty() && keys.is_empty() && !ctx.show_hidden {
                return format!("{}]", braces[0]);
            }
            extras = Extras::ArrayExtras;
            array_items = Some(items);
        }
        View::Set(items) => {
            let prefix = get_prefix(constructor, "Set", "Set", &format!("({})", items.len()));
            if items.is_empty() && keys.is_empty() {
                return format!("{}{{}}", prefix);
            }
            braces[0] = format!("{}{{", prefix);
        }
        View::Map(entries) => {
            let prefix = get_prefix(constructor, "Map", "Map", &format!("({})", entries.len()));
            if entries.is_empty() && keys.is_empty() {
                return format!("{}{{}}", prefix);
            }
            braces[0] = format!("{}{{", prefix);
        }
        View::Func { name, is_class, extends } => {
            base = get_function_base(name, *is_class, *extends, constructor);
            if keys.is_empty() {
                return base;
            }
        }
        View::Error { name, message, stack } => {
            base = format_error(ctx, name, message, stack, constructor, &mut keys);
            if keys.is_empty() {
                return base;
            }
        }
        // Node's getIteratorBraces / formatIterator: `[Map Iterator] {`, `[Set Entries] {`;
        // an array iterator is an object tagged `Array Iterator`
        View::Iter { of, ahead: Some((_, pairs)) } => {
            braces[0] = format!("[{} {}] {{", of, if *pairs { "Entries" } else { "Iterator" });
        }
        View::Iter { of, ahead: None } => {
            braces[0] = format!("{}{{", get_prefix(constructor, &format!("{} Iterator", of), "Object", ""));
            if keys.is_empty() {
                return format!("{}}}", braces[0]);
            }
        }
        View::Object => {
            if constructor == Some("Object") {
                if keys.is_empty() {
                    return "{}".to_string();
                }
            } else {
                let prefix = get_prefix(constructor, "", "Object", "");
                if keys.is_empty() {
                    return format!("{}{{}}", prefix);
                }
                braces[0] = format!("{}{{", prefix);
            }
        }
    }

    if let Some(depth) = ctx.depth {
        if recurse_times > depth {
            let tag = match view {
                View::Map(_) => "Map".to_string(),
                View::Set(_) => "Set".to_string(),
                View::Iter { of, .. } => format!("{} Iterator", of),
                _ => String::new(),
            };
            let prefix = get_prefix(constructor, &tag, "Object", "");
            let name = &prefix[..prefix.len() - 1];
            return if constructor.is_some() { format!("[{}]", name) } else { name.to_string() };
        }
    }
    let recurse_times = recurse_times + 1;
    ctx.seen.push(None);
    ctx.current_depth = recurse_times;
    let mut output = match &view {
        View::Array(items) => format_array(ctx, items, recurse_times),
        View::Set(items) => format_set(ctx, items, recurse_times),
        View::Map(entries) => format_map(ctx, entries, recurse_times),
        View::Iter { ahead: Some((items, false)), .. } => format_set(ctx, items, recurse_times),
        View::Iter { ahead: Some((items, true)), .. } => format_map_iter(ctx, items, recurse_times),
        _ => Vec::new(),
    };
    if ctx.show_hidden {
        if let View::Array(items) = &view {
            output.push(format!("[length]: {}", items.len()));
        }
    }
    for (key, value) in &keys {
        output.push(format_property(ctx, *key, value, recurse_times));
    }
    if let Some(Some(index)) = ctx.seen.pop() {
        let reference = format!("<ref *{}>", index);
        base = if base.is_empty() { reference } else { format!("{} {}", reference, base) };
    }
    reduce_to_single_string(ctx, output, &base, &braces, extras, recurse_times, array_items)
}

fn remaining_text(remaining: usize) -> String {
    format!("... {} more item{}", remaining, if remaining > 1 { "s" } else { "" })
}

/// A property's printed value: one indentation step (2) deeper.
fn format_slot(ctx: &mut Ctx, v: &Insp, recurse_times: usize) -> String {
    if let Insp::Accessor { get, set } = v {
        return accessor_label(*get, *set).to_string();
    }
    ctx.indentation_lvl += 2;
    let s = format_value(ctx, v, recurse_times);
    ctx.indentation_lvl -= 2;
    s
}

fn format_array(ctx: &mut Ctx, items: &[Insp], recurse_times: usize) -> Vec<String> {
    let length = MAX_ARRAY_LENGTH.min(items.len());
    let mut output = Vec::new();
    for (i, item) in items.iter().take(length).enumerate() {
        if *item == Insp::Hole {
            return format_special_array(ctx, items, recurse_times, length, output, i);
        }
        output.push(format_slot(ctx, item, recurse_times));
    }
    if items.len() > length {
        output.push(remaining_text(items.len() - length));
    }
    output
}

/// A sparse array from its first hole on: runs of holes become one entry
/// `<n empty items>`; `max_length` counts entries, not indices.
fn format_special_array(
    ctx: &mut Ctx,
    items: &[Insp],
    recurse_times: usize,
    max_length: usize,
    mut output: Vec<String>,
    i: usize,
) -> Vec<String> {
    let mut index = i;
    for (j, item) in items.iter().enumerate().skip(i) {
        if *item == Insp::Hole {
            continue;
        }
        if output.len() >= max_length {
            break;
        }
        if j != index {
            let empty = j - index;
            output.push(format!("<{} empty item{}>", empty, if empty > 1 { "s" } else { "" }));
            index = j;
            if output.len() == max_length {
                break;
            }
        }
        output.push(format_slot(ctx, item, recurse_times));
        index += 1;
    }
    let remaining = items.len() - index;
    if output.len() != max_length {
        if remaining > 0 {
            output.push(format!("<{} empty item{}>", remaining, if remaining > 1 { "s" } else { "" }));
        }
    } else if remaining > 0 {
        output.push(remaining_text(remaining));
    }
    output
}

fn format_set(ctx: &mut Ctx, items: &[Insp], recurse_times: usize) -> Vec<String> {
    let length = MAX_ARRAY_LENGTH.min(items.len());
    ctx.indentation_lvl += 2;
    let mut output: Vec<String> = items.iter().take(length).map(|v| format_value(ctx, v, recurse_times)).collect();
    if items.len() > length {
        output.push(remaining_text(items.len() - length));
    }
    ctx.indentation_lvl -= 2;
    output
}

fn format_map(ctx: &mut Ctx, entries: &[(Insp, Insp)], recurse_times: usize) -> Vec<String> {
    let length = MAX_ARRAY_LENGTH.min(entries.len());
    ctx.indentation_lvl += 2;
    let mut output = Vec::new();
    for (k, v) in entries.iter().take(length) {
        let ks = format_value(ctx, k, recurse_times);
        let vs = format_value(ctx, v, recurse_times);
        output.push(format!("{} => {}", ks, vs));
    }
    if entries.len() > length {
        output.push(remaining_text(entries.len() - length));
    }
    ctx.indentation_lvl -= 2;
    output
}

/// Node's formatMapIterInner: each `k, v` pair of an entries iterator as `[ k, v ]`.
fn format_map_iter(ctx: &mut Ctx, flat: &[Insp], recurse_times: usize) -> Vec<String> {
    let len = flat.len() / 2;
    let length = MAX_ARRAY_LENGTH.min(len);
    ctx.indentation_lvl += 2;
    let mut output = Vec::new();
    for pair in flat.chunks(2).take(length) {
        let res = vec![format_value(ctx, &pair[0], recurse_times), format_value(ctx, &pair[1], recurse_times)];
        let braces = ["[".to_string(), "]".to_string()];
        output.push(reduce_to_single_string(ctx, res, "", &braces, Extras::ArrayExtras, recurse_times, None));
    }
    ctx.indentation_lvl -= 2;
    if len > length {
        output.push(remaining_text(len - length));
    }
    output
}

/// Node's keyStrRegExp `^[a-zA-Z_][a-zA-Z_0-9]*$` (note: no `$`).
fn is_plain_key(k: &str) -> bool {
    let b = k.as_bytes();
    !b.is_empty()
        && (b[0].is_ascii_alphabetic() || b[0] == b'_')
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_')
}

/// `key: value`; the key bare if identifier-like ASCII, else quoted like a string;
/// symbols as `[Symbol(x)]`; hidden keys as `[key]`.
fn format_property(ctx: &mut Ctx, key: KeyRef, value: &Insp, recurse_times: usize) -> String {
    let s = format_slot(ctx, value, recurse_times);
    let name = match key {
        KeyRef::Sym(d) => {
            let mut n = String::from("[");
            escape_units(&symbol_to_string(d), true, &mut n);
            n.push(']');
            n
        }
        KeyRef::Str("__proto__") => "['__proto__']".to_string(),
        KeyRef::Hidden(k) => {
            let mut n = String::from("[");
            escape_units(k, true, &mut n);
            n.push(']');
            n
        }
        KeyRef::Str(k) if is_plain_key(k) => k.to_string(),
        KeyRef::Str(k) => str_escape(k),
    };
    format!("{}: {}", name, s)
}

// ------------------------------------------------------------------ layout

/// Columns a string takes in a terminal (Node's getStringWidth, approximated
/// with the East Asian wide/fullwidth blocks and common zero-width marks).
fn get_string_width(s: &str) -> usize {
    if s.is_ascii() {
        return s.bytes().filter(|b| *b >= 32 && *b != 127).count();
    }
    let mut width = 0;
    for c in s.chars() {
        let code = c as u32;
        let zero = code < 32
            || (0x7F..0xA0).contains(&code)
            || (0x300..0x370).contains(&code)
            || (0x200B..0x2010).contains(&code)
            || (0x20D0..0x2100).contains(&code)
            || (0xFE00..0xFE10).contains(&code)
            || (0xFE20..0xFE30).contains(&code);
        if zero {
            continue;
        }
        let wide = (0x1100..=0x115F).contains(&code)
            || (0x2E80..=0x303E).contains(&code)
            || (0x3041..=0x33FF).contains(&code)
            || (0x3400..=0x4DBF).contains(&code)
            || (0x4E00..=0x9FFF).contains(&code)
            || (0xA000..=0xA4CF).contains(&code)
            || (0xAC00..=0xD7A3).contains(&code)
            || (0xF900..=0xFAFF).contains(&code)
            || (0xFE30..=0xFE4F).contains(&code)
            || (0xFF00..=0xFF60).contains(&code)
            || (0xFFE0..=0xFFE6).contains(&code)
            || (0x1F300..=0x1F64F).contains(&code)
            || (0x1F900..=0x1F9FF).contains(&code)
            || (0x20000..=0x3FFFD).contains(&code);
        width += if wide { 2 } else { 1 };
    }
    width
}

fn pad_start(s: &str, width: usize) -> String {
    let n = jlen(s);
    if n >= width {
        s.to_string()
    } else {
        format!("{}{}", " ".repeat(width - n), s)
    }
}

fn pad_end(s: &str, width: usize) -> String {
    let n = jlen(s);
    if n >= width {
        s.to_string()
    } else {
        format!("{}{}", s, " ".repeat(width - n))
    }
}

/// `Math.round`: halves go up.
fn js_round(x: f64) -> f64 {
    (x + 0.5).floor()
}

/// Node's groupArrayElements: with more than 6 entries, lay short entries out in
/// aligned columns (about a 2.5:1 character aspect, at most 15 columns and
/// `compact * 4`); numbers right-aligned, anything else left-aligned.
fn group_array_elements(ctx: &Ctx, output: Vec<String>, value: Option<&[Insp]>) -> Vec<String> {
    let mut total_length = 0usize;
    let mut max_length = 0usize;
    let mut output_length = output.len();
    if MAX_ARRAY_LENGTH < output.len() {
        output_length -= 1; // the "... n more items" entry is not grouped
    }
    let separator_space = 2; // ", "
    let mut data_len = Vec::with_capacity(output_length);
    for entry in output.iter().take(output_length) {
        let len = get_string_width(entry);
        data_len.push(len);
        total_length += len + separator_space;
        max_length = max_length.max(len);
    }
    let actual_max = max_length + separator_space;
    if actual_max * 3 + ctx.indentation_lvl < BREAK_LENGTH
        && (total_length as f64 / actual_max as f64 > 5.0 || max_length <= 6)
    {
        let approx_char_heights = 2.5;
        let average_bias = (actual_max as f64 - total_length as f64 / output.len() as f64).sqrt();
        let biased_max = (actual_max as f64 - 3.0 - average_bias).max(1.0);
        let columns = js_round((approx_char_heights * biased_max * output_length as f64).sqrt() / biased_max)
            .min(((BREAK_LENGTH - ctx.indentation_lvl) / actual_max) as f64)
            .min((COMPACT * 4) as f64)
            .min(15.0) as usize;
        if columns <= 1 {
            return output;
        }
        let mut max_line_length = Vec::with_capacity(columns);
        for i in 0..columns {
            let mut line_length = 0;
            let mut j = i;
            while j < output_length {
                line_length = line_length.max(data_len[j]);
                j += columns;
            }
            max_line_length.push(line_length + separator_space);
        }
        let numbers = match value {
            Some(items) => (0..output.len()).all(|i| matches!(items.get(i), Some(Insp::Num(_)))),
            None => true,
        };
        let mut tmp = Vec::new();
        let mut i = 0;
        while i < output_length {
            let max_i = (i + columns).min(output_length);
            let mut line = String::new();
            let mut j = i;
            while j + 1 < max_i {
                let padding = max_line_length[j - i] + jlen(&output[j]) - data_len[j];
                let cell = format!("{}, ", output[j]);
                line.push_str(&if numbers { pad_start(&cell, padding) } else { pad_end(&cell, padding) });
                j += 1;
            }
            if numbers {
                let padding = max_line_length[j - i] + jlen(&output[j]) - data_len[j] - separator_space;
                line.push_str(&pad_start(&output[j], padding));
            } else {
                line.push_str(&output[j]);
            }
            tmp.push(line);
            i += columns;
        }
        if MAX_ARRAY_LENGTH < output.len() {
            tmp.push(output[output_length].clone());
        }
        return tmp;
    }
    output
}

/// One line `{ a, b }` when the entries fit in 80 columns and this object is
/// within the `compact` (3) innermost levels of what was just printed (and was
/// not grouped into columns); otherwise one entry per line, indented by two.
fn reduce_to_single_string(
    ctx: &Ctx,
    output: Vec<String>,
    base: &str,
    braces: &[String; 2],
    extras: Extras,
    recurse_times: usize,
    value: Option<&[Insp]>,
) -> String {
    let entries = output.len();
    let output = if extras == Extras::ArrayExtras && entries > 6 {
        group_array_elements(ctx, output, value)
    } else {
        output
    };
    let base_sp = if base.is_empty() { String::new() } else { format!("{} ", base) };
    if ctx.current_depth - recurse_times < COMPACT && entries == output.len() {
        let start = output.len() + ctx.indentation_lvl + jlen(&braces[0]) + jlen(base) + 10;
        if is_below_break_length(&output, start, base) {
            let joined = output.join(", ");
            if !joined.contains('\n') {
                return format!("{}{} {} {}", base_sp, braces[0], joined, braces[1]);
            }
        }
    }
    let indentation = format!("\n{}", " ".repeat(ctx.indentation_lvl));
    let sep = format!(",{}  ", indentation);
    format!("{}{}{}  {}{}{}", base_sp, braces[0], indentation, output.join(&sep), indentation, braces[1])
}

fn is_below_break_length(output: &[String], start: usize, base: &str) -> bool {
    let mut total_length = output.len() + start;
    if total_length + output.len() > BREAK_LENGTH {
        return false;
    }
    for entry in output {
        total_length += jlen(entry);
        if total_length > BREAK_LENGTH {
            return false;
        }
    }
    base.is_empty() || !base.contains('\n')
}

// ------------------------------------------------------------------ functions, errors

fn get_function_base(name: &str, is_class: bool, extends: Option<&str>, constructor: Option<&str>) -> String {
    if is_class {
        return get_class_base(name, extends, constructor);
    }
    let mut base = String::from("[Function");
    if constructor.is_none() {
        base.push_str(" (null prototype)");
    }
    if name.is_empty() {
        base.push_str(" (anonymous)");
    } else {
        base.push_str(": ");
        base.push_str(name);
    }
    base.push(']');
    if let Some(c) = constructor {
        if c != "Function" {
            base.push(' ');
            base.push_str(c);
        }
    }
    base
}

fn get_class_base(name: &str, extends: Option<&str>, constructor: Option<&str>) -> String {
    let mut base = format!("class {}", if name.is_empty() { "(anonymous)" } else { name });
    match constructor {
        Some(c) => {
            if c != "Function" {
                base.push_str(&format!(" [{}]", c));
            }
            if let Some(sup) = extends.filter(|s| !s.is_empty()) {
                base.push_str(&format!(" extends {}", sup));
            }
        }
        None => base.push_str(" extends [null prototype]"),
    }
    format!("[{}]", base)
}

/// `Error.prototype.toString`.
fn error_to_string(name: &str, message: &str) -> String {
    if name.is_empty() {
        message.to_string()
    } else if message.is_empty() {
        name.to_string()
    } else {
        format!("{}: {}", name, message)
    }
}

/// An error prints as its stack: the header corrected to name the class
/// (`MyErr [Error]: m`), `[Error: m]` when there are no frames, frames shared with
/// `cause` elided, every line indented to the current level. `keys` is edited as
/// Node does: `name`/`message`/`stack` keys already shown in the stack are dropped.
fn format_error(
    ctx: &Ctx,
    name: &str,
    message: &str,
    stored_stack: &str,
    constructor: Option<&str>,
    keys: &mut Vec<(KeyRef, &Insp)>,
) -> String {
    let stack = if stored_stack.is_empty() { error_to_string(name, message) } else { stored_stack.to_string() };
    keys.retain(|(k, v)| match (k, v) {
        (KeyRef::Str("name" | "message" | "stack"), Insp::Str(s)) => !stack.contains(s.as_str()),
        _ => true,
    });
    let cause_stack = keys.iter().find_map(|(k, v)| match k {
        KeyRef::Str("cause") | KeyRef::Hidden("cause") => error_stack_of(v),
        _ => None,
    });
    let mut stack = improve_stack(stack, constructor, name);
    let mut pos: isize = -1;
    if !message.is_empty() {
        if let Some(p) = stack.find(message) {
            if p != 0 {
                pos = (p + message.len()) as isize;
            }
        }
    }
    let from = pos.max(0) as usize;
    match stack.get(from..).and_then(|rest| rest.find("\n    at")).map(|p| p + from) {
        None => stack = format!("[{}]", stack),
        Some(start) => {
            let frames = get_stack_frames(&stack[start + 1..], cause_stack.as_deref());
            stack = format!("{}\n{}", &stack[..start], frames.join("\n"));
        }
    }
    if ctx.indentation_lvl != 0 {
        stack = stack.replace('\n', &format!("\n{}", " ".repeat(ctx.indentation_lvl)));
    }
    stack
}

/// The stack text of an error value (for eliding frames shared with a cause).
fn error_stack_of(v: &Insp) -> Option<String> {
    match v {
        Insp::Error { text } => Some(text.clone()),
        Insp::Full(full) => match &full.kind {
            Kind::Error { name, message, stack } => {
                Some(if stack.is_empty() { error_to_string(name, message) } else { stack.clone() })
            }
            _ => None,
        },
        _ => None,
    }
}

/// Make the first line name the actual class when the stack was written by a
/// base class (V8 writes `Error: m` for `class MyErr extends Error`).
fn improve_stack(stack: String, constructor: Option<&str>, name: &str) -> String {
    let mut len = name.len();
    let looks_normal = name.ends_with("Error")
        && stack.starts_with(name)
        && (stack.len() == len || matches!(stack.as_bytes()[len], b':' | b'\n'));
    if constructor.is_none() || looks_normal {
        let mut fallback = "Error".to_string();
        if constructor.is_none() {
            let found = stack_head_name(&stack);
            len = found.len();
            fallback = if found.is_empty() { "Error".to_string() } else { found };
        }
        let prefix = get_prefix(constructor, "", &fallback, "");
        let prototype = &prefix[..prefix.len() - 1];
        if name != prototype {
            return if prototype.contains(name) {
                if len == 0 {
                    format!("{}: {}", prototype, stack)
                } else {
                    format!("{}{}", prototype, &stack[len..])
                }
            } else {
                format!("{} [{}]{}", prototype, name, &stack[len..])
            };
        }
    }
    stack
}

/// Node's `/^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/` or `/^([a-z_A-Z0-9-]*Error)$/`.
fn stack_head_name(stack: &str) -> String {
    let b = stack.as_bytes();
    if !b.is_empty() && b[0].is_ascii_uppercase() {
        // the class excludes ':' and '\n', so the greedy run is the only candidate
        let mut i = 1;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b" _[]()-".contains(&b[i])) {
            i += 1;
        }
        let rest = &stack[i..];
        let frame_follows = rest.strip_prefix('\n').is_some_and(|r| {
            r.starts_with(char::is_whitespace) && r.trim_start().starts_with("at")
        });
        if i >= 2 && (rest.starts_with(':') || frame_follows) {
            return stack[..i].to_string();
        }
    }
    if stack.ends_with("Error") && stack.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-') {
        return stack.to_string();
    }
    String::new()
}

/// Frame lines; a run of more than 3 frames identical to the cause's collapses
/// to `... n lines matching cause stack trace ...`.
fn get_stack_frames(frames_text: &str, cause_stack: Option<&str>) -> Vec<String> {
    let mut frames: Vec<String> = frames_text.split('\n').map(str::to_string).collect();
    if let Some(cause_stack) = cause_stack {
        if let Some(cause_start) = cause_stack.find("\n    at") {
            let cause_frames: Vec<String> = cause_stack[cause_start + 1..].split('\n').map(str::to_string).collect();
            let (len, offset) = identical_sequence_range(&frames, &cause_frames);
            if len > 0 {
                let skipped = len - 2;
                let msg = format!("    ... {} lines matching cause stack trace ...", skipped);
                frames.splice(offset + 1..offset + 1 + skipped, [msg]);
            }
        }
    }
    frames
}

fn identical_sequence_range(a: &[String], b: &[String]) -> (usize, usize) {
    for i in 0..a.len().saturating_sub(3) {
        if let Some(pos) = b.iter().position(|x| *x == a[i]) {
            let rest = b.len() - pos;
            if rest > 3 {
                let mut len = 1;
                let max_len = (a.len() - i).min(rest);
                while max_len > len && a[i + len] == b[pos + len] {
                    len += 1;
                }
                if len > 3 {
                    return (len, i);
                }
            }
        }
    }
    (0, 0)
}

// ------------------------------------------------------------------ util.format

/// `util.format(...args)` as `console.log` uses it (without the newline): a first
/// string argument is a template (`%s %d %i %f %j %o %O %c %%`); strings are
/// printed raw, everything else inspected, joined by spaces. Objects under `%s`
/// are inspected (user `toString` is not called) and are NaN under `%d`.
pub fn format_log(args: &[Insp]) -> String {
    let mut out = String::new();
    let mut a = 0;
    let mut join = "";
    if let Some(Insp::Str(first)) = args.first() {
        if args.len() == 1 {
            return first.clone();
        }
        let f: Vec<char> = first.chars().collect();
        let mut last_pos = 0;
        let mut i = 0;
        while i + 1 < f.len() {
            if f[i] == '%' {
                i += 1;
                let next = f[i];
                if a + 1 != args.len() {
                    if next == '%' {
                        out.extend(&f[last_pos..i]);
                        last_pos = i + 1;
                        i += 1;
                        continue;
                    }
                    match format_specifier(next, &args[a + 1]) {
                        None => {
                            i += 1;
                            continue;
                        }
                        Some(temp) => {
                            a += 1;
                            if last_pos + 1 != i {
                                out.extend(&f[last_pos..i - 1]);
                            }
                            out.push_str(&temp);
                            last_pos = i + 1;
                            }
                    }
                } else if next == '%' {
                    out.extend(&f[last_pos..i]);
                    last_pos = i + 1;
                }
            }
            i += 1;
        }
        if last_pos != 0 {
            a += 1;
            join = " ";
            if last_pos < f.len() {
                out.extend(&f[last_pos..]);
            }
        }
    }
    while a < args.len() {
        out.push_str(join);
        match &args[a] {
            Insp::Str(s) => out.push_str(s),
            v => out.push_str(&inspect(v)),
        }
        join = " ";
        a += 1;
    }
    out
}

fn format_specifier(ch: char, arg: &Insp) -> Option<String> {
    Some(match ch {
        's' => match arg {
            Insp::Num(x) => format_number(*x),
            Insp::Str(_) | Insp::Bool(_) | Insp::Undef | Insp::Null | Insp::Sym(_) => to_display_string(arg),
            _ => inspect_with(arg, &InspectOptions { depth: Some(0), show_hidden: false }),
        },
        'j' => json_stringify_for_format(arg),
        'd' => match arg {
            Insp::Sym(_) => "NaN".to_string(),
            _ => format_number(to_number(arg)),
        },
        'i' => match arg {
            Insp::Sym(_) => "NaN".to_string(),
            _ => format_number(parse_int(&to_display_string(arg), 0.0)),
        },
        'f' => match arg {
            Insp::Sym(_) => "NaN".to_string(),
            _ => format_number(parse_float(&to_display_string(arg))),
        },
        'O' => inspect(arg),
        'o' => inspect_with(arg, &InspectOptions { depth: Some(4), show_hidden: true }),
        'c' => String::new(),
        _ => return None,
    })
}

fn to_number(v: &Insp) -> f64 {
    match v {
        Insp::Num(x) => *x,
        Insp::Str(s) => string_to_number(s),
        Insp::Bool(b) => *b as u8 as f64,
        Insp::Null => 0.0,
        _ => f64::NAN,
    }
}

/// `String(v)` for the values util.format stringifies without running user code.
fn to_display_string(v: &Insp) -> String {
    match v {
        Insp::Str(s) => s.clone(),
        Insp::Num(x) => number_to_string(*x),
        Insp::Bool(b) => b.to_string(),
        Insp::Undef | Insp::Hole => "undefined".to_string(),
        Insp::Null => "null".to_string(),
        Insp::Sym(d) => symbol_to_string(d),
        Insp::Array { items } => items
            .iter()
            .map(|x| match x {
                Insp::Undef | Insp::Null | Insp::Hole => String::new(),
                other => to_display_string(other),
            })
            .collect::<Vec<_>>()
            .join(","),
        Insp::Error { text } => text.split('\n').next().unwrap_or("").to_string(),
        Insp::Func { name, .. } => format!("function {}() {{ [native code] }}", name),
        _ => "[object Object]".to_string(),
    }
}

/// `%j`: `JSON.stringify` of plain data; `'[Circular]'` for cyclic data as Node's
/// tryStringify prints.
fn json_stringify_for_format(v: &Insp) -> String {
    let mut out = String::new();
    match json(v, &mut out) {
        Err(()) => "[Circular]".to_string(),
        Ok(false) => "undefined".to_string(),
        Ok(true) => out,
    }
}

/// Appends the JSON text of `v`; `Ok(false)` when `v` has none (undefined, functions).
fn json(v: &Insp, out: &mut String) -> Result<bool, ()> {
    let object_entries = |entries: Vec<(&str, &Insp)>, out: &mut String| -> Result<(), ()> {
        out.push('{');
        let mut first = true;
        for (k, x) in entries {
            let mut s = String::new();
            if json(x, &mut s)? {
                if !first {
                    out.push(',');
                }
                first = false;
                json_quote(k, out);
                out.push(':');
                out.push_str(&s);
            }
        }
        out.push('}');
        Ok(())
    };
    match v {
        Insp::Str(s) => json_quote(s, out),
        Insp::Num(x) => out.push_str(&if x.is_finite() { number_to_string(*x) } else { "null".to_string() }),
        Insp::Bool(b) => out.push_str(&b.to_string()),
        Insp::Null => out.push_str("null"),
        Insp::Undef | Insp::Hole | Insp::Sym(_) | Insp::Func { .. } | Insp::Accessor { .. } => return Ok(false),
        Insp::Circular(_) => return Err(()),
        Insp::Depth(_) => out.push_str("{}"),
        Insp::Array { items } => json_array(items, out)?,
        Insp::Object { entries, .. } => object_entries(entries.iter().map(|(k, x)| (k.as_str(), x)).collect(), out)?,
        Insp::Map(_) | Insp::Set(_) | Insp::Error { .. } => out.push_str("{}"),
        Insp::Full(full) => match &full.kind {
            Kind::Func { .. } => return Ok(false),
            Kind::Array(items) => json_array(items, out)?,
            _ => {
                let entries = full
                    .props
                    .iter()
                    .filter_map(|(k, x)| match k {
                        Key::Str(s) => Some((s.as_str(), x)),
                        _ => None,
                    })
                    .collect();
                object_entries(entries, out)?
            }
        },
    }
    Ok(true)
}

fn json_array(items: &[Insp], out: &mut String) -> Result<(), ()> {
    out.push('[');
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let mut s = String::new();
        if json(x, &mut s)? {
            out.push_str(&s);
        } else {
            out.push_str("null");
        }
    }
    out.push(']');
    Ok(())
}

fn json_quote(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}
