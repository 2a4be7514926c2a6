// CommonJS require of relative files: module.exports objects, classes, JSON.
const geo = require("./modules/geometry");
const geo2 = require("./modules/geometry.js");
console.log(geo === geo2, Object.keys(geo));
console.log(geo.circumference(1).toFixed(5), new geo.Rect(3, 4).area(), geo.UNIT);
const data = require("./modules/data.json");
console.log(data.name, data.values, data.nested);
