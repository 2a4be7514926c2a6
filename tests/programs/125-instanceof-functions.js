// Constructor functions, `new`, prototype sharing and returning objects from constructors.
function Counter(start) {
  this.value = start;
}
Counter.prototype.inc = function () {
  this.value++;
  return this;
};
const c1 = new Counter(1), c2 = new Counter(10);
c1.inc().inc();
console.log(c1.value, c2.value, c1.inc === c2.inc, c1.constructor === Counter);
function Factory() {
  return { made: "by factory" };
}
console.log(new Factory());
function Ignored() {
  this.kept = true;
  return 42;
}
console.log(new Ignored());
console.log(Object.getPrototypeOf(c1) === Counter.prototype, Counter.prototype.constructor.name);
