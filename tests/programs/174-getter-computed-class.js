// Computed method names, static blocks and accessor pairs in classes.
const method = "dynamicMethod";
class Thing {
  static registry = [];
  static {
    Thing.registry.push("static block ran");
  }
  [method]() {
    return "dynamic";
  }
  ["with" + "Concat"]() {
    return "concat";
  }
  #v = 1;
  get v() {
    return this.#v;
  }
  set v(x) {
    this.#v = x * 2;
  }
}
const t = new Thing();
t.v = 21;
console.log(t.dynamicMethod(), t.withConcat(), t.v, Thing.registry);
console.log(Object.getOwnPropertyNames(Thing.prototype));
