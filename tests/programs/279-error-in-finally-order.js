// An error thrown in finally replaces the pending one.
function f() {
  try {
    throw new Error("from try");
  } finally {
    throw new Error("from finally");
  }
}
try {
  f();
} catch (e) {
  console.log(e.message);
}
function g() {
  for (let i = 0; i < 3; i++) {
    try {
      return "returned at " + i;
    } finally {
      if (i === 0) continue;
    }
  }
  return "loop ended";
}
console.log(g());
