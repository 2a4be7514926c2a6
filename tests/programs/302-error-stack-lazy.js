// Error stacks: the header is written when `stack` is first read (V8 formats lazily), and
// a subclass's constructor frames are not part of the trace.
class AppError extends Error {
  constructor(m) {
    super(m);
    this.name = "AppError";
  }
}
class NotFound extends AppError {
  constructor(what) {
    super(what + " not found");
  }
}
class Plain extends Error {}
function find(key) {
  return new NotFound(key);
}
const nf = find("user");
const lines = nf.stack.split("\n");
console.log(lines[0], lines[1].trim().split(" ")[1]);
console.log(new Plain("p").stack.split("\n")[0]);
const e = new Error("m");
const first = e.stack;
e.name = "Renamed";
console.log(e.stack === first, String(e), first.split("\n")[0]);
e.stack = "replaced";
console.log(e.stack, Object.keys(e), e.hasOwnProperty("stack"), Object.getOwnPropertyNames(new Error("k")));
try {
  null.x;
} catch (err) {
  err.name = "Custom";
  console.log(err.stack.split("\n")[0]);
}
const late = new TypeError("t");
late.message = "changed";
console.log(late.stack.split("\n")[0]);
