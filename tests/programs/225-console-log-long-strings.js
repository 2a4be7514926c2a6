// Long strings inside containers and string arrays that wrap.
const long = "x".repeat(100);
console.log([long]);
console.log({ long });
console.log(["a".repeat(20), "b".repeat(20), "c".repeat(20), "d".repeat(20)]);
const lines = "first line\nsecond line\nthird line";
console.log({ lines });
console.log([lines]);
const words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor".split(" ");
console.log(words);
