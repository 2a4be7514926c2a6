// The messages of errors the engine itself throws.
const attempts = [
  () => null.foo,
  () => undefined.bar,
  () => { const o = {}; o.method(); },
  () => { let n = 5; n(); },
  () => notDefinedAnywhere + 1,
  () => new Array(-1),
  () => (1).toFixed(200),
  () => JSON.parse("{bad"),
  () => { const c = 1; c = 2; },
  () => { class A {} A(); },
  () => Symbol() + "",
  () => [].reduce((a, b) => a + b),
  () => "abc".repeat(-1),
  () => new (class B { constructor() { throw new Error("in ctor"); } })(),
];
for (const f of attempts) {
  try {
    f();
    console.log("no error");
  } catch (e) {
    console.log(e.constructor.name + ": " + e.message);
  }
}
