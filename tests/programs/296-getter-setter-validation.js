// Setters that validate and normalise values, throwing on bad input.
class Person {
  #age = 0;
  #name = "";
  set name(v) {
    if (typeof v !== "string" || !v.trim()) throw new TypeError("name must be a non-empty string");
    this.#name = v.trim()[0].toUpperCase() + v.trim().slice(1).toLowerCase();
  }
  get name() {
    return this.#name;
  }
  set age(v) {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 150) throw new RangeError(`invalid age: ${v}`);
    this.#age = n;
  }
  get age() {
    return this.#age;
  }
}
const p = new Person();
p.name = "  aDA ";
p.age = "36";
console.log(p.name, p.age);
for (const [k, v] of [["name", ""], ["age", 200], ["age", "x"], ["name", 5]]) {
  try {
    p[k] = v;
  } catch (e) {
    console.log(e.name, e.message);
  }
}
console.log(p.name, p.age, p);
