// A binary search tree class: insert, contains, in-order traversal, height.
class BST {
  constructor() {
    this.root = null;
    this.size = 0;
  }
  insert(k) {
    const node = { k, l: null, r: null };
    if (!this.root) {
      this.root = node;
    } else {
      let cur = this.root;
      for (;;) {
        if (k === cur.k) return false;
        const side = k < cur.k ? "l" : "r";
        if (!cur[side]) {
          cur[side] = node;
          break;
        }
        cur = cur[side];
      }
    }
    this.size++;
    return true;
  }
  has(k) {
    let cur = this.root;
    while (cur && cur.k !== k) cur = k < cur.k ? cur.l : cur.r;
    return cur !== null;
  }
  inorder(n = this.root, out = []) {
    if (n) {
      this.inorder(n.l, out);
      out.push(n.k);
      this.inorder(n.r, out);
    }
    return out;
  }
  height(n = this.root) {
    return n ? 1 + Math.max(this.height(n.l), this.height(n.r)) : 0;
  }
}
const t = new BST();
for (const k of [50, 30, 70, 20, 40, 60, 80, 30, 65]) t.insert(k);
console.log(t.size, t.inorder(), t.height(), t.has(65), t.has(66));
console.log(t.root.l);
