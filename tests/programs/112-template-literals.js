// Template literals: interpolation, nesting, multi-line, escapes.
const name = "World", n = 3;
console.log(`Hello, ${name}!`);
console.log(`${n} + ${n} = ${n + n}`, `${[1, 2]}`, `${{}}`, `${null} ${undefined}`);
console.log(`outer ${`inner ${n * 2}`} end`);
console.log(`line one
line two
  indented`);
console.log(`escaped \${not} and \` backtick`, `tab\tnew\\n`);
const items = ["a", "b"];
console.log(`items: ${items.map((x, i) => `${i}:${x}`).join(", ")}`);
console.log(`${1e21} ${-0} ${0.1 + 0.2}`);
