// Numeric-string keys keep ascending order in objects, JSON and for-in; Maps keep insertion.
const scores = {};
for (const id of [30, 4, 100, 7, 2, 55]) scores[id] = id * 2;
scores.name = "table";
console.log(scores, JSON.stringify(scores));
const m = new Map();
for (const id of [30, 4, 100, 7, 2, 55]) m.set(id, id * 2);
console.log([...m.keys()]);
const arrLike = { 2: "c", 0: "a", 1: "b", length: 3 };
console.log(Array.from(arrLike), Object.values(arrLike));
