"""Run the JS thread's work on one large CPython data-stack chunk.

Why: CPython 3.11+ keeps Python frames in per-thread "data stack" chunks of 16 KiB,
allocated with mmap when a call does not fit in the current chunk and unmapped as soon
as the frame that opened the chunk returns. A hot call made from a frame that happens
to sit near a chunk's end therefore pays an mmap, a page fault and a munmap on *every*
call: measured here (3.11, 3.12 and 3.13 alike) a three-argument call that costs 0.035 µs
costs 7 µs at the one unlucky depth per chunk. The interpreter's generated JS functions
and the recorder's hooks are exactly such hot calls, and whether a program hits the
unlucky depth depends on frame sizes, so it struck at random: one program traced 14x
slower than it ran untraced, another 2x, and adding a temporary variable to the
generated code could move a program from one to the other.

The cure needs no C: a frame asks for ``co_stacksize`` slots up front, so a function
whose code object claims a large stack is given a fresh chunk big enough to hold it —
chunks grow in powers of two, so claiming just over half a MiB yields a 1 MiB chunk
with about half of it free after that frame. While that frame stays live (it calls the
JS work and returns when the work is done), every frame the JS run pushes above it
lands in the same chunk, and no chunk boundary exists below a few thousand frames of
JS recursion. The claimed stack space is reserved, not touched: the memory cost is
virtual until used.
"""
from __future__ import annotations

from typing import Any, Callable

#: stack slots (8 bytes each) claimed by ``run_on_big_chunk``'s frame: 2**16 slots,
#: 512 KiB, plus a margin, so the chunk CPython allocates for it is 1 MiB
_CLAIMED_SLOTS = (1 << 16) + 64


def run_on_big_chunk(body: Callable[[], Any]) -> Any:
    """``body()``, called from a frame that opens a 1 MiB data-stack chunk."""
    return body()


run_on_big_chunk.__code__ = run_on_big_chunk.__code__.replace(co_stacksize=_CLAIMED_SLOTS)
