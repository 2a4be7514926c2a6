// Arrays and objects are references; slicing and spreading copy one level.
const a = [1, [2, 3], { k: 4 }];
const b = a;
const shallow = [...a];
const sliced = a.slice();
const deep = JSON.parse(JSON.stringify(a));
b.push(5);
a[1].push(99);
a[2].k = 40;
console.log(a, shallow, sliced, deep);
console.log(a === b, a === shallow, a[1] === shallow[1], a[1] === deep[1]);
function mutate(arr) {
  arr.push("mutated");
  arr = ["reassigned"];
  return arr;
}
const orig = [];
console.log(mutate(orig), orig);
