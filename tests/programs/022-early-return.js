// Returns from inside loops and nested blocks.
function find(arr, target) {
  for (let i = 0; i < arr.length; i++) {
    if (arr[i] === target) return i;
  }
  return -1;
}
console.log(find([4, 8, 15, 16, 23, 42], 16), find([1, 2], 3));
function firstNegative(arr) {
  let i = 0;
  while (i < arr.length) {
    if (arr[i] < 0) {
      return arr[i];
    }
    i++;
  }
}
console.log(firstNegative([3, 1, -4, -1]), firstNegative([1, 2]));
function nested(n) {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i * j === 12) return [i, j];
    }
  }
  return null;
}
console.log(nested(10), nested(3));
