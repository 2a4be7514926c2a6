// while and do-while loops, with break and continue.
let n = 27;
let steps = 0;
while (n !== 1) {
  n = n % 2 === 0 ? n / 2 : 3 * n + 1;
  steps++;
}
console.log("collatz steps", steps);
let i = 0;
do {
  i += 3;
} while (i < 10);
console.log(i);
let j = 100;
do {
  j++;
} while (false);
console.log(j);
let sum = 0;
let k = 0;
while (true) {
  k++;
  if (k > 20) break;
  if (k % 3 === 0) continue;
  sum += k;
}
console.log(sum);
