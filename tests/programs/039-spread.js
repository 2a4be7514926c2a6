// Spread in array literals, calls and object literals.
const a = [1, 2, 3];
const b = [0, ...a, 4, ...a];
console.log(b);
console.log(Math.max(...a), Math.min(...b, -1));
function sum3(x, y, z) {
  return x + y + z;
}
console.log(sum3(...a), sum3(...[10, 20], 30));
const chars = [..."hello"];
console.log(chars);
const base = { x: 1, y: 2 };
const ext = { ...base, y: 20, z: 30 };
console.log(ext, base);
const copy = [...a];
copy.push(99);
console.log(a, copy);
console.log([...new Set([3, 1, 3, 2, 1])]);
console.log({ ...null, ...undefined, ..."ab" });
