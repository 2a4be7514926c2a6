// reduce for grouping, counting, max-by and pipelines.
const people = [
  { name: "ann", dept: "eng", salary: 120 }, { name: "bob", dept: "ops", salary: 90 },
  { name: "cy", dept: "eng", salary: 100 }, { name: "di", dept: "sales", salary: 95 },
  { name: "ed", dept: "ops", salary: 80 },
];
const byDept = people.reduce((acc, p) => {
  (acc[p.dept] ||= []).push(p.name);
  return acc;
}, {});
console.log(byDept);
const totals = people.reduce((m, p) => m.set(p.dept, (m.get(p.dept) || 0) + p.salary), new Map());
console.log(totals);
const top = people.reduce((best, p) => (p.salary > best.salary ? p : best));
console.log(top);
const pipeline = [x => x + 1, x => x * 2, x => x - 3];
console.log(pipeline.reduce((v, f) => f(v), 5));
