// Class expressions, anonymous classes and classes as values.
const Anon = class {};
const Named = class Inner {
  who() {
    return Inner.name;
  }
};
console.log(Anon.name, Named.name, new Named().who(), typeof Inner);
function mixin(Base) {
  return class extends Base {
    mixed() {
      return "mixed into " + Base.name;
    }
  };
}
class Core {}
const Mixed = mixin(Core);
const m = new Mixed();
console.log(m.mixed(), m instanceof Core, Object.getPrototypeOf(Mixed) === Core);
const classes = [Core, Anon, Named].map(C => new C().constructor.name);
console.log(classes);
