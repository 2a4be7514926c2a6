// String building in hot loops: join vs +=, char scanning.
let s = "";
for (let i = 0; i < 2000; i++) s += String.fromCharCode(97 + (i % 26));
let vowels = 0;
for (let i = 0; i < s.length; i++) if ("aeiou".includes(s[i])) vowels++;
console.log(s.length, vowels, s.slice(0, 30));
const parts = [];
for (let i = 0; i < 500; i++) parts.push(i.toString(36));
const joined = parts.join("");
console.log(joined.length, joined.slice(-20));
let upper = "";
for (const ch of s.slice(0, 52)) upper += ch.toUpperCase();
console.log(upper);
