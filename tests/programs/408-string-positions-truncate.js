// charAt, charCodeAt, codePointAt and at truncate their position (NaN is 0), as V8 does.
const s = "héllo!";
for (const i of [undefined, NaN, -0.5, 0.9, 1.5, 2.9, 5.5, 6.2, -1, -1.5, 7, Infinity, -Infinity, "1", true]) {
  console.log(String(i), JSON.stringify([s.charAt(i), s.charCodeAt(i), s.codePointAt(i), s.at(i)]));
}
console.log("abc".charAt(-0.5) + "abc".charAt(2.9), "abc".charCodeAt(1.5), "abc"[1.5], "abc"[1]);
