//! Built-in iterator objects: `arr.values()`, `m.entries()`, `s.keys()`...
//!
//! An iterator is an ordinary object (`JsObject`, so `typeof`, own properties and
//! `Object.keys` behave as for any object) that carries an `IterState`: the array, Map or
//! Set it walks, what it yields and how far it got. Iteration is live, as in JS: an array
//! iterator reads the array at its cursor on each `next()`, so elements pushed meanwhile
//! are seen; a Map/Set iterator reads the entry list (a `Vec` in insertion order) at its
//! cursor, which is right for entries added (they go to the end) or changed in place.
//! Deleting an entry before the cursor shifts the list under it, which an index cannot
//! follow: that is detected (the entry before the cursor is no longer the one last
//! yielded) and stops the run as unsupported rather than skipping or repeating an entry.
//! Deleting and re-adding the very entry last yielded is not detected; the interpreter
//! (`builtins_collections._live`) does not revisit it either, though JS would.
use std::cell::RefCell;
use std::rc::Rc;

use crate::ops::same_value_zero;
use crate::value::{JsObject, JsValue};

/// What each step yields.
#[derive(Clone, Copy, PartialEq)]
pub enum Yield {
    Keys,
    Values,
    Entries,
}

/// The walk of one iterator: `source` is `Arr`, `Map` or `Set`; `done` once exhausted (a
/// finished iterator stays finished even if its source grows, as in JS).
pub struct IterState {
    source: JsValue,
    what: Yield,
    pos: usize,
    done: bool,
    /// the key yielded last (Map/Set), to notice a deletion before the cursor
    last: Option<JsValue>,
}

/// A new iterator over `source` (an array, Map or Set).
pub fn make(source: &JsValue, what: Yield) -> JsValue {
    let state = IterState { source: source.clone(), what, pos: 0, done: false, last: None };
    let obj = JsObject { iter: Some(Box::new(state)), ..Default::default() };
    JsValue::Obj(Rc::new(RefCell::new(obj)))
}

/// What a `for...of` loop walks, live as in JS (see the module notes): an array by index
/// (elements pushed by the body are visited), a Map's entries and a Set's values at a
/// cursor, an iterator object step by step; a string, which cannot change, from a snapshot.
pub enum ForOf {
    Walk(IterState),
    Steps(Rc<RefCell<JsObject>>),
    Snapshot(std::vec::IntoIter<JsValue>),
    /// A program's own iterable: its iterator's `next()`, called once per step.
    Protocol(JsValue),
}

/// The walk `for (x of v)` takes: a TypeError for a value that is not iterable, naming
/// `text` as V8 does (`builtins::not_iterable`).
pub fn for_of(v: &JsValue, text: &str) -> ForOf {
    let walk = |what| ForOf::Walk(IterState { source: v.clone(), what, pos: 0, done: false, last: None });
    match v {
        JsValue::Arr(_) | JsValue::Set(_) => walk(Yield::Values),
        JsValue::Map(_) => walk(Yield::Entries),
        JsValue::Obj(o) if o.borrow().iter.is_some() => ForOf::Steps(o.clone()),
        other => match crate::symbols::user_iterator(other) {
            Some(it) => ForOf::Protocol(it),
            None => ForOf::Snapshot(crate::builtins::spread(other, text, false).into_iter()),
        },
    }
}

impl Iterator for ForOf {
    type Item = JsValue;

    /// Inlined into the generated loop: the array walk (the common case) is then a bounds
    /// test and an element clone, not a call per element.
    #[inline]
    fn next(&mut self) -> Option<JsValue> {
        match self {
            ForOf::Walk(st) => {
                if let (JsValue::Arr(a), Yield::Values, false) = (&st.source, st.what, st.done) {
                    // the common `for (const x of arr)`: the element at the cursor, read
                    // live, without `step`'s general dispatch and handle clone
                    let item = a.borrow().get(st.pos).map(JsValue::slot_value);
                    match item {
                        Some(_) => st.pos += 1,
                        None => st.done = true,
                    }
                    return item;
                }
                step(st)
            }
            ForOf::Steps(o) => o.borrow_mut().iter.as_mut().and_then(|st| step(st)),
            ForOf::Snapshot(items) => items.next(),
            ForOf::Protocol(it) => crate::symbols::step(it),
        }
    }
}

/// The Node name of the iterator's kind: `Array Iterator`, `Map Iterator`, `Set Iterator`
/// (the object's `Symbol.toStringTag`, used by printing and `String(it)`).
pub fn tag(state: &IterState) -> &'static str {
    match state.source {
        JsValue::Map(_) => "Map Iterator",
        JsValue::Set(_) => "Set Iterator",
        _ => "Array Iterator",
    }
}

fn pair(a: JsValue, b: JsValue) -> JsValue {
    JsValue::array(vec![a, b])
}

/// The entry a Map/Set walk stands on, after checking that nothing before it was removed.
fn checked_entry<T: Clone>(items: &[T], key_of: impl Fn(&T) -> JsValue, st: &IterState) -> Option<T> {
    if let Some(last) = &st.last {
        let before = items.get(st.pos.wrapping_sub(1)).map(&key_of);
        if !before.is_some_and(|k| same_value_zero(&k, last)) {
            crate::exit::unsupported("deleting from a Map or Set while an iterator walks it");
        }
    }
    items.get(st.pos).cloned()
}

/// One step: the next value, or `None` when the walk is over.
pub fn step(st: &mut IterState) -> Option<JsValue> {
    if st.done {
        return None;
    }
    if let JsValue::Arr(a) = &st.source {
        // the hot `for (const x of arr)`: read in place, no clone of the array per step
        let item = a.borrow().get(st.pos).map(JsValue::slot_value); // a hole yields undefined
        let out = item.map(|v| match st.what {
            Yield::Keys => JsValue::Num(st.pos as f64),
            Yield::Values => v,
            Yield::Entries => pair(JsValue::Num(st.pos as f64), v),
        });
        match out {
            Some(_) => st.pos += 1,
            None => st.done = true,
        }
        return out;
    }
    let source = st.source.clone();
    let out = match &source {
        JsValue::Map(m) => checked_entry(&m.borrow(), |p| p.0.clone(), st).map(|(k, v)| {
            st.last = Some(k.clone());
            match st.what {
                Yield::Keys => k,
                Yield::Values => v,
                Yield::Entries => pair(k, v),
            }
        }),
        JsValue::Set(s) => checked_entry(&s.borrow(), JsValue::clone, st).map(|v| {
            st.last = Some(v.clone());
            if st.what == Yield::Entries {
                pair(v.clone(), v)
            } else {
                v
            }
        }),
        _ => None,
    };
    match out {
        Some(_) => st.pos += 1,
        None => st.done = true,
    }
    out
}

/// `it.next()`: `{ value, done }`.
pub fn next(obj: &Rc<RefCell<JsObject>>) -> JsValue {
    let v = obj.borrow_mut().iter.as_mut().and_then(|st| step(st));
    let done = v.is_none();
    JsValue::object_lit(&["value", "done"], [v.unwrap_or(JsValue::Undefined), JsValue::Bool(done)])
}

/// Every value left (for-of, spread, `Array.from`): the iterator ends exhausted.
pub fn drain(obj: &Rc<RefCell<JsObject>>) -> Vec<JsValue> {
    let mut out = Vec::new();
    while let Some(v) = obj.borrow_mut().iter.as_mut().and_then(|st| step(st)) {
        out.push(v);
    }
    out
}

/// What Node's inspect previews of a Map/Set iterator without advancing it: the entries
/// still ahead, as `(key, value)` pairs when it yields entries. `None` for an array
/// iterator, which prints no entries.
pub fn preview(st: &IterState) -> Option<(Vec<JsValue>, bool)> {
    let entries = st.what == Yield::Entries;
    let pos = if st.done { usize::MAX } else { st.pos };
    let items: Vec<JsValue> = match &st.source {
        JsValue::Map(m) => m
            .borrow()
            .iter()
            .skip(pos)
            .flat_map(|(k, v)| match st.what {
                Yield::Keys => vec![k.clone()],
                Yield::Values => vec![v.clone()],
                Yield::Entries => vec![k.clone(), v.clone()],
            })
            .collect(),
        JsValue::Set(s) => {
            s.borrow().iter().skip(pos).flat_map(|v| if entries { vec![v.clone(), v.clone()] } else { vec![v.clone()] }).collect()
        }
        _ => return None,
    };
    Some((items, entries))
}
