// Requiring a package from node_modules (package.json main, index.js fallback).
const tm = require("tinymath");
console.log(tm.mean([1, 2, 3, 4]), tm.clamp(15, 0, 10), tm.clamp(-5, 0, 10), tm.version);
console.log(require("plainpkg"));
try {
  require("./modules/does-not-exist");
} catch (e) {
  console.log(e.code, e.message.split("\n")[0].replace(__dirname, "<dir>"));
}
