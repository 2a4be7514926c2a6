// Class getters, setters and private-by-convention fields.
class Temperature {
  constructor(celsius) {
    this._c = celsius;
  }
  get fahrenheit() {
    return this._c * 9 / 5 + 32;
  }
  set fahrenheit(f) {
    this._c = (f - 32) * 5 / 9;
  }
  get celsius() {
    return this._c;
  }
  static fromFahrenheit(f) {
    const t = new Temperature(0);
    t.fahrenheit = f;
    return t;
  }
}
const t = new Temperature(100);
console.log(t.fahrenheit, t.celsius);
t.fahrenheit = 32;
console.log(t.celsius);
console.log(Temperature.fromFahrenheit(212).celsius);
console.log(t);
console.log(Object.keys(t));
