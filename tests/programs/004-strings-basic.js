// String concatenation, length and comparison.
let greeting = "Hello";
let name = 'World';
let s = greeting + ", " + name + "!";
console.log(s);
console.log(s.length, "".length);
console.log("a" < "b", "B" < "a", "abc" < "abd", "abc" < "ab", "10" < "9");
console.log("x" + 1 + 2, 1 + 2 + "x", "3" * "4", "10" - 3);
console.log("abc" === "abc", "abc" == "abc", "a" + "bc" === "abc");
let built = "";
for (let i = 0; i < 5; i++) {
  built += i;
}
console.log(built, built.length);
console.log("quote: \"inner\" and 'single'");
console.log("tab\tnewline\\n");
console.log("multi\nline");
