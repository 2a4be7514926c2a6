// Static accessors inherited with `this` the class read on, super in static and instance
// field initialisers, computed member names, and expressions that refer to their own name.
class Unit {
  static #count = 0;
  static get label() { return this.name + "#" + Unit.#count; }
  static set label(v) { Unit.#count = v.length; }
  static base = "u";
  static twice() { return this.base + this.base; }
  greet() { return "hi " + this.constructor.name; }
}
const key = "sp" + "in";
class Fancy extends Unit {
  static base = super.twice() + "!";
  static [key + "Static"]() { return super.twice(); }
  msg = super.greet() + "?";
  [key]() { return key; }
  get [key + "Get"]() { return this.msg.length; }
}
Fancy.label = "abcd";
console.log(Unit.label, Fancy.label, Fancy.base, Fancy.spinStatic(), Unit.twice());
const f = new Fancy();
console.log(f.msg, f.spin(), f.spinGet, Object.getOwnPropertyNames(Fancy.prototype));
const fib = function fibo(n) {
  const memo = (k) => (k < 2 ? k : fibo(k - 1) + fibo(k - 2));
  return memo(n);
};
console.log(fib(15), fib.name, typeof fibo);
const Tree = class Node {
  static leaf = new Node(0, []);
  constructor(v, kids) { this.v = v; this.kids = kids; }
  add(v) { return new Node(this.v, [...this.kids, new Node(v, [])]); }
  sum() { return this.kids.reduce((s, k) => s + k.sum(), this.v); }
};
console.log(Tree.leaf.add(2).add(3).sum(), Tree.leaf instanceof Tree, Tree.name);
