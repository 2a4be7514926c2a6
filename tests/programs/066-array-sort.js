// sort: default order is by string; comparators; stability.
console.log([10, 9, 1, 100, 25].sort());
console.log([10, 9, 1, 100, 25].sort((a, b) => a - b));
console.log([10, 9, 1, 100, 25].sort((a, b) => b - a));
console.log(["banana", "Apple", "cherry", "apple"].sort());
console.log([true, false, "b", "a", 2, 10, null, undefined, NaN].sort());
console.log([3, undefined, 1, , 2].sort());
const people = [
  { name: "ann", age: 30 }, { name: "bob", age: 25 }, { name: "cy", age: 30 },
  { name: "di", age: 25 }, { name: "ed", age: 40 },
];
console.log(people.sort((p, q) => p.age - q.age).map(p => p.name).join(","));
const words = ["delta", "Alpha", "charlie", "Bravo"];
console.log(words.sort((x, y) => x.toLowerCase() < y.toLowerCase() ? -1 : 1));
const nums = [];
for (let i = 0; i < 40; i++) nums.push((i * 7919) % 101);
console.log(nums.sort((a, b) => a - b));
