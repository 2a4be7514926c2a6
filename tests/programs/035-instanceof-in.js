// instanceof walks the prototype chain; `in` looks up keys including inherited ones.
class Animal {}
class Dog extends Animal {}
const d = new Dog();
console.log(d instanceof Dog, d instanceof Animal, d instanceof Object, d instanceof Array);
console.log([] instanceof Array, [] instanceof Object, {} instanceof Array);
function Point(x, y) {
  this.x = x;
  this.y = y;
}
const p = new Point(1, 2);
console.log(p instanceof Point, "x" in p, "z" in p, "toString" in p);
const arr = [10, 20, 30];
console.log(0 in arr, 2 in arr, 3 in arr, "length" in arr);
const e = new TypeError("t");
console.log(e instanceof TypeError, e instanceof Error, e instanceof RangeError);
