// Half of a require cycle: b sees a's partially filled exports.
exports.early = "a-early";
const b = require("./cycle-b");
exports.late = "a-late";
exports.fromB = b.sawFromA;
