// ?. and ?? on nested data with missing parts.
const users = [
  { name: "ann", address: { city: "Oslo", zip: "0150" }, tags: ["a", "b"] },
  { name: "bob", address: null },
  { name: "cy" },
];
for (const u of users) {
  console.log(u.name, u.address?.city, u.address?.zip ?? "no zip", u.tags?.[0], u.tags?.length ?? 0);
}
const obj = { greet() { return "hi"; } };
console.log(obj.greet?.(), obj.missing?.(), obj?.greet());
const nothing = null;
console.log(nothing?.a.b.c, nothing ?? "fallback");
console.log(0 ?? 1, "" ?? "x", false ?? true, undefined ?? null ?? "last");
