// Overriding only a getter hides the inherited setter, and vice versa.
class Base {
  _v = 1;
  get v() {
    return this._v;
  }
  set v(x) {
    this._v = x;
  }
}
class OnlyGetter extends Base {
  get v() {
    return "child " + super.v;
  }
}
const o = new OnlyGetter();
o.v = 5;
console.log(o.v, o._v);
const b = new Base();
b.v = 5;
console.log(b.v);
