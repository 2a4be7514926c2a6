// Every mutating array built-in on frozen, sealed and non-extensible arrays, empty and not:
// V8's TypeError for the first refused step (built-ins throw in sloppy code too) and what
// the array holds afterwards (a sealed array's shift moves its elements before it fails).
const levels = [["frozen", Object.freeze], ["sealed", Object.seal], ["closed", Object.preventExtensions]];
const calls = [["push"], ["push", 9], ["push", 9, 8], ["unshift"], ["unshift", 9], ["pop"], ["shift"], ["reverse"],
  ["sort"], ["fill", 0], ["fill", 0, 1], ["fill", 0, 2, 3], ["copyWithin", 0, 1], ["copyWithin", 1], ["splice"],
  ["splice", 0, 0], ["splice", 1, 0, 9], ["splice", 0, 1], ["splice", 2, 1], ["splice", 1, 1, 9], ["splice", 0, 2, 9],
  ["splice", 0, 1, 7, 8], ["splice", -1]];
for (const [name, close] of levels) {
  for (const init of [[], [1, 2, 3]]) {
    for (const [method, ...args] of calls) {
      const a = close(init.slice());
      let out;
      try {
        out = "-> " + JSON.stringify(a[method](...args));
      } catch (e) {
        out = e.name + ": " + e.message;
      }
      console.log(name, init.length, method, JSON.stringify(args), out, JSON.stringify(a));
    }
  }
}
