// Bit manipulation utilities: bit strings, parity, gray codes, power-of-two checks.
const bits = n => (n >>> 0).toString(2).padStart(8, "0");
console.log([0, 1, 5, 128, 255, -1].map(bits));
const parity = n => {
  let p = 0;
  while (n) {
    p ^= n & 1;
    n >>>= 1;
  }
  return p;
};
console.log([0, 1, 3, 7, 0xff, 0x12345].map(parity));
const gray = n => n ^ (n >> 1);
console.log(Array.from({ length: 8 }, (_, i) => bits(gray(i)).slice(5)));
console.log([0, 1, 2, 3, 64, 96, 1024].map(n => n > 0 && (n & (n - 1)) === 0));
console.log(Math.clz32(1000), 31 - Math.clz32(1000), (1000).toString(2).length);
