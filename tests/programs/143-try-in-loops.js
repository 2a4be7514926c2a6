// break and continue through finally; return from inside try in loops.
const out = [];
for (let i = 0; i < 5; i++) {
  try {
    if (i === 1) continue;
    if (i === 3) break;
    out.push("body" + i);
  } finally {
    out.push("finally" + i);
  }
}
console.log(out.join(","));
function findFirst(xs, pred) {
  for (const x of xs) {
    try {
      if (pred(x)) return x;
    } finally {
      console.log("checked", x);
    }
  }
  return null;
}
console.log(findFirst([1, 4, 9, 16], x => x > 5));
