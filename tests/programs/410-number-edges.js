// Number formatting, rounding, bit operations and Math on edge values (±0, NaN, ±Infinity, the
// smallest and largest doubles, halves): Math.hypot as V8 computes it (scaled, Kahan-summed).
const xs = [0, -0, 1, -1, 0.1, 1.5, 2.5, -2.5, 1e21, 1e-7, 123.456, 5e-324, 1.7976931348623157e308, NaN, Infinity, -Infinity, 255, 0.000001, 1e20, 2 ** 53, -1234.5678];
for (const x of xs) {
  const r = [];
  for (const f of [
    () => x.toString(2), () => x.toString(16), () => x.toString(36), () => x.toFixed(0), () => x.toFixed(2), () => x.toFixed(20),
    () => x.toPrecision(1), () => x.toPrecision(5), () => x.toExponential(), () => x.toExponential(3),
    () => Math.round(x), () => Math.trunc(x), () => Math.sign(x), () => Math.floor(x), () => Math.ceil(x), () => Math.abs(x),
    () => x | 0, () => x >>> 0, () => ~x, () => x << 1, () => x % 7, () => -x % 7, () => String(x), () => parseFloat(String(x)),
    () => Number.isInteger(x), () => Number.isSafeInteger(x), () => Math.fround(x), () => Math.clz32(x), () => Math.hypot(x, 3),
  ]) {
    try { r.push(f()); } catch (e) { r.push(e.name); }
  }
  console.log(JSON.stringify(r));
}
console.log(parseInt("0x1f"), parseInt("  12px"), parseInt("-0"), parseFloat(".5e-3x"), Number(""), Number(" 12 "), Number("1_0"), Number("0b101"), Number("0o17"), +[], +[5], +"Infinity", Number(null), Number(undefined));
