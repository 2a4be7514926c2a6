// NaN, ±Infinity and fractions as the integer arguments of built-ins (lengths, indices, radixes,
// digit counts, repeat counts, code points, fromIndex): V8's RangeErrors and clamping, never a crash.
const tries = [
  () => { const a = [1]; a.length = NaN; return a; },
  () => { const a = [1]; a.length = Infinity; return a; },
  () => (255).toString(NaN),
  () => (1.5).toFixed(NaN),
  () => (1.5).toFixed(Infinity),
  () => (1.5).toPrecision(NaN),
  () => (1.5).toExponential(NaN),
  () => (1.5).toExponential(Infinity),
  () => "ab".repeat(NaN),
  () => "ab".repeat(Infinity),
  () => "ab".charCodeAt(NaN),
  () => "ab".charCodeAt(Infinity),
  () => String.fromCodePoint(NaN),
  () => String.fromCodePoint(Infinity),
  () => [1, 2, 3].at(NaN),
  () => [1, 2, 3].at(Infinity),
  () => [1, 2, 3].splice(0, Infinity),
  () => [1, 2, 3].splice(NaN, NaN),
  () => [1, 2, 3].indexOf(2, Infinity),
  () => [1, 2, 3].lastIndexOf(2, -Infinity),
  () => [1, 2, 3].lastIndexOf(2, NaN),
  () => "abc".padStart(NaN, "x"),
  () => "abc".padStart(Infinity, ""),
  () => "abc".substring(NaN, Infinity),
  () => "abc".slice(-Infinity, NaN),
  () => "abc".substr(NaN, Infinity),
  () => JSON.stringify({ a: 1 }, null, NaN),
  () => JSON.stringify({ a: 1 }, null, Infinity),
  () => new Array(NaN),
  () => Array.from({ length: NaN }),
  () => Array.from({ length: Infinity }),
  () => "a-b-c".split("-", NaN),
  () => "a-b-c".split("-", Infinity),
  () => [1, 2].fill(0, NaN, Infinity),
  () => [3, 1, 2].copyWithin(Infinity),
  () => "abc".at(-Infinity),
  () => "abc".codePointAt(Infinity),
  () => Number.parseInt("10", NaN),
  () => Number.parseInt("10", Infinity),
  () => (25).toString(Infinity),
  () => Math.round(Infinity) + Math.trunc(-Infinity),
  () => [1, 2, 3].flat(Infinity),
  () => [1, [2, [3]]].flat(NaN),
];
for (const t of tries) {
  try { console.log(JSON.stringify(t())); } catch (e) { console.log(e.name, e.message); }
}
const a = [1, 2, 1, NaN, , 3];
for (const from of [undefined, 0, 1, 2, -1, -2, -10, 10, NaN, Infinity, -Infinity, 1.7, "2"]) {
  console.log(String(from), a.indexOf(1, from), a.lastIndexOf(1, from), a.includes(1, from), a.includes(undefined, from), a.includes(NaN, from), a.lastIndexOf(3, from));
}
console.log(a.indexOf(1), a.lastIndexOf(1), a.includes(3));
