// A report split into sections with separators and aligned key-value pairs.
const sections = {
  system: { os: "linux", cores: 2, memory: "4G" },
  runtime: { engine: "test", version: "1.0.0", strict: false },
  stats: { runs: 120, failures: 3, ratio: 3 / 120 },
};
for (const [title, fields] of Object.entries(sections)) {
  console.log("== " + title.toUpperCase() + " " + "=".repeat(20 - title.length));
  const width = Math.max(...Object.keys(fields).map(k => k.length));
  for (const [k, v] of Object.entries(fields)) console.log("  " + k.padEnd(width) + " : " + v);
}
console.log("=".repeat(24));
