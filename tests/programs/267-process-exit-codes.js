// args: 5
// The exit status comes from the first argument.
const code = Number(process.argv[2]);
console.log("will exit with", code);
process.exit(code);
