// process exists as an object; argv without user arguments.
console.log(typeof process, typeof process.argv, Array.isArray(process.argv));
console.log(process.argv.slice(2), process.argv.length);
console.log(typeof process.exit);
