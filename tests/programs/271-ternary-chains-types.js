// Functions returning different types depending on input (polymorphic sites).
function parseValue(s) {
  if (s === "true" || s === "false") return s === "true";
  if (s === "null") return null;
  if (s !== "" && !isNaN(s)) return Number(s);
  if (s.startsWith("[")) return s.slice(1, -1).split(",").filter(Boolean).map(parseValue);
  return s;
}
const inputs = ["42", "true", "null", "hello", "", "3.5e2", "[1,2,x]", "[]", "false"];
for (const s of inputs) {
  const v = parseValue(s);
  console.log(JSON.stringify(s), typeof v, v);
}
