// Object literals: computed keys, shorthand, methods, getters and setters.
const name = "dyn";
const x = 1, y = 2;
const o = {
  x,
  y,
  [name + "Key"]: "computed",
  ["k" + (1 + 1)]: 2,
  method() {
    return this.x + this.y;
  },
  get sum() {
    return this.x + this.y;
  },
  set sum(v) {
    this.x = v - this.y;
  },
  "quoted key": true,
  42: "number key",
};
console.log(o.dynKey, o.k2, o.method(), o.sum);
o.sum = 10;
console.log(o.x, o.sum);
console.log(o["quoted key"], o[42], o["42"]);
console.log(Object.keys(o));
console.log(o);
