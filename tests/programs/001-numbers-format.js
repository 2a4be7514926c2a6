// How Node prints numbers: integers, fractions, exponents, special values.
console.log(1, 2.5, -3, 0);
console.log(-0);
console.log(String(-0), (-0).toString(), "" + -0);
console.log([-0, 0]);
console.log(NaN, Infinity, -Infinity);
console.log(0.1 + 0.2);
console.log(1e21, 1e20, 123456789012345680000);
console.log(1e-7, 1e-6, 0.000001234);
console.log(2 ** 53, 2 ** 53 + 1);
console.log(1 / 3, 2 / 3, 10 / 4);
console.log(5e-324, 1.7976931348623157e308);
console.log(100, 1000000, 1e6, 1.5e10);
console.log(-1e21, -1e-7);
console.log(0 / 0, 1 / 0, -1 / 0, 1 / -0);
