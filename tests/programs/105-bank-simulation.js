// A deterministic simulation: accounts, transfers and an audit log.
class Bank {
  constructor() {
    this.accounts = new Map();
    this.log = [];
  }
  open(id, amount) {
    this.accounts.set(id, amount);
    this.log.push(`open ${id} ${amount}`);
  }
  transfer(from, to, amount) {
    const a = this.accounts.get(from);
    if (a === undefined || !this.accounts.has(to)) throw new Error(`unknown account ${a === undefined ? from : to}`);
    if (a < amount) throw new RangeError(`insufficient funds in ${from}: ${a} < ${amount}`);
    this.accounts.set(from, a - amount);
    this.accounts.set(to, this.accounts.get(to) + amount);
    this.log.push(`move ${amount} ${from}->${to}`);
  }
}
const bank = new Bank();
bank.open("a", 100);
bank.open("b", 50);
bank.open("c", 0);
let seed = 7;
function next() {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed;
}
const ids = ["a", "b", "c", "d"];
for (let i = 0; i < 12; i++) {
  const from = ids[next() % 4], to = ids[next() % 4], amount = next() % 60;
  try {
    bank.transfer(from, to, amount);
  } catch (e) {
    console.log(e.name, e.message);
  }
}
console.log(bank.accounts);
console.log(bank.log.length, [...bank.accounts.values()].reduce((x, y) => x + y));
