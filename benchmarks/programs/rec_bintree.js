// Build a complete binary tree of objects, then walk it recursively.
function build(depth, start) {
  if (depth === 0) return null;
  return { value: start, left: build(depth - 1, start * 2), right: build(depth - 1, start * 2 + 1) };
}
function sum(node) {
  if (node === null) return 0;
  return node.value + sum(node.left) + sum(node.right);
}
function height(node) {
  if (node === null) return 0;
  const l = height(node.left);
  const r = height(node.right);
  return 1 + (l > r ? l : r);
}
const root = build(9, 1);
console.log("sum:", sum(root), "height:", height(root));
