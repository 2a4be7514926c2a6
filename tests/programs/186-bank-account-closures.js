// Encapsulation with closures vs classes producing the same behaviour.
function makeAccount(owner) {
  let balance = 0;
  const history = [];
  return {
    owner,
    deposit(n) {
      balance += n;
      history.push(+n);
      return this;
    },
    withdraw(n) {
      if (n > balance) return false;
      balance -= n;
      history.push(-n);
      return true;
    },
    get balance() {
      return balance;
    },
    history: () => history.slice(),
  };
}
const acc = makeAccount("kim");
acc.deposit(50).deposit(25);
console.log(acc.withdraw(100), acc.withdraw(30), acc.balance, acc.history());
console.log(acc);
