// args: alpha 42 --flag
// process.argv: node path, script path, then the user's arguments.
const args = process.argv.slice(2);
console.log(args, args.length);
console.log(process.argv.length);
const n = Number(args[1]);
console.log(n * 2, args.includes("--flag"));
console.log(typeof process.argv[0], process.argv[1].endsWith("085-process-argv.js"));
