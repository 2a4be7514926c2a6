// Arrays with holes, extra properties, over 100 items and nested empties.
const holes = [1, , , 4, , 6];
console.log(holes, holes.length);
const extra = [1, 2];
extra.name = "tagged";
console.log(extra);
const long = [];
for (let i = 0; i < 150; i++) long.push(i % 10);
console.log(long);
console.log([[], {}, [[]], [{}]]);
const arrOfObjs = [];
for (let i = 0; i < 3; i++) arrOfObjs.push({ i });
console.log(arrOfObjs);
const strs = [];
for (let i = 0; i < 110; i++) strs.push("s" + i);
console.log(strs);
