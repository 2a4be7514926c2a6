// A module exporting a function with a property.
function greet(name = greet.defaultName) {
  return `hello, ${name}`;
}
greet.defaultName = "world";
module.exports = greet;
