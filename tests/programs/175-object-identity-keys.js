// Object keys are strings: numbers, booleans and objects are converted.
const o = {};
o[1] = "number one";
o["1"] = "string one";
o[true] = "bool";
o[null] = "null";
o[undefined] = "undef";
o[{}] = "object";
o[[1, 2]] = "array";
console.log(o);
console.log(Object.keys(o).map(k => typeof k));
console.log(o["[object Object]"], o["1,2"], o.null, o.undefined);
