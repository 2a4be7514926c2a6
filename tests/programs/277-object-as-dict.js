// Plain objects as dictionaries: counting, inverting, merging with defaults.
const colors = { red: "#f00", green: "#0f0", blue: "#00f" };
const inverted = {};
for (const [k, v] of Object.entries(colors)) inverted[v] = k;
console.log(inverted);
const defaults = { host: "localhost", port: 80, tls: false };
const merged = { ...defaults, ...{ port: 443, tls: true }, extra: undefined };
console.log(merged, Object.keys(merged).length);
const letters = {};
for (const ch of "hello world") if (ch !== " ") letters[ch] = (letters[ch] ?? 0) + 1;
console.log(letters);
console.log(Object.entries(letters).sort(([, a], [, b]) => b - a)[0]);
