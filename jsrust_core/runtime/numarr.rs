//! `NumArr` / `RecArr<S>`: a JS array the trace proved only ever holds numbers / records
//! of one generated struct `S`, as a shared `Vec<f64>` / `Vec<Rc<S>>` (`TypedArr<T>`).
//!
//! Why a separate type: a dynamic array is `Rc<RefCell<Vec<JsValue>>>`, so every
//! `a[i]` matches a tag and every store boxes the number and its key; a record element
//! is a `JsValue::Rec` that must be downcast (a virtual `type_id` call) at every read.
//! When the type table says `array<f64>` (or `array<S>`) and the emitter proved the
//! binding never reaches dynamic code, it uses this instead: reads and writes are a load
//! or store after one integer and bounds check. It stays an `Rc` because JS arrays alias
//! (a parameter and the caller's variable are one array) and every typed name for it must
//! see writes.
//!
//! Every JS behaviour the type cannot represent leaves through a side exit, never a
//! wrong value: a read that would give `undefined` (out of range, not an integer
//! index), a write that would make a hole or a named property, `pop` of an empty array,
//! `new Array(n)` with an invalid length.
use std::cell::RefCell;
use std::rc::Rc;

use crate::exit::side_exit;
use crate::value::{JsValue, Record};

/// A typed JS array of `T` (see the module docs); `T` is `f64`, `bool`, `Rc<S>` or `NumArr` (rows).
pub struct TypedArr<T>(Rc<RefCell<Vec<T>>>);

/// An array of numbers.
pub type NumArr = TypedArr<f64>;
/// An array of records of the generated struct `S`.
pub type RecArr<S> = TypedArr<Rc<S>>;
/// An array of booleans.
pub type BoolArr = TypedArr<bool>;
/// An array of number arrays (rows), each row shared with the names it was pushed from.
pub type RowArr = TypedArr<NumArr>;

// (by hand: a derive would ask `T: Clone` / `T: Default` of the struct too)
impl<T> Clone for TypedArr<T> {
    fn clone(&self) -> Self {
        TypedArr(self.0.clone())
    }
}

impl<T> Default for TypedArr<T> {
    fn default() -> Self {
        TypedArr(Rc::new(RefCell::new(Vec::new())))
    }
}

/// An element type: what a side exit says was expected where JS would give `undefined`.
pub trait Elem: Clone {
    const EXPECTED: &'static str;
}

impl Elem for f64 {
    const EXPECTED: &'static str = "number";
}

impl Elem for bool {
    const EXPECTED: &'static str = "boolean";
}

impl Elem for i64 {
    const EXPECTED: &'static str = "number";
}

impl<S> Elem for Rc<S> {
    const EXPECTED: &'static str = "an object of the traced shape";
}

/// A row of an array of arrays (`rustgen/arrays.py`: `rows.push(row)` of a typed `row`):
/// the element is the row's own `Rc`, so `rows[i]` and `row` are one array.
impl<T> Elem for TypedArr<T> {
    const EXPECTED: &'static str = "an array";
}

/// `i` as a `Vec` index when it is an integer ≥ 0 that fits (`-0` counts as `0`, as in JS).
/// Through `i64`, not `usize`: x86 converts f64 ⇄ i64 in one instruction each way, while
/// f64 ⇄ u64 takes a multi-instruction sequence, and this runs on every element access
/// (fannkuch(8) executes 15% fewer instructions this way, measured with cachegrind).
#[inline(always)]
fn index(i: f64) -> Option<usize> {
    let j = i as i64;
    if j >= 0 && j as f64 == i {
        Some(j as usize)
    } else {
        None
    }
}

/// An index the emitter has unboxed: an `f64` JS number (checked by `index`) or an
/// `i64` loop counter (`rustgen/counters.py`), which only needs its sign checked.
/// (Dynamic arrays take one too: `ops::index_num`, `value::index_rec`.)
pub trait ArrIndex: Copy {
    fn slot(self) -> Option<usize>;
    /// The index as the JS number it stands for (for the slow, fully general path).
    fn num(self) -> f64;
}

impl ArrIndex for f64 {
    #[inline(always)]
    fn slot(self) -> Option<usize> {
        index(self)
    }
    #[inline(always)]
    fn num(self) -> f64 {
        self
    }
}

impl ArrIndex for i64 {
    #[inline(always)]
    fn slot(self) -> Option<usize> {
        if self >= 0 {
            Some(self as usize)
        } else {
            None
        }
    }
    #[inline(always)]
    fn num(self) -> f64 {
        self as f64
    }
}

/// A length as a JS number, through `u32` for the same reason (JS lengths are < 2^32).
#[inline(always)]
fn js_len(n: usize) -> f64 {
    n as u32 as f64
}

/// `Vec<T>` of a length JS rejects (RangeError) side-exits; shared by both array forms.
fn filled_vec<T: Elem>(n: f64, x: T, guard: u32, place: &str) -> Vec<T> {
    match index(n) {
        Some(len) if n <= 4294967295.0 => vec![x; len],
        _ => side_exit(guard, place, "a valid array length", "an invalid one"),
    }
}

#[inline]
fn get_in<T: Elem, I: ArrIndex>(v: &[T], i: I, guard: u32, place: &str) -> T {
    if let Some(j) = i.slot() {
        if let Some(x) = v.get(j) {
            return x.clone();
        }
    }
    miss(guard, place, T::EXPECTED)
}

#[inline]
fn set_in<T: Elem, I: ArrIndex>(v: &mut Vec<T>, i: I, x: T, guard: u32, place: &str) {
    if let Some(j) = i.slot() {
        if let Some(slot) = v.get_mut(j) {
            *slot = x;
            return;
        }
        if j == v.len() {
            return append(v, x);
        }
    }
    side_exit(guard, place, "an index <= length", "a hole or a named property")
}

/// `a[a.length] = x`, out of the hot path: a call that may grow the `Vec` in a loop that
/// stores in range would otherwise make LLVM keep the loop's numbers in memory around it
/// (spectral's `out[i] = s` after its inner loop: `s` went through the stack there).
#[cold]
#[inline(never)]
fn append<T>(v: &mut Vec<T>, x: T) {
    v.push(x);
}

#[inline]
fn push_in<T>(v: &mut Vec<T>, x: T) -> f64 {
    v.push(x);
    js_len(v.len())
}

#[inline]
fn pop_in<T: Elem>(v: &mut Vec<T>, guard: u32, place: &str) -> T {
    match v.pop() {
        Some(x) => x,
        None => miss(guard, place, T::EXPECTED),
    }
}

/// The JS array operations of a typed array over its `RefCell<Vec<T>>` (`$cell`: how
/// `self` reaches it), written once for `TypedArr` (behind an `Rc`, shared) and `FieldArr`
/// (inside its record): same behaviour and side exits, inherent methods either way, so
/// generated code calls both alike.
macro_rules! array_ops {
    ($ty:ident, $self_:ident => $cell:expr, $wrap:expr) => {
        impl<T: Elem> $ty<T> {
            /// An array literal whose elements all have the element type.
            pub fn from_vec(items: Vec<T>) -> Self {
                $wrap(items)
            }

            /// `new Array(n).fill(x)`.
            pub fn filled(n: f64, x: T, guard: u32, place: &str) -> Self {
                Self::from_vec(filled_vec(n, x, guard, place))
            }

            /// `a.length`.
            #[inline]
            pub fn len(&$self_) -> f64 {
                js_len($cell.borrow().len())
            }

            /// `a.length` as an `i64`, for a comparison with a counter (`i < a.length`).
            #[inline]
            pub fn ilen(&$self_) -> i64 {
                $cell.borrow().len() as i64
            }

            /// `a[i]` where JS would give an element.
            #[inline]
            pub fn get<I: ArrIndex>(&$self_, i: I, guard: u32, place: &str) -> T {
                get_in(&$cell.borrow(), i, guard, place)
            }

            /// `a[i] = x`: stores in range, appends at `i == length`; anything else would
            /// make a hole or a named property, which this representation cannot hold.
            #[inline]
            pub fn set<I: ArrIndex>(&$self_, i: I, x: T, guard: u32, place: &str) {
                set_in(&mut $cell.borrow_mut(), i, x, guard, place)
            }

            /// `a.push(x)`: the new length.
            #[inline]
            pub fn push(&$self_, x: T) -> f64 {
                push_in(&mut $cell.borrow_mut(), x)
            }

            /// `a.pop()` of a non-empty array (an empty one would give `undefined`).
            #[inline]
            pub fn pop(&$self_, guard: u32, place: &str) -> T {
                let mut v = $cell.borrow_mut();
                pop_in(&mut v, guard, place)
            }

            /// A step of `for (x of a)`: the element at `i`, or `None` past the end, read
            /// anew each step (the loop body may have pushed or popped).
            #[inline]
            pub fn at(&$self_, i: usize) -> Option<T> {
                $cell.borrow().get(i).cloned()
            }

            /// The elements of `a.slice()`, a copy.
            pub fn to_vec(&$self_) -> Vec<T> {
                $cell.borrow().clone()
            }
        }
    };
}

array_ops!(TypedArr, self => self.0, |items| TypedArr(Rc::new(RefCell::new(items))));

/// An element as the dynamic value it stands for (a record stays the same `Rc`).
pub trait ElemDyn {
    fn to_dyn(&self) -> JsValue;
}

impl ElemDyn for f64 {
    fn to_dyn(&self) -> JsValue {
        JsValue::Num(*self)
    }
}

impl<S: Record> ElemDyn for Rc<S> {
    fn to_dyn(&self) -> JsValue {
        JsValue::Rec(self.clone())
    }
}

impl<T: ElemDyn> TypedArr<T> {
    /// A dynamic copy of the elements, for the readers that only look at a class
    /// instance's typed array field (`console.log`, `JSON.stringify` of the instance:
    /// `rustgen/fieldarrs.py` keeps every other dynamic reader away from such a field).
    pub fn snapshot(&self) -> JsValue {
        JsValue::array(self.0.borrow().iter().map(ElemDyn::to_dyn).collect())
    }
}

/// A typed array field of a class record that no other name ever holds (`rustgen/fieldarrs.py`:
/// no `const a = this.items`, no `f(this.items)`), stored in the struct itself: the
/// record and its arrays are one allocation instead of one per array (a graph node with
/// `succ` and `pred` lists: three `malloc`s to one per node, before any edge is pushed).
/// Same JS behaviour and side exits as `TypedArr`, through `&self` as a shared field is.
pub struct FieldArr<T>(RefCell<Vec<T>>);

array_ops!(FieldArr, self => self.0, |items| FieldArr(RefCell::new(items)));

impl<T: ElemDyn> FieldArr<T> {
    /// A dynamic copy of the elements (as `TypedArr::snapshot`).
    pub fn snapshot(&self) -> JsValue {
        JsValue::array(self.0.borrow().iter().map(ElemDyn::to_dyn).collect())
    }
}

/// A typed array that only one local variable ever names (`rustgen/arrays.py`: its group
/// is that binding alone — never aliased, passed, returned or captured), as a plain owned
/// `Vec<T>`: no `Rc` to follow and no `RefCell` flag to check and write per access
/// (fannkuch's three work arrays: 37% fewer instructions). Same JS behaviour and side
/// exits as `TypedArr`.
pub struct OwnArr<T>(Vec<T>);

impl<T> Default for OwnArr<T> {
    fn default() -> Self {
        OwnArr(Vec::new())
    }
}

impl<T: Elem> OwnArr<T> {
    pub fn from_vec(items: Vec<T>) -> Self {
        OwnArr(items)
    }

    pub fn filled(n: f64, x: T, guard: u32, place: &str) -> Self {
        OwnArr(filled_vec(n, x, guard, place))
    }

    #[inline]
    pub fn len(&self) -> f64 {
        js_len(self.0.len())
    }

    #[inline]
    pub fn ilen(&self) -> i64 {
        self.0.len() as i64
    }

    #[inline]
    pub fn get<I: ArrIndex>(&self, i: I, guard: u32, place: &str) -> T {
        get_in(&self.0, i, guard, place)
    }

    #[inline]
    pub fn set<I: ArrIndex>(&mut self, i: I, x: T, guard: u32, place: &str) {
        set_in(&mut self.0, i, x, guard, place)
    }

    #[inline]
    pub fn push(&mut self, x: T) -> f64 {
        push_in(&mut self.0, x)
    }

    #[inline]
    pub fn pop(&mut self, guard: u32, place: &str) -> T {
        pop_in(&mut self.0, guard, place)
    }

    #[inline]
    pub fn at(&self, i: usize) -> Option<T> {
        self.0.get(i).cloned()
    }

    pub fn to_vec(&self) -> Vec<T> {
        self.0.clone()
    }
}

#[cold]
#[inline(never)]
fn miss(guard: u32, place: &str, expected: &str) -> ! {
    side_exit(guard, place, expected, "undefined")
}
