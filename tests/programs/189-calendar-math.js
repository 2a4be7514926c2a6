// Calendar arithmetic without Date: leap years, day of week (Zeller), days between.
const isLeap = y => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y, m) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
function dayOfWeek(y, m, d) {
  if (m < 3) {
    m += 12;
    y -= 1;
  }
  const k = y % 100, j = Math.floor(y / 100);
  const h = (d + Math.floor((13 * (m + 1)) / 5) + k + Math.floor(k / 4) + Math.floor(j / 4) + 5 * j) % 7;
  return ["Sat", "Sun", "Mon", "Tue", "Wed", "Thu", "Fri"][h];
}
function dayNumber(y, m, d) {
  let n = d;
  for (let yy = 1970; yy < y; yy++) n += isLeap(yy) ? 366 : 365;
  for (let mm = 1; mm < m; mm++) n += daysIn(y, mm);
  return n;
}
console.log([1900, 2000, 2023, 2024].map(isLeap));
console.log(dayOfWeek(2000, 1, 1), dayOfWeek(1969, 7, 20), dayOfWeek(2024, 2, 29));
console.log(dayNumber(2024, 3, 1) - dayNumber(2024, 2, 1), dayNumber(2000, 1, 1) - dayNumber(1970, 1, 1));
