// Prototype chains built with constructor functions and Object.create.
function Shape(name) {
  this.name = name;
}
Shape.prototype.describe = function () {
  return this.name + " with area " + this.area();
};
function Circle(r) {
  Shape.call(this, "circle");
  this.r = r;
}
Circle.prototype = Object.create(Shape.prototype);
Circle.prototype.constructor = Circle;
Circle.prototype.area = function () {
  return Math.round(Math.PI * this.r * this.r * 100) / 100;
};
const c = new Circle(2);
console.log(c.describe());
console.log(Object.getPrototypeOf(c) === Circle.prototype, c instanceof Shape);
console.log(c.hasOwnProperty("r"), c.hasOwnProperty("describe"));
const proto = { greet() { return "hi from " + this.who; } };
const child = Object.create(proto);
child.who = "child";
console.log(child.greet(), Object.keys(child), proto.isPrototypeOf(child));
const bare = Object.create(null);
bare.k = 1;
console.log(Object.keys(bare), "toString" in bare);
proto.greet = function () { return "patched " + this.who; };
console.log(child.greet());
