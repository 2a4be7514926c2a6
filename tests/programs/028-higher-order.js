// Passing functions around: map/filter/reduce by hand and with array methods.
function myMap(arr, f) {
  const out = [];
  for (let i = 0; i < arr.length; i++) out.push(f(arr[i], i));
  return out;
}
function myFilter(arr, pred) {
  const out = [];
  for (let i = 0; i < arr.length; i++) if (pred(arr[i])) out.push(arr[i]);
  return out;
}
function myReduce(arr, f, init) {
  let acc = init;
  for (let i = 0; i < arr.length; i++) acc = f(acc, arr[i]);
  return acc;
}
const nums = [1, 2, 3, 4, 5, 6, 7, 8];
console.log(myMap(nums, (x, i) => x * i));
console.log(myFilter(nums, x => x % 2 === 1));
console.log(myReduce(nums, (a, b) => a + b, 0));
console.log(nums.map(x => x * x).filter(x => x > 10).reduce((a, b) => a + b, 0));
