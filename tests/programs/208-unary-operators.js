// Unary plus, minus, logical not and bitwise not on many types.
const vals = [0, -0, 1, -1, "", "0", "1", "a", null, undefined, true, false, [], [0], {}, NaN, Infinity];
for (const v of vals) console.log(JSON.stringify(v) ?? String(v), +v, -v, !v, ~v, !!v);
