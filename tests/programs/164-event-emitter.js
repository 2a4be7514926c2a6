// A small synchronous event emitter with on/off/once.
class Emitter {
  constructor() {
    this.handlers = {};
  }
  on(evt, fn) {
    (this.handlers[evt] ||= []).push(fn);
    return () => this.off(evt, fn);
  }
  off(evt, fn) {
    this.handlers[evt] = (this.handlers[evt] || []).filter(h => h !== fn);
  }
  once(evt, fn) {
    const off = this.on(evt, (...args) => {
      off();
      fn(...args);
    });
  }
  emit(evt, ...args) {
    const list = [...(this.handlers[evt] || [])];
    list.forEach(h => h(...args));
    return list.length;
  }
}
const em = new Emitter();
const seen = [];
const unsub = em.on("data", x => seen.push("a" + x));
em.on("data", x => seen.push("b" + x));
em.once("data", x => seen.push("once" + x));
console.log(em.emit("data", 1), em.emit("data", 2));
unsub();
console.log(em.emit("data", 3), em.emit("nothing"));
console.log(seen);
