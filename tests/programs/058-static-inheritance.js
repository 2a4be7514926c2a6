// Static methods and fields are inherited through the constructor chain.
class Registry {
  static items = [];
  static register(x) {
    this.items.push(x);
    return this;
  }
  static describe() {
    return this.name + " has " + this.items.length;
  }
}
class Sub extends Registry {
  static describe() {
    return "sub: " + super.describe();
  }
}
Registry.register("a").register("b");
console.log(Registry.describe());
console.log(Sub.describe());
console.log(Sub.items === Registry.items);
class Counter {
  static #secret = 1;
  static next() {
    return Counter.#secret++;
  }
}
console.log(Counter.next(), Counter.next());
