// Field initialisers run before the constructor body, base fields before derived ones.
const log = [];
class Base {
  a = (log.push("Base field a"), 1);
  constructor() {
    log.push("Base constructor");
    this.b = 2;
  }
}
class Derived extends Base {
  c = (log.push("Derived field c"), this.a + 10);
  constructor() {
    log.push("Derived before super");
    super();
    log.push("Derived after super");
  }
}
const d = new Derived();
console.log(log);
console.log(d, Object.keys(d));
class Arrowy {
  name = "arrowy";
  greet = () => "I am " + this.name;
}
const g = new Arrowy().greet;
console.log(g());
