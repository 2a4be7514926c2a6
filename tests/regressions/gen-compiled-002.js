// Found by test_generated (compiled, seed 5): rustc rejected the generated Rust —
// `isNaN(0)` became `0.0.is_nan()`, a method call on a literal of ambiguous float type
// (E0689). Now `f64::is_nan(..)` / `f64::is_finite(..)`.
function case0() {
  for (let i1 = 0; i1 < 0; i1++) {
    let s2 = ("" + 0);
    console.log((- (0 + 0)));
  }
  console.log((!isNaN(0)), 0, 0, isFinite(1), isNaN(-0.5), isFinite(1 / 0));
  return 0;
}
console.log('case 0:', case0());
