// Closures capturing mutable state: counters and adders.
function makeCounter() {
  let count = 0;
  return function () {
    count += 1;
    return count;
  };
}
const c1 = makeCounter();
const c2 = makeCounter();
console.log(c1(), c1(), c1(), c2(), c1());
function makeAdder(n) {
  return x => x + n;
}
const add5 = makeAdder(5);
const add10 = makeAdder(10);
console.log(add5(1), add10(1), add5(add10(0)));
function bank(initial) {
  let balance = initial;
  return {
    deposit: amount => (balance += amount),
    withdraw: amount => (balance -= amount),
    get: () => balance,
  };
}
const acct = bank(100);
acct.deposit(50);
acct.withdraw(30);
console.log(acct.get());
