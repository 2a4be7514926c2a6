// A serverless action with a small router over method and path.
const routes = {
  "GET /items": (p) => ({ items: ["a", "b", "c"].slice(0, p.limit ?? 3) }),
  "GET /items/:id": (p, id) => (id > 0 && id < 4 ? { id: +id, name: "item" + id } : null),
  "POST /items": (p) => ({ created: p.body?.name ?? "unnamed" }),
};
function main(params) {
  const method = params.__ow_method?.toUpperCase() ?? "GET";
  const path = params.__ow_path ?? "/";
  for (const [key, handler] of Object.entries(routes)) {
    const [m, pattern] = key.split(" ");
    if (m !== method) continue;
    const pp = pattern.split("/"), ap = path.split("/");
    if (pp.length !== ap.length) continue;
    const vars = [];
    if (pp.every((seg, i) => (seg.startsWith(":") ? vars.push(ap[i]) : seg === ap[i]))) {
      const body = handler(params, ...vars);
      return body ? { statusCode: 200, body } : { statusCode: 404, body: { error: "not found" } };
    }
  }
  return { statusCode: 405, body: { error: `${method} ${path} not allowed` } };
}
const reqs = [
  { __ow_method: "get", __ow_path: "/items", limit: 2 },
  { __ow_method: "get", __ow_path: "/items/2" },
  { __ow_method: "get", __ow_path: "/items/9" },
  { __ow_method: "post", __ow_path: "/items", body: { name: "new" } },
  { __ow_method: "delete", __ow_path: "/items/1" },
];
for (const r of reqs) console.log(JSON.stringify(main(r)));
