//! A Map's entries and a Set's members: insertion order in a `Vec`, and once there are
//! more than `INDEX_FROM` of them, a hash index from key to position.
//!
//! Why: finding a key by scanning every entry made a Map or Set of n keys cost n steps per
//! `get`/`set`/`has`/`add`; building one of 30,000 distinct words took seconds where Node
//! takes milliseconds. Small collections keep the scan (with the string fast path), which
//! beats hashing for a handful of keys. The index maps a SameValueZero-consistent hash
//! (`key_hash`) to one position; a hit is confirmed by comparing the key, and when two
//! keys share a hash only the first is indexed and the other is found by the scan — so
//! the answer never depends on the index, only its speed does. Reads go through `Deref` to
//! the slice; every change goes through a method here, which keeps the index true.
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Deref;
use std::rc::Rc;

use crate::ops::same_value_zero;
use crate::value::{IdHasher, JsValue};

const INDEX_FROM: usize = 16;

/// What a collection is keyed by: a Map entry's key, a Set member itself.
pub trait KeyOf {
    fn key(&self) -> &JsValue;
}

impl KeyOf for (JsValue, JsValue) {
    fn key(&self) -> &JsValue {
        &self.0
    }
}

impl KeyOf for JsValue {
    fn key(&self) -> &JsValue {
        self
    }
}

/// A Map's `(key, value)` entries or a Set's members (see the module docs).
pub struct Keyed<T> {
    items: Vec<T>,
    index: Option<HashMap<u64, u32, BuildHasherDefault<IdHasher>>>,
}

impl<T> Default for Keyed<T> {
    fn default() -> Self {
        Keyed { items: Vec::new(), index: None }
    }
}

impl<T> Deref for Keyed<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.items
    }
}

impl<T: KeyOf> Keyed<T> {
    /// Where key `k` is (SameValueZero).
    #[inline]
    pub fn position(&self, k: &JsValue) -> Option<usize> {
        if let Some(index) = &self.index {
            match index.get(&key_hash(k)) {
                None => return None,
                Some(&i) if same_value_zero(self.items[i as usize].key(), k) => return Some(i as usize),
                Some(_) => {} // another key with the same hash holds the slot: scan
            }
        }
        scan(&self.items, k)
    }

    /// Append an item whose key is not present yet.
    pub fn push(&mut self, item: T) {
        let h = key_hash(item.key());
        self.items.push(item);
        match &mut self.index {
            Some(index) => {
                index.entry(h).or_insert((self.items.len() - 1) as u32);
            }
            None if self.items.len() > INDEX_FROM => self.reindex(),
            None => {}
        }
    }

    /// The item at `i`, to change what is not its key (a Map entry's value).
    pub fn value_mut(&mut self, i: usize) -> &mut T {
        &mut self.items[i]
    }

    /// Remove the item at `i`; the later items move down one.
    pub fn remove(&mut self, i: usize) -> T {
        let item = self.items.remove(i);
        self.reindex();
        item
    }

    pub fn clear(&mut self) {
        self.items.clear();
        self.index = None;
    }

    fn reindex(&mut self) {
        self.index = (self.items.len() > INDEX_FROM).then(|| {
            let mut index = HashMap::with_capacity_and_hasher(self.items.len(), Default::default());
            for (i, item) in self.items.iter().enumerate() {
                index.entry(key_hash(item.key())).or_insert(i as u32);
            }
            index
        });
    }
}

/// The scan of a small collection: a string key compared as bytes with the string keys
/// only, a number with the numbers (the general comparison's match over every pair of
/// kinds cost more than the comparison itself).
#[inline]
fn scan<T: KeyOf>(items: &[T], k: &JsValue) -> Option<usize> {
    match k {
        JsValue::Str(ks) => {
            let kb = ks.as_bytes();
            items.iter().position(|it| matches!(it.key(), JsValue::Str(s) if s.eq_bytes(kb)))
        }
        JsValue::Num(x) if !x.is_nan() => items.iter().position(|it| matches!(it.key(), JsValue::Num(y) if y == x)),
        _ => items.iter().position(|it| same_value_zero(it.key(), k)),
    }
}

/// A hash that agrees with SameValueZero: equal keys hash alike (`-0` as `0`, every NaN
/// alike, strings by their text, objects by identity).
fn key_hash(k: &JsValue) -> u64 {
    use std::hash::Hasher;
    let mut h = IdHasher::default();
    match k {
        JsValue::Str(s) => h.write(s.as_bytes()),
        JsValue::Num(x) if x.is_nan() => h.write_usize(1),
        JsValue::Num(x) => h.write_usize(if *x == 0.0 { 0 } else { x.to_bits() as usize } ^ 2),
        JsValue::Bool(b) => h.write_usize(3 + *b as usize),
        JsValue::Undefined => h.write_usize(5),
        JsValue::Null => h.write_usize(6),
        JsValue::Obj(o) => h.write_usize(Rc::as_ptr(o) as *const u8 as usize),
        JsValue::Arr(a) => h.write_usize(Rc::as_ptr(a) as *const u8 as usize),
        JsValue::Func(f) => h.write_usize(Rc::as_ptr(f) as *const u8 as usize),
        JsValue::Map(m) => h.write_usize(Rc::as_ptr(m) as *const u8 as usize),
        JsValue::Set(s) => h.write_usize(Rc::as_ptr(s) as *const u8 as usize),
        JsValue::RegExp(r) => h.write_usize(Rc::as_ptr(r) as *const u8 as usize),
        JsValue::Rec(r) => h.write_usize(Rc::as_ptr(r) as *const u8 as usize),
        JsValue::Sym(s) => h.write_usize(Rc::as_ptr(s) as *const u8 as usize),
        JsValue::Hole => h.write_usize(7),
    }
    h.finish()
}
