// ToPrimitive order: valueOf for numbers/default, toString for strings.
const tracer = name => ({
  valueOf() {
    console.log(name + ".valueOf");
    return 7;
  },
  toString() {
    console.log(name + ".toString");
    return "seven";
  },
});
console.log(tracer("a") + 1);
console.log(`${tracer("b")}`);
console.log(tracer("c") * 2);
console.log(String(tracer("d")));
console.log(tracer("e") > 5);
console.log([tracer("f")].join());
const onlyString = { toString: () => "42" };
console.log(onlyString * 2, onlyString + 1);
