// A fluent query builder returning `this` from each method.
class Query {
  constructor(rows) {
    this.rows = rows;
    this.ops = [];
  }
  where(pred) {
    this.ops.push(rows => rows.filter(pred));
    return this;
  }
  orderBy(key, dir = "asc") {
    this.ops.push(rows => [...rows].sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0) * (dir === "asc" ? 1 : -1)));
    return this;
  }
  select(...keys) {
    this.ops.push(rows => rows.map(r => Object.fromEntries(keys.map(k => [k, r[k]]))));
    return this;
  }
  limit(n) {
    this.ops.push(rows => rows.slice(0, n));
    return this;
  }
  run() {
    return this.ops.reduce((rows, op) => op(rows), this.rows);
  }
}
const rows = [
  { id: 1, city: "Oslo", pop: 700 }, { id: 2, city: "Bergen", pop: 285 }, { id: 3, city: "Tromsø", pop: 77 },
  { id: 4, city: "Stavanger", pop: 145 }, { id: 5, city: "Trondheim", pop: 212 },
];
console.log(new Query(rows).where(r => r.pop > 100).orderBy("pop", "desc").select("city", "pop").limit(3).run());
console.log(new Query(rows).orderBy("city").select("id").run());
