// A FIFO queue built on two stacks, used for breadth-first search on a grid.
class Queue {
  constructor() {
    this.inbox = [];
    this.outbox = [];
  }
  push(x) {
    this.inbox.push(x);
  }
  shift() {
    if (!this.outbox.length) while (this.inbox.length) this.outbox.push(this.inbox.pop());
    return this.outbox.pop();
  }
  get length() {
    return this.inbox.length + this.outbox.length;
  }
}
const maze = [
  "S.#.....",
  ".##.###.",
  "....#...",
  ".##...#E",
];
function bfs() {
  const H = maze.length, W = maze[0].length;
  const dist = maze.map(r => r.split("").map(() => -1));
  const q = new Queue();
  q.push([0, 0]);
  dist[0][0] = 0;
  while (q.length) {
    const [r, c] = q.shift();
    if (maze[r][c] === "E") return dist[r][c];
    for (const [dr, dc] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
      const nr = r + dr, nc = c + dc;
      if (nr >= 0 && nr < H && nc >= 0 && nc < W && maze[nr][nc] !== "#" && dist[nr][nc] < 0) {
        dist[nr][nc] = dist[r][c] + 1;
        q.push([nr, nc]);
      }
    }
  }
  return -1;
}
console.log("shortest path", bfs());
