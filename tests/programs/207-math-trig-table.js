// A small trigonometric table; printing rounded doubles.
for (let deg = 0; deg <= 180; deg += 30) {
  const r = (deg * Math.PI) / 180;
  const s = Math.sin(r), c = Math.cos(r);
  console.log(String(deg).padStart(3), s.toFixed(5).padStart(9), c.toFixed(5).padStart(9), Math.abs(c) < 1e-12 ? "inf" : (s / c).toFixed(5));
}
console.log(Math.sin(Math.PI), Math.cos(Math.PI / 2), Math.tan(Math.PI / 4));
console.log(Math.asin(1), Math.acos(-1), Math.atan(Infinity), Math.atan2(-0, -1));
console.log(Math.sinh(1), Math.cosh(1), Math.tanh(100), Math.expm1(1e-10), Math.log1p(1e-10));
