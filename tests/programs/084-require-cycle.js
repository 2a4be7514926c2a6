// A require cycle returns the partially initialised exports object.
const a = require("./modules/cycle-a");
console.log(a);
