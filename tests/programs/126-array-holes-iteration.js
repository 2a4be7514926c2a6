// How iteration methods treat holes versus undefined.
const a = [1, , 3, undefined];
console.log(a.length, Object.keys(a));
a.forEach((v, i) => console.log("forEach", i, v));
console.log(a.map(x => x === undefined ? "u" : x));
for (const v of a) console.log("for-of", v);
for (const i in a) console.log("for-in", i);
console.log(a.filter(() => true), a.indexOf(undefined), a.includes(undefined));
console.log(a.join("-"), JSON.stringify(a));
