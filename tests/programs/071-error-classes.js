// Built-in error types and user-defined subclasses: name, message, instanceof, toString.
class ValidationError extends Error {
  constructor(field, message) {
    super(message);
    this.name = "ValidationError";
    this.field = field;
  }
}
class NotFound extends Error {}
const errors = [
  new Error("plain"), new TypeError("bad type"), new RangeError("out of range"),
  new SyntaxError("syntax"), new ReferenceError("ref"), new ValidationError("email", "is invalid"),
  new NotFound("missing"), new Error(),
];
for (const e of errors) {
  console.log(e.name, "|", e.message, "|", String(e), "|", e instanceof Error, e.constructor.name);
}
try {
  throw new ValidationError("age", "must be positive");
} catch (e) {
  if (e instanceof ValidationError) console.log("caught", e.field, e.message);
}
console.log(Object.prototype.toString.call(new TypeError("x")));
const withCause = new Error("outer", { cause: "inner" });
console.log(withCause.cause);
