// Objects deeper than two levels collapse to [Object] / [Array].
const o = { a: { b: { c: { d: { e: 1 } } } }, arr: [[[[1]]]], mixed: { list: [{ deep: { deeper: true } }] } };
console.log(o);
console.log([o]);
console.log({ level1: o });
console.log(JSON.stringify(o));
