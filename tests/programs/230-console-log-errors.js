// Printing an Error object shows its stack; we only print parts that are stable.
const e = new RangeError("bad range");
console.log(String(e));
console.log(e.message, e.name);
console.log({ error: e.message });
console.log([e.name]);
const lines = e.stack.split("\n");
console.log(lines[0], lines.length > 1);
