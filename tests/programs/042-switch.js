// switch with fall-through, default in the middle and strict matching.
function describe(n) {
  const out = [];
  switch (n) {
    case 1:
      out.push("one");
    case 2:
      out.push("two-or-fell");
      break;
    default:
      out.push("default");
    case 3:
      out.push("three");
      break;
    case "1":
      out.push("string one");
  }
  return out.join(",");
}
for (const v of [1, 2, 3, 4, "1", "2"]) console.log(v, describe(v));
function grade(score) {
  switch (true) {
    case score >= 90:
      return "A";
    case score >= 80:
      return "B";
    default:
      return "C";
  }
}
console.log(grade(95), grade(85), grade(10));
