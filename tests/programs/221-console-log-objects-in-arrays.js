// Arrays of objects: when Node keeps them on one line and when it breaks.
console.log([{ a: 1 }, { b: 2 }]);
console.log([{ a: 1, b: 2, c: 3 }, { a: 4, b: 5, c: 6 }, { a: 7, b: 8, c: 9 }]);
console.log([{ name: "first entry", value: 100 }, { name: "second entry", value: 200 }]);
console.log({ list: [{ x: 1 }, { x: 2 }], map: { inner: { deeper: { deepest: 1 } } } });
console.log([[{ a: [{ b: [1] }] }]]);
