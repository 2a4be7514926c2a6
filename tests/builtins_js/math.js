const f = (x) => Object.is(x, -0) ? "-0" : String(x);
const show = (label, ...vs) => console.log(label, vs.map(f).join(" "));
show("round", Math.round(2.5), Math.round(-2.5), Math.round(-0.4), Math.round(0.49999999999999994), Math.round(-0), Math.round("3.7"), Math.round(), Math.round(null));
show("floorceil", Math.floor(-1.5), Math.ceil(-0.5), Math.floor(-0), Math.ceil(1.2), Math.trunc(-0.9), Math.trunc(4.7), Math.sign(-3), Math.sign(-0), Math.sign("x"));
show("abs", Math.abs(-5), Math.abs("-2"), Math.abs(-0), Math.abs([]), Math.abs([2]), Math.abs({}));
show("minmax", Math.max(1, 3, 2), Math.min(1, 3, 2), Math.max(), Math.min(), Math.max(1, NaN), Math.min(0, -0), Math.max(-0, 0), Math.max("7", 2), Math.max(...[4, 9, 1]));
show("pow", Math.pow(2, 10), 2 ** -1, Math.pow(-8, 1 / 3), Math.pow(1, Infinity), Math.pow(0, -1), Math.pow(-0, -3), Math.pow(NaN, 0), (-2) ** 3);
show("sqrt", Math.sqrt(16), Math.sqrt(-1), Math.sqrt(-0), Math.sqrt(2), Math.cbrt(27), Math.cbrt(-8), Math.hypot(3, 4), Math.hypot(3, 4, 12), Math.hypot(), Math.hypot(NaN, Infinity));
show("log", Math.log(Math.E), Math.log(0), Math.log(-1), Math.log2(8), Math.log10(1000), Math.log1p(-1), Math.exp(0), Math.exp(1000), Math.expm1(0));
show("trig", Math.sin(0), Math.cos(0), Math.tan(0), Math.sin(Infinity), Math.asin(2), Math.atan2(1, 1), Math.atan2(-0, -1), Math.atan(Infinity), Math.sinh(0), Math.cosh(0), Math.tanh(Infinity));
show("bits", Math.clz32(1), Math.clz32(0), Math.clz32(-1), Math.imul(3, 4), Math.imul(0xffffffff, 5), Math.imul(0x7fffffff, 0x7fffffff), Math.fround(5.5), Math.fround(5.05), Math.fround(1e40));
show("consts", Math.PI, Math.E, Math.LN2, Math.LN10, Math.LOG2E, Math.LOG10E, Math.SQRT2, Math.SQRT1_2);
const r = Math.random(); show("random", r >= 0 && r < 1, typeof r);
show("Number", Number("  12  "), Number("0x1f"), Number(""), Number(" "), Number("1e3"), Number("abc"), Number(null), Number(undefined), Number(true), Number([]), Number([5]), Number("0b11"), Number("-0"), Number("Infinity"), Number(), Number("1_0"), Number("\n42\t"));
show("isInteger", Number.isInteger(5), Number.isInteger(5.5), Number.isInteger("5"), Number.isInteger(Infinity), Number.isSafeInteger(2 ** 53), Number.isSafeInteger(2 ** 53 - 1));
show("isFinite", Number.isFinite(1), Number.isFinite("1"), isFinite("1"), Number.isNaN("x"), isNaN("x"), isNaN(NaN), isFinite(Infinity), isNaN(), isFinite(null));
show("parse", parseInt("42px"), parseInt("0x1f"), parseInt("ff", 16), parseInt("101", 2), parseInt("  -12.9"), parseInt("abc"), parseInt(""), parseInt("9", 8), parseFloat("3.14abc"), parseFloat(".5"), parseFloat("-Infinityx"), parseFloat("e5"), parseInt(0.0000005), parseInt("123", 0), Number.parseInt === parseInt, Number.parseFloat === parseFloat);
show("nconsts", Number.EPSILON, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, NaN, Infinity, -Infinity);
console.log("toFixed", (1.005).toFixed(2), (1.45).toFixed(1), (0.5).toFixed(0), (1.5).toFixed(0), (2.5).toFixed(0), (-1.5).toFixed(0), (1e21).toFixed(2), (123.456).toFixed(), (-0).toFixed(2), (0.000001).toFixed(7), (NaN).toFixed(2), (-0.0001).toFixed(2));
console.log("toString", (255).toString(16), (255).toString(2), (-255).toString(36), (0.5).toString(2), (3.75).toString(8), (1e21).toString(), (123.456).toString(10), (0.1).toString(3));
console.log("toPrecision", (123.456).toPrecision(4), (0.000123).toPrecision(2), (123456).toPrecision(2), (1.5).toPrecision(1), (2.5).toPrecision(1), (1e-7).toPrecision(3), (5).toPrecision(), (0).toPrecision(3));
try { (1).toFixed(101) } catch (e) { console.log(e.name, e.message) }
try { (1).toString(1) } catch (e) { console.log(e.name, e.message) }
try { (1).toPrecision(0) } catch (e) { console.log(e.name, e.message) }
try { Number.prototype.toFixed.call("x") } catch (e) { console.log(e.name, e.message) }
console.log("valueOf", (5).valueOf(), typeof (5).valueOf());
console.log("Boolean", Boolean(0), Boolean(""), Boolean("0"), Boolean([]), Boolean(NaN), Boolean(), Boolean(-0), Boolean({}), true.toString(), false.toString(), (true).valueOf());
console.log("numfmt", 1e21, 1e-7, 123e-20, 0.1 + 0.2, -1e-7, 2 ** 53, 100, 1.5e300 * 1.5e10);
let acc = 0; for (let i = 0; i < 1000; i++) acc += Math.floor(Math.sqrt(i)) + Math.max(i % 7, 3) - Math.abs(-i % 5); console.log("loop", acc);
console.log((1.0005).toLocaleString(), (1234567.891).toLocaleString(), (-0).toLocaleString(), (0.0001).toLocaleString(), (1e21).toLocaleString(), NaN.toLocaleString(), (2.5).toLocaleString(), (1.0125).toLocaleString(), (1e-7).toLocaleString(), (123456789012345680000).toLocaleString(), Infinity.toLocaleString(), (-1234.5).toLocaleString(), [1234, 5, null, 1.5].toLocaleString(), (-1e-7).toLocaleString(), (999.9995).toLocaleString(), (5e-324).toLocaleString(), (1e300).toLocaleString().length, (0.5).toLocaleString("en-US"));
const powers = [];
for (const x of [2, 3, 7, 10, -3, -2, 1.5, 0.1, 123456, -0, 0, 9]) for (const y of [0, 1, 2, 3, 5, 10, 15, 16, 19, 20, 30, 53, 64, 0.5, -1, -2]) powers.push(x ** y);
// V8's pow and trig are not correctly rounded and the host libm is: the last bit may
// differ (interp/libm.py), so non-trivial results are compared to 15 significant digits
const p15 = (v) => (Number.isFinite(v) && v !== 0 ? v.toPrecision(15) : String(v));
console.log(powers.map(p15).join(" "));
const xs = [4066775.383120085, 1e6, 1e10, 1e22, 1e300, -1e300, 1.7976931348623157e308, 2 ** 60, 123456789.123, -987654321.5, 3.4e38, 5e15, 1e19 + 1, 6.0e5 * Math.PI];
for (const x of xs) console.log(x, p15(Math.sin(x)), p15(Math.cos(x)), p15(Math.tan(x)));
