// expect: Unsupported: generator at 3:1
console.log("generators are not supported");
function* naturals() {
  let n = 0;
  while (true) yield n++;
}
console.log(naturals().next().value);
