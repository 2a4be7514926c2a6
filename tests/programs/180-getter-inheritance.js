// Getters on prototypes see the receiver; setters on prototypes intercept writes.
const proto = {
  get full() {
    return this.first + " " + this.last;
  },
  set full(v) {
    [this.first, this.last] = v.split(" ");
  },
};
const p = Object.create(proto);
p.first = "Ada";
p.last = "Lovelace";
console.log(p.full);
p.full = "Grace Hopper";
console.log(p.first, p.last, Object.keys(p));
class Base {
  get id() {
    return "base-" + this.n;
  }
}
class Child extends Base {
  constructor(n) {
    super();
    this.n = n;
  }
}
console.log(new Child(3).id);
