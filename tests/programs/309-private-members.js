// Private names: two classes with the same #name, brand checks, statics, subclasses, errors.
class Meter {
  #v = 0;
  static #made = 0;
  constructor(start) {
    this.#v = start;
    Meter.#made++;
  }
  #clamp(x) { return x < 0 ? 0 : x; }
  add(d) { this.#v = this.#clamp(this.#v + d); return this; }
  get value() { return this.#v; }
  static made() { return Meter.#made; }
  static isMeter(o) { return #v in o; }
  peek(other) { return other.#v; }
  poke(other) { other.#v = 1; }
  breakMethod() { this.#clamp = null; }
}
class Gauge {
  #v = "gauge";
  read() { return this.#v; }
  static isGauge(o) { return #v in o; }
}
class Tank extends Meter {
  #cap;
  constructor(cap) {
    super(cap / 2);
    this.#cap = cap;
    this["#cap"] = "a public key that only looks private";
  }
  fill() { return this.add(this.#cap).value; }
  get cap() { return this.#cap; }
}
const m = new Meter(5).add(3).add(-20);
const g = new Gauge();
const t = new Tank(10);
console.log(m.value, g.read(), t.fill(), t.cap, Meter.made());
console.log(Meter.isMeter(m), Meter.isMeter(t), Meter.isMeter(g), Gauge.isGauge(g), Gauge.isGauge(m));
console.log(m, t, Object.keys(t), JSON.stringify(t), { ...m });
console.log(m.peek(t));
for (const attempt of [() => m.peek(g), () => m.poke({}), () => m.breakMethod(), () => Meter.isMeter(7)]) {
  try {
    attempt();
  } catch (e) {
    console.log(e.name + ": " + e.message);
  }
}
class Outer {
  #x = "outer";
  make() {
    const self = this;
    return new (class Inner {
      #y = "inner";
      both() { return this.#y + "/" + self.#x; }
    })();
  }
  shadowed() {
    const self = this;
    return new (class Inner2 {
      #x = "shadow";
      read() { return this.#x + "/" + self.#x; }  // this #x is Inner2's: self has none
    })();
  }
}
console.log(new Outer().make().both());
try {
  new Outer().shadowed().read();
} catch (e) {
  console.log(e.name + ": " + e.message);
}
