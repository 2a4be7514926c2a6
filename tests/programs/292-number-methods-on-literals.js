// Calling methods on number literals and expressions.
console.log(5..toString(), 5 .toFixed(1), (5).toString(2), 5.5.toFixed(0), (-5).toString(16));
console.log(1e3.toString(), 0x10.toString(), (0.1 + 0.2).toFixed(10), (123.456).toPrecision(2));
console.log(Number.prototype.toString.call(255, 16), (255).toString(16).toUpperCase());
