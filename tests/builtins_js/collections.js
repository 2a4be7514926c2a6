const J = JSON.stringify;
const m = new Map();
m.set("a", 1).set(2, "two").set(NaN, "nan").set(-0, "zero");
console.log(m.size, m.get("a"), m.get(2), m.get("2"), m.get(NaN), m.get(0), m.get(-0), m.has(NaN), m.has(3), m.get(3));
console.log(J([...m.keys()].map(String)), J([...m.values()]), J([...m.entries()].map(e => String(e[0]) + "=" + e[1])));
const keyObj = {}; m.set(keyObj, "obj"); console.log(m.get(keyObj), m.get({}), m.size);
console.log(m.delete("a"), m.delete("a"), m.size, J([...m.keys()].map(String)));
m.set(2, "TWO"); console.log(J([...m].map(e => String(e[0]) + "=" + e[1])));
const fe = []; m.forEach((v, k, map) => fe.push(typeof k + ":" + String(v) + ":" + (map === m))); console.log(J(fe));
m.clear(); console.log(m.size, m.get(2));
const m2 = new Map([[1, "a"], [2, "b"], [1, "c"]]); console.log(m2.size, m2.get(1), J([...m2.keys()]));
console.log(new Map().size, new Map(null).size, new Map(undefined).size);
try { new Map([1]) } catch (e) { console.log(e.name + ": " + e.message) }
try { new Map(5) } catch (e) { console.log(e.name + ": " + e.message) }
try { Map() } catch (e) { console.log(e.name + ": " + e.message) }
try { Map.prototype.get.call({}, 1) } catch (e) { console.log(e.name + ": " + e.message) }
const s = new Set([1, 2, 2, "2", NaN, NaN, -0, 0]);
console.log(s.size, s.has(2), s.has("2"), s.has(NaN), s.has(0), J([...s].map(String)));
console.log(s.add(3) === s, s.delete(1), s.delete(1), s.size);
const sf = []; s.forEach((v, v2, set) => sf.push(String(v) + (v === v2 || v !== v) + (set === s))); console.log(J(sf));
console.log(J([...s.values()].map(String)), J([...s.entries()].map(e => String(e[0]) + String(e[1]))), s.keys === s.values, Set.prototype.keys === Set.prototype.values);
s.clear(); console.log(s.size);
console.log(J([...new Set("hello")]), new Set([[1], [1]]).size);
const live = new Set([1, 2, 3]); const seen = [];
for (const x of live) { seen.push(x); if (x === 1) { live.delete(2); live.add(4); } } console.log(J(seen));
const lm = new Map([[1, 1]]); const lseen = [];
lm.forEach((v, k) => { lseen.push(k); if (k < 4) lm.set(k + 1, 0); }); console.log(J(lseen));
const it = new Map([["x", 1]]).entries(); const n1 = J(it.next()), n2 = J(it.next()); const selfIter = it[Symbol.iterator]() === it; console.log(n1, n2, typeof it[Symbol.iterator], selfIter);
const words = "the cat the dog the end dog".split(" "); const counts = new Map();
for (const w of words) counts.set(w, (counts.get(w) || 0) + 1);
console.log(J([...counts]), J(Array.from(counts.keys())), Math.max(...counts.values()));
const sizeDesc = Object.getOwnPropertyDescriptor(Map.prototype, "size"); console.log(typeof sizeDesc.get, sizeDesc.set, "size" in m, Object.keys(m).length);
const dedupe = [...new Set([3, 1, 3, 2, 1])]; console.log(J(dedupe));
const mk = new Map(); mk.set(true, "t").set(1, "one").set("1", "str"); console.log(mk.get(true), mk.get(1), mk.get("1"), mk.size);
