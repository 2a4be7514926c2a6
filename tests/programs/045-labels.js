// Labelled break and continue out of nested loops.
outer: for (let i = 0; i < 5; i++) {
  for (let j = 0; j < 5; j++) {
    if (j === 3) continue outer;
    if (i === 3) break outer;
    console.log(i, j);
  }
}
let found = null;
search: for (const row of [[1, 2], [3, 4], [5, 6]]) {
  for (const v of row) {
    if (v * v > 10) {
      found = v;
      break search;
    }
  }
}
console.log("found", found);
let n = 0;
loop: while (true) {
  n++;
  do {
    if (n > 3) break loop;
    continue loop;
  } while (false);
}
console.log(n);
block: {
  console.log("in block");
  if (n) break block;
  console.log("never");
}
