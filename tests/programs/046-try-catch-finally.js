// try/catch/finally ordering, rethrow and finally overriding return.
function order() {
  const log = [];
  try {
    log.push("try");
    throw new Error("boom");
  } catch (e) {
    log.push("catch " + e.message);
  } finally {
    log.push("finally");
  }
  return log;
}
console.log(order());
function finallyWins() {
  try {
    return "from try";
  } finally {
    console.log("finally runs before return completes");
  }
}
console.log(finallyWins());
function override() {
  try {
    return 1;
  } finally {
    return 2;
  }
}
console.log(override());
function nested() {
  try {
    try {
      throw new RangeError("inner");
    } finally {
      console.log("inner finally");
    }
  } catch (e) {
    return e.name + "/" + e.message;
  }
}
console.log(nested());
try {
  throw { code: 42 };
} catch ({ code }) {
  console.log("code", code);
}
try {
  throw "plain string";
} catch (e) {
  console.log(typeof e, e);
}
try {
  null.prop;
} catch {
  console.log("optional catch binding");
}
