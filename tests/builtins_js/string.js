const show = (label, v) => console.log(label, typeof v === "string" ? JSON.stringify(v) : Object.is(v, -0) ? "-0" : Array.isArray(v) ? JSON.stringify(v) : String(v));
const s = "Hello, World";
show("charAt", s.charAt(4) + s.charAt(-1) + s.charAt(100) + s.charAt(1.7) + s.charAt());
show("charCodeAt", [s.charCodeAt(0), s.charCodeAt(100), s.charCodeAt(-1), s.charCodeAt(), s.charCodeAt("3"), s.charCodeAt(NaN)].join(" "));
show("codePointAt", ["a\u{1F600}b".codePointAt(1), "a\u{1F600}b".codePointAt(2), "x".codePointAt(5), "\ud800".codePointAt(0)].join(" "));
show("at", [s.at(0), s.at(-1), s.at(-100), s.at(100), s.at(1.5)].join("|"));
show("indexOf", [s.indexOf("o"), s.indexOf("o", 5), s.indexOf("zz"), s.indexOf(""), s.indexOf("", 100), s.indexOf("H", -5), s.indexOf("l", NaN)].join(" "));
show("lastIndexOf", [s.lastIndexOf("o"), s.lastIndexOf("o", 5), s.lastIndexOf("o", 4), s.lastIndexOf(""), s.lastIndexOf("", 3), s.lastIndexOf("H", -5), s.lastIndexOf("l", NaN), "aaa".lastIndexOf("a", 0)].join(" "));
show("includes", [s.includes("World"), s.includes("world"), s.includes("H", 1), s.includes("")].join(" "));
show("startsWith", [s.startsWith("Hell"), s.startsWith("World", 7), s.startsWith("x"), s.startsWith("", 99)].join(" "));
show("endsWith", [s.endsWith("World"), s.endsWith("Hello", 5), s.endsWith("o", 100), s.endsWith("H", -3)].join(" "));
show("slice", [s.slice(7), s.slice(-5), s.slice(2, -2), s.slice(5, 2), s.slice(), s.slice(-100, 3), s.slice(NaN, 4)].join("|"));
show("substring", [s.substring(7), s.substring(5, 2), s.substring(-3, 4), s.substring(2, NaN), s.substring(100)].join("|"));
show("substr", [s.substr(7), s.substr(-5, 3), s.substr(2, 0), s.substr(2, -1), s.substr(1, 100)].join("|"));
show("split1", "a,b,,c".split(","));
show("split2", "a,b,,c".split(",", 2));
show("split3", "abc".split(""));
show("split4", "".split(","));
show("split5", "".split(""));
show("split6", "abc".split());
show("split7", "a\u{1F600}b".split("").length);
show("split8", "a1b1c".split(1));
show("split9", "a--b--c".split("--", 0));
show("split10", "abc".split(undefined, 0));
show("trim", ["  x y  ".trim(), "\t\n\u00a0\ufeffx\u2028".trim(), "  a ".trimStart(), "  a ".trimEnd(), "\u0085x\u0085".trim().length].join("|"));
show("case", ["aBc".toUpperCase(), "ÀÉ".toLowerCase(), "straße".toUpperCase(), "İ".toLowerCase().length].join("|"));
show("pad", ["5".padStart(3, "0"), "abc".padStart(10, "123"), "abc".padEnd(6), "abc".padStart(2), "x".padEnd(5, ""), "7".padStart(4.9, "ab"), "x".padStart(-1)].join("|"));
show("repeat", ["ab".repeat(3), "x".repeat(0), "".repeat(5), "q".repeat(2.7)].join("|"));
try { "a".repeat(-1) } catch (e) { console.log(e.name, e.message) }
try { "a".repeat(Infinity) } catch (e) { console.log(e.name, e.message) }
show("replace", ["aXbXc".replace("X", "-"), "aXbXc".replace("X", "[$&]"), "abc".replace("b", "$`|$'"), "abc".replace("b", "$$"), "abc".replace("b", "$1$0$<n>"), "abc".replace("", "_"), "abc".replace("z", "_"), "abab".replace("b", (m, i, str) => m.toUpperCase() + i + str.length)].join(" "));
show("replaceAll", ["aXbXc".replaceAll("X", "-"), "aaa".replaceAll("a", "$&$&"), "abc".replaceAll("", "_"), "xyx".replaceAll("x", (m, i) => i), "aaaa".replaceAll("aa", "b"), "a.b.c".replaceAll(".", "$'")].join(" "));
show("concat", "a".concat(1, null, undefined, [2, 3], {}));
show("localeCompare", ["a".localeCompare("b"), "b".localeCompare("a"), "a".localeCompare("a"), "a".localeCompare("A"), "Z".localeCompare("a"), "résumé".localeCompare("resume"), "10".localeCompare("9")].join(" "));
show("sorted", ["banana", "Apple", "cherry", "apple", "Banana", "_x", "10", "9"].sort((a, b) => a.localeCompare(b)));
show("toString", ["abc".toString(), "abc".valueOf(), String.prototype.toString.call("q")].join("|"));
show("iter", [..."a\u{1F600}b"].length);
const chars = []; for (const c of "h\u{1F600}i") chars.push(c.length); show("forof", chars);
show("String()", [String(1), String(-0), String(null), String(undefined), String(true), String([1, [2, 3]]), String({}), String(Symbol("q")), String(1e21), String(0.1 + 0.2), String()].join("|"));
show("fromCharCode", String.fromCharCode(72, 105, 65536 + 33, "50", 0xD83D, 0xDE00));
show("fromCodePoint", String.fromCodePoint(72, 0x1F600, 105));
try { String.fromCodePoint(1.5) } catch (e) { console.log(e.name, e.message) }
try { String.fromCodePoint(0x110000) } catch (e) { console.log(e.name, e.message) }
show("raw", String.raw({raw: ["a\\n", "b", "c"]}, 1, 2, 3) + String.raw({raw: "xyz"}, "-", "+"));
show("length", ["abc".length, "\u{1F600}".length, "".length].join(" "));
show("index", ["abc"[1], "abc"[5]].join("|"));
try { String.prototype.trim.call(null) } catch (e) { console.log(e.name, e.message) }
try { String.prototype.at.call(undefined) } catch (e) { console.log(e.name, e.message) }
show("numthis", String.prototype.slice.call(12345, 1, 3));
show("chain", " Mixed Case ".trim().toLowerCase().split(" ").map(w => w[0].toUpperCase() + w.slice(1)).join(""));
console.log("the rain in spain".search("ain"), "abc".search("z"), "abc".search(), "abc".search(""), "a1b".search(1));
