// String algorithms: palindromes, anagrams, run-length encoding, caesar cipher.
const isPalindrome = s => {
  const t = s.toLowerCase().split("").filter(c => c >= "a" && c <= "z").join("");
  return t === [...t].reverse().join("");
};
console.log(isPalindrome("A man, a plan, a canal: Panama"), isPalindrome("hello"));
const sig = w => w.split("").sort().join("");
const words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"];
const groups = {};
for (const w of words) (groups[sig(w)] ||= []).push(w);
console.log(Object.values(groups));
function rle(s) {
  let out = "";
  for (let i = 0; i < s.length; ) {
    let j = i;
    while (j < s.length && s[j] === s[i]) j++;
    out += (j - i) + s[i];
    i = j;
  }
  return out;
}
console.log(rle("aaabccddddde"), rle(""));
const caesar = (s, k) =>
  s.replace(/* letters only */ "", "").split("").map(ch => {
    const c = ch.charCodeAt(0);
    if (c >= 97 && c <= 122) return String.fromCharCode(((c - 97 + k) % 26 + 26) % 26 + 97);
    return ch;
  }).join("");
console.log(caesar("hello, world", 3), caesar(caesar("round trip", 11), -11));
