// Maps with object, function, NaN and -0 keys versus plain-object keys.
const m = new Map();
const f = () => 1;
const k1 = {}, k2 = {};
m.set(k1, "first").set(k2, "second").set(f, "func").set(NaN, "nan").set(-0, "zero");
console.log(m.get(k1), m.get(k2), m.get(f), m.get(NaN), m.get(0), m.size);
const plain = {};
plain[k1] = "first";
plain[k2] = "second";
console.log(plain, Object.keys(plain));
const nums = new Map([[1, "one"], ["1", "string one"], [true, "true"]]);
console.log(nums.get(1), nums.get("1"), nums.get(true), [...nums.keys()].map(k => typeof k));
