// Array fields no binding aliases live in the record itself (`jsrt::FieldArr`); a field a
// local also names (`const h = this.log`) never does. Either way they behave as JS arrays.
class Node {
  constructor(id) {
    this.id = id;
    this.out = [];
    this.marks = new Array(3).fill(-0);
    this.log = [];
  }
  link(to) { this.out.push(to); return this.out.length; }
  note(x) { const h = this.log; h.push(x); return this.log.length; }
}

function walk(start, steps) {
  let node = start, seen = '';
  for (let s = 0; s < steps; s++) {
    // `node.out` is read once: reassigning `node` inside does not change the array walked
    for (const next of node.out) {
      seen += next.id;
      node = next;
    }
  }
  return seen;
}

function grow(n) {
  // a walk sees the edges pushed while it runs, as JS's array iterator does
  let count = 0;
  for (const m of n.out) {
    count++;
    if (n.out.length < 6) n.link(m);
  }
  return count + ':' + n.out.length;
}

function main() {
  const a = new Node(1), b = new Node(2), c = new Node(3);
  a.link(b); b.link(c); c.link(a); a.link(c); c.link(c);   // cycles, a self-loop
  console.log(walk(a, 4), grow(b));
  a.marks[1] = NaN;
  a.marks[3] = 7;                                          // a store at the length appends
  b.marks[0] += 1.5;
  b.marks[2]++;
  console.log(a.marks.length, a.marks[0], 1 / a.marks[0], b.marks[0], b.marks[2]);
  console.log(a.note(5), a.note(-0), b.note(1), a.log.length);
  const popped = a.out.pop();
  console.log(popped.id, a.out.length, c.out.length);
  console.log(b.marks, a.marks);
  console.log(new Node(9));
}
main();
