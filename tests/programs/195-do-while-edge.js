// do-while always runs once; continue jumps to the condition.
let i = 10;
do {
  console.log("ran with", i);
} while (i < 5);
let n = 0, odd = 0;
do {
  n++;
  if (n % 2 === 0) continue;
  odd += n;
} while (n < 9);
console.log(n, odd);
let digits = 0, x = 0;
do {
  digits++;
  x = Math.floor(x / 10);
} while (x > 0);
console.log("digits of 0:", digits);
