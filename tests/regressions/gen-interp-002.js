// Found by the generator (seed 1, 2026-11-27): `- (- Infinity)` crashed the interpreter's
// constant folding (it negated the folded `-Infinity` as text) with a Python ValueError.
let n5 = (- (- Infinity));
console.log(n5, -(-(-Infinity)), -(-NaN), -(-0), - -1e21);
