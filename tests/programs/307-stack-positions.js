// Stack frames point at the call in progress: `new` for constructions, the callee's name
// for f(), the property for o.m(), the paren for o[k](); native and Node-internal frames,
// which jsrust does not show, are filtered out here.
function frames(e) {
  return e.stack.split("\n").slice(1)
    .filter((l) => !l.includes("<anonymous>)") && !l.includes("node:"))
    .map((l) => l.trim().replace(__filename, "FILE"));
}
function thrower() {
  throw new Error("x");
}
const o = {
  m() {
    thrower();
  },
  n: {
    deep() {
      return o.m();
    },
  },
};
function viaCall() {
  const r = thrower();
  return r;
}
function viaMember() {
  return o.n.deep();
}
function viaComputed() {
  return o["m"]();
}
function viaArgument() {
  console.log(String(thrower()));
}
class Widget {
  constructor(size) {
    if (size < 0) throw new RangeError("negative size");
    this.size = size;
  }
}
function build() {
  return new Widget(-1);
}
for (const f of [viaCall, viaMember, viaComputed, viaArgument, build, () => [1].map(thrower)]) {
  try {
    f();
  } catch (e) {
    console.log(e.name, frames(e).join(" | "));
  }
}
function digits() {
  return (1.5).toFixed(200);
}
try {
  digits();
} catch (e) {
  console.log(e.name, frames(e).join(" | "));
}
