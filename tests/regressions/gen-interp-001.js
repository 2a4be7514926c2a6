// Found by the generator (seed 101): V8's pow is not correctly rounded, the host's is.
console.log(0.5 ** 2.5, Math.pow(0.5, 2.5), 10 ** -4, 0.5 ** -2.5);
console.log({ x: 0.5 ** 2.5 });
