// Maps and Sets nested inside other containers and with many entries.
const m = new Map();
for (let i = 0; i < 8; i++) m.set("key" + i, { index: i, squares: [i, i * i] });
console.log(m);
const s = new Set();
for (let i = 0; i < 30; i++) s.add(i * 3);
console.log(s);
console.log({ m: new Map([["a", new Set([1, 2])]]), s: new Set([new Map()]) });
console.log([new Map([[{ k: 1 }, [1, 2]]])]);
