// Class fields holding arrays of numbers: index reads and writes, push/pop, length, aliases,
// for-of, compound updates, and instances printed whole (typed fields print as arrays).
class Stack {
  constructor(cap) {
    this.items = [];
    this.sizes = new Array(cap).fill(0);
    this.cap = cap;
  }
  push(x) {
    this.items.push(x);
    this.sizes[this.items.length % this.cap] += x;
    return this.items.length;
  }
  pop() { return this.items.pop(); }
  top() { return this.items[this.items.length - 1]; }
  total() {
    let s = 0;
    for (const x of this.items) s += x;
    return s;
  }
  bump(i) { this.sizes[i]++; this.sizes[i] *= 2; return this.sizes[i]; }
}

class Histogram {
  constructor(n) {
    this.bins = new Array(n).fill(0);
    this.seen = [0.5];
  }
  add(v) {
    const i = Math.floor(v) % this.bins.length;
    this.bins[i] = this.bins[i] + 1;
    this.seen.push(v / 2);
  }
  appendAtEnd(v) { this.seen[this.seen.length] = v; }
}

const s = new Stack(4);
for (let i = 1; i <= 10; i++) s.push(i * 3);
console.log(s.top(), s.total(), s.pop(), s.pop(), s.items.length);
console.log(s.bump(1), s.bump(2), s.sizes[0]);
console.log(s);
console.log(JSON.stringify(s));

const h = new Histogram(5);
for (let i = 0; i < 23; i++) h.add(i * 1.75);
h.appendAtEnd(99);
let walked = 0;
for (const v of h.seen) { walked += v; if (h.seen.length < 30) h.seen.push(1); }
console.log(h.bins, h.seen.length, walked);
console.log(h);

// a stack walked while it is emptied: pop inside for-of
const t = new Stack(3);
for (let i = 0; i < 6; i++) t.push(i);
const order = [];
for (const x of t.items) { order.push(x); t.pop(); }
console.log(order, t.items.length, t.total());

// aliases of a field: a local and a function's parameter are the same array as the field
function drain(arr) { let n = 0; while (arr.length > 2) n += arr.pop(); return n; }
const u = new Stack(2);
for (let i = 0; i < 5; i++) u.push(i + 0.5);
const view = u.items;
view.push(40);
view[0] = -1;
console.log(drain(u.items), u.items.length, view.length, u.top(), u.total());
