// Formatting numbers by hand: thousands separators, fixed width, percentages.
function withCommas(n) {
  const [int, frac] = String(Math.abs(n)).split(".");
  let out = "";
  for (let i = 0; i < int.length; i++) {
    if (i && (int.length - i) % 3 === 0) out += ",";
    out += int[i];
  }
  return (n < 0 ? "-" : "") + out + (frac ? "." + frac : "");
}
console.log([0, 999, 1000, 1234567, -9876543.21, 1e15].map(withCommas));
const pct = (a, b) => ((a / b) * 100).toFixed(1) + "%";
console.log(pct(1, 3), pct(2, 3), pct(0, 5), pct(5, 0));
console.log(String(7).padStart(3, "0"), (42).toString().padStart(6, "."), (3.14159).toFixed(3).padEnd(8, "0"));
