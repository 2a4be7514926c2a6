// Large integer arithmetic loses precision past 2^53; Math.imul and |0 emulate int32.
console.log(2 ** 53 + 1, 2 ** 53 + 2, 9007199254740993, 0.1 * 3 === 0.3);
console.log(Number.MAX_SAFE_INTEGER + 2, 123456789 * 987654321);
function hash32(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
console.log(hash32(""), hash32("a"), hash32("hello world"), hash32("The quick brown fox"));
let x = 1;
for (let i = 0; i < 40; i++) x = (x * 3 + 7) | 0;
console.log(x);
