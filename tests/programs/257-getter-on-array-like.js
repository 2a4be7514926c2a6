// Objects that behave like arrays via length and indices.
const fake = { length: 3, 0: "x", 1: "y", 2: "z" };
console.log(Array.prototype.map.call(fake, s => s.toUpperCase()));
console.log(Array.prototype.slice.call(fake, 1), Array.prototype.indexOf.call(fake, "z"));
console.log(Array.prototype.join.call("abc", "-"), Array.prototype.reverse.call({ length: 2, 0: 1, 1: 2 }));
