// The other half of the cycle.
const a = require("./cycle-a");
exports.sawFromA = [a.early, a.late];
