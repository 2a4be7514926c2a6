// Accessors print as [Getter], [Setter] or [Getter/Setter]; static members show on classes.
class Cfg {
  static version = 2;
  static describe() {}
  #hidden = 1;
  visible = 2;
  get computed() {
    return 3;
  }
}
console.log(new Cfg());
console.log(Cfg);
const o = Object.defineProperty({}, "g", { get() { return 1; }, enumerable: true });
console.log(o);
console.log(Object.defineProperty({ a: 1 }, "hidden", { value: 2 }));
