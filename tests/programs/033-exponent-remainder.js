// ** and % with signs, fractions and special values.
console.log(2 ** 3 ** 2, (2 ** 3) ** 2, (-2) ** 2, (-2) ** 3);
console.log(2 ** -1, 0 ** 0, NaN ** 0, 1 ** Infinity, Infinity ** 0);
console.log(4 ** 0.5, 27 ** (1 / 3), 10 ** 21, 10 ** -7);
console.log(10 % 3, -10 % 3, 10 % -3, -10 % -3);
console.log(5.5 % 1, -5.5 % 1, 1 % 0, 0 % 5, -0 % 5, Infinity % 2, 2 % Infinity);
let x = 3;
x **= 4;
console.log(x);
function mod(a, n) {
  return ((a % n) + n) % n;
}
console.log(mod(-7, 3), mod(7, 3), mod(-1, 5));
