// Error objects: own message, inherited name, changing name, toString.
const e = new Error("msg");
console.log(Object.keys(e), e.hasOwnProperty("message"), e.hasOwnProperty("name"), e.name);
e.name = "Custom";
console.log(String(e), e.toString());
const noMsg = new TypeError();
console.log(String(noMsg), noMsg.message === "");
const obj = { name: "Fake", message: "not an error" };
console.log(Error.prototype.toString.call(obj));
console.log(typeof e.stack, e.stack.split("\n")[0]);
class HttpError extends Error {
  constructor(status, text) {
    super(`${status} ${text}`);
    this.status = status;
  }
  get name() {
    return "HttpError";
  }
}
const h = new HttpError(404, "Not Found");
console.log(h.name, h.message, String(h), h.status, h instanceof HttpError);
