// Found by the generator (seeds 101 and 103): V8's pow is not correctly rounded, the host's is.
console.log(0.5 ** 2.5, Math.pow(0.5, 2.5), 10 ** -4, 0.5 ** -2.5);
console.log({ x: 0.5 ** 2.5 });
console.log([1, 2, 3, 4, 5, 6, 7, 8].length ** { x: 2.5 }.x);
