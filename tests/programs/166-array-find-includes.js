// Searching arrays of objects and primitives.
const inventory = [
  { name: "apples", qty: 2 }, { name: "bananas", qty: 0 }, { name: "cherries", qty: 5 },
];
console.log(inventory.find(({ name }) => name === "cherries"));
console.log(inventory.findIndex(i => i.qty === 0), inventory.findLastIndex(i => i.qty > 1));
console.log(inventory.some(i => i.qty === 0), inventory.every(i => typeof i.name === "string"));
console.log(inventory.filter(i => i.qty).map(i => i.name));
console.log([1, 2, 3].includes("2"), ["a", "b"].indexOf("b"), [[1]].indexOf([1]));
