// length tracks the highest index; truncating deletes; arrays grow on assignment.
const a = [];
a[4] = "e";
console.log(a.length, a);
a.length = 2;
console.log(a, a[4]);
const b = [1, 2, 3];
b[b.length] = 4;
b.push(5);
console.log(b, b.length);
const c = new Array(3);
console.log(c.length, c[0], 0 in c, c.map(() => 1), c.fill(0));
console.log(new Array(3, 4), new Array("3"), Array(2).length);
