// One console.log per value kind, alone and inside an array and an object.
const values = [42, -0, "str", true, null, undefined, NaN, [1, "a"], { k: "v" }, () => {}, function named() {}, new Map([[1, 2]]), new Set([1]), new Error("e").message, Symbol("sym")];
for (const v of values) console.log(v);
console.log(values);
console.log({ values });
