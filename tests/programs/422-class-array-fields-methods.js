// Typed array fields through subclasses, constructor tails, methods called on receivers
// the compiler cannot see statically, and a union-find whose parent array is indexed by
// method results.
class Graph {
  constructor(n) {
    this.n = n;
    this.adj = [];
    this.degree = new Array(n).fill(0);
    for (let i = 0; i < n; i++) this.adj.push(i);
  }
  link(a, b) { this.degree[a]++; this.degree[b]++; }
  busiest() {
    let best = 0;
    for (let i = 1; i < this.degree.length; i++) if (this.degree[i] > this.degree[best]) best = i;
    return best;
  }
}

class WeightedGraph extends Graph {
  constructor(n, w) {
    super(n);
    this.weights = [w];
  }
  link(a, b) { super.link(a, b); this.weights.push(a * b + this.weights[0]); }
  heaviest() {
    let m = 0;
    for (const w of this.weights) if (w > m) m = w;
    return m;
  }
}

class UnionFind {
  constructor(n) {
    this.parent = [];
    for (let i = 0; i < n; i++) this.parent.push(i);
  }
  find(x) {
    while (this.parent[x] !== x) x = this.parent[x];
    return x;
  }
  union(a, b) { this.parent[this.find(a)] = this.find(b); }
}

const g = new Graph(6);
const wg = new WeightedGraph(5, 2);
const graphs = [g, wg];
for (let i = 0; i < 12; i++) {
  const which = graphs[i % 2];
  which.link(i % which.n, (i * 7 + 1) % which.n);
}
console.log(g.busiest(), wg.busiest(), wg.heaviest(), g.degree, wg.weights.length);
const pick = Number(process.argv[2] || 1);
console.log(graphs[pick].busiest(), graphs[1 - pick].degree.length);

const uf = new UnionFind(10);
for (let i = 0; i < 10; i += 3) uf.union(i, (i + 4) % 10);
const roots = [];
for (let i = 0; i < 10; i++) roots.push(uf.find(i));
console.log(roots.join(' '), uf.parent.length);
const bound = uf.find;
console.log(bound.call(uf, 9));
