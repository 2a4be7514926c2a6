// Topological sorting of a dependency graph with cycle detection.
function topo(graph) {
  const state = {};
  const order = [];
  function visit(n, path) {
    if (state[n] === "done") return;
    if (state[n] === "active") throw new Error("cycle: " + [...path, n].join(" -> "));
    state[n] = "active";
    for (const d of graph[n] || []) visit(d, [...path, n]);
    state[n] = "done";
    order.push(n);
  }
  for (const n of Object.keys(graph)) visit(n, []);
  return order;
}
const deps = { app: ["ui", "core"], ui: ["core", "icons"], core: ["util"], icons: [], util: [] };
console.log(topo(deps));
try {
  topo({ a: ["b"], b: ["c"], c: ["a"] });
} catch (e) {
  console.log(e.message);
}
