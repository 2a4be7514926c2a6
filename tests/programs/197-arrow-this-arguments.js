// Arrow functions take `this` and `arguments` from their enclosing function.
function Outer() {
  this.tag = "outer";
  const arrow = () => this.tag;
  const regular = function () {
    return this === undefined ? "undefined" : typeof this;
  };
  return [arrow(), regular.call(42)];
}
console.log(new Outer());
function argsViaArrow() {
  const f = () => arguments.length + ":" + arguments[0];
  return f("ignored");
}
console.log(argsViaArrow("first", "second"));
const obj = {
  items: [1, 2, 3],
  factor: 10,
  scaled() {
    return this.items.map(x => x * this.factor);
  },
};
console.log(obj.scaled());
