// == between objects and primitives goes through ToPrimitive.
const wrapped = { valueOf: () => 5 };
console.log(wrapped == 5, wrapped == "5", wrapped === 5);
console.log([5] == 5, ["5"] == 5, [[5]] == "5", [1, 2] == "1,2", [] == 0, [] == false, [0] == false);
console.log(null == false, undefined == false, NaN == false, "" == false, " " == 0);
console.log(new String("a") == "a", new String("a") === "a", new Number(1) == 1, typeof new Number(1));
