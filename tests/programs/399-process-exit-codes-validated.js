// Node validates an exit code before it exits: a fraction, NaN or a word is an error the
// program can catch (with Node's own code and message), an integer string is accepted.
const tries = [0.5, NaN, Infinity, 1e20, 'abc', '', true, [1], { code: 2 }, 'x'.repeat(30)];
for (const code of tries) {
  try {
    process.exit(code);
  } catch (e) {
    console.log(e.name, e.code, e.message);
    console.log(String(e) === `${e.name} [${e.code}]: ${e.message}`, Object.keys(e));
  }
}
try {
  process.exitCode = 2.5;
} catch (e) {
  console.log(e.stack.split('\n')[0]);
}
console.log(process.exitCode);
process.exitCode = '3';
console.log(process.exitCode, typeof process.exitCode);
process.exit(-0.0 * 5);
