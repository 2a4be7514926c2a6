// Generating many small closures and calling them in different orders.
const fns = [];
for (let i = 0; i < 10; i++) {
  const k = i * i;
  fns.push(x => x + k);
}
console.log(fns.map(f => f(1)));
console.log(fns.reduce((acc, f) => f(acc), 0));
const compose = (...fs) => x => fs.reduceRight((v, f) => f(v), x);
console.log(compose(...fns.slice(0, 3))(100));
function accumulator(start) {
  return function add(n) {
    start += n;
    return add;
  };
}
const acc = accumulator(10);
acc(1)(2)(3);
console.log(acc(0).name, typeof acc);
