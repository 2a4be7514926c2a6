// Symbols as unique keys: not enumerated, shown by console.log, description.
const id = Symbol("id");
const other = Symbol("id");
const o = { name: "obj", [id]: 123 };
console.log(id === other, id.toString(), id.description, typeof id);
console.log(o[id], Object.keys(o), JSON.stringify(o));
console.log(o);
console.log(Object.getOwnPropertySymbols(o).length);
const reg = Symbol.for("app");
console.log(reg === Symbol.for("app"), Symbol.keyFor(reg));
