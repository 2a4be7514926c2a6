// Pretty-printing parsed JSON as an indented tree of paths.
const doc = JSON.parse('{"name":"pkg","version":"1.2.3","deps":{"a":"^1","b":"~2"},"files":["index.js","lib/"],"private":false,"n":null}');
function walk(v, path, out) {
  if (v !== null && typeof v === "object") {
    const entries = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    if (!entries.length) out.push(`${path} = ${Array.isArray(v) ? "[]" : "{}"}`);
    for (const [k, x] of entries) walk(x, Array.isArray(v) ? `${path}[${k}]` : path ? `${path}.${k}` : k, out);
  } else out.push(`${path} = ${JSON.stringify(v)}`);
  return out;
}
console.log(walk(doc, "", []).join("\n"));
