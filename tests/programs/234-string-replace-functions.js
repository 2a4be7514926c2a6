// replace / replaceAll with string patterns, special $ patterns and callbacks.
const s = "cat bat cat hat";
console.log(s.replace("cat", "dog"), s.replaceAll("cat", "dog"));
console.log(s.replace("bat", "[$&]"), s.replace("bat", "$$"), s.replace("bat", "<$`>"), s.replace("bat", "<$'>"));
console.log(s.replace("cat", (m, off) => m.toUpperCase() + off));
console.log(s.replaceAll("at", m => m.length));
console.log("aaa".replace("", "-"), "aaa".replaceAll("", "-"));
