// Using a class exported from a module, extending it locally.
const { Rect } = require("./modules/geometry");
class Square extends Rect {
  constructor(s) {
    super(s, s);
  }
}
const sq = new Square(5);
console.log(sq.area(), sq instanceof Rect, sq);
