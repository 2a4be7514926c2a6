// Replacing a constructor function's prototype: objects made before keep the old one, later
// ones get the new one; instanceof follows the current prototype; a class's prototype is read-only.
function Animal(name) { this.name = name; }
Animal.prototype.speak = function () { return this.name + " makes a sound"; };
function Dog(name) { Animal.call(this, name); }
const early = new Dog("early");
const replaced = Object.create(Animal.prototype);
Dog.prototype = replaced;
Dog.prototype.constructor = Dog;
Dog.prototype.speak = function () { return this.name + " barks"; };
const rex = new Dog("rex");
console.log(rex.speak(), rex instanceof Dog, rex instanceof Animal, Dog.prototype === replaced);
console.log(early instanceof Dog, typeof early.speak, Object.getPrototypeOf(rex) === replaced);
console.log(rex, Object.keys(rex), rex.constructor === Dog);
replaced.extra = function () { return "extra for " + this.name; };
console.log(rex.extra());
class Fixed { hello() { return "hi"; } }
const before = Fixed.prototype;
Fixed.prototype = { hello() { return "changed"; } };
console.log(new Fixed().hello(), Fixed.prototype === before);
