// bench: train 300, run 60000
// A left-leaning red-black tree: insertions, lookups and an in-order fold.
class RBNode {
  constructor(key, value) { this.key = key; this.value = value; this.left = null; this.right = null; this.red = true; }
}
function isRed(n) { return n !== null && n.red; }
function rotateLeft(h) { const x = h.right; h.right = x.left; x.left = h; x.red = h.red; h.red = true; return x; }
function rotateRight(h) { const x = h.left; h.left = x.right; x.right = h; x.red = h.red; h.red = true; return x; }
function flip(h) { h.red = !h.red; h.left.red = !h.left.red; h.right.red = !h.right.red; }
function insert(h, key, value) {
  if (h === null) return new RBNode(key, value);
  if (key < h.key) h.left = insert(h.left, key, value);
  else if (key > h.key) h.right = insert(h.right, key, value);
  else h.value = value;
  if (isRed(h.right) && !isRed(h.left)) h = rotateLeft(h);
  if (isRed(h.left) && isRed(h.left.left)) h = rotateRight(h);
  if (isRed(h.left) && isRed(h.right)) flip(h);
  return h;
}
function find(h, key) {
  while (h !== null) {
    if (key < h.key) h = h.left; else if (key > h.key) h = h.right; else return h.value;
  }
  return -1;
}
function height(h) { return h === null ? 0 : 1 + Math.max(height(h.left), height(h.right)); }
function sum(h) { return h === null ? 0 : sum(h.left) + h.value + sum(h.right); }
let root = null;
let seed = 12345;
const inserts = Number(process.argv[2] || 2000);
for (let i = 0; i < inserts; i++) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  root = insert(root, seed % 100000, i);
  root.red = false;
}
let hits = 0;
for (let k = 0; k < 100000; k += 7) if (find(root, k) >= 0) hits++;
console.log(hits, height(root), sum(root));
