// A binary-heap priority queue and Dijkstra's shortest paths on a small graph.
class MinHeap {
  constructor() {
    this.items = [];
  }
  get size() {
    return this.items.length;
  }
  push(priority, value) {
    const items = this.items;
    items.push({ priority, value });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent].priority <= items[i].priority) break;
      [items[parent], items[i]] = [items[i], items[parent]];
      i = parent;
    }
  }
  pop() {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < items.length && items[l].priority < items[m].priority) m = l;
        if (r < items.length && items[r].priority < items[m].priority) m = r;
        if (m === i) break;
        [items[m], items[i]] = [items[i], items[m]];
        i = m;
      }
    }
    return top;
  }
}
const h = new MinHeap();
for (const x of [5, 3, 8, 1, 9, 2, 7]) h.push(x, "item" + x);
const out = [];
while (h.size) out.push(h.pop().value);
console.log(out);
const graph = {
  A: { B: 4, C: 2 }, B: { C: 5, D: 10 }, C: { E: 3 }, D: { F: 11 }, E: { D: 4 }, F: {},
};
function dijkstra(src) {
  const dist = { [src]: 0 };
  const pq = new MinHeap();
  pq.push(0, src);
  while (pq.size) {
    const { priority: d, value: u } = pq.pop();
    if (d > dist[u]) continue;
    for (const [v, w] of Object.entries(graph[u])) {
      if (dist[v] === undefined || d + w < dist[v]) {
        dist[v] = d + w;
        pq.push(d + w, v);
      }
    }
  }
  return dist;
}
console.log(dijkstra("A"));
