// Bitwise operators go through ToInt32 / ToUint32.
console.log(5 & 3, 5 | 3, 5 ^ 3, ~5, ~-1, ~0);
console.log(1 << 31, 1 << 32, 1 << 33, -1 >>> 0, -1 >> 1, -1 >>> 28);
console.log(4294967296 | 0, 4294967295 | 0, 2147483648 | 0, 2147483647 + 1 | 0);
console.log(3.7 | 0, -3.7 | 0, NaN | 0, Infinity | 0, "12" | 0, "0x10" | 0);
console.log(1e21 | 0, 2 ** 53 | 0, -(2 ** 31) >> 0);
console.log(0xff, 0o17, 0b1011, 0xFF & 0x0F);
let flags = 0;
const READ = 1, WRITE = 2, EXEC = 4;
flags |= READ;
flags |= EXEC;
console.log(flags, (flags & WRITE) !== 0, (flags & EXEC) !== 0);
flags &= ~READ;
console.log(flags);
function popcount(n) {
  let c = 0;
  while (n) {
    c += n & 1;
    n >>>= 1;
  }
  return c;
}
console.log(popcount(255), popcount(-1), popcount(0x12345678));
let h = 0;
const s = "hash me please";
for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
console.log(h, h >>> 0);
