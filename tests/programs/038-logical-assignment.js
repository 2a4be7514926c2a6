// ||=, &&= and ??= only assign when needed.
let a = 0;
let b = 5;
let c = null;
a ||= 10;
b ||= 20;
c ??= "set";
console.log(a, b, c);
let d = 1;
d &&= "replaced";
let e = 0;
e &&= "never";
console.log(d, e);
const config = { retries: 0, name: "" };
config.retries ??= 3;
config.name ||= "default";
config.timeout ??= 1000;
console.log(config);
let calls = 0;
function side() {
  calls++;
  return "side";
}
let f = "present";
f ||= side();
f &&= side();
console.log(f, calls);
