// Temporal dead zone: reading a let/const before its declaration throws.
try {
  console.log(later);
  let later = 1;
} catch (e) {
  console.log(e.name + ": " + e.message);
}
function f() {
  return value;
}
try {
  f();
} catch (e) {
  console.log(e instanceof ReferenceError, e.message);
}
const value = 42;
console.log(f());
try {
  const k = 1;
  k = 2;
} catch (e) {
  console.log(e.name, e.message);
}
try {
  undeclaredVariable;
} catch (e) {
  console.log(e.name, e.message);
}
