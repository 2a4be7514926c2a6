// Global isNaN/isFinite coerce; Number.isNaN/isFinite/isInteger do not.
const vals = [NaN, "NaN", undefined, null, "", "12", 12.5, Infinity, "Infinity", [], [5], true, 2 ** 53, -0];
for (const v of vals) {
  console.log(String(v).padEnd(10), isNaN(v), Number.isNaN(v), isFinite(v), Number.isFinite(v), Number.isInteger(v), Number.isSafeInteger(v));
}
