// Numbers inside containers (negative zero, exponents) and numeric-looking keys.
console.log([0, -0, 1e21, 1e-7, -1e-7, 0.1 + 0.2, 2 ** 53]);
console.log({ 1: "a", "-1": "b", 1.5: "c", 0: "d" });
console.log({ a: -0 }, [-0], -0, String(-0), `${-0}`, JSON.stringify(-0));
console.log([NaN, Infinity, -Infinity]);
const big = [];
for (let i = 0; i < 8; i++) big.push(1 / (i + 1));
console.log(big);
