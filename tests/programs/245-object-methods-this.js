// Methods shared between objects, and `this` through nested objects.
function describe() {
  return `${this.kind}:${this.id}`;
}
const a = { kind: "a", id: 1, describe };
const b = { kind: "b", id: 2, describe, inner: { kind: "inner", id: 3, describe } };
console.log(a.describe(), b.describe(), b.inner.describe());
const calc = {
  total: 0,
  add(n) {
    this.total += n;
    return this;
  },
  reset() {
    this.total = 0;
    return this;
  },
};
console.log(calc.add(5).add(10).total, calc.reset().add(1).total);
