// A class hierarchy with virtual dispatch over a heterogeneous list (a benchmark shape).
class Shape {
  area() {
    return 0;
  }
  perimeter() {
    return 0;
  }
  describe() {
    return `${this.constructor.name}(area=${this.area().toFixed(2)}, perimeter=${this.perimeter().toFixed(2)})`;
  }
}
class Rect extends Shape {
  constructor(w, h) {
    super();
    this.w = w;
    this.h = h;
  }
  area() {
    return this.w * this.h;
  }
  perimeter() {
    return 2 * (this.w + this.h);
  }
}
class Square extends Rect {
  constructor(s) {
    super(s, s);
  }
}
class Circle extends Shape {
  constructor(r) {
    super();
    this.r = r;
  }
  area() {
    return Math.PI * this.r * this.r;
  }
  perimeter() {
    return 2 * Math.PI * this.r;
  }
}
const shapes = [];
for (let i = 1; i <= 9; i++) {
  if (i % 3 === 0) shapes.push(new Circle(i / 2));
  else if (i % 3 === 1) shapes.push(new Rect(i, i + 1));
  else shapes.push(new Square(i));
}
let total = 0;
for (const s of shapes) {
  total += s.area();
  console.log(s.describe());
}
console.log("total area", total.toFixed(3));
let acc = 0;
for (let round = 0; round < 2000; round++) {
  for (const s of shapes) acc += s.perimeter();
}
console.log(acc);
