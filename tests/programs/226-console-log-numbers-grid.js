// Number arrays of various widths group into aligned columns.
const a = [];
for (let i = 0; i < 26; i++) a.push(i % 2 ? -i * 1000 : i);
console.log(a);
const b = [];
for (let i = 0; i < 17; i++) b.push(Math.round(Math.sqrt(i) * 1000) / 1000);
console.log(b);
const c = [];
for (let i = 0; i < 7; i++) c.push(10 ** i);
console.log(c);
console.log([1, 22, 333, 4444, 55555, 666666, 7777777]);
console.log([true, false, true, false, true, false, true]);
console.log([null, undefined, null, undefined, null, undefined, null]);
