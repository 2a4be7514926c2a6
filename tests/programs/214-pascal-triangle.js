// Pascal's triangle rows, binomial coefficients and centred printing.
function pascal(n) {
  const rows = [[1]];
  for (let i = 1; i < n; i++) {
    const prev = rows[i - 1];
    const row = [1];
    for (let j = 1; j < i; j++) row.push(prev[j - 1] + prev[j]);
    row.push(1);
    rows.push(row);
  }
  return rows;
}
const rows = pascal(10);
const width = rows[rows.length - 1].join(" ").length;
for (const r of rows) {
  const s = r.join(" ");
  console.log(" ".repeat(Math.floor((width - s.length) / 2)) + s);
}
console.log(pascal(30)[29][14]);
