// A tiny two-dimensional n-body step loop with objects in an array.
const bodies = [
  { x: 0, y: 0, vx: 0, vy: 0, m: 1000 },
  { x: 100, y: 0, vx: 0, vy: 3, m: 1 },
  { x: -150, y: 0, vx: 0, vy: -2.5, m: 2 },
];
function step(dt) {
  for (const a of bodies) {
    let ax = 0, ay = 0;
    for (const b of bodies) {
      if (a === b) continue;
      const dx = b.x - a.x, dy = b.y - a.y;
      const d2 = dx * dx + dy * dy + 0.01;
      const inv = b.m / (d2 * Math.sqrt(d2));
      ax += dx * inv;
      ay += dy * inv;
    }
    a.vx += ax * dt;
    a.vy += ay * dt;
  }
  for (const a of bodies) {
    a.x += a.vx * dt;
    a.y += a.vy * dt;
  }
}
for (let i = 0; i < 1000; i++) step(0.01);
console.log(bodies.map(b => [b.x.toFixed(6), b.y.toFixed(6)]));
