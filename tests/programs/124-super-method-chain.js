// Three-level hierarchy with super in methods, getters and static methods.
class A {
  who() { return "A"; }
  static make() { return new this(); }
  get tag() { return "a"; }
}
class B extends A {
  who() { return "B>" + super.who(); }
  get tag() { return super.tag + "b"; }
}
class C extends B {
  who() { return "C>" + super.who(); }
  get tag() { return super.tag + "c"; }
  static make() { const o = super.make(); o.extra = true; return o; }
}
const c = C.make();
console.log(c.who(), c.tag, c instanceof C, c.extra, c.constructor.name);
console.log(B.make().who(), A.make().tag);
