// An exit code Node rejects, uncaught: Node's error line and exit status 1 (not an exit with
// a converted code), and the output before it intact.
console.log('before');
process.exit(NaN);
