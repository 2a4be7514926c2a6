// console.log with several arguments of mixed types.
console.log("a", 1, true, null, undefined);
console.log();
console.log("");
console.log("x", "", "y");
console.log(1, "1", [1], ["1"]);
console.log("nested", [1, "two", [3, ["four"]]]);
console.log("number then string", 3, "three");
let obj = { a: 1 };
console.log("obj", obj);
