//! `Date.now()` and `performance.now()`: the two clocks programs read to time themselves.
//!
//! Why only these two: benchmarks time a loop with them, and a compiled program must run
//! the same source; a full `Date` (calendars, time zones, parsing) is not modelled and
//! the emitter refuses `Date` as a value.  Both answer plain numbers as Node does.
use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// When the program started: `performance.now()` counts from here (Node's `timeOrigin`).
static ORIGIN: OnceLock<Instant> = OnceLock::new();

/// Fix the time origin; `run_main` calls it first, so a program's first reading is its age.
pub fn mark_origin() {
    ORIGIN.get_or_init(Instant::now);
}

/// `Date.now()`: whole milliseconds since the Unix epoch (a clock set before 1970 reads
/// as a negative count, as a `Date` would).
pub fn date_now() -> f64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_millis() as f64,
        Err(e) => -(e.duration().as_millis() as f64),
    }
}

/// `performance.now()`: fractional milliseconds since the program started, monotonic.
pub fn performance_now() -> f64 {
    ORIGIN.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
}
