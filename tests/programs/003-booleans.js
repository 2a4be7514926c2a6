// Boolean values, negation and logical operators' short-circuit results.
let t = true;
let f = false;
console.log(t, f, !t, !f, !!0, !!1);
console.log(t && f, t || f, f || "fallback", t && "yes");
console.log(0 || null, "" && 5, null ?? "default", 0 ?? 7);
console.log(1 < 2, 2 < 1, 3 >= 3, 4 <= 3, 5 > 4);
console.log(true + true, true + 1, false * 10);
console.log(t === true, f !== false);
function check(n) {
  return n > 10 && n < 20;
}
console.log(check(5), check(15), check(25));
