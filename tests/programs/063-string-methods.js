// Common String.prototype methods.
const s = "  The Quick Brown Fox  ";
const t = s.trim();
console.log("[" + t + "]", "[" + s.trimStart() + "]", "[" + s.trimEnd() + "]");
console.log(t.toUpperCase(), t.toLowerCase(), t.length);
console.log(t.indexOf("Quick"), t.indexOf("quick"), t.lastIndexOf("o"), t.includes("Brown"));
console.log(t.startsWith("The"), t.endsWith("Fox"), t.startsWith("Quick", 4));
console.log(t.slice(4, 9), t.slice(-3), t.substring(9, 4), t.substr(4, 5));
console.log(t.split(" "), t.split(""), t.split(" ", 2), "a,b,,c".split(","));
console.log(t.replace("o", "0"), t.replaceAll("o", "0"), t.charAt(4), t.charCodeAt(4), t.at(-1));
console.log("abc".padStart(6, "-"), "abc".padEnd(6, "*"), "7".padStart(3, "0"), "ab".repeat(3));
console.log("a-b-c".split("-").reverse().join("+"), "Hello".concat(", ", "World"));
console.log(String.fromCharCode(72, 105), "ß".toUpperCase(), "İ".length, "😀".length, [..."😀"].length);
console.log("b".localeCompare("a"), "a".localeCompare("b"), "a".localeCompare("a"));
console.log("x".codePointAt(0), "😀".codePointAt(0), String.fromCodePoint(128512));
