// break and continue that leave try blocks (nested, labelled, through finally, out of a switch)
function f(n) {
  const out = [];
  outer: for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      try {
        if (j === 1) continue;
        if (j === 3) continue outer;
        if (i === 3) break outer;
        try {
          if (i === 2 && j === 2) break;
          out.push(i * 10 + j);
        } finally {
          out.push(-1);
        }
      } catch (e) {
        out.push('caught');
      } finally {
        out.push('f');
      }
    }
  }
  return out.join(' ');
}
console.log(f(5));
let k = 0;
while (true) {
  try {
    k++;
    if (k > 3) break;
    if (k === 2) throw new Error('two');
  } catch (e) {
    console.log('caught', e.message);
    continue;
  }
  console.log('k', k);
}
sw: switch (k) {
  case 4:
    try { console.log('in switch'); break sw; } finally { console.log('fin'); }
  default:
    console.log('not reached');
}
function g() {
  for (const x of [1, 2, 3]) {
    try {
      if (x === 2) return 'ret ' + x;
    } finally {
      console.log('g finally', x);
    }
  }
}
console.log(g());
