// Wrapper objects: new String/Number/Boolean and the boxed `this` of a sloppy function.
const s = new String("héllo"), n = new Number(-0), b = new Boolean(false), five = new Number(5);
console.log(typeof s, typeof n, typeof b, s == "héllo", s === "héllo", five == 5, five + 1, s + "!");
console.log(s.length, s[1], s.toUpperCase(), s.slice(1, 3), five.toFixed(2), s.valueOf() === "héllo");
console.log(s, n, b, five, [s, five], { b });
console.log(JSON.stringify({ s, n: five, b }), String(s), `${five}`, b ? "truthy" : "falsy");
console.log(new String("a") == new String("a"), s instanceof String, Object.keys(new String("ab")));
function loose() { return [typeof this, this == 42, this + 1]; }
function strict() { "use strict"; return [typeof this, this === 42]; }
console.log(loose.call(42), strict.call(42), loose.apply("x"), strict.call(true));
const methods = { kind() { return typeof this; } };
console.log(methods.kind.call(7), [1, 2].map(function () { return typeof this; }, 3));
for (const k of ["length", "1", "x"]) console.log(k, s[k]);
