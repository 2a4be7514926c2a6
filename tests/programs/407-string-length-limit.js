// V8's longest string (2^29 - 24 UTF-16 units): repeat and padStart/padEnd asked for a longer one
// throw RangeError: Invalid string length instead of building it; an empty filler or count stays fine.
for (const t of [() => "ab".repeat(2 ** 29).length, () => "ab".padStart(2 ** 30, "xy").length, () => "ab".padEnd(2 ** 29 + 1).length,
  () => "ab".padEnd(2 ** 29 + 1, "").length, () => "".repeat(2 ** 40).length, () => "ab".repeat(0).length, () => "abc".padStart(10, "xy")]) {
  try { console.log(JSON.stringify(t())); } catch (e) { console.log(e.name, e.message); }
}
