// Rendering a table with box-drawing characters and computed column widths.
const rows = [["name", "lang", "stars"], ["jsrust", "Python", 12], ["tiny", "Rust", 3456], ["x", "JavaScript", 7]];
const widths = rows[0].map((_, c) => Math.max(...rows.map(r => String(r[c]).length)));
const line = (l, m, r) => l + widths.map(w => "─".repeat(w + 2)).join(m) + r;
console.log(line("┌", "┬", "┐"));
rows.forEach((r, i) => {
  console.log("│" + r.map((v, c) => " " + (typeof v === "number" ? String(v).padStart(widths[c]) : String(v).padEnd(widths[c])) + " ").join("│") + "│");
  if (i === 0) console.log(line("├", "┼", "┤"));
});
console.log(line("└", "┴", "┘"));
