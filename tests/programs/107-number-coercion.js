// Unary +, arithmetic and comparisons coerce to numbers.
const vals = ["", " ", "12", "12px", "0x10", "0b11", "0o7", "1e3", "-", ".5", "5.", "Infinity", "-Infinity", "infinity", null, undefined, true, false, [], [7], [1, 2], {}];
for (const v of vals) console.log(JSON.stringify(v), +v, v * 1, v - 0, Number(v));
console.log("3" - - "3", "3" + - "3", - "", - " 7 ");
console.log(null >= 0, null > 0, null == 0, undefined >= 0);
