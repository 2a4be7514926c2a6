// The catch parameter is block scoped and can be destructured.
let e = "outer";
try {
  throw new Error("inner");
} catch (e) {
  console.log(e.message);
}
console.log(e);
try {
  throw { code: 7, detail: { why: "because" } };
} catch ({ code, detail: { why } }) {
  console.log(code, why);
}
try {
  try {
    throw new Error("first");
  } catch (err) {
    throw new Error("second from " + err.message);
  }
} catch (err) {
  console.log(err.message);
}
