// Converting between strings and numbers.
console.log(Number("42"), Number("  3.5  "), Number(""), Number("abc"), Number("0x1f"));
console.log(Number(true), Number(false), Number(null), Number(undefined));
console.log(String(42), String(3.14), String(true), String(null), String(undefined));
console.log(parseInt("42px"), parseInt("  -17"), parseInt("abc"), parseInt("3.99"));
console.log(parseFloat("3.14abc"), parseFloat(".5"), parseFloat("-1e3"), parseFloat("x"));
console.log(+"", +" ", +"1e3", +"-Infinity", +"1_000");
console.log((255).toString(16), (255).toString(2), (-255).toString(36));
console.log((3.14159).toFixed(2), (0.5).toFixed(0), (1.5).toFixed(0), (2.5).toFixed(0), (1e21).toFixed(2));
console.log(Number.isInteger(5), Number.isInteger(5.5), Number.isInteger("5"));
console.log(isNaN("abc"), Number.isNaN("abc"), isFinite("12"), Number.isFinite("12"));
