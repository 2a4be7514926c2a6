// An uncaught TypeError: output so far is kept, then status 1 and the error line on stderr.
function lookup(table, key) {
  return table[key].value;
}
const table = { a: { value: 1 } };
console.log(lookup(table, "a"));
console.log(lookup(table, "missing"));
console.log("unreachable");
