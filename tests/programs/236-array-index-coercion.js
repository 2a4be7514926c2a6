// Array indices are property keys: strings that look like integers, negatives, floats.
const a = [10, 20, 30];
console.log(a["1"], a[1.0], a["01"], a[-1], a[1.5], a["length"]);
a[-1] = "neg";
a["2"] = "two";
a[1.5] = "float";
console.log(a, a.length, Object.keys(a));
const idx = { toString() { return "0"; } };
console.log(a[idx]);
a[4294967295] = "too big";
console.log(a.length);
