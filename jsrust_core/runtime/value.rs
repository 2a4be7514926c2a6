//! `JsValue`: the dynamic JS value, used wherever the trace did not prove one type.
//!
//! Arrays and objects are `Rc<RefCell<..>>` because JS objects alias: two bindings to
//! one array see each other's pushes. Strings are `JsStr` (UTF-8; UTF-16 lengths and
//! indices are computed by `strings` where JS semantics need them), so copying a string
//! value is a reference-count bump.
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Deref;
use std::rc::Rc;

/// A JS string value: shared and immutable while shared. A sole owner may append in
/// place (`push_str`), which makes `s += x` in a loop amortised linear like Node's
/// ropes, instead of copying the whole accumulated string on every step.
///
/// It is either all of its buffer's text or a byte range of it (`slice`): a substring of
/// a string that is no longer growing shares its text, as V8's sliced strings do, so
/// a scanner's `s.substring(a, b)` costs no allocation and no copy (a template
/// renderer made two allocations and a copy per tag it read).
#[derive(Clone)]
pub struct JsStr {
    buf: Rc<StrBuf>,
    /// Where this string starts in `buf.text` (bytes; 0 for a whole string).
    start: u32,
    /// Its length in bytes, or `WHOLE`: all of `buf.text`, however long it grows.
    span_len: u32,
}

/// `JsStr::span_len` of a string that is all of its buffer.
const WHOLE: u32 = u32::MAX;

/// The text of a `JsStr` and whether it is all ASCII. Why cache that: JS indexes strings
/// by UTF-16 unit, which for ASCII text is the byte index; answering "is it ASCII?" by a
/// scan on every `s.length` or `s[i]` made a parser loop over a long text quadratic.
struct StrBuf {
    text: String,
    /// `ASCII_UNKNOWN` until first asked, then `ASCII_YES` or `ASCII_NO`.
    ascii: Cell<u8>,
    /// This very buffer is the atom of its text (see `atom`): a key that is one needs no
    /// hashing to be found among an object's keys (`d[k]` with `k` from `Object.keys` or a
    /// literal).
    atom: bool,
    /// This buffer is the copy a growing string made of itself because its text was lent
    /// (to a slice, or another name) while it still grew: pieces of it are copied, not
    /// shared (`JsStr::slice`), so a builder that is sliced and appended to by turns
    /// copies itself once, not at every append.
    relent: bool,
}

impl Clone for StrBuf {
    /// A copy (made to cut a shared string back, see `truncate`) is a new buffer, never
    /// the atom.
    fn clone(&self) -> StrBuf {
        StrBuf { text: self.text.clone(), ascii: self.ascii.clone(), atom: false, relent: self.relent }
    }
}

/// The least room a string that is appended to gets (see `JsStr::grow`).
const MIN_ROOM: usize = 32;

/// A growing string shorter than this (bytes) moves to a new buffer when it needs room;
/// a longer one is `realloc`ed, which for a large (mapped) block can remap its pages
/// instead of copying them.
const MOVE_BELOW: usize = 4096;

const ASCII_UNKNOWN: u8 = 0;
const ASCII_YES: u8 = 1;
const ASCII_NO: u8 = 2;

impl JsStr {
    fn new(text: String) -> JsStr {
        JsStr::of_buf(StrBuf { text, ascii: Cell::new(ASCII_UNKNOWN), atom: false, relent: false })
    }

    fn of_buf(buf: StrBuf) -> JsStr {
        JsStr { buf: Rc::new(buf), start: 0, span_len: WHOLE }
    }

    /// Is this all of its buffer (not a `slice` of it)?
    #[inline(always)]
    fn whole(&self) -> bool {
        self.span_len == WHOLE
    }

    /// The string of bytes `from..to` of this ASCII string (the caller checked `ascii()`
    /// and the bounds), sharing this string's text: a literal, a split piece, a
    /// serializer's finished output. Sharing a string that is still being built makes its
    /// next append copy it (it is no longer its buffer's only owner); that copy is marked
    /// (`relent`), and pieces of it are copied from then on, so a builder sliced between
    /// its appends pays one copy of itself, not one per append.
    /// Inline (the shared case is a count bump and two stores, less than the call), the
    /// copy out of line.
    #[inline]
    pub fn slice(&self, from: usize, to: usize) -> JsStr {
        if self.buf.relent || self.buf.text.len() > u32::MAX as usize {
            return self.slice_copy(from, to);
        }
        JsStr { buf: self.buf.clone(), start: self.start + from as u32, span_len: (to - from) as u32 }
    }

    /// `slice` as a copy of its own.
    #[inline(never)]
    fn slice_copy(&self, from: usize, to: usize) -> JsStr {
        let text = self[from..to].to_string();
        JsStr::of_buf(StrBuf { text, ascii: Cell::new(ASCII_YES), atom: false, relent: false })
    }

    /// The length in bytes, without making the `&str` (a slice's bounds are checked then).
    #[inline(always)]
    pub fn byte_len(&self) -> usize {
        if self.whole() {
            self.buf.text.len()
        } else {
            self.span_len as usize
        }
    }

    /// The text's bytes (a slice's range needs no character-boundary checks, which
    /// making its `&str` does: a scan of a short ASCII text, `indexOf` in a template
    /// renderer, spent more on those checks than on the scan).
    #[inline(always)]
    pub fn utf8(&self) -> &[u8] {
        let text = self.buf.text.as_bytes();
        if self.whole() {
            text
        } else {
            &text[self.start as usize..(self.start + self.span_len) as usize]
        }
    }

    /// Is this string's text `b`? Inline and on bytes: a Map or Set of strings compares
    /// its key (`b`, taken once) with every member. The same text (one buffer, one
    /// range) is equal without comparing bytes.
    /// Two different texts of one length (a Map of words) mostly differ in their first or
    /// last byte, which are compared before the `memcmp` call that settles the rest.
    #[inline(always)]
    pub fn eq_bytes(&self, b: &[u8]) -> bool {
        let a = self.utf8();
        a.len() == b.len()
            && (a.as_ptr() == b.as_ptr() || (a.first() == b.first() && a.last() == b.last() && a == b))
    }

    /// Whether `self` and `other` are one value: the same text of the same buffer, so the
    /// same content (a cache keyed by a string can test this instead of comparing text).
    pub fn same(&self, other: &JsStr) -> bool {
        Rc::ptr_eq(&self.buf, &other.buf) && self.start == other.start && self.span_len == other.span_len
    }

    /// The atom id of this string when it is itself an atom (no hashing), else `None`.
    #[inline]
    pub fn atom_id(&self) -> Option<usize> {
        if self.buf.atom && self.whole() {
            Some(self.id())
        } else {
            None
        }
    }

    /// Append `tail`; copies first only when another value still shares this string.
    pub fn push_str(&mut self, tail: &str) {
        let buf = self.grow(tail.len());
        buf.text.push_str(tail);
        // only a string known to be ASCII needs the tail looked at (to stay known so, or
        // to be settled as not); an unknown or non-ASCII one stays as it is, so a string
        // built by appending long pieces (a serializer's output) is not scanned per piece
        if buf.ascii.get() == ASCII_YES && !tail.is_ascii() {
            buf.ascii.set(ASCII_NO);
        }
    }

    /// `push_str` of another string value, whose own ASCII flag spares the scan of it.
    pub fn push_js(&mut self, tail: &JsStr) {
        let known = tail.ascii_known();
        let buf = self.grow(tail.len());
        buf.text.push_str(tail);
        if buf.ascii.get() == ASCII_YES && known != ASCII_YES && (known == ASCII_NO || !tail.is_ascii()) {
            buf.ascii.set(ASCII_NO);
        }
    }

    /// What is known of this string's ASCII-ness without scanning it (a slice is only
    /// ever taken of ASCII text).
    #[inline]
    fn ascii_known(&self) -> u8 {
        if self.whole() {
            self.buf.ascii.get()
        } else {
            ASCII_YES
        }
    }

    /// Cut the text back to its first `len` bytes (an append undone, see
    /// `ops::StrAppend`); what is known of its ASCII-ness is forgotten.
    pub fn truncate(&mut self, len: usize) {
        if !self.whole() {
            // (a slice is ASCII, and so is every prefix of it)
            self.span_len = self.span_len.min(len as u32);
        } else if self.buf.text.len() > len {
            let buf = Rc::make_mut(&mut self.buf);
            buf.text.truncate(len);
            buf.ascii.set(ASCII_UNKNOWN);
        }
    }

    /// Append JS `String(x)` (always ASCII), formatted in place.
    pub fn push_number(&mut self, x: f64) {
        crate::numfmt::push_number(&mut self.grow(crate::numfmt::number_len(x)).text, x);
    }

    /// The text, owned by this value alone (copied if shared or a slice), with room for
    /// `more` bytes. Inline, as every append asks it: a string that is its buffer's only
    /// owner and has the room is answered at once (a rendered template's pieces).
    #[inline]
    fn grow(&mut self, more: usize) -> &mut StrBuf {
        if self.whole() {
            if let Some(buf) = Rc::get_mut(&mut self.buf) {
                if buf.text.capacity() - buf.text.len() >= more {
                    return Rc::get_mut(&mut self.buf).expect("checked just above");
                }
            }
        }
        self.grow_slow(more)
    }

    /// `grow` when the text must be copied or given more room. The room at least doubles
    /// the length after the append, so a long run of appends copies O(total) bytes, and
    /// starts at `MIN_ROOM`: a string built by appending short pieces (a rendered template)
    /// would otherwise reallocate at 4, 8, 16 and 32 bytes on its way. (Doubling only the
    /// length before it left no room when the piece was the longer part: a serializer's
    /// `out = '['; out += inner; out += ','` reallocated on the `','`.)
    #[inline(never)]
    fn grow_slow(&mut self, more: usize) -> &mut StrBuf {
        let len = self.len();
        let room = more + (len + more).max(MIN_ROOM);
        if !self.whole() || Rc::get_mut(&mut self.buf).is_none() {
            // shared: the copy is made at its new size at once (no copy-then-grow); a
            // string that was growing (room to spare) was lent mid-build (see `slice`)
            let relent = self.whole() && self.buf.text.len() != self.buf.text.capacity();
            let mut text = String::with_capacity(len + room);
            text.push_str(self);
            let ascii = Cell::new(self.ascii_known());
            *self = JsStr::of_buf(StrBuf { text, ascii, atom: false, relent });
        }
        let buf = Rc::make_mut(&mut self.buf);
        if buf.text.capacity() - len < more {
            if len < MOVE_BELOW {
                // a new buffer and a copy, not `reserve`: glibc's `realloc` of a small
                // block (which can seldom grow in place) cost twice its malloc, copy and free
                let mut text = String::with_capacity(len + room);
                text.push_str(&buf.text);
                buf.text = text;
            } else {
                buf.text.reserve(room);
            }
        }
        buf
    }

    /// Whether every character is ASCII (UTF-16 index = byte index), scanned once.
    #[inline]
    pub fn ascii(&self) -> bool {
        match self.ascii_known() {
            ASCII_YES => true,
            ASCII_NO => false,
            _ => {
                let yes = self.buf.text.is_ascii();
                self.buf.ascii.set(if yes { ASCII_YES } else { ASCII_NO });
                yes
            }
        }
    }

    /// Identity of the shared text: property names are atoms (one copy per name), so two
    /// names are equal exactly when their ids are. (Only meaningful for atoms: a slice
    /// has its buffer's id; see `same` for the identity of any string.)
    #[inline]
    pub fn id(&self) -> usize {
        Rc::as_ptr(&self.buf) as usize
    }
}

thread_local! {
    /// The one-character ASCII strings, made once: `text[i]` in a scanning loop would
    /// otherwise allocate a string per character.
    static CHARS: Vec<JsStr> = (0u8..128).map(|b| JsStr::from((b as char).to_string())).collect();
}

/// The string of the single ASCII byte `b` (< 128), shared.
#[inline]
pub fn ascii_char(b: u8) -> JsStr {
    CHARS.with(|c| c[b as usize].clone())
}

impl Default for JsStr {
    fn default() -> JsStr {
        JsStr::new(String::new())
    }
}

impl PartialEq for JsStr {
    #[inline]
    fn eq(&self, other: &JsStr) -> bool {
        self.eq_bytes(other.utf8())
    }
}

impl Eq for JsStr {}

impl std::hash::Hash for JsStr {
    /// Hashes as the `str` it derefs to, so sets of `JsStr` can be probed with a `&str`.
    fn hash<H: Hasher>(&self, state: &mut H) {
        (**self).hash(state)
    }
}

impl PartialOrd for JsStr {
    fn partial_cmp(&self, other: &JsStr) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for JsStr {
    /// On bytes, which order UTF-8 text as its `str` does.
    #[inline]
    fn cmp(&self, other: &JsStr) -> std::cmp::Ordering {
        self.utf8().cmp(other.utf8())
    }
}

/// A small multiply-rotate hash for property names (short ASCII words): the standard
/// SipHash costs more than the lookups it serves.
#[derive(Default, Clone, Copy)]
pub struct NameHasher(u64);

const NAME_SEED: u64 = 0x517c_c1b7_2722_0a95;

impl Hasher for NameHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(NAME_SEED);
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(NAME_SEED);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Slots in the cache from a literal's address to its atom.
const LITERAL_SLOTS: usize = 1024;

thread_local! {
    /// Every property name any object has held, once. Object keys are these atoms, so
    /// key search compares pointers, and adding a key to an object allocates nothing.
    static ATOMS: RefCell<HashSet<JsStr, BuildHasherDefault<NameHasher>>> = RefCell::new(HashSet::default());
    /// Atom ids of the program's string literals, by address and length: the generated
    /// code names properties with literals, so their lookups skip hashing altogether.
    static LITERALS: RefCell<[(usize, usize, usize); LITERAL_SLOTS]> = const { RefCell::new([(0, 0, 0); LITERAL_SLOTS]) };
    /// The atoms themselves for the same literals, for the objects an object literal
    /// makes: each needs its keys, and hashing every key of every object costs more than
    /// filling the object.
    static LITERAL_ATOMS: RefCell<Vec<(usize, usize, JsStr)>> = RefCell::new(vec![(0, 0, JsStr::default()); LITERAL_SLOTS]);
}

/// The atom for a property name, created on first use.
pub fn atom(key: &str) -> JsStr {
    ATOMS.with_borrow_mut(|set| match set.get(key) {
        Some(a) => a.clone(),
        None => {
            let a = JsStr::of_buf(StrBuf { text: key.to_string(), ascii: Cell::new(ASCII_UNKNOWN), atom: true, relent: false });
            set.insert(a.clone());
            a
        }
    })
}

/// The atom's id if the name ever was a property name; `None` means no object has it.
pub fn atom_id(key: &str) -> Option<usize> {
    ATOMS.with_borrow(|set| set.get(key).map(JsStr::id))
}

/// `atom_id` of a string value: free when the value is the atom itself.
#[inline]
pub fn key_id(key: &JsStr) -> Option<usize> {
    key.atom_id().or_else(|| atom_id(key))
}

/// The atom id of a literal of the program (atoms live as long as the program, so the id
/// stays valid). A `'static` str's address never holds other text, so address and
/// length identify it.
pub fn literal_id(key: &'static str) -> usize {
    let addr = key.as_ptr() as usize;
    let slot = (addr ^ (addr >> 12) ^ key.len().wrapping_mul(31)) % LITERAL_SLOTS;
    LITERALS.with_borrow_mut(|table| {
        let entry = &mut table[slot];
        if entry.0 == addr && entry.1 == key.len() {
            return entry.2;
        }
        let id = atom(key).id();
        *entry = (addr, key.len(), id);
        id
    })
}

/// Slots in the cache of string literal values.
const LITERAL_STR_SLOTS: usize = 512;

thread_local! {
    /// The value of each string literal of the program, made on first use and shared after
    /// (keyed by the literal's address and length, as `LITERALS`): a literal evaluated in
    /// a loop (`c === '{'`, `out += ','`) would otherwise allocate a fresh string each time.
    static LITERAL_STRS: RefCell<Vec<(usize, usize, JsStr)>> =
        RefCell::new(vec![(0, 0, JsStr::default()); LITERAL_STR_SLOTS]);
}

/// The string value of the program literal `text`, shared between evaluations (a JS
/// string is immutable; an append to a shared one copies first, see `push_str`). It is
/// the text's atom: literals are few, and a literal used as a key (`d['k']`, a key kept in
/// a variable) is then found without hashing.
pub fn lit(text: &'static str) -> JsValue {
    let addr = text.as_ptr() as usize;
    let slot = (addr ^ (addr >> 9) ^ text.len().wrapping_mul(31)) % LITERAL_STR_SLOTS;
    LITERAL_STRS.with_borrow_mut(|table| {
        let entry = &mut table[slot];
        if entry.0 != addr || entry.1 != text.len() {
            *entry = (addr, text.len(), atom(text));
        }
        JsValue::Str(entry.2.clone())
    })
}

/// The atom of a literal of the program (see `literal_id`), without hashing once known.
pub fn literal_atom(key: &'static str) -> JsStr {
    let addr = key.as_ptr() as usize;
    let slot = (addr ^ (addr >> 12) ^ key.len().wrapping_mul(31)) % LITERAL_SLOTS;
    LITERAL_ATOMS.with_borrow_mut(|table| {
        let entry = &mut table[slot];
        if entry.0 != addr || entry.1 != key.len() {
            *entry = (addr, key.len(), atom(key));
        }
        entry.2.clone()
    })
}

impl Deref for JsStr {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        if self.whole() {
            &self.buf.text
        } else {
            &self.buf.text[self.start as usize..(self.start + self.span_len) as usize]
        }
    }
}

impl std::borrow::Borrow<str> for JsStr {
    fn borrow(&self) -> &str {
        self
    }
}

impl AsRef<str> for JsStr {
    fn as_ref(&self) -> &str {
        self
    }
}

impl From<&str> for JsStr {
    fn from(s: &str) -> JsStr {
        JsStr::new(s.to_string())
    }
}

impl From<String> for JsStr {
    fn from(s: String) -> JsStr {
        JsStr::new(s)
    }
}

impl From<&String> for JsStr {
    fn from(s: &String) -> JsStr {
        JsStr::from(s.as_str())
    }
}

impl PartialEq<str> for JsStr {
    fn eq(&self, other: &str) -> bool {
        &**self == other
    }
}

impl PartialEq<&str> for JsStr {
    fn eq(&self, other: &&str) -> bool {
        &**self == *other
    }
}

impl fmt::Display for JsStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl fmt::Debug for JsStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

/// A JS function value: a name (for printing) and a Rust closure over `(this, args)`.
pub struct JsFunc {
    pub name: JsStr,
    pub call: Box<dyn Fn(JsValue, &[JsValue]) -> JsValue>,
    /// For classes and constructor functions: the prototype object that `new` gives
    /// instances; `F.prototype = obj` replaces it (read it with `proto()`).
    pub proto_slot: RefCell<Option<Rc<RefCell<JsObject>>>>,
    /// Static properties (class statics, `f.x = ...`).
    pub props: RefCell<Vec<(JsStr, JsValue)>>,
    /// `class` syntax (printed `[class C]`) rather than a constructor function.
    pub is_class: bool,
    /// Static private members (`static #n`), by private-name id (see `privates`).
    pub privs: RefCell<Vec<(u32, JsValue)>>,
    /// `f.length` when known: the generated code sets it for every function the program
    /// declares (`with_length`); a runtime-made function (a built-in as a value) leaves it
    /// `None`, and reading it stops the run rather than answering a guess.
    pub length: Cell<Option<u32>>,
    /// The class this one extends: a constructor's prototype in JS, so a subclass sees its
    /// parent's statics (`Sub.items`, an inherited `static make()`; see `ops::static_get`).
    pub parent: Option<Rc<JsFunc>>,
    /// Static getters/setters as (key, getter, setter): kept apart from `props`, which
    /// hold plain values, as `JsObject::accessors` are.
    pub accessors: RefCell<Vec<(JsStr, Option<JsValue>, Option<JsValue>)>>,
    /// Keys of `props` that are not enumerable (a class's static methods), which
    /// `console.log` and `Object.keys` skip.
    pub hidden: RefCell<Vec<JsStr>>,
    /// The function's JS source text, which `String(f)` and `f.toString()` give (V8 keeps
    /// it); set by the generated code for every function the program declares
    /// (`with_source`), `None` for built-ins, which read `function f() { [native code] }`.
    pub source: Cell<Option<&'static str>>,
}

impl JsFunc {
    /// `F.prototype` as `new F` uses it now.
    #[inline]
    pub fn proto(&self) -> Option<Rc<RefCell<JsObject>>> {
        self.proto_slot.borrow().clone()
    }

    /// A function with no statics yet; `parent` only for a class that extends another.
    /// Its name is an atom: a closure made on every call of its parent (a callback passed
    /// to `reduce`) then allocates no string for it.
    fn new(name: JsStr, call: Box<dyn Fn(JsValue, &[JsValue]) -> JsValue>, proto: Option<Rc<RefCell<JsObject>>>, is_class: bool, parent: Option<Rc<JsFunc>>) -> JsFunc {
        JsFunc { name, call, proto_slot: RefCell::new(proto), props: RefCell::new(Vec::new()), is_class, privs: RefCell::new(Vec::new()), length: Cell::new(None), parent, accessors: RefCell::new(Vec::new()), hidden: RefCell::new(Vec::new()), source: Cell::new(None) }
    }
}

/// An ordinary object: insertion-ordered own properties, an optional prototype (class
/// instances and subclass prototypes) and the class name console output shows.
#[derive(Default)]
pub struct JsObject {
    pub keys: Vec<JsStr>,
    pub vals: Vec<JsValue>,
    pub proto: Option<Rc<RefCell<JsObject>>>,
    pub class: Option<JsStr>,
    /// Error objects keep `name`/`message` as non-enumerable own properties; printing
    /// needs to know which objects are errors.
    pub is_error: bool,
    /// Keys that `console.log` and `Object.keys` skip (methods on prototypes, error fields).
    pub hidden: Vec<JsStr>,
    /// Getter/setter pairs by key (the key also sits in `keys` to keep its position).
    pub accessors: Vec<(JsStr, Option<JsValue>, Option<JsValue>)>,
    /// Private members (`#x` fields and methods), by private-name id: apart from `keys`,
    /// so no string key can reach them and nothing that lists keys sees them.
    pub privs: Vec<(u32, JsValue)>,
    /// A built-in iterator's walk (`arr.values()`, `m.entries()`), None for other objects.
    pub iter: Option<Box<crate::iterators::IterState>>,
    /// Keys whose data property is not writable, keys that are not configurable, and
    /// whether new keys are refused (`Object.defineProperty`, `freeze`, `seal`,
    /// `preventExtensions`; see `attrs`). Empty / false for nearly every object.
    pub readonly: Vec<JsStr>,
    pub fixed: Vec<JsStr>,
    pub no_extend: bool,
    /// Symbol-keyed properties, in insertion order (see `symbols`).
    pub syms: Vec<(Rc<crate::symbols::JsSymbol>, JsValue)>,
    /// Made by `Object.create(null)`: no `Object.prototype` at the end of its chain (no
    /// `toString`, `hasOwnProperty`..., printed `[Object: null prototype] {..}`).
    pub null_proto: bool,
    /// A wrapper object's primitive (`new String("a")`, a sloppy function's boxed `this`):
    /// its `valueOf`, the source of its `length`, indices and methods.
    pub boxed: Option<JsValue>,
    /// Where each key is in `keys`, once there are more than `KEY_INDEX_FROM` of them
    /// (see `KeyIndex`); kept by the methods that add or remove keys.
    pub(crate) index: Option<KeyIndex>,
}

/// Keys an object may hold before its lookups use a hash index instead of a scan: an
/// object used as a dictionary (`counts[word]`, a parsed JSON object) would otherwise pay
/// a scan of every key per access, quadratic in its size (30,000 distinct keys took 9 s
/// where Node took 0.16 s); records and small objects keep the scan, which is faster for
/// a handful of keys.
const KEY_INDEX_FROM: usize = 16;

/// A key's atom id -> its position in `JsObject::keys`.
pub(crate) type KeyIndex = std::collections::HashMap<usize, u32, std::hash::BuildHasherDefault<IdHasher>>;

/// The hasher of atom ids (addresses, so already spread): one multiply to mix the bits
/// the table uses, instead of SipHash's rounds over a key no attacker chooses.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(*b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(26);
    }
}

impl JsObject {
    /// Does this object's prototype chain end in `Object.prototype` (its members are found
    /// on it)? Every object does but those made by `Object.create(null)` and their heirs.
    pub fn inherits_object_prototype(&self) -> bool {
        match &self.proto {
            Some(p) => p.borrow().inherits_object_prototype(),
            None => !self.null_proto,
        }
    }
}

/// An object whose shape the trace proved, stored as a generated Rust struct (one per
/// shape, typed fields: `Cell<f64>`, `Cell<bool>` or `RefCell<JsValue>`).
///
/// Why a trait object rather than copying into a `JsObject` at the boundary: JS objects
/// alias, so typed code (which holds the `Rc<Struct>` and reads fields directly) and
/// dynamic code (which holds the same `Rc` as `JsValue::Rec`) must see one storage.
/// Dynamic code reaches the fields by slot through this trait. A record behaves as a
/// plain object with exactly `keys()` (an object literal's record: `Object.prototype`, no
/// accessors) or as an instance of its class (`class_name`, `proto`: the class prototype,
/// where methods and accessors are found). The emitter only makes records whose own keys
/// are not index-like nor names every object inherits. What a fixed struct cannot hold —
/// a new key, a deleted key, a value of another type in a typed field — stops the run with
/// a side exit (`exit::record_exit`), never a different answer.
pub trait Record: Any {
    /// The shape's keys, in insertion order.
    fn keys(&self) -> &'static [&'static str];
    /// The slot of `key` (generated as a `match` on the key text).
    fn slot(&self, key: &str) -> Option<usize>;
    /// The value in slot `i` (`i < keys().len()`).
    fn get(&self, i: usize) -> JsValue;
    /// Store into slot `i`; `false` when a typed field cannot hold `v`.
    fn set(&self, i: usize, v: JsValue) -> bool;
    /// The class of an instance (printed `Name { .. }`); `None` for an object literal.
    fn class_name(&self) -> Option<&'static str> {
        None
    }
    /// The prototype an instance was made with (`new C` links it); `None` for a literal.
    fn proto(&self) -> Option<Rc<RefCell<JsObject>>> {
        None
    }
}

impl dyn Record {
    /// The value of own key `key`, `None` when the shape lacks it.
    pub fn get_key(&self, key: &str) -> Option<JsValue> {
        self.slot(key).map(|i| self.get(i))
    }

    /// `obj.key` along the prototype chain: an own field, else what the class prototype
    /// holds (a method value, or an accessor pair).
    pub fn lookup(&self, key: &str) -> Option<JsValue> {
        match self.get_key(key) {
            Some(v) => Some(v),
            None => crate::ops::lookup(&self.proto()?, key),
        }
    }

    /// `obj.key = v` from dynamic code: only an existing key of the field's type fits (or
    /// a setter the class defines).
    pub fn set_key(&self, this: &JsValue, key: &str, v: JsValue) {
        match self.slot(key) {
            Some(i) => {
                let tag = v.tag();
                if !self.set(i, v) {
                    crate::exit::record_exit(self, &format!("a {} stored into field `{}`", tag, key))
                }
            }
            None => {
                if let Some(proto) = self.proto() {
                    if let Some((_, setter)) = crate::ops::find_accessor(&proto, key) {
                        if let Some(s) = setter {
                            crate::ops::call(&s, this.clone(), &[v], key);
                        }
                        return;
                    }
                }
                crate::exit::record_exit(self, &format!("a new key `{}`", key))
            }
        }
    }

    /// Own enumerable keys as atoms (the order `Object.keys` and printing use).
    pub fn enum_keys(&self) -> Vec<JsStr> {
        self.keys().iter().map(|k| atom(k)).collect()
    }

    /// The shape as the tracer names it (`{x,y}`, a class by name), for side-exit reports.
    pub fn shape(&self) -> String {
        match self.class_name() {
            Some(c) => c.to_string(),
            None => format!("{{{}}}", self.keys().join(",")),
        }
    }

    /// Identity for `===`, cycle detection and `[Circular]`: the struct's address.
    pub fn addr(&self) -> usize {
        self as *const dyn Record as *const u8 as usize
    }
}

/// Take a dynamic value into a binding typed as record struct `T`: the value must be that
/// very struct (the same `Rc`, so aliases stay one object); anything else side-exits.
#[inline]
pub fn guard_rec<T: Record>(v: JsValue, guard: u32, place: &str) -> Rc<T> {
    let saw = match v {
        JsValue::Rec(r) => match (r as Rc<dyn Any>).downcast::<T>() {
            Ok(t) => return t,
            Err(_) => "an object of another shape",
        },
        JsValue::Obj(_) => "an object not built as that struct",
        other => other.tag(),
    };
    crate::exit::side_exit(guard, place, "an object of the traced shape", saw)
}

/// `guard_rec` of the value a record's dynamic field (or a cell) holds, downcast in place:
/// a record held in a dynamic field (`this.g.n`) costs no clone and drop of the `JsValue`.
#[inline(always)]
pub fn rec_in<T: Record>(cell: &RefCell<JsValue>, guard: u32, place: &str) -> Rc<T> {
    if let JsValue::Rec(r) = &*cell.borrow() {
        if let Ok(t) = (r.clone() as Rc<dyn Any>).downcast::<T>() {
            return t;
        }
    }
    rec_in_slow(cell, guard, place)
}

#[inline(never)]
fn rec_in_slow<T: Record>(cell: &RefCell<JsValue>, guard: u32, place: &str) -> Rc<T> {
    let v = cell.borrow().clone();
    guard_rec(v, guard, place)
}

/// The value of a record's dynamic field (`RefCell<JsValue>`), as a plain call so that no
/// `Ref` temporary outlives the expression that reads it.
#[inline]
pub fn load(field: &RefCell<JsValue>) -> JsValue {
    field.borrow().clone()
}

/// The prototype `new C` links an instance to (where a class record finds its methods).
pub fn class_proto(cls: &JsValue) -> Rc<RefCell<JsObject>> {
    match cls {
        JsValue::Func(f) => match &f.proto() {
            Some(p) => p.clone(),
            None => crate::exit::throw_engine_error("TypeError", &format!("{} is not a constructor", f.name)),
        },
        _ => crate::exit::throw_engine_error("TypeError", "a class value is not a constructor"),
    }
}

/// The struct `T` when `v` is that record (a field access on a value typed as a union of
/// `T` and others, such as `null`, tests this once and then reads the field directly).
#[inline]
pub fn as_rec<T: Record>(v: &JsValue) -> Option<&T> {
    match v {
        JsValue::Rec(r) => (&**r as &dyn Any).downcast_ref::<T>(),
        _ => None,
    }
}

/// `as_rec` as a shared handle: a statically dispatched method takes its `this` as `Rc<T>`.
#[inline]
pub fn as_rec_rc<T: Record>(v: &JsValue) -> Option<Rc<T>> {
    match v {
        JsValue::Rec(r) => (r.clone() as Rc<dyn Any>).downcast::<T>().ok(),
        _ => None,
    }
}

/// A nullable record (`Option<Rc<T>>`: a binding, return value or field the trace saw
/// holding only `null` and struct `T`, such as a tree node's `left`) as the dynamic value.
#[inline]
pub fn opt_dyn<T: Record>(o: Option<Rc<T>>) -> JsValue {
    match o {
        Some(r) => JsValue::Rec(r),
        None => JsValue::Null,
    }
}

/// `guard_rec` for a nullable record: `null` is `None`, struct `T` is itself, anything
/// else side-exits (a value the trace never saw there).
#[inline]
pub fn guard_opt<T: Record>(v: JsValue, guard: u32, place: &str) -> Option<Rc<T>> {
    match v {
        JsValue::Null => None,
        JsValue::Rec(r) => match (r as Rc<dyn Any>).downcast::<T>() {
            Ok(t) => Some(t),
            Err(_) => crate::exit::side_exit(guard, place, "null or an object of the traced shape", "an object of another shape"),
        },
        other => {
            let saw = if matches!(other, JsValue::Obj(_)) { "an object not built as that struct" } else { other.tag() };
            crate::exit::side_exit(guard, place, "null or an object of the traced shape", saw)
        }
    }
}

/// `guard_opt` of the value a record's dynamic field (or a cell) holds, read in place.
#[inline(always)]
pub fn opt_in<T: Record>(cell: &RefCell<JsValue>, guard: u32, place: &str) -> Option<Rc<T>> {
    if let JsValue::Rec(r) = &*cell.borrow() {
        if let Ok(t) = (r.clone() as Rc<dyn Any>).downcast::<T>() {
            return Some(t);
        }
    }
    let v = cell.borrow().clone();
    guard_opt(v, guard, place)
}

/// What a nullable-record field of a struct may take from dynamic code (`Record::set`):
/// `Some(value)` for `null` or a `T`, `None` (refused: a side exit) for anything else.
#[inline]
pub fn opt_of<T: Record>(v: JsValue) -> Option<Option<Rc<T>>> {
    match v {
        JsValue::Null => Some(None),
        JsValue::Rec(r) => (r as Rc<dyn Any>).downcast::<T>().ok().map(Some),
        _ => None,
    }
}

/// The value of a nullable-record field: a reference-count bump, no tag dispatch.
#[inline(always)]
pub fn load_opt<T>(field: &RefCell<Option<Rc<T>>>) -> Option<Rc<T>> {
    field.borrow().clone()
}

/// The value of a record field that only ever holds struct `T` (`this.g = graph`).
#[inline(always)]
pub fn load_rec<T>(field: &RefCell<Rc<T>>) -> Rc<T> {
    field.borrow().clone()
}

/// The struct a nullable record holds, to read its property `key`: V8's TypeError
/// ("Cannot read properties of null") when it is `null`.
#[inline(always)]
pub fn nn<'a, T: Record>(o: &'a Option<Rc<T>>, key: &str) -> &'a Rc<T> {
    match o {
        Some(r) => r,
        None => null_access(key, false),
    }
}

/// `nn` for a store `o.key = v` (after `v` was evaluated, as in JS): "Cannot set properties".
#[inline(always)]
pub fn nn_set<'a, T: Record>(o: &'a Option<Rc<T>>, key: &str) -> &'a Rc<T> {
    match o {
        Some(r) => r,
        None => null_access(key, true),
    }
}

#[cold]
#[inline(never)]
fn null_access(key: &str, store: bool) -> ! {
    let msg = if store {
        format!("Cannot set properties of null (setting '{}')", key)
    } else {
        format!("Cannot read properties of null (reading '{}')", key)
    };
    crate::exit::throw_error("TypeError", &msg)
}

/// A nullable record where the trace saw only the struct (a parameter typed `T`): `null`
/// side-exits.
#[inline]
pub fn some_rec<T: Record>(o: Option<Rc<T>>, guard: u32, place: &str) -> Rc<T> {
    match o {
        Some(r) => r,
        None => crate::exit::side_exit(guard, place, "an object of the traced shape", "null"),
    }
}

/// `a === b` on two nullable records of one struct: both null, or one object.
#[inline]
pub fn opt_same<T>(a: &Option<Rc<T>>, b: &Option<Rc<T>>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

/// `a[i]` taken into a binding typed as record struct `T` (the hot `const b = bodies[i]`):
/// the element is borrowed and downcast in place; anything unusual takes `guard_rec`'s path.
#[inline(always)]
pub fn index_rec<T: Record, I: crate::numarr::ArrIndex>(v: &JsValue, i: I, guard: u32, place: &str) -> Rc<T> {
    if let JsValue::Arr(a) = v {
        if let Some(j) = i.slot() {
            if let Some(JsValue::Rec(r)) = a.borrow().get(j) {
                if let Ok(t) = (r.clone() as Rc<dyn Any>).downcast::<T>() {
                    return t;
                }
            }
        }
    }
    index_rec_slow(v, i.num(), guard, place)
}

#[inline(never)]
fn index_rec_slow<T: Record>(v: &JsValue, i: f64, guard: u32, place: &str) -> Rc<T> {
    guard_rec(crate::ops::get_index(v, i), guard, place)
}

/// `index_rec` on the array a record's dynamic field (or a cell) holds, read in place: no
/// clone of the array's `Rc` per access (`this.order[w]`).
#[inline(always)]
pub fn index_rec_in<T: Record, I: crate::numarr::ArrIndex>(cell: &RefCell<JsValue>, i: I, guard: u32, place: &str) -> Rc<T> {
    if let JsValue::Arr(a) = &*cell.borrow() {
        if let Some(j) = i.slot() {
            if let Some(JsValue::Rec(r)) = a.borrow().get(j) {
                if let Ok(t) = (r.clone() as Rc<dyn Any>).downcast::<T>() {
                    return t;
                }
            }
        }
    }
    let v = cell.borrow().clone();
    index_rec_slow(&v, i.num(), guard, place)
}

#[derive(Clone)]
pub enum JsValue {
    Undefined,
    Null,
    Bool(bool),
    Num(f64),
    Str(JsStr),
    Arr(Rc<RefCell<Vec<JsValue>>>),
    Obj(Rc<RefCell<JsObject>>),
    /// An object stored as a generated struct (see `Record`).
    Rec(Rc<dyn Record>),
    Func(Rc<JsFunc>),
    Map(Rc<RefCell<crate::keyed::Keyed<(JsValue, JsValue)>>>),
    Set(Rc<RefCell<crate::keyed::Keyed<JsValue>>>),
    RegExp(Rc<crate::regex::RegExp>),
    /// An array slot with no element: an elision (`[1, , 3]`), `new Array(n)`, a write past
    /// the end, `delete a[i]`, a `length` grown. Why a variant and not `Undefined`: Node
    /// shows the difference (`<1 empty item>`, `i in a`, `for-in`, `forEach` skipping it).
    /// It lives only inside an array's `Vec`; every read of a slot (`slot_value`) turns it
    /// into `Undefined`, so no variable, argument or property ever holds one.
    Hole,
    /// A symbol: identity is the `Rc` (see `symbols`).
    Sym(Rc<crate::symbols::JsSymbol>),
}

impl JsObject {
    pub fn accessor(&self, key: &str) -> Option<(Option<JsValue>, Option<JsValue>)> {
        self.accessor_id(atom_id(key)?)
    }

    /// The getter/setter pair for the key with atom id `id` (accessor keys are atoms too).
    #[inline]
    pub fn accessor_id(&self, id: usize) -> Option<(Option<JsValue>, Option<JsValue>)> {
        if self.accessors.is_empty() {
            return None;
        }
        self.accessors.iter().find(|a| a.0.id() == id).map(|a| (a.1.clone(), a.2.clone()))
    }

    /// Position of the own key whose atom id is `id`.
    #[inline]
    pub fn position_id(&self, id: usize) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(&id).map(|&i| i as usize),
            None => self.keys.iter().position(|k| k.id() == id),
        }
    }

    /// Add a new own key (an atom, not already present) with its value.
    pub fn push_key(&mut self, key: JsStr, v: JsValue) {
        let id = key.id();
        self.keys.push(key);
        self.vals.push(v);
        match &mut self.index {
            Some(index) => {
                index.insert(id, (self.keys.len() - 1) as u32);
            }
            None if self.keys.len() > KEY_INDEX_FROM => self.reindex(),
            None => {}
        }
    }

    /// Rebuild the key index after keys moved (or drop it when few are left).
    fn reindex(&mut self) {
        self.index = (self.keys.len() > KEY_INDEX_FROM)
            .then(|| self.keys.iter().enumerate().map(|(i, k)| (k.id(), i as u32)).collect());
    }

    pub fn get_own(&self, key: &str) -> Option<JsValue> {
        self.position_id(atom_id(key)?).map(|i| self.vals[i].clone())
    }

    pub fn set(&mut self, key: &str, v: JsValue) {
        let a = atom(key);
        match self.position_id(a.id()) {
            Some(i) => self.vals[i] = v,
            None => self.push_key(a, v),
        }
    }

    /// `set` where `id` is the atom id of `key` (see `literal_id`): no hashing unless the
    /// key is new to this object.
    pub fn set_id(&mut self, id: usize, key: &str, v: JsValue) {
        match self.position_id(id) {
            Some(i) => self.vals[i] = v,
            None => self.push_key(atom(key), v),
        }
    }

    /// Remove an own key with everything recorded about it (accessor, attributes).
    pub fn delete(&mut self, key: &str) -> bool {
        if let Some(i) = atom_id(key).and_then(|id| self.position_id(id)) {
            self.keys.remove(i);
            self.vals.remove(i);
            self.reindex();
            self.accessors.retain(|a| &*a.0 != key);
            for list in [&mut self.hidden, &mut self.readonly, &mut self.fixed] {
                list.retain(|k| &**k != key);
            }
        }
        true
    }

    /// Own enumerable keys in JS order: integer-like keys ascending, then insertion order.
    pub fn enum_keys(&self) -> Vec<JsStr> {
        self.ordered_keys(false)
    }

    /// Every own key in JS order, the non-enumerable ones (`hidden`) too when asked:
    /// `Object.getOwnPropertyNames` lists a class prototype's methods and `constructor`.
    pub fn ordered_keys(&self, with_hidden: bool) -> Vec<JsStr> {
        let mut ints: Vec<(u64, JsStr)> = Vec::new();
        let mut strs: Vec<JsStr> = Vec::new();
        for k in &self.keys {
            if !with_hidden && self.hidden.iter().any(|h| h == k) {
                continue;
            }
            match index_key(k) {
                Some(i) => ints.push((i, k.clone())),
                None => strs.push(k.clone()),
            }
        }
        if ints.is_empty() {
            return strs;
        }
        ints.sort_by_key(|p| p.0);
        ints.into_iter().map(|p| p.1).chain(strs).collect()
    }
}

/// `proto.constructor = f` (hidden), so `this.constructor.name` works. The reference
/// cycle keeps classes alive for the whole run, as they are in JS.
fn link_constructor(proto: &Rc<RefCell<JsObject>>, f: &Rc<JsFunc>) {
    // the first key, as JS defines it before the methods (the emitter adds those first)
    let mut p = proto.borrow_mut();
    p.keys.insert(0, atom("constructor"));
    p.vals.insert(0, JsValue::Func(f.clone()));
    p.reindex();
    p.hidden.push(JsStr::from("constructor"));
}

/// `Some(n)` when `k` is a canonical array index ("0", "17", not "01").
pub fn index_key(k: &str) -> Option<u64> {
    if k.is_empty() || k.len() > 10 || !k.bytes().all(|b| b.is_ascii_digit()) || (k.len() > 1 && k.starts_with('0')) {
        return None;
    }
    // an array index is at most 2^32 - 2; larger integer keys order as plain strings
    k.parse().ok().filter(|i: &u64| *i <= 4_294_967_294)
}

impl JsValue {
    pub fn str(s: &str) -> JsValue {
        JsValue::Str(JsStr::from(s))
    }

    pub fn string(s: String) -> JsValue {
        JsValue::Str(JsStr::from(s))
    }

    pub fn array(items: Vec<JsValue>) -> JsValue {
        JsValue::Arr(Rc::new(RefCell::new(items)))
    }

    /// An object with `props` (`{}` when empty). Made by `Rc::default`, which builds the
    /// object in its heap block: `Rc::new` of a `JsObject` built first (hundreds of bytes
    /// of mostly empty fields) copied it there, a `memcpy` per `{}`.
    pub fn object(props: Vec<(&str, JsValue)>) -> JsValue {
        let o: Rc<RefCell<JsObject>> = Rc::default();
        if !props.is_empty() {
            let mut b = o.borrow_mut();
            for (k, v) in props {
                b.set(k, v);
            }
        }
        JsValue::Obj(o)
    }

    /// An object literal whose keys are distinct plain names: keys and values are placed
    /// in one go, in the literal's order (the values were evaluated in that order), rather
    /// than found-or-added one `set` at a time.
    /// Built in its heap block (`Rc::default`, as `object`), not copied there.
    pub fn object_lit<const N: usize>(keys: &[&'static str; N], vals: [JsValue; N]) -> JsValue {
        let rc: Rc<RefCell<JsObject>> = Rc::default();
        {
            let mut o = rc.borrow_mut();
            o.keys = keys.iter().map(|k| literal_atom(k)).collect();
            o.vals = Vec::from(vals);
            o.reindex();
        }
        JsValue::Obj(rc)
    }

    /// A function the program declares (its name a literal of the generated code). The name's
    /// atom comes from the literal cache (`literal_atom`): closures are made on every call of
    /// the function around them, and hashing the name into the atom set each time cost 7% of
    /// a word-count action's activation.
    pub fn func(name: &'static str, f: impl Fn(JsValue, &[JsValue]) -> JsValue + 'static) -> JsValue {
        JsValue::Func(Rc::new(JsFunc::new(literal_atom(name), Box::new(f), None, false, None)))
    }

    /// A function whose name is computed at run time (`bound f`, a built-in's short name).
    pub fn func_named(name: &str, f: impl Fn(JsValue, &[JsValue]) -> JsValue + 'static) -> JsValue {
        JsValue::Func(Rc::new(JsFunc::new(atom(name), Box::new(f), None, false, None)))
    }

    /// A `function` that uses `this`: callable, and constructible with `new` (its
    /// `prototype` object is created with it).
    /// (`name` may be computed at run time, `{[k]: function () { this.x = 1; }}`: not cached.)
    pub fn ctor_fn(name: &str, f: impl Fn(JsValue, &[JsValue]) -> JsValue + 'static) -> JsValue {
        let proto = Rc::new(RefCell::new(JsObject::default()));
        let f = Rc::new(JsFunc::new(atom(name), Box::new(f), Some(proto.clone()), false, None));
        link_constructor(&proto, &f);
        JsValue::Func(f)
    }

    /// A named function expression that reads its own name (`function add(n) { ..; return
    /// add; }`): `f` gets the function itself first. It holds itself weakly (`Rc::new_cyclic`),
    /// so it is freed like any closure; while it runs, its caller holds it, so the upgrade
    /// cannot fail. `ctor`: it uses `this` (constructible, as `ctor_fn`).
    pub fn named_func(name: &'static str, ctor: bool, f: impl Fn(JsValue, JsValue, &[JsValue]) -> JsValue + 'static) -> JsValue {
        let proto = if ctor { Some(Rc::new(RefCell::new(JsObject::default()))) } else { None };
        let func = Rc::new_cyclic(|me: &std::rc::Weak<JsFunc>| {
            let me = me.clone();
            let call = move |this: JsValue, args: &[JsValue]| -> JsValue {
                match me.upgrade() {
                    Some(itself) => f(JsValue::Func(itself), this, args),
                    None => unreachable!("a function runs only while it is referenced"),
                }
            };
            JsFunc::new(literal_atom(name), Box::new(call), proto.clone(), false, None)
        });
        if let Some(proto) = &proto {
            link_constructor(proto, &func);
        }
        JsValue::Func(func)
    }

    /// A class constructor: `ctor(this, args)` initialises an instance whose prototype is
    /// `proto`; `parent` is the class it extends (statics are inherited from it).
    pub fn class(name: &'static str, proto: Rc<RefCell<JsObject>>, parent: Option<&JsValue>, ctor: impl Fn(JsValue, &[JsValue]) -> JsValue + 'static) -> JsValue {
        let parent = match parent {
            Some(JsValue::Func(p)) => Some(p.clone()),
            _ => None,
        };
        let f = Rc::new(JsFunc::new(literal_atom(name), Box::new(ctor), Some(proto.clone()), true, parent));
        link_constructor(&proto, &f);
        JsValue::Func(f)
    }

    /// Give a function value its `length` (the count of parameters before the first
    /// default or rest one, which the emitter reads off the declaration).
    pub fn with_length(self, n: u32) -> JsValue {
        if let JsValue::Func(f) = &self {
            f.length.set(Some(n));
        }
        self
    }

    /// A function value the program declared, with its JS source text (`JsFunc::source`).
    pub fn with_source(self, text: &'static str) -> JsValue {
        if let JsValue::Func(f) = &self {
            f.source.set(Some(text));
        }
        self
    }

    /// What reading an array slot holding `self` gives: a hole reads as `undefined`.
    #[inline]
    pub fn slot_value(&self) -> JsValue {
        match self {
            JsValue::Hole => JsValue::Undefined,
            v => v.clone(),
        }
    }

    #[inline]
    pub fn truthy(&self) -> bool {
        match self {
            JsValue::Undefined | JsValue::Null | JsValue::Hole => false,
            JsValue::Bool(b) => *b,
            JsValue::Num(n) => !(*n == 0.0 || n.is_nan()),
            JsValue::Str(s) => s.byte_len() != 0,
            _ => true,
        }
    }

    pub fn is_nullish(&self) -> bool {
        matches!(self, JsValue::Undefined | JsValue::Null | JsValue::Hole)
    }

    pub fn type_of(&self) -> &'static str {
        match self {
            JsValue::Undefined | JsValue::Hole => "undefined",
            JsValue::Null => "object",
            JsValue::Bool(_) => "boolean",
            JsValue::Num(_) => "number",
            JsValue::Str(_) => "string",
            JsValue::Sym(_) => "symbol",
            JsValue::Func(_) => "function",
            _ => "object",
        }
    }

    /// The tag side-exit reports use, matching the tracer's `type_tag` names.
    pub fn tag(&self) -> &'static str {
        match self {
            JsValue::Null => "null",
            JsValue::Arr(_) => "array",
            JsValue::Map(_) => "map",
            JsValue::Set(_) => "set",
            JsValue::RegExp(_) => "regexp",
            other => other.type_of(),
        }
    }

    /// ToNumber for primitives; objects go through their string form as JS does for
    /// plain objects and arrays.
    pub fn to_number(&self) -> f64 {
        match self {
            JsValue::Undefined => f64::NAN,
            JsValue::Null => 0.0,
            JsValue::Bool(b) => {
                if *b {
                    1.0
                } else {
                    0.0
                }
            }
            JsValue::Num(n) => *n,
            JsValue::Str(s) => crate::numfmt::string_to_number(s),
            JsValue::Arr(_) => crate::numfmt::string_to_number(&self.to_js_string()),
            JsValue::Obj(_) | JsValue::Rec(_) => crate::ops::to_primitive(self).to_number(),
            JsValue::Sym(_) => crate::exit::throw_engine_error("TypeError", "Cannot convert a Symbol value to a number"),
            _ => f64::NAN,
        }
    }

    /// ToString (`String(v)`, template literals, `+` with a string).
    pub fn to_js_string(&self) -> JsStr {
        match self {
            JsValue::Str(s) => s.clone(),
            // the shared atoms: a serializer's `String(v)` of a boolean made (through the
            // formatting machinery) and freed a string of its own each time
            JsValue::Bool(b) => literal_atom(if *b { "true" } else { "false" }),
            JsValue::Null => literal_atom("null"),
            JsValue::Undefined | JsValue::Hole => literal_atom("undefined"),
            other => JsStr::from(other.to_string_owned()),
        }
    }

    fn to_string_owned(&self) -> String {
        match self {
            JsValue::Undefined | JsValue::Hole => "undefined".into(),
            JsValue::Null => "null".into(),
            JsValue::Bool(b) => b.to_string(),
            JsValue::Num(n) => crate::num_to_string(*n),
            JsValue::Str(s) => s.to_string(),
            JsValue::Arr(a) => {
                let items = a.borrow();
                let parts: Vec<String> = items
                    .iter()
                    .map(|v| if v.is_nullish() { String::new() } else { v.to_js_string().to_string() })
                    .collect();
                parts.join(",")
            }
            JsValue::Obj(rc) if rc.borrow().boxed.is_some() && crate::ops::lookup(rc, "toString").is_none() => {
                rc.borrow().boxed.as_ref().map(|p| p.to_string_owned()).unwrap_or_default()
            }
            JsValue::Obj(rc) => {
                if let Some(f @ JsValue::Func(_)) = crate::ops::lookup(rc, "toString") {
                    return crate::ops::call(&f, self.clone(), &[], "toString").to_js_string().to_string();
                }
                if !rc.borrow().inherits_object_prototype() && crate::ops::lookup(rc, "valueOf").is_none() {
                    crate::exit::throw_engine_error("TypeError", "Cannot convert object to primitive value");
                }
                if rc.borrow().is_error {
                    // (read as JS reads them: a class's `get name()` counts)
                    let field = |k: &str| match crate::ops::get(self, k) {
                        JsValue::Undefined => None,
                        v => Some(v.to_js_string().to_string()),
                    };
                    let name = field("name").unwrap_or_else(|| "Error".into());
                    let msg = field("message").unwrap_or_default();
                    if msg.is_empty() {
                        name
                    } else {
                        format!("{}: {}", name, msg)
                    }
                } else if let Some(st) = &rc.borrow().iter {
                    format!("[object {}]", crate::iterators::tag(st))
                } else {
                    "[object Object]".into()
                }
            }
            JsValue::Rec(r) => {
                if let Some(f @ JsValue::Func(_)) = r.lookup("toString") {
                    return crate::ops::call(&f, self.clone(), &[], "toString").to_js_string().to_string();
                }
                "[object Object]".into()
            }
            JsValue::Func(f) => match f.source.get() {
                Some(text) => text.to_string(),
                None => format!("function {}() {{ [native code] }}", f.name),
            },
            JsValue::Map(_) => "[object Map]".into(),
            JsValue::Set(_) => "[object Set]".into(),
            JsValue::RegExp(re) => crate::regex::to_source(re),
            // implicit conversion (`+`, templates, keys of plain lookups); `String(sym)` and
            // `sym.toString()` go through `symbols::describe`
            JsValue::Sym(_) => crate::exit::throw_engine_error("TypeError", "Cannot convert a Symbol value to a string"),
        }
    }
}

impl From<f64> for JsValue {
    fn from(x: f64) -> JsValue {
        JsValue::Num(x)
    }
}

impl From<bool> for JsValue {
    fn from(b: bool) -> JsValue {
        JsValue::Bool(b)
    }
}

impl From<&str> for JsValue {
    fn from(s: &str) -> JsValue {
        JsValue::str(s)
    }
}

impl From<String> for JsValue {
    fn from(s: String) -> JsValue {
        JsValue::string(s)
    }
}
