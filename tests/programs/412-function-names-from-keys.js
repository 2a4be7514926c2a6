// Functions take their names from computed keys, symbol keys, accessors and defaults.
const k = 'load';
const tag = Symbol('tag');
const plain = Symbol();
const o = {
  [k]() { return 1; },
  [k + 'All']: function () { return 2; },
  ['arrow' + 1]: () => 3,
  [Symbol.iterator]() { return [][Symbol.iterator](); },
  [tag]() {},
  [plain]: () => 0,
  [42]() {},
  get size() { return 4; },
  set size(v) {},
  kept: function own() {},
};
console.log(o.load.name, o.loadAll.name, o.arrow1.name, o[Symbol.iterator].name);
console.log(JSON.stringify([o[tag].name, o[plain].name, o[42].name, o.kept.name]));
const d = Object.getOwnPropertyDescriptor(o, 'size');
console.log(d.get.name, d.set.name);

class Store {
  [k]() {}
  static [k + 'Static']() {}
  get count() { return 0; }
  set count(v) {}
  [Symbol.iterator]() {}
}
const cd = Object.getOwnPropertyDescriptor(Store.prototype, 'count');
console.log(Store.prototype.load.name, Store.loadStatic.name, cd.get.name, cd.set.name);
console.log(Store.prototype[Symbol.iterator].name);

const { f = function () {}, g = () => 1, h: renamed = () => 2 } = {};
console.log(f.name, g.name, renamed.name);
function withDefaults(cb = () => 0, other = function () {}) {
  return cb.name + ' ' + other.name;
}
console.log(withDefaults(), withDefaults(function given() {}));
const [first = () => 1] = [];
console.log(first.name);
