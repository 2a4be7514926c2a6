// Methods on prototypes are shared; instance state stays separate.
function Stack() {
  this.items = [];
}
Stack.prototype.push = function (x) {
  this.items.push(x);
  return this;
};
Stack.prototype.pop = function () {
  return this.items.pop();
};
Object.defineProperty(Stack.prototype, "size", {
  get() {
    return this.items.length;
  },
});
const s1 = new Stack().push(1).push(2);
const s2 = new Stack().push("a");
console.log(s1.size, s2.size, s1.pop(), s1.size, s1.push === s2.push);
console.log(s1, s2);
