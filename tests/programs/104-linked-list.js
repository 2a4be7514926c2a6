// A singly linked list class with iteration helpers.
class Node {
  constructor(value, next = null) {
    this.value = value;
    this.next = next;
  }
}
class LinkedList {
  constructor() {
    this.head = null;
    this.length = 0;
  }
  prepend(v) {
    this.head = new Node(v, this.head);
    this.length++;
    return this;
  }
  append(v) {
    const node = new Node(v);
    if (!this.head) this.head = node;
    else {
      let cur = this.head;
      while (cur.next) cur = cur.next;
      cur.next = node;
    }
    this.length++;
    return this;
  }
  reverse() {
    let prev = null, cur = this.head;
    while (cur) {
      const next = cur.next;
      cur.next = prev;
      prev = cur;
      cur = next;
    }
    this.head = prev;
    return this;
  }
  toArray() {
    const out = [];
    for (let cur = this.head; cur; cur = cur.next) out.push(cur.value);
    return out;
  }
}
const list = new LinkedList().append(2).append(3).prepend(1).append(4);
console.log(list.toArray(), list.length);
console.log(list.reverse().toArray());
console.log(new LinkedList().append("only"));
