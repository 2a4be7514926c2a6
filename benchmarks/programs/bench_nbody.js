// bench: train 20, run 200000
// Planar-ish n-body simulation with a handful of bodies; numeric kernel over arrays of objects.
// The bodies start on a regular pentagon. Its cosines and sines are written out rather than
// computed: Math.cos/Math.sin may differ from V8's in the last bit (V8 ships fdlibm, Rust and
// jsrust use the C library's), and this chaotic system grows a 1-ulp difference into a
// different energy after ~20,000 steps.
const PENTAGON = [[1, 0], [0.30901699437494745, 0.9510565162951535], [-0.8090169943749473, 0.5877852522924732],
                  [-0.8090169943749475, -0.587785252292473], [0.30901699437494723, -0.9510565162951536]];
function makeBodies() {
  const bodies = [];
  for (let i = 0; i < 5; i++) {
    const [c, s] = PENTAGON[i];
    bodies.push({ x: c * (i + 1), y: s * (i + 1), z: 0.1 * i,
                  vx: -s * 0.3, vy: c * 0.3, vz: 0.0, m: 1.0 + i * 0.5 });
  }
  return bodies;
}
function energy(bodies) {
  let e = 0.0;
  for (let i = 0; i < bodies.length; i++) {
    const b = bodies[i];
    e += 0.5 * b.m * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz);
    for (let j = i + 1; j < bodies.length; j++) {
      const c = bodies[j];
      const dx = b.x - c.x, dy = b.y - c.y, dz = b.z - c.z;
      e -= (b.m * c.m) / Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
  }
  return e;
}
function advance(bodies, dt) {
  const n = bodies.length;
  for (let i = 0; i < n; i++) {
    const b = bodies[i];
    for (let j = i + 1; j < n; j++) {
      const c = bodies[j];
      const dx = b.x - c.x, dy = b.y - c.y, dz = b.z - c.z;
      const d2 = dx * dx + dy * dy + dz * dz;
      const mag = dt / (d2 * Math.sqrt(d2));
      b.vx -= dx * c.m * mag; b.vy -= dy * c.m * mag; b.vz -= dz * c.m * mag;
      c.vx += dx * b.m * mag; c.vy += dy * b.m * mag; c.vz += dz * b.m * mag;
    }
  }
  for (let i = 0; i < n; i++) {
    const b = bodies[i];
    b.x += dt * b.vx; b.y += dt * b.vy; b.z += dt * b.vz;
  }
}
const bodies = makeBodies();
console.log(energy(bodies).toFixed(9));
const steps = Number(process.argv[2] || 1000);
for (let step = 0; step < steps; step++) advance(bodies, 0.001);
console.log(energy(bodies).toFixed(9));
