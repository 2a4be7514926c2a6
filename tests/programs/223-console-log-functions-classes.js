// How functions and classes print, including properties attached to functions.
function plain() {}
const arrow = () => {};
class Klass {}
class Derived extends Klass {}
const anon = [function () {}][0];
plain.extra = 1;
console.log(plain, arrow, Klass, Derived, anon);
console.log([plain, arrow, Klass]);
console.log({ plain, arrow, Klass });
console.log(Math.max, console.log, [].push);
const bound = plain.bind(null);
console.log(bound, bound.name);
