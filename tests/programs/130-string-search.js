// indexOf/lastIndexOf/includes with positions, and counting occurrences.
const s = "the rain in spain stays mainly in the plain";
console.log(s.indexOf("ain"), s.indexOf("ain", 6), s.lastIndexOf("ain"), s.lastIndexOf("ain", 20));
console.log(s.indexOf(""), s.indexOf("", 100), s.includes("SPAIN"), s.toUpperCase().includes("SPAIN"));
function countOf(hay, needle) {
  let n = 0;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) n++;
  return n;
}
console.log(countOf(s, "ain"), countOf(s, "in"), countOf("aaaa", "aa"));
console.log(s.search ? "search exists" : "", s.at(0), s.at(-5), s.slice(-5, -1));
