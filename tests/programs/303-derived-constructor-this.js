// `this` in a derived class's constructor: unbound before super(), also through an arrow
// that captured it; explicit returns of objects and of undefined.
class Shape {
  constructor(name) {
    this.name = name;
  }
  get kind() {
    return "shape";
  }
}
class Circle extends Shape {
  constructor(r) {
    const self = () => this;
    try {
      self();
    } catch (e) {
      console.log("before super:", e.constructor.name);
    }
    try {
      console.log(super.kind);
    } catch (e) {
      console.log("super.kind before super:", e.constructor.name);
    }
    super("circle");
    this.r = r;
    console.log(self().name, this.r, super.kind);
  }
}
console.log(new Circle(2));
class Replaced extends Shape {
  constructor() {
    return { replaced: true };
  }
}
console.log(new Replaced());
class EarlyReturn extends Shape {
  constructor(n) {
    super("early");
    if (n > 0) return;
    this.n = n;
  }
}
console.log(new EarlyReturn(1), new EarlyReturn(0));
class Forgot extends Shape {
  constructor(ok) {
    if (ok) super("fine");
  }
}
for (const ok of [true, false]) {
  try {
    console.log(new Forgot(ok));
  } catch (e) {
    console.log(e.name, e.message.split(" ").slice(0, 4).join(" "));
  }
}
class Defaulted extends Shape {}
console.log(new Defaulted("d"), new Defaulted("d").kind);
