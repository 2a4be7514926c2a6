// splice used for insert, delete and replace; removing while iterating backwards.
const xs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
for (let i = xs.length - 1; i >= 0; i--) if (xs[i] % 3 === 0) xs.splice(i, 1);
console.log(xs);
xs.splice(2, 0, "a", "b");
console.log(xs);
xs.splice(-3, 2, "Z");
console.log(xs);
console.log(xs.splice(0), xs);
const ys = [1, 2, 3];
console.log(ys.splice(1), ys, ys.splice(5, 1), ys.splice(-10, 1), ys);
