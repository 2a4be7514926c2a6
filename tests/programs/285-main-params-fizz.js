// args: 15
// A main(params) driven from the command line: process.argv supplies params.
function main(params) {
  const n = Number(params.n) || 10;
  const out = [];
  for (let i = 1; i <= n; i++) out.push(i % 15 === 0 ? "FizzBuzz" : i % 3 === 0 ? "Fizz" : i % 5 === 0 ? "Buzz" : i);
  return { n, out };
}
console.log(main({ n: process.argv[2] }));
