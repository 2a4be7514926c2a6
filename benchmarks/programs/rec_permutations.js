// All permutations by recursive swapping.
function permute(items, k, out) {
  if (k === items.length) {
    out.push(items.join(""));
    return;
  }
  for (let i = k; i < items.length; i++) {
    let t = items[k]; items[k] = items[i]; items[i] = t;
    permute(items, k + 1, out);
    t = items[k]; items[k] = items[i]; items[i] = t;
  }
}
const out = [];
permute(["a", "b", "c", "d", "e"], 0, out);
console.log(out.length, out[0], out[1], out[out.length - 1]);
