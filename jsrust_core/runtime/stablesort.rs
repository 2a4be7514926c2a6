//! The sort behind `Array.prototype.sort(compare)`, call for call the interpreter's
//! (`jsrust_core/interp/arraysort.py`, where the algorithm is explained): the trace then
//! holds exactly the comparisons this code makes, and a comparator that prints prints
//! what Node prints (V8's TimSort order below 64 elements).
//!
//! Our own code rather than the standard library's `sort_by` for a second reason: JS lets
//! a program pass a comparator that is no total order (random, inconsistent), and
//! `sort_by` may panic on one ("does not correctly implement a total order"); this sort
//! finishes for any comparator.

use std::cmp::Ordering;

/// Sort `v` stably by `cmp` (`Less`: the first argument goes first).
pub fn sort_by<T: Clone>(v: &mut [T], cmp: &mut impl FnMut(&T, &T) -> Ordering) {
    let n = v.len();
    if n < 2 {
        return;
    }
    let min_run = min_run(n);
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut low = 0;
    while low < n {
        let mut run = count_and_make_run(&mut v[low..], cmp);
        if run < min_run {
            let forced = min_run.min(n - low);
            binary_insertion_sort(&mut v[low..low + forced], run, cmp);
            run = forced;
        }
        runs.push((low, run));
        low += run;
    }
    let mut buf: Vec<T> = Vec::new();
    while runs.len() > 1 {
        let mut merged = Vec::with_capacity(runs.len() / 2 + 1);
        for pair in runs.chunks(2) {
            match *pair {
                [(a, la), (_, lb)] => {
                    merge(&mut v[a..a + la + lb], la, &mut buf, cmp);
                    merged.push((a, la + lb));
                }
                [odd] => merged.push(odd),
                _ => unreachable!("chunks(2) yields one or two runs"),
            }
        }
        runs = merged;
    }
}

/// TimSort's minimum run: `n` itself below 64, else between 32 and 64.
fn min_run(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// Length of the run at the start of `v`; a strictly descending one is reversed.
fn count_and_make_run<T>(v: &mut [T], cmp: &mut impl FnMut(&T, &T) -> Ordering) -> usize {
    if v.len() == 1 {
        return 1;
    }
    let descending = cmp(&v[1], &v[0]) == Ordering::Less;
    let mut run = 2;
    while run < v.len() {
        let order = cmp(&v[run], &v[run - 1]);
        if descending != (order == Ordering::Less) {
            break;
        }
        run += 1;
    }
    if descending {
        v[..run].reverse();
    }
    run
}

/// Insert `v[start..]` into the sorted `v[..start]`, each element after its equals.
fn binary_insertion_sort<T>(v: &mut [T], start: usize, cmp: &mut impl FnMut(&T, &T) -> Ordering) {
    for i in start.max(1)..v.len() {
        let (mut left, mut right) = (0, i);
        while left < right {
            let mid = left + ((right - left) >> 1);
            if cmp(&v[i], &v[mid]) == Ordering::Less {
                right = mid;
            } else {
                left = mid + 1;
            }
        }
        v[left..=i].rotate_right(1);
    }
}

/// Merge the sorted runs `v[..mid]` and `v[mid..]`; on a tie the left element goes first.
fn merge<T: Clone>(v: &mut [T], mid: usize, buf: &mut Vec<T>, cmp: &mut impl FnMut(&T, &T) -> Ordering) {
    buf.clear();
    buf.extend_from_slice(&v[..mid]);
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < buf.len() && j < v.len() {
        if cmp(&v[j], &buf[i]) == Ordering::Less {
            v[k] = v[j].clone();
            j += 1;
        } else {
            v[k] = buf[i].clone();
            i += 1;
        }
        k += 1;
    }
    while i < buf.len() {
        v[k] = buf[i].clone();
        i += 1;
        k += 1;
    }
}
