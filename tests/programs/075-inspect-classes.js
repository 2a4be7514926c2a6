// console.log of class instances, Maps, Sets and objects with null prototypes.
class Vec {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
class Empty {}
class WithGetter {
  constructor() {
    this.v = 1;
  }
  get doubled() {
    return this.v * 2;
  }
}
console.log(new Vec(1, 2), [new Vec(3, 4)], { v: new Vec(5, 6) });
console.log(new Empty(), new WithGetter());
console.log(new Map([["k", new Vec(0, 0)], ["list", [1, 2]]]));
console.log(new Set([new Vec(1, 1), "s"]));
const nullProto = Object.create(null);
nullProto.a = 1;
console.log(nullProto);
console.log({ get g() { return 1; }, set s(v) {}, get gs() { return 2; }, set gs(v) {} });
console.log([new Error("in array").message]);
class Sub extends Vec {}
console.log(new Sub(7, 8));
