// Rethrowing, wrapping errors and finally blocks that run on every path.
function parseConfig(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error("config invalid: " + e.name, { cause: e });
  }
}
for (const t of ['{"ok": true}', "{oops"]) {
  try {
    console.log(parseConfig(t));
  } catch (e) {
    console.log(e.message, e.cause instanceof SyntaxError);
  }
}
const trail = [];
function risky(n) {
  try {
    if (n % 2) throw n;
    trail.push("ok" + n);
  } finally {
    trail.push("fin" + n);
  }
}
for (let i = 0; i < 4; i++) {
  try {
    risky(i);
  } catch (v) {
    trail.push("caught" + v);
  }
}
console.log(trail.join(" "));
