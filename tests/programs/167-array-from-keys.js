// Array.from with iterables and array-likes; keys/values/entries iterators.
console.log(Array.from("héllo"), Array.from(new Set([1, 1, 2])), Array.from(new Map([[1, 2]])));
console.log(Array.from({ length: 3 }), Array.from({ length: 3, 0: "a", 2: "c" }));
console.log(Array.from([1, 2, 3], x => x * 10), Array.from({ length: 4 }, (_, i) => i ** 2));
const arr = ["x", "y"];
console.log([...arr.keys()], [...arr.values()], [...arr.entries()]);
const it = arr[Symbol.iterator]();
console.log(it.next(), it.next(), it.next());
