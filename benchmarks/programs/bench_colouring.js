// bench: train 4, run 60
// A small constraint solver: graph colouring by backtracking with forward checking over generated graphs.
class Graph {
  constructor(n) {
    this.n = n;
    this.adj = [];
    for (let i = 0; i < n; i++) this.adj.push([]);
  }
  connect(a, b) {
    if (a !== b && this.adj[a].indexOf(b) < 0) {
      this.adj[a].push(b);
      this.adj[b].push(a);
    }
  }
}

function makeGraph(n, seed) {
  const g = new Graph(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    g.connect(i, (i + 1) % n);
    s = (s * 1103515245 + 12345) % 2147483648;
    g.connect(i, s % n);
  }
  return g;
}

class Solver {
  constructor(graph, colours) {
    this.g = graph;
    this.k = colours;
    this.colour = [];
    this.domain = [];
    this.nodes = 0;
    this.solutions = 0;
    this.first = '';
    for (let i = 0; i < graph.n; i++) {
      this.colour.push(-1);
      const d = [];
      for (let c = 0; c < colours; c++) d.push(true);
      this.domain.push(d);
    }
  }
  domainSize(v) {
    let n = 0;
    for (let c = 0; c < this.k; c++) if (this.domain[v][c]) n++;
    return n;
  }
  // the most constrained uncoloured vertex, or -1 when all are coloured
  pick() {
    let best = -1, bestSize = this.k + 1;
    for (let v = 0; v < this.g.n; v++) {
      if (this.colour[v] >= 0) continue;
      const size = this.domainSize(v);
      if (size < bestSize) { best = v; bestSize = size; }
    }
    return best;
  }
  solve(limit) {
    this.nodes++;
    const v = this.pick();
    if (v < 0) {
      this.solutions++;
      if (this.first === '') this.first = this.colour.join('');
      return;
    }
    for (let c = 0; c < this.k && this.solutions < limit; c++) {
      if (!this.domain[v][c]) continue;
      const removed = [];
      let ok = true;
      for (const w of this.g.adj[v]) {
        if (this.colour[w] < 0 && this.domain[w][c]) {
          this.domain[w][c] = false;
          removed.push(w);
          if (this.domainSize(w) === 0) ok = false;
        }
      }
      this.colour[v] = c;
      if (ok) this.solve(limit);
      this.colour[v] = -1;
      for (const w of removed) this.domain[w][c] = true;
    }
  }
}

const rounds = Number(process.argv[2] || 10);
let total = 0, nodes = 0, first = '';
for (let r = 0; r < rounds; r++) {
  const solver = new Solver(makeGraph(28, 7 + r), 3);
  solver.solve(40);
  total += solver.solutions;
  nodes += solver.nodes;
  if (r === 0) first = solver.first;
}
console.log('solutions', total, 'search nodes', nodes);
console.log('first colouring', first);
