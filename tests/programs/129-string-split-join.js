// split/join edge cases: empty separators, limits, missing separators.
console.log("".split(","), "".split(""), "abc".split(), "abc".split(undefined));
console.log("a,b,c".split(",", 0), "a,b,c".split(",", 2), ",a,,b,".split(","));
console.log("one  two".split(" "), "x".split("x"), "aXbXc".split("X").join("Y"));
console.log([1, [2, 3], null, undefined, 4].join(), [].join(), [null].join(), [[]].join());
console.log(["a"].join(undefined), [1, 2].join(null));
