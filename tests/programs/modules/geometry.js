// A module that assigns a whole object to module.exports.
const PI2 = Math.PI * 2;
function circumference(r) {
  return PI2 * r;
}
class Rect {
  constructor(w, h) {
    this.w = w;
    this.h = h;
  }
  area() {
    return this.w * this.h;
  }
}
module.exports = { circumference, Rect, UNIT: 1 };
