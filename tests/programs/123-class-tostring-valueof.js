// Instances used as strings and numbers through toString / valueOf.
class Money {
  constructor(cents) {
    this.cents = cents;
  }
  valueOf() {
    return this.cents;
  }
  toString() {
    return "$" + (this.cents / 100).toFixed(2);
  }
}
const a = new Money(150), b = new Money(275);
console.log(a + b, `${a}`, String(b), a < b, a * 2, [a, b].join(" & "));
console.log([new Money(5), new Money(1), new Money(3)].sort((x, y) => x - y).map(String));
