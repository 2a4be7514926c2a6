// bench: train 2, run 300
// Loop-nesting finder over generated control-flow graphs: DFS preorder, back edges and union-find (after Havlak).
class Block {
  constructor(id) {
    this.id = id;
    this.succ = [];
    this.pred = [];
  }
}

class CFG {
  constructor() { this.blocks = []; }
  block() {
    const b = new Block(this.blocks.length);
    this.blocks.push(b);
    return b;
  }
  edge(a, b) {
    a.succ.push(b);
    b.pred.push(a);
  }
}

class Rng {
  constructor(seed) { this.s = seed; }
  next(n) {
    this.s = (this.s * 1103515245 + 12345) % 2147483648;
    return Math.floor(this.s / 65536) % n;
  }
}

class UnionFind {
  constructor(n) {
    this.parent = [];
    for (let i = 0; i < n; i++) this.parent.push(i);
  }
  find(x) {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r];
    while (this.parent[x] !== r) {
      const next = this.parent[x];
      this.parent[x] = r;
      x = next;
    }
    return r;
  }
  union(a, into) { this.parent[this.find(a)] = this.find(into); }
}

// Straight-line pieces, diamonds and nested loops; returns the block control leaves by.
function build(cfg, from, depth, rng) {
  let cur = from;
  const pieces = 2 + rng.next(3);
  for (let p = 0; p < pieces; p++) {
    const kind = depth > 0 ? rng.next(3) : rng.next(2);
    if (kind === 0) {
      const next = cfg.block();
      cfg.edge(cur, next);
      cur = next;
    } else if (kind === 1) {
      const a = cfg.block(), b = cfg.block(), join = cfg.block();
      cfg.edge(cur, a); cfg.edge(cur, b); cfg.edge(a, join); cfg.edge(b, join);
      cur = join;
    } else {
      const header = cfg.block();
      cfg.edge(cur, header);
      const end = build(cfg, header, depth - 1, rng);
      cfg.edge(end, header);
      if (rng.next(4) === 0) cfg.edge(end, end);
      const exit = cfg.block();
      cfg.edge(header, exit);
      cur = exit;
    }
  }
  return cur;
}

class LoopFinder {
  constructor(cfg) {
    this.cfg = cfg;
    const n = cfg.blocks.length;
    this.number = [];
    this.last = [];
    this.order = [];
    for (let i = 0; i < n; i++) { this.number.push(-1); this.last.push(-1); }
  }
  // iterative DFS: preorder numbers and the last preorder number below each node
  dfs(entry) {
    const stack = [entry], edge = [0];
    this.number[entry.id] = 0;
    this.order.push(entry);
    while (stack.length > 0) {
      const b = stack[stack.length - 1], i = edge[edge.length - 1];
      if (i < b.succ.length) {
        edge[edge.length - 1] = i + 1;
        const s = b.succ[i];
        if (this.number[s.id] < 0) {
          this.number[s.id] = this.order.length;
          this.order.push(s);
          stack.push(s);
          edge.push(0);
        }
      } else {
        this.last[this.number[b.id]] = this.order.length - 1;
        stack.pop();
        edge.pop();
      }
    }
  }
  isAncestor(w, v) { return w <= v && v <= this.last[w]; }
  find() {
    this.dfs(this.cfg.blocks[0]);
    const n = this.order.length;
    const backPreds = [], otherPreds = [], header = [], selfLoop = [];
    for (let w = 0; w < n; w++) {
      const back = [], other = [];
      for (const p of this.order[w].pred) {
        const v = this.number[p.id];
        if (v < 0) continue;
        if (this.isAncestor(w, v)) back.push(v); else other.push(v);
      }
      backPreds.push(back); otherPreds.push(other);
      header.push(-1); selfLoop.push(false);
    }
    const uf = new UnionFind(n);
    const loops = [];
    for (let w = n - 1; w >= 0; w--) {
      const body = [], inBody = new Set();
      for (const v of backPreds[w]) {
        if (v === w) { selfLoop[w] = true; continue; }
        const r = uf.find(v);
        if (!inBody.has(r)) { inBody.add(r); body.push(r); }
      }
      const work = body.slice();
      while (work.length > 0) {
        const x = work.pop();
        for (const y of otherPreds[x]) {
          const r = uf.find(y);
          if (r !== w && this.isAncestor(w, r) && !inBody.has(r)) {
            inBody.add(r); body.push(r); work.push(r);
          }
        }
      }
      if (body.length > 0 || selfLoop[w]) {
        for (const x of body) { header[x] = w; uf.union(x, w); }
        loops.push({ header: w, size: body.length + 1 });
      }
    }
    // nesting depth of a block: how many loop headers enclose it
    let maxDepth = 0;
    for (let v = 0; v < n; v++) {
      let d = 0;
      for (let h = header[v]; h >= 0; h = header[h]) d++;
      if (d > maxDepth) maxDepth = d;
    }
    return { loops: loops, maxDepth: maxDepth };
  }
}

const graphs = Number(process.argv[2] || 20);
let blocks = 0, loopCount = 0, sizes = 0, deepest = 0;
for (let g = 0; g < graphs; g++) {
  const rng = new Rng(g * 7919 + 1);
  const cfg = new CFG();
  const entry = cfg.block();
  build(cfg, entry, 4, rng);
  const result = new LoopFinder(cfg).find();
  blocks += cfg.blocks.length;
  loopCount += result.loops.length;
  for (const l of result.loops) sizes += l.size;
  if (result.maxDepth > deepest) deepest = result.maxDepth;
}
console.log('blocks', blocks, 'loops', loopCount, 'body sizes', sizes, 'deepest', deepest);
