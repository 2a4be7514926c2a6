// Function.prototype.call, apply and bind.
function describe(greeting, punct) {
  return greeting + ", " + this.name + punct;
}
const alice = { name: "Alice" };
const bob = { name: "Bob" };
console.log(describe.call(alice, "Hi", "!"));
console.log(describe.apply(bob, ["Hello", "?"]));
const bound = describe.bind(alice, "Hey");
console.log(bound("."), bound.call(bob, "!"));
console.log(Math.max.apply(null, [3, 9, 2]));
function add(a, b) {
  return a + b;
}
const add10 = add.bind(null, 10);
console.log(add10(5), add10.length, add.length);
console.log(bound.name, add10.name);
const arrayLike = { 0: "a", 1: "b", length: 2 };
console.log(Array.prototype.join.call(arrayLike, "-"));
