// Object.defineProperty: non-enumerable, read-only and accessor properties.
const o = { visible: 1 };
Object.defineProperty(o, "hidden", { value: 2, enumerable: false });
Object.defineProperty(o, "ro", { value: 3, writable: false, enumerable: true });
let backing = 10;
Object.defineProperty(o, "acc", { get() { return backing * 2; }, set(v) { backing = v; }, enumerable: true });
o.ro = 99;
o.acc = 21;
console.log(o.hidden, o.ro, o.acc, Object.keys(o), JSON.stringify(o));
console.log(o);
console.log(Object.getOwnPropertyDescriptor(o, "ro"));
