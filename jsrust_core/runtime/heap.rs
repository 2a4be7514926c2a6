//! Room for the program thread's heap, made once before the program runs.
//!
//! Why: the program runs on its own thread (`exit::run_main`), and glibc's malloc gives
//! every thread but the main one an arena of its own, carved from a reserved region that
//! it opens for use one `mprotect` system call per page as the heap grows (the main
//! arena grows through `brk` with 128 KiB of slack instead). A program that builds many
//! small objects — and one whose objects reference each other in cycles, which `Rc`
//! never frees, keeps growing its heap — paid a system call for every 4 KiB it
//! allocated: about 1,000 `mprotect` calls per run of a loop finder over control-flow
//! graphs (`bench_loops.js 300`).
//!
//! What this does, with nothing but ordinary allocations: one block of `SPAN` bytes is
//! allocated and freed (too large for the heap, malloc maps it directly, and freeing a
//! mapped block raises malloc's thresholds for mapping and for giving memory back to
//! about its size), then one block just under `SPAN` is allocated and freed on the
//! program thread: it now comes from the thread's heap, which opens that much with one
//! call and keeps it. Nothing is written, so no page is touched until the program uses
//! it (the resident size does not grow). Under another allocator this is two
//! allocations and two frees, and changes nothing.
use std::hint::black_box;

/// Bytes opened at once: just under glibc's largest mapping threshold (32 MiB on 64-bit;
/// a freed mapped block larger than that does not raise it), and well inside the 64 MiB
/// a thread heap can span.
const SPAN: usize = (32 << 20) - (64 << 10);

/// Open `SPAN` bytes of the calling thread's heap (see the module notes).
pub fn reserve() {
    drop(black_box(Vec::<u8>::with_capacity(SPAN)));
    drop(black_box(Vec::<u8>::with_capacity(SPAN - 4096)));
}
