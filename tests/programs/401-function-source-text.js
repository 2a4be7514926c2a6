// A function's string form is its source text (V8 keeps it): declarations, expressions,
// arrows, methods (from their key), accessors, classes; built-ins and bound functions read
// `[native code]`.
function add(a, b) {
  return a + b; // the comment is part of the text
}
const twice = (x) => x * 2;
const named = function inner(n) { return n; };
const o = { m() { return 1; }, get g() { return 2; }, ["k" + 1](x) { return x; }, f: function () {} };
class Shape {
  constructor(sides) { this.sides = sides; }
  area() { return 0; }
  static unit() { return new Shape(0); }
}
class Square extends Shape { area() { return 1; } }
console.log(String(add));
console.log(`${twice}`, String(named), named.toString().length);
console.log(String(o.m), String(Object.getOwnPropertyDescriptor(o, "g").get), String(o.k1), String(o.f));
console.log(String(Shape));
console.log(String(Square), String(Shape.prototype.area), String(Shape.unit));
console.log(String(add.bind(null, 1)), String(Math.max), String([].push), String(class {}));
console.log("" + ((a) => a), [twice].join(), add + "!");
