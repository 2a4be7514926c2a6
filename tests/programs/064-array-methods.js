// Array.prototype methods that return new values.
const a = [5, 1, 4, 2, 3];
console.log(a.map(x => x * 2), a.filter(x => x % 2), a.reduce((s, x) => s + x), a.reduceRight((s, x) => s + x, ""));
console.log(a.find(x => x > 3), a.findIndex(x => x > 3), a.findLast(x => x < 3), a.find(x => x > 10));
console.log(a.some(x => x > 4), a.every(x => x > 0), a.includes(4), a.indexOf(4), a.lastIndexOf(9));
console.log(a.slice(1, 3), a.slice(-2), a.concat([6, 7], 8), a.join("|"), a.toString());
console.log([1, [2, [3, [4]]]].flat(), [1, [2, [3, [4]]]].flat(Infinity), [1, 2].flatMap(x => [x, x * 10]));
console.log(Array.from({ length: 5 }, (_, i) => i * i), Array.of(7, 8), Array.isArray(a), new Array(3).fill(0));
console.log([..."abc"].entries().next(), [...[7, 8].keys()], [...[7, 8].values()]);
console.log(a.at(0), a.at(-1), a.length);
console.log([3, 1, 2].toSorted ? "has toSorted" : "no toSorted");
