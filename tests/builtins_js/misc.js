const t0 = Date.now(); const p0 = performance.now();
let spin = 0; for (let i = 0; i < 20000; i++) spin += i;
const t1 = Date.now(); const p1 = performance.now();
console.log("now", typeof t0, Number.isInteger(t0), t0 > 1.7e12, t1 >= t0, p1 >= p0, typeof p0, spin);
const d = new Date(0); console.log("date", d.getTime(), d.toISOString(), JSON.stringify({d: d}), d.valueOf());
const d2 = new Date("2024-02-29T12:34:56.789Z"); console.log("iso", d2.getTime(), d2.toISOString());
const d3 = new Date(1e15); console.log("big", d3.toISOString(), new Date(-1).toISOString(), new Date(NaN).getTime(), Date.parse("2020-01-01"));
try { new Date(NaN).toISOString() } catch (e) { console.log(e.name, e.message) }
console.log("wrap", typeof new Number(5), new Number(5) + 1, new String("ab").length, new String("ab").toUpperCase(), new Boolean(false) ? "truthy" : "falsy", String(new Number(3)), new Number(2.5).toFixed(1), typeof Object(1));
console.log("ctor", [].constructor === Array, "s".constructor === String, (1).constructor === Number, true.constructor === Boolean, new Map().constructor === Map);
console.log("names", Math.max.name, Math.max.length, [].push.name, Array.from.length, JSON.stringify.length, String.fromCharCode.name, Map.prototype.get.length);
console.log("typeof", typeof Math, typeof JSON, typeof Array, typeof Map, typeof String.prototype.slice, typeof Symbol.iterator);
console.log("proto", Object.getPrototypeOf([]) === Array.prototype, Array.prototype.map === [].map, "".slice === String.prototype.slice);
console.log("globals", parseInt === Number.parseInt, isNaN(undefined), typeof globalThis.Math, globalThis.Infinity, typeof NaN);
class Stack extends Array { top() { return this[this.length - 1] } }
const st = new Stack(); st.push(1, 2, 3); console.log("subclass", st.length, st.top(), Array.isArray(st), st instanceof Stack, st instanceof Array);
class Registry extends Map { register(k) { this.set(k, (this.get(k) || 0) + 1); return this } }
const reg = new Registry(); reg.register("a").register("a").register("b"); console.log("submap", reg.size, reg.get("a"), reg instanceof Map);
function args() { return [Array.isArray(arguments), JSON.stringify(arguments), [0].concat(arguments).length, Array.prototype.slice.call(arguments, 1).join(","), Array.from(arguments).length]; }
console.log("arguments", args(1, 2, 3).join(" "));
try { [1,2].with(5, 1) } catch(e) { console.log(e.name, e.message) }
try { "a".normalize("x") } catch(e) { console.log(e.name, e.message) }
try { (1).toExponential(101) } catch(e) { console.log(e.name, e.message) }
console.log((Infinity).toExponential(200), (123.456).toExponential(), (0).toExponential(), (-0).toExponential(2), (1e21).toExponential(3), (5e-324).toExponential(), (1.5).toExponential(0), (2.5).toExponential(0), (1.25).toExponential(1), (0.000123).toExponential(), (-1.5e-7).toExponential(4), NaN.toExponential(2), (123).toExponential(undefined), (9.99).toExponential(1));
console.log([3,1,2].toSorted(), [1,2,3].toReversed(), [1,2,3,4].toSpliced(1,2,"x"), [1,2,3].with(-1, 9), [1,,3].toSorted(), [1,2,3,4,5].copyWithin(0,3), [1,2,3,4,5].copyWithin(1,0,2), [1,2,3,4,5].copyWithin(-2,-3,-1), [1,,3].toReversed());
console.log("é".length, "e\u0301".length, "é".normalize("NFD").length, "e\u0301".normalize().length, "\ud83d\ude00x".normalize("NFKC"));
console.log([1, 2].values(), "x"[Symbol.iterator]());
console.log(Math, JSON, new Number(5), new String("ab"), new Boolean(true));
console.log(new Map([[1, 2]]), new Set(["a"]), [new Map()], {m: new Set()}, Math.max, typeof Symbol.toStringTag, Math[Symbol.toStringTag], new Map()[Symbol.toStringTag]);
class M extends Map {} ; console.log(new M([[1, 1]]));
const ds = [new Date(0), new Date(1709210096789), new Date(-1e12), new Date(2024, 1, 29, 13, 5, 9, 7), new Date(99, 11, 31), new Date(2020, 13, 35), new Date(8.64e15), new Date(NaN)];
for (const d of ds) console.log(d.getTime(), d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds(), d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(), d.getTimezoneOffset());
console.log(Date.UTC(2020, 0, 1), Date.UTC(2020), Date.UTC(70, 0, 1, 0, 0, 0, 1), Date.UTC(), Date.UTC(2020, 1, 30, 25));
