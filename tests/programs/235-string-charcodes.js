// Character codes: building strings from codes and counting letter frequencies.
let alphabet = "";
for (let c = 97; c < 123; c++) alphabet += String.fromCharCode(c);
console.log(alphabet, alphabet.length);
const freq = new Array(26).fill(0);
for (const ch of "the quick brown fox jumps over the lazy dog") {
  const c = ch.charCodeAt(0) - 97;
  if (c >= 0 && c < 26) freq[c]++;
}
console.log(freq.join(""));
console.log("ABC".split("").map(c => c.charCodeAt(0) + 32).map(c => String.fromCharCode(c)).join(""));
console.log("a".charCodeAt(5), "".charAt(0) === "", "abc".codePointAt(10));
