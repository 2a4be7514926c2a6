// Classes: constructor, methods, fields, static members, toString of instances.
class Point {
  x = 0;
  y = 0;
  static count = 0;
  constructor(x, y) {
    this.x = x;
    this.y = y;
    Point.count++;
  }
  add(other) {
    return new Point(this.x + other.x, this.y + other.y);
  }
  static origin() {
    return new Point(0, 0);
  }
  toString() {
    return `(${this.x}, ${this.y})`;
  }
}
const a = new Point(1, 2);
const b = new Point(10, 20);
const c = a.add(b);
console.log(c.x, c.y, String(c), "" + c, `${c}`);
console.log(Point.origin(), Point.count);
console.log(a);
console.log(typeof Point, Object.keys(a));
class Empty {}
console.log(new Empty());
