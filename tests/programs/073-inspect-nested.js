// console.log of nested objects and arrays: depth limit, quoting, line breaking.
const deep = { level1: { level2: { level3: { level4: { level5: "deep" } } } } };
console.log(deep);
console.log([[1, [2, [3, [4, [5]]]]]]);
const wide = { alpha: "a string value", beta: 12345, gamma: [1, 2, 3], delta: { nested: true }, epsilon: null };
console.log(wide);
console.log({ s: "it's", d: 'say "hi"', both: `it's "both"`, nl: "line\nbreak", bs: "back\\slash" });
console.log(["it's", 'plain', "tab\t"]);
console.log({ "key with space": 1, valid_id: 2, $dollar: 3, "123abc": 4, "a-b": 5 });
console.log({ undef: undefined, nul: null, nan: NaN, negz: -0, inf: -Infinity, bool: false });
console.log({ f: function named() {}, arrow: () => 1, anon: function () {}, cls: class K {} });
console.log([function foo() {}, Math.max]);
console.log({ arr: new Array(5), sparse: [1, , 3], empty: {}, emptyArr: [] });
