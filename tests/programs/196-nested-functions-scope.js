// Lexical scope chains three levels deep, with shadowing.
const x = "global x";
function a() {
  const x = "a's x";
  const y = "a's y";
  function b() {
    const y = "b's y";
    function c() {
      return [x, y];
    }
    return c();
  }
  return b();
}
console.log(a());
function counterFactory() {
  let n = 0;
  return {
    make() {
      let local = 0;
      return () => [++n, ++local];
    },
  };
}
const cf = counterFactory();
const f1 = cf.make(), f2 = cf.make();
console.log(f1(), f1(), f2(), f1());
