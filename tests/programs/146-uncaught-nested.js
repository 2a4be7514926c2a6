// An error thrown deep in a call chain and not caught anywhere.
function level3(x) {
  if (x > 2) throw new TypeError(`level3 rejects ${x}`);
  return x;
}
function level2(x) {
  return level3(x + 1) * 2;
}
function level1(x) {
  return level2(x + 1) + 1;
}
console.log(level1(0));
console.log(level1(1));
