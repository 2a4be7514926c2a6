// A hand-written JSON-like serializer compared with JSON.stringify.
function serialize(v, indent, depth = 0) {
  const pad = indent ? "\n" + " ".repeat(indent * (depth + 1)) : "";
  const end = indent ? "\n" + " ".repeat(indent * depth) : "";
  if (v === null) return "null";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "null";
  if (typeof v === "boolean") return String(v);
  if (typeof v === "string") {
    let out = '"';
    for (const ch of v) {
      if (ch === '"') out += '\\"';
      else if (ch === "\\") out += "\\\\";
      else if (ch === "\n") out += "\\n";
      else if (ch === "\t") out += "\\t";
      else out += ch;
    }
    return out + '"';
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    return "[" + v.map(x => pad + serialize(x === undefined ? null : x, indent, depth + 1)).join(",") + end + "]";
  }
  const keys = Object.keys(v).filter(k => v[k] !== undefined && typeof v[k] !== "function");
  if (keys.length === 0) return "{}";
  const sep = indent ? ": " : ":";
  return "{" + keys.map(k => pad + serialize(k) + sep + serialize(v[k], indent, depth + 1)).join(",") + end + "}";
}
const samples = [
  { id: 1, name: "tab\there", tags: ["x", "y"], meta: { ok: true, score: 9.5, none: null } },
  [1, [2, [3, []]], {}, "q\"uote"],
  { skip: undefined, fn() {}, inf: Infinity, n: -0 },
  "plain",
  42,
];
for (const s of samples) {
  const mine = serialize(s, 0);
  const theirs = JSON.stringify(s);
  console.log(mine === theirs, mine);
  const pretty = serialize(s, 2);
  console.log(pretty === JSON.stringify(s, null, 2));
}
console.log(serialize(samples[0], 2));
