// Private fields and methods (#x).
class Account {
  #balance = 0;
  #log = [];
  constructor(owner) {
    this.owner = owner;
  }
  #record(kind, amount) {
    this.#log.push(kind + ":" + amount);
  }
  deposit(n) {
    this.#balance += n;
    this.#record("in", n);
    return this;
  }
  withdraw(n) {
    if (n > this.#balance) throw new RangeError("insufficient funds");
    this.#balance -= n;
    this.#record("out", n);
    return this;
  }
  get balance() {
    return this.#balance;
  }
  history() {
    return this.#log.join(" ");
  }
  static isAccount(o) {
    return #balance in o;
  }
}
const acc = new Account("zoe");
acc.deposit(100).withdraw(30);
console.log(acc.balance, acc.history());
try {
  acc.withdraw(1000);
} catch (e) {
  console.log(e.name, e.message);
}
console.log(acc, Account.isAccount(acc), Account.isAccount({}));
