// Objects created the same way share a shape until a property is added or deleted.
function makePoint(x, y) {
  return { x, y };
}
const pts = [];
for (let i = 0; i < 6; i++) pts.push(makePoint(i, i * i));
pts[2].z = "extra";
delete pts[4].y;
pts[5].x = "now a string";
let sum = 0;
for (const p of pts) sum += typeof p.x === "number" ? p.x + (p.y || 0) : 0;
console.log(sum);
console.log(pts);
