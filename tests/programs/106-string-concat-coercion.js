// + with strings coerces the other operand with ToString / ToPrimitive.
console.log("n=" + 1.5, "b=" + true, "u=" + undefined, "nl=" + null);
console.log("a=" + [1, 2], "o=" + {}, "e=" + [], "nested=" + [[1, 2], [3]]);
console.log(1 + 2 + "3", "1" + 2 + 3, 1 + "2" - 1, "5" * "2" + "1");
console.log([] + [], [] + {}, ({}) + "", [1] + 1, [1, 2] + 1);
const obj = { valueOf() { return 42; }, toString() { return "str"; } };
console.log(obj + 1, `${obj}`, String(obj), obj * 2, obj + "");
const d = { toString() { return "custom"; } };
console.log("x" + d, [d, d].join());
console.log(-0 + "", 1e21 + "", 1e-7 + "", 0.1 * 3 + "");
