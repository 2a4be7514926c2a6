// Mixed arrays of short items are grouped; alignment differs for numbers and strings.
console.log(["a", 1, "bb", 22, "ccc", 333, "dddd", 4444]);
const short = [];
for (let i = 0; i < 40; i++) short.push(String.fromCharCode(65 + (i % 26)));
console.log(short);
const objs = [];
for (let i = 0; i < 7; i++) objs.push({ i });
console.log(objs);
const nested = [];
for (let i = 0; i < 8; i++) nested.push([i]);
console.log(nested);
