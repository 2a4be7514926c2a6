// Labelled continue in while/do-while and labelled blocks inside functions.
function primesBelow(n) {
  const out = [];
  let i = 1;
  candidates: while (++i < n) {
    let d = 2;
    do {
      if (d * d > i) break;
      if (i % d === 0) continue candidates;
    } while (++d);
    out.push(i);
  }
  return out;
}
console.log(primesBelow(40));
function check(x) {
  validate: {
    if (x < 0) break validate;
    return "non-negative";
  }
  return "negative";
}
console.log(check(1), check(-1));
