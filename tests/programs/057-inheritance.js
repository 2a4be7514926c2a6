// extends, super calls in constructors and methods, method overriding.
class Animal {
  constructor(name) {
    this.name = name;
  }
  speak() {
    return `${this.name} makes a sound`;
  }
  get kind() {
    return "animal";
  }
}
class Dog extends Animal {
  constructor(name, breed) {
    super(name);
    this.breed = breed;
  }
  speak() {
    return super.speak() + " (woof)";
  }
  get kind() {
    return "dog, a kind of " + super.kind;
  }
}
class Puppy extends Dog {
  speak() {
    return super.speak().toUpperCase();
  }
}
const animals = [new Animal("generic"), new Dog("rex", "lab"), new Puppy("bit", "pug")];
for (const a of animals) console.log(a.speak(), "|", a.kind, "|", a.constructor.name);
console.log(animals[2] instanceof Dog, animals[2] instanceof Animal);
console.log(animals);
console.log(Object.getPrototypeOf(Puppy) === Dog);
