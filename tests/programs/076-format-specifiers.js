// console.log format specifiers: %s %d %i %f %j %o %O %%.
console.log("%s is %d years", "Ann", 42);
console.log("%d + %i = %f", 1.5, 2.7, 4.2);
console.log("%s", { a: 1 }, "extra", 3);
console.log("%o", { a: [1, 2] });
console.log("%O", { a: { b: { c: {} } } });
console.log("%j", { a: 1 });
console.log("100%% sure", "%s");
console.log("%s %s", "only one");
console.log("%d", "abc", "%d", "12");
console.log("no specifiers", "%s");
console.log("%c styled", "color: red");
console.log(5, "%s", "x");
console.log("%s", null, undefined, -0, [1, "a"]);
