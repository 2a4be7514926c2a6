// How `this` is bound: method calls, detached methods, arrows, constructors.
const counter = {
  count: 0,
  inc() {
    this.count++;
    return this;
  },
  later() {
    return () => this.count;
  },
};
counter.inc().inc();
console.log(counter.count, counter.later()());
const obj = {
  name: "obj",
  regular() {
    return this === undefined ? "undefined" : this.name;
  },
};
console.log(obj.regular());
function Person(name) {
  this.name = name;
}
Person.prototype.hello = function () {
  return "hello " + this.name;
};
const p = new Person("ada");
console.log(p.hello());
const other = { name: "other", hello: p.hello };
console.log(other.hello());
class Box {
  constructor(v) {
    this.v = v;
  }
  get() {
    return this.v;
  }
}
const box = new Box(7);
const unbound = box.get;
try {
  unbound();
} catch (e) {
  console.log(e.name, e.message);
}
