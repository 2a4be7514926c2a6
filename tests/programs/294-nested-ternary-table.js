// A multiplication table and a truth table built with nested loops.
let header = "   |";
for (let j = 1; j <= 9; j++) header += String(j).padStart(3);
console.log(header);
console.log("-".repeat(header.length));
for (let i = 1; i <= 9; i++) {
  let row = String(i).padStart(2) + " |";
  for (let j = 1; j <= 9; j++) row += String(i * j).padStart(3);
  console.log(row);
}
for (const a of [false, true]) for (const b of [false, true]) console.log(a, b, a && b, a || b, a !== b, !(a && b));
