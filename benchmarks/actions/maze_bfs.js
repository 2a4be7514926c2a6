// Shortest path through a grid maze ('#' walls, 'S' start, 'E' exit) by breadth-first search.
function main(params) {
  const rows = params.maze || [];
  const h = rows.length;
  const w = h > 0 ? rows[0].length : 0;
  let start = -1;
  let end = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (rows[y][x] === 'S') start = y * w + x;
      if (rows[y][x] === 'E') end = y * w + x;
    }
  }
  if (start < 0 || end < 0) return { error: 'maze needs an S and an E' };
  const prev = new Array(w * h).fill(-2);
  prev[start] = -1;
  const queue = [start];
  let head = 0;
  const dx = [1, -1, 0, 0];
  const dy = [0, 0, 1, -1];
  while (head < queue.length) {
    const cur = queue[head++];
    if (cur === end) break;
    const cx = cur % w;
    const cy = Math.floor(cur / w);
    for (let d = 0; d < 4; d++) {
      const nx = cx + dx[d];
      const ny = cy + dy[d];
      if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
      const next = ny * w + nx;
      if (rows[ny][nx] === '#' || prev[next] !== -2) continue;
      prev[next] = cur;
      queue.push(next);
    }
  }
  if (prev[end] === -2) return { reachable: false, explored: queue.length };
  const path = [];
  for (let at = end; at !== -1; at = prev[at]) path.push([at % w, Math.floor(at / w)]);
  path.reverse();
  return { reachable: true, steps: path.length - 1, path: path, explored: queue.length };
}
