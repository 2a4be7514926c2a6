// === and Object.is differ on NaN and signed zero.
console.log(NaN === NaN, Object.is(NaN, NaN), 0 === -0, Object.is(0, -0));
console.log([NaN].includes(NaN), [NaN].indexOf(NaN), [-0].includes(0), [0].indexOf(-0));
const a = [1], b = [1];
console.log(a === b, a === a, "s" === "s", null === null, undefined === undefined);
console.log(new Set([NaN, NaN, 0, -0]).size, new Map([[0, "z"]]).get(-0));
