// Arrays of booleans held typed (`jsrt::BoolArr`, `OwnArr<bool>`): flags set, pushed,
// popped, copied, walked and passed on, with the answers Node gives.
function sieve(n) {
  const composite = new Array(n + 1).fill(false);
  let count = 0;
  for (let i = 2; i <= n; i++) {
    if (composite[i]) continue;
    count++;
    for (let j = i * i; j <= n; j += i) composite[j] = true;
  }
  return count;
}

function mark(flags, i) { flags[i] = !flags[i]; return flags.length; }

function bits(a) {
  let s = '';
  for (const f of a) s += f ? '1' : '0';
  return s;
}

function flags(n) {
  const seen = [], lit = [true, false, true];
  for (let i = 0; i < n; i++) seen.push(i % 3 === 0);
  seen[n] = n > 2;                          // a store at the length appends
  mark(lit, 1); mark(lit, 0);
  const copy = lit.slice();
  copy[2] = false;
  let on = 0, walked = '';
  for (const f of seen) { if (f) on++; walked += f ? '1' : '0'; }
  const last = seen.pop();
  const both = lit[0] === copy[0] && lit[2] !== copy[2];
  return on + ' ' + walked + ' ' + last + ' ' + seen.length + ' ' + bits(lit) + ' ' + bits(copy) + ' ' + both + ' ' + !seen[1];
}

function loops(n) {
  // the loop finder's shape: a flag per node, pushed false and set inside a walk
  const self = [];
  for (let w = 0; w < n; w++) self.push(false);
  for (let w = n - 1; w >= 0; w--) if (w % 4 === 1) self[w] = true;
  let s = '';
  for (let w = 0; w < n; w++) if (w > 5 || self[w]) s += w;
  return s;
}

console.log(sieve(100), sieve(2), flags(7), flags(1), loops(9));
const shown = [false, true];
shown.push(shown[0] || shown[1]);
console.log(shown, shown.length);     // printed: an ordinary array
