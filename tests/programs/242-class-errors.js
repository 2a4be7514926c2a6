// Errors from misuse of classes: calling without new, super before this, missing super.
class A {}
try {
  A();
} catch (e) {
  console.log(e.name + ": " + e.message);
}
class B extends A {
  constructor() {
    try {
      this.x = 1;
    } catch (e) {
      console.log(e.name + ": " + e.message);
    }
    super();
  }
}
new B();
class C extends A {
  constructor() {}
}
try {
  new C();
} catch (e) {
  console.log(e.name + ": " + e.message);
}
try {
  class D extends null {}
  new D();
} catch (e) {
  console.log(e.name);
}
