// A required JSON module is cached: mutations are visible to later requires.
const a = require("./modules/data.json");
a.values.push(4);
const b = require("./modules/data.json");
console.log(a === b, b.values);
