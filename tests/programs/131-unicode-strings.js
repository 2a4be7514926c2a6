// Strings are UTF-16: length, indexing and iteration of astral characters.
const s = "a😀b";
console.log(s.length, s[1] === "\ud83d", s.charCodeAt(1), s.codePointAt(1), [...s].length);
console.log(s.split(""), [...s]);
console.log("é".length, "e\u0301".length, "é" === "e\u0301", "é".normalize("NFD").length);
console.log("ǅ".toLowerCase(), "straße".toUpperCase(), "ΣΑΣ".toLowerCase());
console.log("😀".slice(0, 1).length, JSON.stringify("😀".slice(0, 1)));
console.log(["ü", "u", "z", "a"].sort(), "\u00e9", "\x41", "\u{1F600}");
