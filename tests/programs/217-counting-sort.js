// Counting sort and a histogram printed with bars.
const scores = [3, 7, 7, 2, 9, 3, 3, 0, 10, 7, 5, 5, 9, 1, 3];
const counts = new Array(11).fill(0);
for (const s of scores) counts[s]++;
const sorted = [];
counts.forEach((c, v) => {
  for (let i = 0; i < c; i++) sorted.push(v);
});
console.log(sorted);
for (let v = 0; v <= 10; v++) console.log(String(v).padStart(2) + " | " + "*".repeat(counts[v]));
