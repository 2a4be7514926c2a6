// A table of a + b over mixed operand types.
const ops = [1, "1", true, null, undefined, [], [2], {}, NaN];
const label = v => (typeof v === "string" ? JSON.stringify(v) : Array.isArray(v) ? `[${v}]` : v === null ? "null" : typeof v === "object" ? "{}" : String(v));
for (const a of ops) console.log(label(a).padEnd(9), ops.map(b => String(a + b)).join(" | "));
