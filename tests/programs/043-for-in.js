// for-in enumerates own and inherited enumerable string keys, integer keys first.
const o = { b: 1, a: 2, 10: "ten", 2: "two", c: 3 };
for (const k in o) console.log(k, typeof k, o[k]);
const arr = ["x", "y", "z"];
for (const i in arr) console.log(i, arr[i]);
function Base() {
  this.own = 1;
}
Base.prototype.inherited = 2;
const inst = new Base();
const keys = [];
for (const k in inst) keys.push(k);
console.log(keys);
for (const ch in "hi") console.log(ch);
