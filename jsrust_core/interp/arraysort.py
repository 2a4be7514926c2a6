"""The order in which ``Array.prototype.sort`` calls its comparator.

A comparator is the program's code: it may print, count, or be no total order at all.
So the interpreter and the compiled runtime (``runtime/stablesort.rs``) sort with the
same algorithm, call for call: a trace then holds exactly the comparisons the compiled
program will make (a different algorithm there meets pairs the trace never saw, and
side-exits), and a comparator that logs prints what Node prints.

The algorithm is V8's TimSort (``third_party/v8/builtins/array-sort.tq``) for arrays
shorter than 64: find the leading run (reversing a strictly descending one), then
binary insertion of the rest, comparing ``(later, earlier)``. Longer arrays are cut into
runs the same way and merged pairwise left to right, without V8's galloping; for them the
comparator sees other pairs than in Node, but any consistent comparator gives Node's
(stable) order, and any comparator at all finishes.
"""
from __future__ import annotations

from typing import Any, Callable

#: ``compare(a, b)``: negative when ``a`` goes before ``b``, as the JS comparator answers
Compare = Callable[[Any, Any], float]


def sort_values(v: list, compare: Compare) -> None:
    """Sort ``v`` in place, stably, calling ``compare`` in the order described above."""
    n = len(v)
    if n < 2:
        return
    min_run = _min_run(n)
    runs: list[tuple[int, int]] = []
    low = 0
    while low < n:
        run = _count_and_make_run(v, low, n, compare)
        if run < min_run:
            forced = min(min_run, n - low)
            _binary_insertion_sort(v, low, low + run, low + forced, compare)
            run = forced
        runs.append((low, run))
        low += run
    while len(runs) > 1:
        merged = []
        for i in range(0, len(runs) - 1, 2):
            (a, la), (_, lb) = runs[i], runs[i + 1]
            _merge(v, a, la, lb, compare)
            merged.append((a, la + lb))
        if len(runs) % 2:
            merged.append(runs[-1])
        runs = merged


def _min_run(n: int) -> int:
    """TimSort's minimum run: ``n`` itself below 64, else between 32 and 64."""
    r = 0
    while n >= 64:
        r |= n & 1
        n >>= 1
    return n + r


def _count_and_make_run(v: list, low: int, high: int, compare: Compare) -> int:
    """Length of the run starting at ``low``; a strictly descending one is reversed."""
    if low + 1 == high:
        return 1
    descending = compare(v[low + 1], v[low]) < 0
    run = 2
    previous = v[low + 1]
    for i in range(low + 2, high):
        current = v[i]
        order = compare(current, previous)
        if (order >= 0) if descending else (order < 0):
            break
        previous = current
        run += 1
    if descending:
        v[low:low + run] = v[low:low + run][::-1]
    return run


def _binary_insertion_sort(v: list, low: int, start: int, high: int, compare: Compare) -> None:
    """Insert ``v[start:high]`` into the sorted ``v[low:start]``, each after its equals."""
    if start == low:
        start += 1
    while start < high:
        pivot = v[start]
        left, right = low, start
        while left < right:
            mid = left + ((right - left) >> 1)
            if compare(pivot, v[mid]) < 0:
                right = mid
            else:
                left = mid + 1
        v[left + 1:start + 1] = v[left:start]
        v[left] = pivot
        start += 1


def _merge(v: list, a: int, la: int, lb: int, compare: Compare) -> None:
    """Merge the sorted runs ``v[a:a+la]`` and ``v[a+la:a+la+lb]``; ties take the left."""
    left = v[a:a + la]
    i, j, k, end = 0, a + la, a, a + la + lb
    while i < la and j < end:
        if compare(v[j], left[i]) < 0:
            v[k] = v[j]
            j += 1
        else:
            v[k] = left[i]
            i += 1
        k += 1
    v[k:k + la - i] = left[i:]
