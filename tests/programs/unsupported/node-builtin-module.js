// expect: Unsupported: Node's built-in modules are not modelled at 4:7
console.log("Node's own modules (util, fs, path) are not modelled: require names them, not MODULE_NOT_FOUND");
const local = 1;
const util = require("node:util");
console.log(util.inspect({local}));
