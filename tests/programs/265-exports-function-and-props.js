// module.exports can be a function with properties attached.
const greet = require("./modules/greeter");
console.log(greet("ann"), greet.defaultName, greet());
