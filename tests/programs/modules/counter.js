// A module with private state, exporting through `exports.x`; loaded once and cached.
let count = 0;
exports.increment = function () {
  count += 1;
  return count;
};
exports.current = () => count;
exports.loadedAt = "counter module body ran";
console.log("counter.js evaluated");
