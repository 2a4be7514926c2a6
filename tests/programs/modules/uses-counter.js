// A module that itself requires another module (relative to its own directory).
const counter = require("./counter");
module.exports = function bumpTwice() {
  counter.increment();
  return counter.increment();
};
