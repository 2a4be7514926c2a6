// Own versus inherited properties: hasOwnProperty, Object.hasOwn, in, for-in.
const base = { inherited: 1 };
const o = Object.create(base);
o.own = 2;
console.log("own" in o, "inherited" in o, o.hasOwnProperty("inherited"), Object.hasOwn(o, "own"));
const keys = [];
for (const k in o) keys.push(k + (Object.hasOwn(o, k) ? "(own)" : "(inherited)"));
console.log(keys, Object.keys(o), JSON.stringify(o));
o.inherited = "shadowed";
console.log(o.inherited, base.inherited, Object.keys(o));
delete o.inherited;
console.log(o.inherited);
